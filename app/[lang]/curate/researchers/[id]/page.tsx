// /curate/researchers/{id} — edit a researcher profile: names, position and units, contact with
// its visibility, identifiers, biography, interests, links; the photo; the recent history.
import { recordEditPage } from "@/components/curate/record-pages";
import { loadCurrentResearcherAction, saveResearcherAction } from "../actions";

const page = recordEditPage("researcher", { save: saveResearcherAction, loadCurrent: loadCurrentResearcherAction });
export const generateStaticParams = page.generateStaticParams;
export const generateMetadata = page.generateMetadata;
export default page.Page;
