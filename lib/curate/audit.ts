// The audit trail and optimistic locking shared by every record a curator edits (items,
// researchers, units, collections). Each write is one transaction that bumps the record's version
// and writes an audit entry with the before/after of each field that changed and a snapshot of
// the new version; a save from an older version is refused with the current state.
import type { Sql } from "../db/connection";
import { currentApiTokenId } from "../auth/api-token-context";

export type FieldChange = { before: unknown; after: unknown };

/** An empty list and no value are the same thing to a reader. */
const isEmpty = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);

/** Field-by-field differences between two versions (JSON equality), over `fields` in order. */
export function diffFields<T extends object>(fields: readonly (keyof T & string)[], before: Partial<T>, after: Partial<T>): Record<string, FieldChange> {
  const out: Record<string, FieldChange> = {};
  for (const k of fields) {
    const b = isEmpty(before[k]) ? null : before[k];
    const a = isEmpty(after[k]) ? null : after[k];
    if (JSON.stringify(b) !== JSON.stringify(a)) out[k] = { before: b, after: a };
  }
  return out;
}

/** Only the listed fields of a record (what a version is made of). */
export function pickFields<T extends object>(fields: readonly (keyof T & string)[], record: T): T {
  const out = {} as Record<string, unknown>;
  for (const k of fields) out[k] = (record as Record<string, unknown>)[k];
  return out as T;
}

export type AuditRecord = {
  userId: number | null;
  action: string;
  entityType: string;
  entityId: number;
  version: number | null;
  changes: Record<string, FieldChange>;
  snapshot?: unknown;
  summary?: string | null;
};

export async function writeAuditEntry(sql: Sql, entry: AuditRecord): Promise<void> {
  await sql.query(
    `INSERT INTO audit_entry (user_id, action, entity_type, entity_id, version, changes, snapshot, summary, api_token_id) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9)`,
    [entry.userId, entry.action, entry.entityType, entry.entityId, entry.version, JSON.stringify(entry.changes), entry.snapshot === undefined ? null : JSON.stringify(entry.snapshot), entry.summary ?? null, currentApiTokenId()],
  );
}

export type HistoryEntry = {
  id: string;
  at: string;
  action: string;
  version: number | null;
  summary: string | null;
  userName: string | null;
  /** The name of the personal API token the change was made with, if it was. */
  apiToken: string | null;
  changes: Record<string, FieldChange>;
  restorable: boolean;
};

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/** A record's audit entries, newest first. */
export async function listHistory(sql: Sql, entityType: string, entityId: number, limit = 500): Promise<HistoryEntry[]> {
  const rows = await sql.query<{ id: string; at: Date | string; action: string; version: number | null; summary: string | null; user_name: string | null; api_token: string | null; changes: unknown; has_snapshot: boolean }>(
    `SELECT a.id::text, a.at, a.action, a.version, a.summary, u.name AS user_name, t.name AS api_token, a.changes, a.snapshot IS NOT NULL AS has_snapshot
       FROM audit_entry a LEFT JOIN app_user u ON u.id = a.user_id LEFT JOIN api_token t ON t.id = a.api_token_id
      WHERE a.entity_type = $1 AND a.entity_id = $2 ORDER BY a.at DESC, a.id DESC LIMIT $3`,
    [entityType, entityId, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    at: iso(r.at),
    action: r.action,
    version: r.version === null ? null : Number(r.version),
    summary: r.summary,
    userName: r.user_name,
    apiToken: r.api_token,
    changes: (typeof r.changes === "string" ? JSON.parse(r.changes) : (r.changes ?? {})) as Record<string, FieldChange>,
    restorable: r.has_snapshot,
  }));
}

/**
 * The fields of a record as they were at `version`: the snapshot written with that version, or —
 * for a version saved before snapshots were kept — the next version's snapshot with its changes
 * undone. Null when the history does not reach that far.
 */
