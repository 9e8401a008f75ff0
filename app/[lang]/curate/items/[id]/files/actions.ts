"use server";
// The files screen's changes other than uploads (those stream to /api/v1/curate/files): describe,
// set access, reorder, delete. Each is a guardedAction: the session and canManageFiles on the
// file's item are checked on the server; lib/curate/files writes the audit entry.
import { z } from "zod";
import { ActionRefusal, guardedAction } from "@/lib/auth/guard";
import { canManageFiles } from "@/lib/auth/permissions";
import { FileRefusal } from "@/lib/curate/files/files";
import { fileWrites, invalidateItemFiles, itemOfFileForRequest } from "@/lib/curate/files/route-deps";

const ZId = z.coerce.number().int().positive().max(2 ** 31 - 1);

async function allowFile(user: Parameters<typeof canManageFiles>[0], input: { fileId: number }): Promise<boolean> {
  const item = await itemOfFileForRequest(input.fileId);
  // A file that is gone: let run() answer "not found" to those who could have managed it.
  return item === null ? true : canManageFiles(user, item);
}

async function afterChange(fileId: number | null, handle?: string) {
  const item = handle ? { handle } : fileId ? await itemOfFileForRequest(fileId) : null;
  if (item) invalidateItemFiles(item.handle);
}

function translate(err: unknown): never {
  if (err instanceof FileRefusal) throw new ActionRefusal(err.code === "invalid" ? "embargoDate" : err.code, err.status === 404 ? 422 : 422);
  throw err;
}

export const updateFileAction = guardedAction({
  schema: z.object({
    fileId: ZId,
    description: z.string().max(2000).optional(),
    access: z.enum(["OPEN", "EMBARGOED", "RESTRICTED"]),
    embargoUntil: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || /^\d{4}-\d{2}-\d{2}$/.test(v), { message: "embargoDate" }),
  }),
  allow: allowFile,
  run: async (input, user) => {
    await fileWrites.update({
      fileId: input.fileId,
      changes: { description: input.description ?? null, access: input.access, embargoUntil: input.embargoUntil },
      userId: user.id,
    }).catch(translate);
    await afterChange(input.fileId);
    return { fileId: input.fileId };
  },
});

export const moveFileAction = guardedAction({
  schema: z.object({ fileId: ZId, direction: z.enum(["up", "down"]) }),
  allow: allowFile,
  run: async (input, user) => {
    await fileWrites.move({ fileId: input.fileId, direction: input.direction, userId: user.id }).catch(translate);
    await afterChange(input.fileId);
    return { fileId: input.fileId };
  },
});

export const deleteFileAction = guardedAction({
  schema: z.object({ fileId: ZId }),
  allow: allowFile,
  run: async (input, user) => {
    const item = await itemOfFileForRequest(input.fileId);
    const removed = await fileWrites.delete({ fileId: input.fileId, userId: user.id }).catch(translate);
    await afterChange(null, item?.handle);
    return { name: removed.fileName };
  },
});
