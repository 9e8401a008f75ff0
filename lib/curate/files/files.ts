// The files of an item, as curators manage them: list, upload, replace, describe, set access,
// reorder, delete. Plain SQL over the Sql interface (tests pass their own database and storage).
//
// Every change: one transaction for the rows (file + item.updated_at, which OAI-PMH datestamps
// follow) and an audit entry with the before/after of each field. Uploads put the bytes into
// storage first (staged, then committed under their SHA-256) and insert the row afterwards; if the
// row cannot be written, newly stored bytes are removed again, so no row ever points at missing
// content and no content is left without a row (a crash in between leaves at most a staging file,
// removed by sweepStaging).
import type { Sql } from "../../db/connection";
import { loadUnitPath, writeAudit } from "../../auth/users";
import { TooLargeError, type Storage, type StagedObject } from "../../storage";
import { formatBytes } from "./format";
import { extensionOf, sanitiseFileName } from "./names";

export { formatBytes } from "./format";
import { sniffContent } from "./sniff";

export type FileAccessValue = "OPEN" | "EMBARGOED" | "RESTRICTED";

export type CurateFile = {
  id: number;
  position: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  description: string | null;
  access: FileAccessValue;
  /** "YYYY-MM-DD" */
  embargoUntil: string | null;
  version: number;
  downloads: number;
  updatedAt: Date;
};

export type FileItem = {
  id: number;
  handle: string;
  title: string;
  status: string;
  unitPath: number[];
};

export type FileRefusalCode = "too-large" | "dangerous" | "mismatch" | "duplicate" | "empty" | "not-found" | "invalid";

/** A refusal with a readable English message; `code` lets the interface say it in its language. */
export class FileRefusal extends Error {
  constructor(
    readonly code: FileRefusalCode,
    message: string,
    readonly status: 400 | 404 | 409 | 413 | 415 | 422 = 422,
    readonly details: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = "FileRefusal";
  }
}

export async function loadFileItem(sql: Sql, itemId: number): Promise<FileItem | null> {
  if (!Number.isSafeInteger(itemId) || itemId <= 0) return null;
  const [row] = await sql.query<{ id: number; handle: string; title: string; status: string; unit_id: number }>(
    `SELECT i.id, i.handle, i.title, i.status::text AS status, c.unit_id
       FROM item i JOIN collection c ON c.id = i.collection_id WHERE i.id = $1`,
    [itemId],
  );
  if (!row) return null;
  return { id: Number(row.id), handle: row.handle, title: row.title, status: row.status, unitPath: await loadUnitPath(sql, Number(row.unit_id)) };
}

/** The item a file belongs to (for permission checks on a file id). */
export async function itemIdOfFile(sql: Sql, fileId: number): Promise<number | null> {
  if (!Number.isSafeInteger(fileId) || fileId <= 0) return null;
  const [row] = await sql.query<{ item_id: number }>(`SELECT item_id FROM file WHERE id = $1`, [fileId]);
  return row ? Number(row.item_id) : null;
}

type FileRow = {
  id: number;
  item_id: number;
  position: number;
  file_name: string;
  mime_type: string;
  size: string | number;
  sha256: string;
  storage_key: string;
  description: string | null;
  access: FileAccessValue;
  embargo_until: string | null;
  version: number;
  updated_at: Date | string;
  downloads?: string | number;
};

const FILE_COLUMNS = `f.id, f.item_id, f.position, f.file_name, f.mime_type, f.size, f.sha256, f.storage_key, f.description,
  f.access::text AS access, to_char(f.embargo_until, 'YYYY-MM-DD') AS embargo_until, f.version, f.updated_at`;

function toFile(row: FileRow): CurateFile {
  return {
    id: Number(row.id),
    position: Number(row.position),
    fileName: row.file_name,
    mimeType: row.mime_type,
    size: Number(row.size),
    sha256: row.sha256,
    description: row.description,
    access: row.access,
    embargoUntil: row.embargo_until,
    version: Number(row.version),
    downloads: Number(row.downloads ?? 0),
    updatedAt: new Date(row.updated_at),
  };
}

export async function listFiles(sql: Sql, itemId: number): Promise<CurateFile[]> {
  const rows = await sql.query<FileRow>(
    `SELECT ${FILE_COLUMNS},
            COALESCE((SELECT sum(d.downloads) FROM usage_daily d WHERE d.scope = 'FILE' AND d.scope_id = f.id), 0) AS downloads
       FROM file f WHERE f.item_id = $1 ORDER BY f.position, f.id`,
    [itemId],
  );
  return rows.map(toFile);
}

async function lockFile(tx: Sql, fileId: number): Promise<FileRow> {
  const [row] = await tx.query<FileRow>(`SELECT ${FILE_COLUMNS}, f.storage_key FROM file f WHERE f.id = $1 FOR UPDATE`, [fileId]);
  if (!row) throw new FileRefusal("not-found", "This file no longer exists.", 404);
  return row;
}

