// /curate/units/{id}/history — every recorded change of the unit, with a before/after diff, and
// restoring an earlier version (saved as a new version).
import { recordHistoryPage } from "@/components/curate/record-pages";
import { restoreUnitVersionAction } from "../../actions";

const page = recordHistoryPage("unit", restoreUnitVersionAction);
export const generateStaticParams = page.generateStaticParams;
export const generateMetadata = page.generateMetadata;
export default page.Page;
