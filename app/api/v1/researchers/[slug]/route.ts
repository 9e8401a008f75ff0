// GET /api/v1/researchers/{slug} – a researcher's profile with their publications, a page at a time.
import { researcherEndpoint } from "@/lib/api/endpoints";
import { apiGet, readOnly } from "@/lib/api/route";

export const GET = apiGet(researcherEndpoint, true);
export { readOnly as POST, readOnly as PUT, readOnly as PATCH, readOnly as DELETE };
