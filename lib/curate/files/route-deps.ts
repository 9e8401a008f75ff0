// The real database, storage, limit and cache for the upload routes and the files page's actions.
import "server-only";
import { invalidate, cacheTags } from "../../cache";
import { getSql } from "../../db";
import { env } from "../../env";
import { getStorage } from "../../storage";
import { deleteFile, itemIdOfFile, listFiles, loadFileItem, moveFile, updateFile, type CurateFile, type FileItem } from "./files";

export async function itemForRequest(itemId: number | null): Promise<FileItem | null> {
  if (itemId === null) return null;
  return loadFileItem(await getSql(), itemId);
}

export async function itemOfFileForRequest(fileId: number | null): Promise<FileItem | null> {
  if (fileId === null) return null;
  const sql = await getSql();
  const itemId = await itemIdOfFile(sql, fileId);
  return itemId === null ? null : loadFileItem(sql, itemId);
}

/** After a change: the item's public page, and lists that show file badges or counts. */
export function invalidateItemFiles(handle: string): void {
  invalidate(cacheTags.item(handle), cacheTags.site);
}

const SWEEP_EVERY_MS = 60 * 60 * 1000;
const STAGING_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const sweepState = globalThis as unknown as { atriumLastStagingSweep?: number };

/** At most hourly, in the background: staging files a crash left behind over a day ago. */
function sweepStagingNow(): void {
  const now = Date.now();
  if (sweepState.atriumLastStagingSweep && now - sweepState.atriumLastStagingSweep < SWEEP_EVERY_MS) return;
  sweepState.atriumLastStagingSweep = now;
  getStorage()
    .sweepStaging(STAGING_MAX_AGE_MS)
    .then((n) => {
      if (n) console.log(`[curate/files] removed ${n} abandoned upload(s) from staging`);
    })
    .catch((err) => console.error("[curate/files] staging sweep failed", err));
}

export async function fileRouteDeps(userId: number) {
  sweepStagingNow();
  return {
    sql: await getSql(),
    storage: getStorage(),
    maxBytes: env().MAX_UPLOAD_BYTES,
    userId,
    invalidateItem: async (handle: string) => invalidateItemFiles(handle),
  };
}

/** What the files screen shows: the item, its files (with download counts) and the upload limit. */
export async function getFilesScreen(itemId: number | null): Promise<{ item: FileItem; files: CurateFile[]; maxBytes: number } | null> {
  if (itemId === null) return null;
  const sql = await getSql();
  const item = await loadFileItem(sql, itemId);
  if (!item) return null;
  return { item, files: await listFiles(sql, itemId), maxBytes: env().MAX_UPLOAD_BYTES };
}

/** The files screen's changes on the real database and storage (FileRefusal passes through). */
export const fileWrites = {
  update: async (input: Parameters<typeof updateFile>[1]) => updateFile(await getSql(), input),
  move: async (input: Parameters<typeof moveFile>[1]) => moveFile(await getSql(), input),
  delete: async (input: Parameters<typeof deleteFile>[2]) => deleteFile(await getSql(), getStorage(), input),
};
