// GET /api/v1/items – published items, a page at a time (cursor, limit, type, year).
import { itemsEndpoint } from "@/lib/api/endpoints";
import { apiGet, readOnly } from "@/lib/api/route";

export const GET = apiGet(itemsEndpoint);
export { readOnly as POST, readOnly as PUT, readOnly as PATCH, readOnly as DELETE };
