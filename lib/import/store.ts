// Imports started in the curator workspace: the dry run's plan is kept in the database under a
// random id until it expires, so that the real run commits exactly the plan the curator looked at
// — minus the contributor matches they unticked — and never a new one. The plan's summary is one
// row of import_plan; each record is a row of import_plan_entry (with its report row after the
// real run), so that the report page reads one page of a 10,000-record plan, not all of it.
// Every function checks that the plan is the caller's (administrators may open any) and that the
// caller may import into its collection; the server actions check the same before calling.
import crypto from "node:crypto";
import type { Sql } from "../db/connection";
import { loadUnitPath } from "../auth/users";
import { canImportInto, type PermissionUser } from "../auth/permissions";
import { commitImport, type CommitResult } from "./commit";
import { decodeText, DEFAULT_MAX_BYTES, FORMAT_NAMES, ImportInputError, IMPORT_FORMATS, sniffFormat, tooLarge, type ImportFormat } from "./input";
import { harvestImport, parseImportText, type ParseResult } from "./parse";
import { planImport, type ImportPlan } from "./plan";
import { buildReport, type ImportReport, type ReportRow } from "./report";
import type { PlanEntry } from "./plan";

/** How long a dry run can be committed. */
export const PLAN_TTL_MS = 24 * 60 * 60 * 1000;
/** Pages an OAI-PMH harvest started in the workspace may fetch (the command line has no such cap). */
export const WORKSPACE_HARVEST_MAX_PAGES = 200;

export type StoredImportState = "planned" | "committing" | "committed";

export type StoredImport = {
  id: string;
  userId: number | null;
  collectionId: number;
  state: StoredImportState;
  plan: ImportPlan;
  result: ImportReport | null;
  createdAt: Date;
  expiresAt: Date;
  committedAt: Date | null;
  /** Past its expiry and not committed: it can no longer be imported. */
  expired: boolean;
  /** The item ids of the handles the real run created or updated (for links to the editor). */
  itemIds: Record<string, number>;
};

/** A refusal the workspace shows as is: unknown or expired plan, no right, already imported. */
export class ImportRefusal extends Error {
  constructor(
    message: string,
    readonly code: "not-found" | "forbidden" | "expired" | "committed" | "busy" | "collection",
  ) {
    super(message);
    this.name = "ImportRefusal";
  }
}

export type ImportSource =
  | { kind: "file"; bytes: Uint8Array; fileName: string; format: ImportFormat | "auto"; encoding?: "utf-8" | "latin1" }
  | { kind: "oai"; baseUrl: string; set?: string };

export type StartImportInput = {
  source: ImportSource;
  collectionId: number;
  onDuplicate?: "skip" | "update";
  maxBytes?: number;
  /** For tests: the harvest's fetch. */
  fetch?: typeof fetch;
};

/** Whether the user may import into the collection (its unit is one they curate, or they administer). */
export async function mayImportInto(sql: Sql, user: PermissionUser, collectionId: number): Promise<boolean> {
  const [row] = await sql.query<{ unit_id: number }>(`SELECT unit_id FROM collection WHERE id = $1`, [collectionId]);
  if (!row) return false;
  return canImportInto(user, { path: await loadUnitPath(sql, Number(row.unit_id)) });
}