export async function getRecordVersion(sql: Sql, entityType: string, id: number, version: number): Promise<Record<string, unknown> | null> {
  const parse = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v) as Record<string, unknown>;
  const [exact] = await sql.query<{ snapshot: unknown }>(
    `SELECT snapshot FROM audit_entry WHERE entity_type = $1 AND entity_id = $2 AND version = $3 AND snapshot IS NOT NULL ORDER BY id DESC LIMIT 1`,
    [entityType, id, version],
  );
  if (exact) return parse(exact.snapshot);
  const [next] = await sql.query<{ snapshot: unknown; changes: unknown }>(
    `SELECT snapshot, changes FROM audit_entry WHERE entity_type = $1 AND entity_id = $2 AND version = $3 AND snapshot IS NOT NULL ORDER BY id LIMIT 1`,
    [entityType, id, version + 1],
  );
  if (!next) return null;
  const snapshot = { ...parse(next.snapshot) };
  const changes = (typeof next.changes === "string" ? JSON.parse(next.changes) : next.changes) as Record<string, FieldChange>;
  for (const [k, c] of Object.entries(changes ?? {})) snapshot[k] = c.before;
  return snapshot;
}

/** Someone else saved the record since `expected`: carries the current state, to show what changed. */
export class RecordConflictError<T = unknown> extends Error {
  constructor(
    readonly expected: number,
    readonly current: T & { version: number },
  ) {
    super(`The record was changed by someone else (version ${current.version}, expected ${expected}).`);
  }
}

export class RecordNotFoundError extends Error {
  constructor(
    readonly entityType: string,
    readonly id: number,
  ) {
    super(`No ${entityType} ${id}.`);
  }
}

/** A rule of the domain that refuses the input, tied to a field (e.g. slug taken, cycle in the tree). */
export class RecordRuleError extends Error {
  constructor(
    readonly field: string,
    readonly code: string,
  ) {
    super(`${field}: ${code}`);
  }
}

/** What a save is recorded as: "update" unless said otherwise (e.g. "restore", "restored version 3"). */
export type SaveOptions = { action?: string; summary?: string };

/**
 * One versioned save: locks the row, refuses a save from another version than `expectedVersion`
 * (RecordConflictError with the current state), runs `write`, bumps version and updated_at, and
 * writes the audit entry with the before/after of each of `fields` that changed. All in one
 * transaction: nothing is half-written.
 */
export async function saveVersioned<T extends { id: number; version: number }>(
  sql: Sql,
  options: {
    table: "researcher" | "unit" | "collection";
    id: number;
    expectedVersion: number;
    userId: number | null;
    fields: readonly (keyof T & string)[];
    load: (tx: Sql, id: number, lock: boolean) => Promise<T | null>;
    write: (tx: Sql, before: T) => Promise<void>;
    action?: string;
    summary?: string;
  },
): Promise<{ before: T; after: T; changes: Record<string, FieldChange> }> {
  const result = await sql.transaction(async (tx) => {
    const before = await options.load(tx, options.id, true);
    if (!before) throw new RecordNotFoundError(options.table, options.id);
    if (before.version !== options.expectedVersion) return { conflict: before } as const;
    await options.write(tx, before);
    await tx.query(`UPDATE ${options.table} SET version = version + 1, updated_at = now() WHERE id = $1`, [options.id]);
    const after = (await options.load(tx, options.id, false))!;
    const changes = diffFields<T>(options.fields, before, after);
    await writeAuditEntry(tx, {
      userId: options.userId,
      action: options.action ?? "update",
      entityType: options.table,
      entityId: options.id,
      version: after.version,
      changes,
      snapshot: pickFields<T>(options.fields, after),
      summary: options.summary,
    });
    return { before, after, changes } as const;
  });
  if ("conflict" in result) throw new RecordConflictError<T>(options.expectedVersion, result.conflict as T);
  return result;
}
