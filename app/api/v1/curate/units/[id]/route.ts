// GET/PUT/PATCH /api/v1/curate/units/{id} – read a unit for editing, replace or change its fields (If-Match required)
import { apiWrite } from "@/lib/api/route";
import { UNITS, getEditableRecordEndpoint, updateRecordEndpoint } from "@/lib/api/record-writes";

export const GET = apiWrite((params) => getEditableRecordEndpoint(UNITS, params));
export const PUT = apiWrite((params) => updateRecordEndpoint(UNITS, params, "replace"));
export const PATCH = apiWrite((params) => updateRecordEndpoint(UNITS, params, "merge"));
