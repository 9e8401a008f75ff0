// GET /api/v1/researchers – every researcher, a page at a time.
import { researchersEndpoint } from "@/lib/api/endpoints";
import { apiGet, readOnly } from "@/lib/api/route";

export const GET = apiGet(researchersEndpoint);
export { readOnly as POST, readOnly as PUT, readOnly as PATCH, readOnly as DELETE };
