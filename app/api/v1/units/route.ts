// GET /api/v1/units – the whole unit tree.
import { unitsEndpoint } from "@/lib/api/endpoints";
import { apiGet, readOnly } from "@/lib/api/route";

export const GET = apiGet(unitsEndpoint);
export { readOnly as POST, readOnly as PUT, readOnly as PATCH, readOnly as DELETE };
