// /curate/units/{id} — edit a unit: names in both languages, description, slug, and its place in
// the tree (a new parent; the unit's own subtree is not offered and is refused by the server).
import { recordEditPage } from "@/components/curate/record-pages";
import { loadCurrentUnitAction, saveUnitAction } from "../actions";

const page = recordEditPage("unit", { save: saveUnitAction, loadCurrent: loadCurrentUnitAction });
export const generateStaticParams = page.generateStaticParams;
export const generateMetadata = page.generateMetadata;
export default page.Page;
