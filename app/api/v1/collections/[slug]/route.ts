// GET /api/v1/collections/{slug} – a collection with its published items, a page at a time.
import { collectionEndpoint } from "@/lib/api/endpoints";
import { apiGet, readOnly } from "@/lib/api/route";

export const GET = apiGet(collectionEndpoint, true);
export { readOnly as POST, readOnly as PUT, readOnly as PATCH, readOnly as DELETE };
