// GET /api/v1/items/{id} – one item by its numeric id (410 with a tombstone when withdrawn).
import { itemByIdEndpoint } from "@/lib/api/endpoints";
import { apiGet, readOnly } from "@/lib/api/route";

export const GET = apiGet(itemByIdEndpoint, true);
export { readOnly as POST, readOnly as PUT, readOnly as PATCH, readOnly as DELETE };
