// /curate/collections/{id}/history — every recorded change of the collection, with a before/after diff, and
// restoring an earlier version (saved as a new version).
import { recordHistoryPage } from "@/components/curate/record-pages";
import { restoreCollectionVersionAction } from "../../actions";

const page = recordHistoryPage("collection", restoreCollectionVersionAction);
export const generateStaticParams = page.generateStaticParams;
export const generateMetadata = page.generateMetadata;
export default page.Page;
