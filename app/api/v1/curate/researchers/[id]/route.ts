// GET/PUT/PATCH /api/v1/curate/researchers/{id} – read a researcher for editing, replace or change its fields (If-Match required)
import { apiWrite } from "@/lib/api/route";
import { RESEARCHERS, getEditableRecordEndpoint, updateRecordEndpoint } from "@/lib/api/record-writes";

export const GET = apiWrite((params) => getEditableRecordEndpoint(RESEARCHERS, params));
export const PUT = apiWrite((params) => updateRecordEndpoint(RESEARCHERS, params, "replace"));
export const PATCH = apiWrite((params) => updateRecordEndpoint(RESEARCHERS, params, "merge"));
