// Writes to items from the curator's editor: create, save (optimistic locking), status changes and
// restoring a version. Plain SQL over the Sql interface (server, tests and scripts share it). Every
// write is one transaction that bumps the item's version and updated_at (OAI-PMH datestamps) and
// writes an audit entry with the before/after of each field and a snapshot of the new version.
import type { Sql } from "../../db/connection";
import { diffFields, getRecordVersion, listHistory, pickFields, writeAuditEntry, type FieldChange, type HistoryEntry } from "../audit";
import type { ItemStatus, TContributor, TItemFields } from "./schema";

/** What a version of an item is: every editable field, its contributors and collections. */
export type ItemSnapshot = Omit<TItemFields, "contributors"> & { contributors: TContributor[]; status: ItemStatus; withdrawnReason: string | null };

export type EditableItem = ItemSnapshot & {
  id: number;
  handle: string;
  version: number;
  updatedAt: string;
  publishedAt: string | null;
  unitId: number;
  /** Researchers linked before and after a save, for cache invalidation. */
  researcherSlugs: string[];
};

/** Someone else saved the item since `expected`: the current state, to show what changed. */
export class ItemConflictError extends Error {
  constructor(
    readonly expected: number,
    readonly current: EditableItem,
  ) {
    super(`The item was changed by someone else (version ${current.version}, expected ${expected}).`);
  }
}

export class ItemNotFoundError extends Error {
  constructor(id: number) {
    super(`No item ${id}.`);
  }
}

/** A status change that the workflow does not allow. */
export class StatusTransitionError extends Error {}

/** Allowed moves: draft ⇄ in review → published ⇄ withdrawn, and back to draft from review or withdrawn. */
export const STATUS_MOVES: Record<ItemStatus, ItemStatus[]> = {
  DRAFT: ["IN_REVIEW", "PUBLISHED"],
  IN_REVIEW: ["DRAFT", "PUBLISHED"],
  PUBLISHED: ["WITHDRAWN", "DRAFT"],
  WITHDRAWN: ["PUBLISHED", "DRAFT"],
};

const COLUMNS: [keyof TItemFields, string][] = [
  ["type", "type"],
  ["title", "title"],
  ["alternativeTitle", "alternative_title"],
  ["alternativeTitleLang", "alternative_title_lang"],
  ["issueDate", "issue_date"],
  ["publisher", "publisher"],
  ["journalTitle", "journal_title"],
  ["volume", "volume"],
  ["number", "number"],
  ["startPage", "start_page"],
  ["endPage", "end_page"],
  ["pageCount", "page_count"],
  ["issn", "issn"],
  ["eissn", "eissn"],
  ["isbn", "isbn"],
  ["doi", "doi"],
  ["abstract", "abstract"],
  ["keywords", "keywords"],
  ["subjects", "subjects"],
  ["language", "language"],
  ["license", "license"],
  ["funding", "funding"],
  ["embargoUntil", "embargo_until"],
  ["collectionId", "collection_id"],
];

/** The fields compared field by field in diffs and conflicts, in the editor's order. */
export const SNAPSHOT_FIELDS = [...COLUMNS.map(([k]) => k), "mappedCollectionIds", "contributors", "status", "withdrawnReason"] as const;

type Row = Record<string, unknown>;