/** Reads and parses the source: the file (format chosen or recognised) or an OAI-PMH harvest. */
export async function readImportSource(source: ImportSource, options: { maxBytes?: number; fetch?: typeof fetch } = {}): Promise<ParseResult> {
  if (source.kind === "oai") {
    return harvestImport({ baseUrl: source.baseUrl.trim(), set: source.set?.trim() || undefined, maxPages: WORKSPACE_HARVEST_MAX_PAGES, fetch: options.fetch });
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (source.bytes.length > maxBytes) throw tooLarge(source.bytes.length, maxBytes);
  const decoded = decodeText(source.bytes, { encoding: source.encoding });
  let format: ImportFormat;
  if (source.format === "auto") {
    const sniffed = sniffFormat(decoded.text);
    if (!sniffed) {
      throw new ImportInputError(
        `Atrium could not recognise this file as any format it imports (${IMPORT_FORMATS.map((f) => FORMAT_NAMES[f]).join(", ")}). Choose the format, or check the file.`,
        "wrong-format",
      );
    }
    format = sniffed;
  } else format = source.format;
  const parsed = parseImportText(decoded.text, format, source.fileName);
  const notes = [...decoded.notes, ...parsed.notes];
  if (source.format === "auto") notes.unshift(`Recognised as ${FORMAT_NAMES[format]}.`);
  return { ...parsed, encoding: decoded.encoding, notes };
}

/** The dry run: parses, plans against the database and keeps the plan; returns its id. */
export async function startImport(sql: Sql, user: PermissionUser, input: StartImportInput): Promise<StoredImport> {
  if (!(await mayImportInto(sql, user, input.collectionId))) throw new ImportRefusal("You may not import into this collection.", "forbidden");
  const [collection] = await sql.query<{ slug: string }>(`SELECT slug FROM collection WHERE id = $1`, [input.collectionId]);
  if (!collection) throw new ImportRefusal("There is no such collection.", "collection");
  const parsed = await readImportSource(input.source, { maxBytes: input.maxBytes, fetch: input.fetch });
  const plan = await planImport(sql, parsed, { collection: collection.slug, onDuplicate: input.onDuplicate ?? "skip" });
  const id = crypto.randomBytes(12).toString("base64url");
  await pruneExpiredImports(sql);
  const createdAt = new Date();
  const expiresAt = new Date(createdAt.getTime() + PLAN_TTL_MS);
  await sql.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO import_plan (id, user_id, collection_id, format, source, plan, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
      [id, user.id, plan.collection.id, plan.format, plan.source.slice(0, 2000), JSON.stringify({ ...plan, entries: [] }), createdAt, expiresAt],
    );
    for (let i = 0; i < plan.entries.length; i += ENTRY_CHUNK) {
      await tx.query(
        `INSERT INTO import_plan_entry (plan_id, position, action, entry)
         SELECT $1, (e->>'position')::int, e->>'action', e FROM jsonb_array_elements($2::jsonb) e`,
        [id, JSON.stringify(plan.entries.slice(i, i + ENTRY_CHUNK))],
      );
    }
  });
  // What was just written; reading a large plan back would cost as much again.
  return { id, userId: user.id, collectionId: plan.collection.id, state: "planned", plan, result: null, createdAt, expiresAt, committedAt: null, expired: false, itemIds: {} };
}

/** Entries written or updated per statement (a few hundred kilobytes of JSON each). */
const ENTRY_CHUNK = 500;

type Row = {
  id: string;
  user_id: number | null;
  collection_id: number;
  state: StoredImportState;
  plan: ImportPlan | string;
  result: ImportReport | string | null;
  created_at: Date;
  expires_at: Date;
  committed_at: Date | null;
};

const json = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);

function mayOpen(user: PermissionUser, row: Pick<Row, "user_id">): boolean {
  return user.active && (user.role === "ADMIN" || row.user_id === user.id);
}

async function loadRow(sql: Sql, user: PermissionUser, id: string): Promise<Row | null> {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) return null;
  const [row] = await sql.query<Row>(`SELECT * FROM import_plan WHERE id = $1`, [id]);
  return row && mayOpen(user, row) ? row : null;
}

/** The stored import with the given entries (and their report rows once committed). */
async function toStoredImport(sql: Sql, row: Row, entries: { entry: PlanEntry | string; result: ReportRow | string | null }[]): Promise<StoredImport> {
  const plan = json(row.plan);
  plan.entries = entries.map((e) => json(e.entry));
  const result = row.result ? json(row.result) : null;
  if (result) result.rows = entries.map((e) => e.result && json(e.result)).filter((r): r is ReportRow => !!r);
  const handles = result ? result.rows.map((r) => r.handle).filter((h): h is string => !!h) : [];
  const items = handles.length ? await sql.query<{ id: number; handle: string }>(`SELECT id, handle FROM item WHERE handle = ANY($1::text[])`, [handles]) : [];
  return {
    id: row.id,
    userId: row.user_id,
    collectionId: Number(row.collection_id),
    state: row.state,
    plan,
    result,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    committedAt: row.committed_at ? new Date(row.committed_at) : null,
    expired: row.state !== "committed" && new Date(row.expires_at).getTime() < Date.now(),
    itemIds: Object.fromEntries(items.map((i) => [i.handle, Number(i.id)])),
  };
}

/** The whole stored import (every entry), or null when it does not exist or is not the user's (the same answer: no probing). */
export async function getImport(sql: Sql, user: PermissionUser, id: string): Promise<StoredImport | null> {
  const row = await loadRow(sql, user, id);
  if (!row) return null;
  const entries = await sql.query<{ entry: PlanEntry | string; result: ReportRow | string | null }>(
    `SELECT entry, result FROM import_plan_entry WHERE plan_id = $1 ORDER BY position`,
    [id],
  );
  return toStoredImport(sql, row, entries);
}