async function touchItem(tx: Sql, itemId: number): Promise<void> {
  await tx.query(`UPDATE item SET updated_at = now() WHERE id = $1`, [itemId]);
}

export type UploadInput = {
  itemId: number;
  /** The name as the browser sent it; sanitised here. */
  fileName: string;
  body: AsyncIterable<Uint8Array>;
  maxBytes: number;
  userId: number | null;
};

/** Streams the body into staging and checks size and type; the caller commits or discards. */
async function stageChecked(storage: Storage, input: { fileName: string; body: AsyncIterable<Uint8Array>; maxBytes: number }): Promise<{ staged: StagedObject; name: string; mimeType: string }> {
  const name = sanitiseFileName(input.fileName);
  let staged: StagedObject;
  try {
    staged = await storage.stage(input.body, { maxBytes: input.maxBytes });
  } catch (err) {
    if (err instanceof TooLargeError) throw tooLarge(input.maxBytes);
    throw err;
  }
  try {
    if (staged.size === 0) throw new FileRefusal("empty", "The file is empty.", 400);
    const sniffed = await sniffContent(name, staged.head);
    if (!sniffed.ok) {
      if (sniffed.reason === "dangerous") {
        throw new FileRefusal("dangerous", "Programs, scripts and web pages cannot be attached to an item.", 415, { name });
      }
      throw new FileRefusal(
        "mismatch",
        `The name says .${sniffed.claimed}, but the content is ${sniffed.detected ? `a ${sniffed.detected.toUpperCase()} file` : "something else"}. Rename the file to match its content.`,
        415,
        { name, claimed: sniffed.claimed, detected: sniffed.detected ?? "" },
      );
    }
    return { staged, name, mimeType: sniffed.mimeType };
  } catch (err) {
    await staged.discard();
    throw err;
  }
}

export function tooLarge(maxBytes: number): FileRefusal {
  return new FileRefusal("too-large", `The file is larger than the limit of ${formatBytes(maxBytes)}.`, 413, { limit: maxBytes });
}

async function refuseDuplicate(sql: Sql, key: string, exceptFileId?: number): Promise<void> {
  const [dup] = await sql.query<{ id: number; file_name: string; handle: string }>(
    `SELECT f.id, f.file_name, i.handle FROM file f JOIN item i ON i.id = f.item_id WHERE f.storage_key = $1 AND f.id <> $2`,
    [key, exceptFileId ?? 0],
  );
  if (dup) {
    throw new FileRefusal("duplicate", `The same content is already stored as “${dup.file_name}” (item ${dup.handle}).`, 409, {
      name: dup.file_name,
      handle: dup.handle,
    });
  }
}

/** Commits staged bytes, runs `write` in a transaction, and removes new bytes if it fails. */
async function commitThenWrite<T>(sql: Sql, storage: Storage, staged: StagedObject, write: (tx: Sql) => Promise<T>): Promise<T> {
  const stored = await staged.commit();
  try {
    return await sql.transaction(write);
  } catch (err) {
    if (stored.created) await storage.delete(stored.key).catch(() => {});
    if (isUniqueViolation(err)) {
      throw new FileRefusal("duplicate", "The same content was just stored for another file.", 409);
    }
    throw err;
  }
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
}

export async function uploadFile(sql: Sql, storage: Storage, input: UploadInput): Promise<CurateFile> {
  const { staged, name, mimeType } = await stageChecked(storage, input);
  try {
    await refuseDuplicate(sql, staged.key);
  } catch (err) {
    await staged.discard();
    throw err;
  }
  return commitThenWrite(sql, storage, staged, async (tx) => {
    const [item] = await tx.query<{ id: number }>(`SELECT id FROM item WHERE id = $1 FOR UPDATE`, [input.itemId]);
    if (!item) throw new FileRefusal("not-found", "This item no longer exists.", 404);
    const [row] = await tx.query<FileRow>(
      `INSERT INTO file (item_id, position, file_name, mime_type, size, sha256, storage_key, updated_at)
       VALUES ($1, (SELECT COALESCE(max(position) + 1, 0) FROM file WHERE item_id = $1), $2, $3, $4, $5, $6, now())
       RETURNING ${FILE_COLUMNS.replaceAll("f.", "")}`,
      [input.itemId, name, mimeType, staged.size, staged.sha256, staged.key],
    );
    await touchItem(tx, input.itemId);
    const file = toFile(row);
    await writeAudit(tx, {
      userId: input.userId,
      action: "file.upload",
      entityType: "file",
      entityId: file.id,
      summary: `Uploaded “${name}” to item ${input.itemId}`,
      changes: {
        itemId: { before: null, after: input.itemId },
        fileName: { before: null, after: name },
        mimeType: { before: null, after: mimeType },
        size: { before: null, after: staged.size },
        sha256: { before: null, after: staged.sha256 },
      },
    });
    return file;
  });
}

