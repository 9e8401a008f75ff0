// POST /api/v1/curate/researchers – create a researcher (API token or same-site session; curators of the profile's units)
import { apiWrite } from "@/lib/api/route";
import { RESEARCHERS, createRecordEndpoint } from "@/lib/api/record-writes";

export const POST = apiWrite(() => createRecordEndpoint(RESEARCHERS));
