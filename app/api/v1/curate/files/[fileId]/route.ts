// PUT /api/v1/curate/files/{fileId}?name={fileName} — new content for a file (same id and URL).
// The body is the file's bytes. See lib/curate/files/upload.ts.
import { connection } from "next/server";
import { guardedRoute } from "@/lib/auth/guard";
import { canManageFiles } from "@/lib/auth/permissions";
import { fileRouteDeps, itemOfFileForRequest } from "@/lib/curate/files/route-deps";
import { handleReplace, parseId } from "@/lib/curate/files/upload";
import { problem } from "@/lib/api/problem";

type Context = { params: Promise<{ fileId: string }> };

export const PUT = guardedRoute<Context>(
  async (user, { context }) => {
    const item = await itemOfFileForRequest(parseId((await context.params).fileId));
    return item === null || canManageFiles(user, item);
  },
  async (request, context, user) => {
    await connection();
    const fileId = parseId((await context.params).fileId);
    const item = await itemOfFileForRequest(fileId);
    if (fileId === null || item === null) return problem(404, "Not found", "There is no such file.");
    const deps = await fileRouteDeps(user.id);
    const response = await handleReplace(request, fileId, deps);
    if (response.ok) await deps.invalidateItem(item.handle);
    return response;
  },
);