/** New content for an existing file: same id and URL, version + 1, the old bytes removed. */
export async function replaceFileContent(
  sql: Sql,
  storage: Storage,
  input: { fileId: number; fileName: string; body: AsyncIterable<Uint8Array>; maxBytes: number; userId: number | null },
): Promise<CurateFile> {
  const { staged, name, mimeType } = await stageChecked(storage, input);
  try {
    await refuseDuplicate(sql, staged.key, input.fileId);
  } catch (err) {
    await staged.discard();
    throw err;
  }
  let oldKey: string | null = null;
  const file = await commitThenWrite(sql, storage, staged, async (tx) => {
    const before = await lockFile(tx, input.fileId);
    oldKey = before.storage_key;
    // New content of the same kind keeps the file's name, and so its whole download URL; content
    // of another kind (a .docx replaced by a .pdf) takes the uploaded name.
    const finalName = extensionOf(before.file_name) === extensionOf(name) ? before.file_name : name;
    const [row] = await tx.query<FileRow>(
      `UPDATE file SET file_name = $2, mime_type = $3, size = $4, sha256 = $5, storage_key = $6, version = version + 1, updated_at = now()
        WHERE id = $1 RETURNING ${FILE_COLUMNS.replaceAll("f.", "")}`,
      [input.fileId, finalName, mimeType, staged.size, staged.sha256, staged.key],
    );
    await touchItem(tx, Number(before.item_id));
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    const pairs: [string, unknown, unknown][] = [
      ["fileName", before.file_name, finalName],
      ["mimeType", before.mime_type, mimeType],
      ["size", Number(before.size), staged.size],
      ["sha256", before.sha256, staged.sha256],
      ["version", Number(before.version), Number(before.version) + 1],
    ];
    for (const [k, b, a] of pairs) if (b !== a) changes[k] = { before: b, after: a };
    await writeAudit(tx, {
      userId: input.userId,
      action: "file.replace",
      entityType: "file",
      entityId: input.fileId,
      summary: `Replaced the content of “${before.file_name}” (item ${before.item_id})`,
      changes,
    });
    return toFile(row);
  });
  if (oldKey && oldKey !== staged.key) await storage.delete(oldKey).catch(() => {});
  return file;
}

export type FileChanges = {
  description?: string | null;
  access?: FileAccessValue;
  /** "YYYY-MM-DD"; required for EMBARGOED, cleared otherwise. */
  embargoUntil?: string | null;
  fileName?: string;
};

export async function updateFile(sql: Sql, input: { fileId: number; changes: FileChanges; userId: number | null }): Promise<CurateFile> {
  return sql.transaction(async (tx) => {
    const before = await lockFile(tx, input.fileId);
    const next = {
      description: input.changes.description !== undefined ? input.changes.description?.trim() || null : before.description,
      access: input.changes.access ?? before.access,
      embargoUntil: input.changes.embargoUntil !== undefined ? input.changes.embargoUntil || null : before.embargo_until,
      fileName: input.changes.fileName !== undefined ? sanitiseFileName(input.changes.fileName) : before.file_name,
    };
    if (next.access !== "EMBARGOED") next.embargoUntil = null;
    if (next.access === "EMBARGOED" && (!next.embargoUntil || !/^\d{4}-\d{2}-\d{2}$/.test(next.embargoUntil) || Number.isNaN(Date.parse(next.embargoUntil)))) {
      throw new FileRefusal("invalid", "An embargoed file needs the date it opens.", 400);
    }
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    if (next.description !== before.description) changes.description = { before: before.description, after: next.description };
    if (next.access !== before.access) changes.access = { before: before.access, after: next.access };
    if (next.embargoUntil !== before.embargo_until) changes.embargoUntil = { before: before.embargo_until, after: next.embargoUntil };
    if (next.fileName !== before.file_name) changes.fileName = { before: before.file_name, after: next.fileName };
    if (Object.keys(changes).length === 0) return toFile(before);
    const [row] = await tx.query<FileRow>(
      `UPDATE file SET description = $2, access = $3::file_access, embargo_until = $4::date, file_name = $5, updated_at = now()
        WHERE id = $1 RETURNING ${FILE_COLUMNS.replaceAll("f.", "")}`,
      [input.fileId, next.description, next.access, next.embargoUntil, next.fileName],
    );
    await touchItem(tx, Number(before.item_id));
    await writeAudit(tx, {
      userId: input.userId,
      action: "file.update",
      entityType: "file",
      entityId: input.fileId,
      summary: `Changed “${before.file_name}” (item ${before.item_id})`,
      changes,
    });
    return toFile(row);
  });
}

