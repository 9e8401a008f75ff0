// POST /api/v1/curate/units – create a unit (API token or same-site session; curators of the parent unit, administrators for a top-level one)
import { apiWrite } from "@/lib/api/route";
import { UNITS, createRecordEndpoint } from "@/lib/api/record-writes";

export const POST = apiWrite(() => createRecordEndpoint(UNITS));
