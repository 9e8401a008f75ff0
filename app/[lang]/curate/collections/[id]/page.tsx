// /curate/collections/{id} — edit a collection: names in both languages, description, slug, and
// its unit (moving it there needs rights on the old and the new unit).
import { recordEditPage } from "@/components/curate/record-pages";
import { loadCurrentCollectionAction, saveCollectionAction } from "../actions";

const page = recordEditPage("collection", { save: saveCollectionAction, loadCurrent: loadCurrentCollectionAction });
export const generateStaticParams = page.generateStaticParams;
export const generateMetadata = page.generateMetadata;
export default page.Page;