/** Moves a file one place up or down among its item's files; positions are renumbered 0…n-1. */
export async function moveFile(sql: Sql, input: { fileId: number; direction: "up" | "down"; userId: number | null }): Promise<void> {
  await sql.transaction(async (tx) => {
    const target = await lockFile(tx, input.fileId);
    const itemId = Number(target.item_id);
    await tx.query(`SELECT id FROM item WHERE id = $1 FOR UPDATE`, [itemId]);
    const rows = await tx.query<{ id: number }>(`SELECT id FROM file WHERE item_id = $1 ORDER BY position, id`, [itemId]);
    const order = rows.map((r) => Number(r.id));
    const at = order.indexOf(input.fileId);
    const to = input.direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= order.length) return;
    const before = [...order];
    [order[at], order[to]] = [order[to], order[at]];
    await tx.query(`UPDATE file SET position = o.pos - 1, updated_at = now() FROM unnest($1::int[]) WITH ORDINALITY AS o(id, pos) WHERE file.id = o.id`, [order]);
    await touchItem(tx, itemId);
    await writeAudit(tx, {
      userId: input.userId,
      action: "file.reorder",
      entityType: "file",
      entityId: input.fileId,
      summary: `Moved “${target.file_name}” ${input.direction} (item ${itemId})`,
      changes: { order: { before, after: order } },
    });
  });
}

export async function deleteFile(sql: Sql, storage: Storage, input: { fileId: number; userId: number | null }): Promise<{ itemId: number; fileName: string }> {
  const removed = await sql.transaction(async (tx) => {
    const before = await lockFile(tx, input.fileId);
    await tx.query(`DELETE FROM file WHERE id = $1`, [input.fileId]);
    await touchItem(tx, Number(before.item_id));
    await writeAudit(tx, {
      userId: input.userId,
      action: "file.delete",
      entityType: "file",
      entityId: input.fileId,
      summary: `Deleted “${before.file_name}” (item ${before.item_id})`,
      changes: {
        fileName: { before: before.file_name, after: null },
        mimeType: { before: before.mime_type, after: null },
        size: { before: Number(before.size), after: null },
        sha256: { before: before.sha256, after: null },
        access: { before: before.access, after: null },
        description: { before: before.description, after: null },
      },
    });
    return before;
  });
  // The key is unique to this row: once the row is gone, so may the bytes be.
  await storage.delete(removed.storage_key).catch(() => {});
  return { itemId: Number(removed.item_id), fileName: removed.file_name };
}

export type FileHistoryEntry = {
  id: string;
  fileId: number;
  at: string;
  action: string;
  summary: string | null;
  userName: string | null;
  /** The name of the personal API token the change was made with, if it was. */
  apiToken: string | null;
  /** The file's name at the time (after the change; before it for a deletion). */
  fileName: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
};

/**
 * The audit entries of an item's files (upload, replace, describe/access, reorder, delete), newest
 * first: entries of files the item has now, and of files it had (their entries end with the item's
 * id, as every file entry's summary does: "… to item 12" or "… (item 12)").
 */
export async function listItemFileHistory(sql: Sql, itemId: number, limit = 500): Promise<FileHistoryEntry[]> {
  const rows = await sql.query<{ id: string; entity_id: number; at: Date | string; action: string; summary: string | null; user_name: string | null; api_token: string | null; changes: unknown; current_name: string | null }>(
    `SELECT a.id::text, a.entity_id, a.at, a.action, a.summary, u.name AS user_name, t.name AS api_token, a.changes, f.file_name AS current_name
       FROM audit_entry a LEFT JOIN app_user u ON u.id = a.user_id LEFT JOIN api_token t ON t.id = a.api_token_id LEFT JOIN file f ON f.id = a.entity_id
      WHERE a.entity_type = 'file'
        AND (f.item_id = $1 OR a.summary LIKE '% (item ' || $1::text || ')' OR a.summary LIKE '% to item ' || $1::text)
      ORDER BY a.at DESC, a.id DESC LIMIT $2`,
    [itemId, limit],
  );
  const entries = rows.map((r) => {
    const changes = (typeof r.changes === "string" ? JSON.parse(r.changes) : (r.changes ?? {})) as Record<string, { before: unknown; after: unknown }>;
    const named = changes.fileName;
    const fileName = named ? ((named.after ?? named.before) as string | null) : r.current_name;
    return { id: r.id, fileId: Number(r.entity_id), at: new Date(r.at).toISOString(), action: r.action, summary: r.summary, userName: r.user_name, apiToken: r.api_token, fileName, changes };
  });
  // A deleted file's other entries take the name its entries recorded (the nearest later one).
  const known = new Map<number, string>();
  for (const e of entries) {
    if (e.fileName) known.set(e.fileId, e.fileName);
    else e.fileName = known.get(e.fileId) ?? null;
  }
  return entries;
}
