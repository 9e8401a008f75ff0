// GET /api/v1/units/{slug} – one unit with its sub-units and collections.
import { unitEndpoint } from "@/lib/api/endpoints";
import { apiGet, readOnly } from "@/lib/api/route";

export const GET = apiGet(unitEndpoint, true);
export { readOnly as POST, readOnly as PUT, readOnly as PATCH, readOnly as DELETE };
