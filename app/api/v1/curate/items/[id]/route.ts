// GET/PUT/PATCH /api/v1/curate/items/{id} – read an item for editing, replace or change its fields (If-Match required)
import { apiWrite } from "@/lib/api/route";
import { getEditableItemEndpoint, updateItemEndpoint } from "@/lib/api/item-writes";

export const GET = apiWrite((params) => getEditableItemEndpoint(params));
export const PUT = apiWrite((params) => updateItemEndpoint(params, "replace"));
export const PATCH = apiWrite((params) => updateItemEndpoint(params, "merge"));