/** The stored import without its entries (for rights checks and summaries), or null as getImport. */
export async function getImportSummary(sql: Sql, user: PermissionUser, id: string): Promise<StoredImport | null> {
  const row = await loadRow(sql, user, id);
  return row ? toStoredImport(sql, row, []) : null;
}

export type ImportPage = {
  /** The import with only this page's entries (and report rows). */
  stored: StoredImport;
  /** Records per action: the dry run's before the real run, the outcome after it. */
  counts: Record<string, number>;
  /** Records shown by the filter (all, or one action), and the page among them. */
  total: number;
  page: number;
  pages: number;
};

/**
 * One page of the stored import's records, optionally only those of one action (the dry run's
 * action before the real run, the outcome after it); the page number is clamped to the pages.
 */
export async function getImportPage(
  sql: Sql,
  user: PermissionUser,
  id: string,
  options: { page: number; perPage: number; action?: string | null },
): Promise<ImportPage | null> {
  const row = await loadRow(sql, user, id);
  if (!row) return null;
  const actionOf = row.state === "committed" && row.result ? `coalesce(result->>'action', action)` : `action`;
  const grouped = await sql.query<{ action: string; n: number }>(
    `SELECT ${actionOf} AS action, count(*)::int AS n FROM import_plan_entry WHERE plan_id = $1 GROUP BY 1`,
    [id],
  );
  const counts = Object.fromEntries(grouped.map((g) => [g.action, Number(g.n)]));
  const total = options.action ? (counts[options.action] ?? 0) : Object.values(counts).reduce((a, b) => a + b, 0);
  const pages = Math.max(1, Math.ceil(total / options.perPage));
  const page = Math.min(pages, Math.max(1, Math.floor(options.page) || 1));
  const entries = await sql.query<{ entry: PlanEntry | string; result: ReportRow | string | null }>(
    `SELECT entry, result FROM import_plan_entry WHERE plan_id = $1 AND ($2::text IS NULL OR ${actionOf} = $2)
      ORDER BY position LIMIT $3 OFFSET $4`,
    [id, options.action ?? null, options.perPage, (page - 1) * options.perPage],
  );
  return { stored: await toStoredImport(sql, row, entries), counts, total, page, pages };
}

/** The user's recent imports, newest first. */
export async function listImports(sql: Sql, user: PermissionUser, limit = 20) {
  const rows = await sql.query<{ id: string; format: string; source: string; state: StoredImportState; created_at: Date; expires_at: Date; collection: string; counts: string | Record<string, number> }>(
    `SELECT p.id, p.format, p.source, p.state, p.created_at, p.expires_at, c.name AS collection, p.plan -> 'counts' AS counts
       FROM import_plan p JOIN collection c ON c.id = p.collection_id
      WHERE p.user_id = $1 ORDER BY p.created_at DESC LIMIT $2`,
    [user.id, limit],
  );
  return rows.map((r) => ({ ...r, counts: json(r.counts), created_at: new Date(r.created_at), expires_at: new Date(r.expires_at) }));
}

/** A contributor match, named by the record's position in the file and the contributor's index. */
export type MatchKey = `${number}:${number}`;

/**
 * Applies the curator's choices to the stored plan: the listed matches (shown on the page) that
 * are not kept lose their researcher link. Matches not shown are left as they are.
 */
