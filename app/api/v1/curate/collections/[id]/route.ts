// GET/PUT/PATCH /api/v1/curate/collections/{id} – read a collection for editing, replace or change its fields (If-Match required)
import { apiWrite } from "@/lib/api/route";
import { COLLECTIONS, getEditableRecordEndpoint, updateRecordEndpoint } from "@/lib/api/record-writes";

export const GET = apiWrite((params) => getEditableRecordEndpoint(COLLECTIONS, params));
export const PUT = apiWrite((params) => updateRecordEndpoint(COLLECTIONS, params, "replace"));
export const PATCH = apiWrite((params) => updateRecordEndpoint(COLLECTIONS, params, "merge"));
