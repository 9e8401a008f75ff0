// POST /api/v1/curate/files?item={itemId}&name={fileName} — attach a new file to an item. The body
// is the file's bytes. Curators of the item's unit (and administrators) only. See
// lib/curate/files/upload.ts.
import { connection } from "next/server";
import { guardedRoute } from "@/lib/auth/guard";
import { canManageFiles } from "@/lib/auth/permissions";
import { fileRouteDeps, itemForRequest } from "@/lib/curate/files/route-deps";
import { handleUpload, parseId } from "@/lib/curate/files/upload";
import { problem } from "@/lib/api/problem";

export const POST = guardedRoute<unknown>(
  async (user, { request }) => {
    const item = await itemForRequest(parseId(new URL(request.url).searchParams.get("item")));
    // An unknown item is answered with 404 by the handler (after the sign-in check).
    return item === null || canManageFiles(user, item);
  },
  async (request, _context, user) => {
    await connection();
    const itemId = parseId(new URL(request.url).searchParams.get("item"));
    const item = await itemForRequest(itemId);
    if (itemId === null || item === null) return problem(404, "Not found", "There is no such item.");
    const deps = await fileRouteDeps(user.id);
    const response = await handleUpload(request, itemId, deps);
    if (response.ok) await deps.invalidateItem(item.handle);
    return response;
  },
);
