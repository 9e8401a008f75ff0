// POST /api/v1/curate/items – create a draft item (API token or same-site session; curators of the collection's unit)
import { apiWrite } from "@/lib/api/route";
import { createItemEndpoint } from "@/lib/api/item-writes";

export const POST = apiWrite(() => createItemEndpoint);