function toSnapshot(row: Row, contributors: Row[], mapped: number[]): ItemSnapshot {
  const embargo = row.embargo_until;
  return {
    type: row.type as TItemFields["type"],
    title: row.title as string,
    alternativeTitle: (row.alternative_title as string | null) ?? null,
    alternativeTitleLang: (row.alternative_title_lang as string | null) ?? null,
    issueDate: (row.issue_date as string | null) ?? null,
    publisher: (row.publisher as string | null) ?? null,
    journalTitle: (row.journal_title as string | null) ?? null,
    volume: (row.volume as string | null) ?? null,
    number: (row.number as string | null) ?? null,
    startPage: (row.start_page as string | null) ?? null,
    endPage: (row.end_page as string | null) ?? null,
    pageCount: row.page_count === null || row.page_count === undefined ? null : Number(row.page_count),
    issn: (row.issn as string | null) ?? null,
    eissn: (row.eissn as string | null) ?? null,
    isbn: (row.isbn as string | null) ?? null,
    doi: (row.doi as string | null) ?? null,
    abstract: (row.abstract as string | null) ?? null,
    keywords: (row.keywords as string[] | null) ?? [],
    subjects: (row.subjects as string[] | null) ?? [],
    language: (row.language as string | null) ?? null,
    license: (row.license as string | null) ?? null,
    funding: ((row.funding as { funder: string; awardNumber?: string | null }[] | null) ?? []).map((f) => ({ funder: f.funder, awardNumber: f.awardNumber ?? null })),
    embargoUntil: embargo ? (embargo instanceof Date ? embargo.toISOString().slice(0, 10) : String(embargo).slice(0, 10)) : null,
    collectionId: Number(row.collection_id),
    mappedCollectionIds: mapped,
    contributors: contributors.map((c) => ({
      name: c.name as string,
      role: c.role as TContributor["role"],
      affiliation: (c.affiliation as string | null) ?? null,
      orcid: (c.orcid as string | null) ?? null,
      researcherId: c.researcher_id === null || c.researcher_id === undefined ? null : Number(c.researcher_id),
    })),
    status: row.status as ItemStatus,
    withdrawnReason: (row.withdrawn_reason as string | null) ?? null,
  };
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? null : new Date(String(v)).toISOString());

/** The item as the editor shows it, or null. `lock` takes a row lock (inside a transaction). */
export async function loadEditableItem(sql: Sql, id: number, lock = false): Promise<EditableItem | null> {
  const [row] = await sql.query<Row>(
    `SELECT i.*, i.type::text AS type, i.status::text AS status, to_char(i.embargo_until, 'YYYY-MM-DD') AS embargo_until, c.unit_id
       FROM item i JOIN collection c ON c.id = i.collection_id WHERE i.id = $1 ${lock ? "FOR UPDATE OF i" : ""}`,
    [id],
  );
  if (!row) return null;
  const contributors = await sql.query<Row>(
    `SELECT c.name, c.role::text AS role, c.affiliation, c.orcid, c.researcher_id, r.slug
       FROM contributor c LEFT JOIN researcher r ON r.id = c.researcher_id WHERE c.item_id = $1 ORDER BY c.position`,
    [id],
  );
  const mapped = await sql.query<{ collection_id: number }>(`SELECT collection_id FROM item_collection WHERE item_id = $1 ORDER BY collection_id`, [id]);
  return {
    ...toSnapshot(row, contributors, mapped.map((m) => Number(m.collection_id))),
    id: Number(row.id),
    handle: row.handle as string,
    version: Number(row.version),
    updatedAt: iso(row.updated_at)!,
    publishedAt: iso(row.published_at),
    unitId: Number(row.unit_id),
    researcherSlugs: contributors.map((c) => c.slug as string | null).filter((s): s is string => !!s),
  };
}

export function snapshotOf(item: EditableItem | ItemSnapshot): ItemSnapshot {
  return pickFields<ItemSnapshot>(SNAPSHOT_FIELDS, item);
}

export type { FieldChange, HistoryEntry };

/** Field-by-field differences between two versions (JSON equality). */
export function diffSnapshots(before: Partial<ItemSnapshot>, after: Partial<ItemSnapshot>): Record<string, FieldChange> {
  return diffFields<ItemSnapshot>(SNAPSHOT_FIELDS, before, after);
}

async function writeItemAudit(sql: Sql, entry: { userId: number | null; action: string; itemId: number; version: number; changes: Record<string, FieldChange>; snapshot: ItemSnapshot; summary?: string }) {
  await writeAuditEntry(sql, { userId: entry.userId, action: entry.action, entityType: "item", entityId: entry.itemId, version: entry.version, changes: entry.changes, snapshot: entry.snapshot, summary: entry.summary });
}

