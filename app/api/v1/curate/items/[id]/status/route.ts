// POST /api/v1/curate/items/{id}/status – move an item along the workflow (If-Match required)
import { apiWrite } from "@/lib/api/route";
import { changeStatusEndpoint } from "@/lib/api/item-writes";

export const POST = apiWrite((params) => changeStatusEndpoint(params));
