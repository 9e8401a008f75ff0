// GET /api/v1/handle/{prefix}/{n} – one item by its handle (410 with a tombstone when withdrawn).
import { itemByHandleEndpoint } from "@/lib/api/endpoints";
import { apiGet, readOnly } from "@/lib/api/route";

export const GET = apiGet(itemByHandleEndpoint, true);
export { readOnly as POST, readOnly as PUT, readOnly as PATCH, readOnly as DELETE };