function columnValues(fields: TItemFields): unknown[] {
  return COLUMNS.map(([k]) => {
    const v = fields[k];
    if (k === "funding") return (v as unknown[]).length ? JSON.stringify(v) : null;
    return v;
  });
}

const castFor = (col: string) => (col === "type" ? "::item_type" : col === "funding" ? "::jsonb" : col === "embargo_until" ? "::date" : col === "keywords" || col === "subjects" ? "::text[]" : "");

async function writeRelations(tx: Sql, itemId: number, fields: Pick<TItemFields, "contributors" | "mappedCollectionIds">) {
  await tx.query(`DELETE FROM contributor WHERE item_id = $1`, [itemId]);
  for (const [position, c] of fields.contributors.entries()) {
    await tx.query(`INSERT INTO contributor (item_id, position, name, role, affiliation, orcid, researcher_id) VALUES ($1, $2, $3, $4::contributor_role, $5, $6, $7)`, [
      itemId,
      position,
      c.name,
      c.role,
      c.affiliation,
      c.orcid,
      c.researcherId,
    ]);
  }
  await tx.query(`DELETE FROM item_collection WHERE item_id = $1 AND NOT (collection_id = ANY($2::int[]))`, [itemId, fields.mappedCollectionIds]);
  for (const c of fields.mappedCollectionIds) {
    await tx.query(`INSERT INTO item_collection (item_id, collection_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [itemId, c]);
  }
}

/** Refuses researcher or collection ids that do not exist (a readable 422, not a foreign-key error). */
export class UnknownReferenceError extends Error {}

async function checkReferences(sql: Sql, fields: TItemFields) {
  const collections = [fields.collectionId, ...fields.mappedCollectionIds];
  const found = await sql.query<{ id: number }>(`SELECT id FROM collection WHERE id = ANY($1::int[])`, [collections]);
  if (found.length !== new Set(collections).size) throw new UnknownReferenceError("collection");
  const researchers = [...new Set(fields.contributors.map((c) => c.researcherId).filter((r): r is number => r !== null))];
  if (researchers.length) {
    const rs = await sql.query<{ id: number }>(`SELECT id FROM researcher WHERE id = ANY($1::int[])`, [researchers]);
    if (rs.length !== researchers.length) throw new UnknownReferenceError("researcher");
  }
}

async function allocateHandle(tx: Sql): Promise<string> {
  const [setting] = await tx.query<{ value: unknown }>(`SELECT value FROM site_setting WHERE key = 'handlePrefix'`);
  let prefix = typeof setting?.value === "string" && setting.value ? setting.value : null;
  if (!prefix) {
    const sequences = await tx.query<{ prefix: string }>(`SELECT prefix FROM handle_sequence ORDER BY prefix`);
    prefix = sequences[0]?.prefix ?? "atrium";
  }
  await tx.query(`INSERT INTO handle_sequence (prefix, next_number) VALUES ($1, 1) ON CONFLICT (prefix) DO NOTHING`, [prefix]);
  const [row] = await tx.query<{ n: number }>(`UPDATE handle_sequence SET next_number = next_number + 1 WHERE prefix = $1 RETURNING next_number - 1 AS n`, [prefix]);
  return `${prefix}/${Number(row.n)}`;
}

/**
 * Creates a draft. The persistent handle is taken from the handle sequence now (the column is
 * required and a handle never changes), and is what publishing later makes public.
 */
export async function createItem(sql: Sql, fields: TItemFields, userId: number | null): Promise<EditableItem> {
  await checkReferences(sql, fields);
  return sql.transaction(async (tx) => {
    const handle = await allocateHandle(tx);
    const cols = COLUMNS.map(([, c]) => c);
    const values = columnValues(fields);
    const placeholders = cols.map((c, i) => `$${i + 1}${castFor(c)}`);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO item (${cols.join(", ")}, issue_year, handle, status, version, created_by_id, updated_by_id, updated_at)
       VALUES (${placeholders.join(", ")}, $${cols.length + 1}, $${cols.length + 2}, 'DRAFT', 1, $${cols.length + 3}, $${cols.length + 3}, now()) RETURNING id`,
      [...values, fields.issueDate ? Number(fields.issueDate.slice(0, 4)) : null, handle, userId],
    );
    const itemId = Number(row.id);
    await writeRelations(tx, itemId, fields);
    const item = (await loadEditableItem(tx, itemId))!;
    await writeItemAudit(tx, { userId, action: "create", itemId, version: 1, changes: diffSnapshots({}, snapshotOf(item)), snapshot: snapshotOf(item) });
    return item;
  });
}

