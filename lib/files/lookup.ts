// Finds a file for download: the file's own fields and what the decision needs of its item, in
// one query by primary key.
import type { Prisma } from "../db/prisma";
import type { FileAccess, ItemStatus } from "../generated/prisma/enums";

export type DownloadableFile = {
  id: number;
  fileName: string;
  mimeType: string;
  size: bigint;
  sha256: string;
  storageKey: string;
  access: FileAccess;
  embargoUntil: Date | null;
  updatedAt: Date;
  item: {
    id: number;
    handle: string;
    title: string;
    status: ItemStatus;
    embargoUntil: Date | null;
  };
};

/** Looks a file up by id; null when there is none. Whether it may be served is decided later. */
export type FindFile = (id: number) => Promise<DownloadableFile | null>;

// File ids are PostgreSQL `integer`s.
const MAX_ID = 2_147_483_647;

/**
 * The numeric id in a URL segment, or null. Only plain decimal digits are ids ("12"; not "+12",
 * "1e3", "0x1f" or "12.0"); leading zeros are accepted and redirected to the canonical form.
 */
export function parseFileId(segment: string): number | null {
  if (!/^\d{1,12}$/.test(segment)) return null;
  const id = Number(segment);
  return id >= 1 && id <= MAX_ID ? id : null;
}

export function findFileForDownload(prisma: Prisma, id: number): Promise<DownloadableFile | null> {
  return prisma.file.findUnique({
    where: { id },
    select: {
      id: true,
      fileName: true,
      mimeType: true,
      size: true,
      sha256: true,
      storageKey: true,
      access: true,
      embargoUntil: true,
      updatedAt: true,
      item: { select: { id: true, handle: true, title: true, status: true, embargoUntil: true } },
    },
  });
}
