// POST /api/v1/curate/collections – create a collection (API token or same-site session; curators of the collection's unit)
import { apiWrite } from "@/lib/api/route";
import { COLLECTIONS, createRecordEndpoint } from "@/lib/api/record-writes";

export const POST = apiWrite(() => createRecordEndpoint(COLLECTIONS));