/**
 * Saves the fields if the item is still at `expectedVersion`: `UPDATE … WHERE id = $1 AND
 * version = $2` under a row lock, so of two saves from the same version exactly one wins and the
 * other gets an ItemConflictError carrying the current state.
 */
export async function updateItem(
  sql: Sql,
  id: number,
  expectedVersion: number,
  fields: TItemFields,
  userId: number | null,
  options: { action?: string; summary?: string; status?: { status: ItemStatus; withdrawnReason: string | null } } = {},
): Promise<{ before: EditableItem; after: EditableItem; changes: Record<string, FieldChange> }> {
  await checkReferences(sql, fields);
  const result = await sql.transaction(async (tx) => {
    const before = await loadEditableItem(tx, id, true);
    if (!before) throw new ItemNotFoundError(id);
    if (before.version !== expectedVersion) return { conflict: before } as const;
    const cols = COLUMNS.map(([, c]) => c);
    const sets = cols.map((c, i) => `${c} = $${i + 3}${castFor(c)}`);
    const n = cols.length + 3;
    const status = options.status ?? { status: before.status, withdrawnReason: before.withdrawnReason };
    const updated = await tx.query<{ version: number }>(
      `UPDATE item SET ${sets.join(", ")}, issue_year = $${n}, status = $${n + 1}::item_status, withdrawn_reason = $${n + 2},
              withdrawn_at = CASE WHEN $${n + 1}::text = 'WITHDRAWN' THEN coalesce(withdrawn_at, now()) ELSE NULL END,
              published_at = CASE WHEN $${n + 1}::text = 'PUBLISHED' THEN coalesce(published_at, now()) ELSE published_at END,
              updated_by_id = $${n + 3}, updated_at = now(), version = version + 1
        WHERE id = $1 AND version = $2 RETURNING version`,
      [id, expectedVersion, ...columnValues(fields), fields.issueDate ? Number(fields.issueDate.slice(0, 4)) : null, status.status, status.withdrawnReason, userId],
    );
    if (updated.length === 0) return { conflict: (await loadEditableItem(tx, id))! } as const;
    await writeRelations(tx, id, fields);
    const after = (await loadEditableItem(tx, id))!;
    const changes = diffSnapshots(snapshotOf(before), snapshotOf(after));
    await writeItemAudit(tx, { userId, action: options.action ?? "update", itemId: id, version: after.version, changes, snapshot: snapshotOf(after), summary: options.summary });
    return { before, after, changes } as const;
  });
  if ("conflict" in result) throw new ItemConflictError(expectedVersion, result.conflict as EditableItem);
  return result;
}

function fieldsOf(item: ItemSnapshot): TItemFields {
  const { status: _s, withdrawnReason: _w, ...fields } = item;
  void _s;
  void _w;
  return fields as TItemFields;
}

/** Moves the item along the workflow (withdrawing needs a reason); publishing keeps its handle. */
export async function changeItemStatus(sql: Sql, id: number, expectedVersion: number, status: ItemStatus, reason: string | null, userId: number | null) {
  const current = await loadEditableItem(sql, id);
  if (!current) throw new ItemNotFoundError(id);
  if (current.version !== expectedVersion) throw new ItemConflictError(expectedVersion, current);
  if (!STATUS_MOVES[current.status].includes(status)) throw new StatusTransitionError(`${current.status} → ${status}`);
  if (status === "WITHDRAWN" && !reason) throw new StatusTransitionError("reason");
  return updateItem(sql, id, expectedVersion, fieldsOf(current), userId, {
    action: "status",
    summary: `${current.status} → ${status}`,
    status: { status, withdrawnReason: status === "WITHDRAWN" ? reason : null },
  });
}

