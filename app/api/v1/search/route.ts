// GET /api/v1/search – full-text search with filters, as on the search page.
import { searchEndpoint } from "@/lib/api/endpoints";
import { apiGet, readOnly } from "@/lib/api/route";

export const GET = apiGet(searchEndpoint);
export { readOnly as POST, readOnly as PUT, readOnly as PATCH, readOnly as DELETE };
