// /curate/researchers/{id}/history — every recorded change of the researcher, with a before/after diff, and
// restoring an earlier version (saved as a new version).
import { recordHistoryPage } from "@/components/curate/record-pages";
import { restoreResearcherVersionAction } from "../../actions";

const page = recordHistoryPage("researcher", restoreResearcherVersionAction);
export const generateStaticParams = page.generateStaticParams;
export const generateMetadata = page.generateMetadata;
export default page.Page;