/** The item's audit entries, newest first. */
export async function listItemHistory(sql: Sql, id: number): Promise<HistoryEntry[]> {
  return listHistory(sql, "item", id);
}

/**
 * The item as it was at `version`: the snapshot written with that version, or — for the version
 * before the first recorded change (e.g. an imported item) — the next snapshot with the changed
 * fields put back to their "before" values.
 */
export async function getItemVersion(sql: Sql, id: number, version: number): Promise<ItemSnapshot | null> {
  return (await getRecordVersion(sql, "item", id, version)) as ItemSnapshot | null;
}

/** Restores the fields of an earlier version as a new version (status stays as it is). */
export async function restoreItemVersion(sql: Sql, id: number, expectedVersion: number, version: number, userId: number | null) {
  const snapshot = await getItemVersion(sql, id, version);
  if (!snapshot) throw new ItemNotFoundError(id);
  const current = await loadEditableItem(sql, id);
  if (!current) throw new ItemNotFoundError(id);
  return updateItem(sql, id, expectedVersion, fieldsOf({ ...snapshot, status: current.status, withdrawnReason: current.withdrawnReason }), userId, {
    action: "restore",
    summary: `restored version ${version}`,
  });
}

/** The item's owning unit (for the permission check) without loading everything. */
export async function getItemUnit(sql: Sql, id: number): Promise<{ unitId: number; researcherIds: number[] } | null> {
  const [row] = await sql.query<{ unit_id: number; researcher_ids: number[] | null }>(
    `SELECT c.unit_id, (SELECT array_agg(researcher_id) FROM contributor WHERE item_id = i.id AND researcher_id IS NOT NULL) AS researcher_ids
       FROM item i JOIN collection c ON c.id = i.collection_id WHERE i.id = $1`,
    [id],
  );
  return row ? { unitId: Number(row.unit_id), researcherIds: (row.researcher_ids ?? []).map(Number) } : null;
}

/** Collections with their unit, for the pickers (the caller filters by permission). */
export async function listCollections(sql: Sql): Promise<{ id: number; name: string; altName: string | null; altLang: string | null; unitId: number; unitName: string; unitAltName: string | null }[]> {
  const rows = await sql.query<Row>(
    `SELECT c.id, c.name, c.alt_name, c.alt_lang, c.unit_id, u.name AS unit_name, u.alt_name AS unit_alt_name
       FROM collection c JOIN unit u ON u.id = c.unit_id ORDER BY u.name, c.position, c.name`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name as string,
    altName: (r.alt_name as string | null) ?? null,
    altLang: (r.alt_lang as string | null) ?? null,
    unitId: Number(r.unit_id),
    unitName: r.unit_name as string,
    unitAltName: (r.unit_alt_name as string | null) ?? null,
  }));
}

/** Researchers whose name matches, for the contributor typeahead. */
export async function suggestResearchers(sql: Sql, q: string, limit = 8): Promise<{ id: number; slug: string; displayName: string; orcid: string | null }[]> {
  const term = q.trim().toLowerCase();
  if (term.length < 1) return [];
  const like = `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const rows = await sql.query<Row>(
    `SELECT id, slug, display_name, orcid FROM researcher
      WHERE lower(display_name) LIKE $1 OR EXISTS (SELECT 1 FROM unnest(name_variants) v WHERE lower(v) LIKE $1) OR orcid = $2
      ORDER BY (lower(display_name) LIKE $3) DESC, display_name LIMIT $4`,
    [like, q.trim(), `${term}%`, limit],
  );
  return rows.map((r) => ({ id: Number(r.id), slug: r.slug as string, displayName: r.display_name as string, orcid: (r.orcid as string | null) ?? null }));
}