export async function setMatchChoices(sql: Sql, user: PermissionUser, id: string, shown: readonly string[], kept: readonly string[]): Promise<void> {
  await sql.transaction(async (tx) => {
    const stored = await lockPlanned(tx, user, id);
    const keep = new Set(kept);
    const keys = [...new Set(shown)].map((key) => ({ key, m: /^(\d+):(\d+)$/.exec(key) })).filter((k) => k.m !== null);
    const positions = [...new Set(keys.map((k) => Number(k.m![1])))].filter((p) => Number.isSafeInteger(p) && p <= 2_147_483_647);
    if (positions.length === 0) return;
    const rows = await tx.query<{ entry: PlanEntry | string }>(`SELECT entry FROM import_plan_entry WHERE plan_id = $1 AND position = ANY($2::int[])`, [id, positions]);
    const byPosition = new Map(rows.map((r) => json(r.entry)).map((e) => [e.position, e]));
    const changed = new Set<PlanEntry>();
    let matched = 0;
    for (const { key, m } of keys) {
      const entry = byPosition.get(Number(m![1]));
      const contributor = entry?.contributors[Number(m![2])];
      if (!entry || !contributor) continue;
      const counts = entry.action === "create" || entry.action === "update";
      if (keep.has(key)) {
        if (!contributor.researcher && contributor.unlinked) {
          contributor.researcher = contributor.unlinked;
          delete contributor.unlinked;
          changed.add(entry);
          if (counts) matched++;
        }
      } else if (contributor.researcher) {
        contributor.unlinked = contributor.researcher;
        contributor.researcher = null;
        changed.add(entry);
        if (counts) matched--;
      }
    }
    if (changed.size === 0) return;
    await tx.query(
      `UPDATE import_plan_entry p SET entry = e FROM jsonb_array_elements($2::jsonb) e WHERE p.plan_id = $1 AND p.position = (e->>'position')::int`,
      [id, JSON.stringify([...changed])],
    );
    stored.plan.counts.contributorsMatched += matched;
    await tx.query(`UPDATE import_plan SET plan = $2::jsonb WHERE id = $1`, [id, JSON.stringify(stored.plan)]);
  });
}

async function lockPlanned(tx: Sql, user: PermissionUser, id: string): Promise<{ plan: ImportPlan; collectionId: number }> {
  const [row] = await tx.query<Row>(`SELECT * FROM import_plan WHERE id = $1 FOR UPDATE`, [id]);
  if (!row || !mayOpen(user, row)) throw new ImportRefusal("There is no such import.", "not-found");
  if (row.state === "committed") throw new ImportRefusal("This import has already been run.", "committed");
  if (row.state === "committing") throw new ImportRefusal("This import is running.", "busy");
  if (new Date(row.expires_at).getTime() < Date.now()) throw new ImportRefusal("This dry run has expired; run it again.", "expired");
  return { plan: json(row.plan), collectionId: Number(row.collection_id) };
}

/**
 * The real run of a stored plan: exactly its entries, with the curator's match choices. The row
 * is claimed first (planned → committing), so a second click cannot run it twice; the rights on
 * the collection are checked again, as they may have changed since the dry run.
 */
export async function commitStoredImport(
  sql: Sql,
  user: PermissionUser,
  id: string,
  options: { status?: "DRAFT" | "PUBLISHED"; batchSize?: number } = {},
): Promise<{ report: ImportReport; commit: CommitResult; plan: ImportPlan }> {
  const claimed = await sql.transaction(async (tx) => {
    const stored = await lockPlanned(tx, user, id);
    if (!(await mayImportInto(tx, user, stored.collectionId))) throw new ImportRefusal("You may not import into this collection.", "forbidden");
    await tx.query(`UPDATE import_plan SET state = 'committing' WHERE id = $1`, [id]);
    return stored;
  });
  const plan = claimed.plan;
  try {
    const entries = await sql.query<{ entry: PlanEntry | string }>(`SELECT entry FROM import_plan_entry WHERE plan_id = $1 ORDER BY position`, [id]);
    plan.entries = entries.map((e) => json(e.entry));
    const commit = await commitImport(sql, plan, { status: options.status ?? "DRAFT", userId: user.id, batchSize: options.batchSize });
    const report = buildReport(plan, commit);
    await sql.transaction(async (tx) => {
      for (let i = 0; i < report.rows.length; i += ENTRY_CHUNK) {
        await tx.query(
          `UPDATE import_plan_entry p SET result = r FROM jsonb_array_elements($2::jsonb) r WHERE p.plan_id = $1 AND p.position = (r->>'position')::int`,
          [id, JSON.stringify(report.rows.slice(i, i + ENTRY_CHUNK))],
        );
      }
      await tx.query(`UPDATE import_plan SET state = 'committed', result = $2::jsonb, committed_at = now() WHERE id = $1`, [id, JSON.stringify({ ...report, rows: [] })]);
    });
    return { report, commit, plan };
  } catch (err) {
    await sql.query(`UPDATE import_plan SET state = 'planned' WHERE id = $1 AND state = 'committing'`, [id]);
    throw err;
  }
}

/** Deletes plans past their expiry (committed ones are kept a week longer, for their report). */
export async function pruneExpiredImports(sql: Sql): Promise<void> {
  await sql.query(
    `DELETE FROM import_plan WHERE (state <> 'committed' AND expires_at < now()) OR (state = 'committed' AND expires_at < now() - interval '7 days')`,
  );
}
