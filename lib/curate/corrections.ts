// Correction requests: a researcher proposes new values for some fields of an item they
// contributed to; a curator with rights on the item accepts (the change is applied through the
// item store, so it is locked, versioned and in the item's history) or declines with a reason.
// Plain SQL over the Sql interface. Permission checks happen in the callers (guardedAction).
import { z } from "zod";
import { writeAudit } from "../auth/users";
import type { Sql } from "../db/connection";
import { ZItemFields, type TItemFields } from "./items/schema";
import { loadEditableItem, snapshotOf, updateItem, ItemNotFoundError, type ItemSnapshot } from "./items/store";

/** The fields a researcher may propose a correction to (plain metadata; not collections, status or files). */
export const CORRECTABLE_FIELDS = [
  "title",
  "alternativeTitle",
  "issueDate",
  "publisher",
  "journalTitle",
  "volume",
  "number",
  "startPage",
  "endPage",
  "doi",
  "abstract",
  "keywords",
  "language",
  "license",
] as const satisfies readonly (keyof TItemFields)[];
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

const ZId = z.coerce.number().int().positive().max(2_147_483_647);
const asList = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A request as the form sends it: pairs of field[] and value[] (one pair or more) and a comment. */
export const ZFileCorrection = z
  .object({
    itemId: ZId,
    field: z.preprocess(asList, z.array(z.enum(CORRECTABLE_FIELDS, { message: "unknownField" })).min(1, { message: "required" }).max(CORRECTABLE_FIELDS.length)),
    value: z.preprocess(asList, z.array(z.string().max(100_000, { message: "tooLong" }))),
    comment: z
      .string()
      .max(5000, { message: "tooLong" })
      .optional()
      .transform((v) => (v && v.trim() ? v.replace(/\r\n?/g, "\n").trim() : null)),
  })
  .refine((v) => v.field.length === v.value.length, { path: ["value"], message: "required" })
  .refine((v) => new Set(v.field).size === v.field.length, { path: ["field"], message: "duplicateField" });
export type TFileCorrection = z.infer<typeof ZFileCorrection>;

export const ZDecideCorrection = z
  .object({
    requestId: ZId,
    decision: z.enum(["accept", "decline"]),
    note: z
      .string()
      .max(5000, { message: "tooLong" })
      .optional()
      .transform((v) => (v && v.trim() ? v.trim() : null)),
  })
  .refine((v) => v.decision === "accept" || v.note !== null, { path: ["note"], message: "reasonRequired" });

export type CorrectionStatus = "OPEN" | "ACCEPTED" | "DECLINED";

export type CorrectionRequest = {
  id: number;
  itemId: number;
  itemTitle: string;
  itemHandle: string;
  changes: Record<string, unknown>;
  /** The item's current value of each proposed field, to compare. */
  current: Record<string, unknown>;
  comment: string | null;
  status: CorrectionStatus;
  itemVersion: number;
  filedBy: string | null;
  filedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
};

/** A request that cannot be filed or decided; `code` is translated by the interface. */
export class CorrectionError extends Error {
  constructor(
    readonly code: "notFound" | "decided" | "invalid" | "unchanged",
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(code);
  }
}

function fieldsOf(item: ItemSnapshot): Record<string, unknown> {
  const { status: _s, withdrawnReason: _w, ...fields } = item;
  void _s;
  void _w;
  return fields;
}

/** The item's fields with the proposed values put in, validated by the one item schema. */
function applyChanges(item: ItemSnapshot, changes: Record<string, unknown>): TItemFields {
  const candidate = { ...fieldsOf(item), ...changes };
  const parsed = ZItemFields.safeParse(candidate);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[issue.path.join(".") || "_"] ??= []).push(issue.message);
    throw new CorrectionError("invalid", errors);
  }
  return parsed.data;
}

/** Files a request (status OPEN) after checking that the proposed values are valid and differ. */
export async function fileCorrection(sql: Sql, input: TFileCorrection, userId: number): Promise<{ id: number }> {
  return sql.transaction(async (tx) => {
    const item = await loadEditableItem(tx, input.itemId);
    if (!item) throw new CorrectionError("notFound");
    const raw = Object.fromEntries(input.field.map((f, i) => [f, input.value[i]]));
    const fields = applyChanges(snapshotOf(item), raw);
    // Store what the schema made of each value (trimmed text, keyword lists, normalised DOI).
    const changes: Record<string, unknown> = {};
    for (const f of input.field) {
      const after = fields[f];
      if (JSON.stringify(after) !== JSON.stringify((item as Record<string, unknown>)[f])) changes[f] = after;
    }
    if (Object.keys(changes).length === 0) throw new CorrectionError("unchanged");
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO correction_request (item_id, changes, comment, item_version, filed_by_id) VALUES ($1, $2::jsonb, $3, $4, $5) RETURNING id`,
      [item.id, JSON.stringify(changes), input.comment, item.version, userId],
    );
    const id = Number(row.id);
    await writeAudit(tx, {
      userId,
      action: "create",
      entityType: "correction_request",
      entityId: id,
      changes: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, { before: (item as Record<string, unknown>)[k] ?? null, after: v }])),
      summary: `correction request on item ${item.id}`,
    });
    return { id };
  });
}

/** The item a request is about (for the permission check), or null. */
export async function itemOfCorrection(sql: Sql, requestId: number): Promise<number | null> {
  const [row] = await sql.query<{ item_id: number }>(`SELECT item_id FROM correction_request WHERE id = $1`, [requestId]);
  return row ? Number(row.item_id) : null;
}

/**
 * Accepts an open request: the proposed values are applied to the item's current version as a new
 * version (action "correction" in its history), in the same transaction that closes the request.
 */
export async function acceptCorrection(sql: Sql, requestId: number, userId: number, note: string | null = null) {
  return sql.transaction(async (tx) => {
    const request = await lockOpenRequest(tx, requestId);
    const item = await loadEditableItem(tx, request.itemId, true);
    if (!item) throw new ItemNotFoundError(request.itemId);
    const fields = applyChanges(snapshotOf(item), request.changes);
    const result = await updateItem(tx, item.id, item.version, fields, userId, { action: "correction", summary: `correction request #${requestId}` });
    await tx.query(`UPDATE correction_request SET status = 'ACCEPTED', decided_by_id = $2, decided_at = now(), decision_note = $3 WHERE id = $1`, [requestId, userId, note]);
    await writeAudit(tx, { userId, action: "accept", entityType: "correction_request", entityId: requestId, summary: `applied as version ${result.after.version} of item ${item.id}` });
    return result;
  });
}

export async function declineCorrection(sql: Sql, requestId: number, userId: number, reason: string): Promise<void> {
  await sql.transaction(async (tx) => {
    await lockOpenRequest(tx, requestId);
    await tx.query(`UPDATE correction_request SET status = 'DECLINED', decided_by_id = $2, decided_at = now(), decision_note = $3 WHERE id = $1`, [requestId, userId, reason]);
    await writeAudit(tx, { userId, action: "decline", entityType: "correction_request", entityId: requestId, summary: reason });
  });
}

async function lockOpenRequest(tx: Sql, requestId: number): Promise<{ itemId: number; changes: Record<string, unknown> }> {
  const [row] = await tx.query<{ item_id: number; changes: unknown; status: string }>(`SELECT item_id, changes, status::text AS status FROM correction_request WHERE id = $1 FOR UPDATE`, [requestId]);
  if (!row) throw new CorrectionError("notFound");
  if (row.status !== "OPEN") throw new CorrectionError("decided");
  return { itemId: Number(row.item_id), changes: parseJson(row.changes) };
}

const parseJson = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : (v ?? {})) as Record<string, unknown>;
const isoOf = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

export type CorrectionFilter = { itemId?: number; filedById?: number; status?: CorrectionStatus; itemIds?: number[]; unitIds?: number[] | "all"; limit?: number };

/** Requests, newest first: of one item, of one researcher's account, or open ones within units. */
export async function listCorrections(sql: Sql, filter: CorrectionFilter): Promise<CorrectionRequest[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (cond: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(cond(`$${params.length}`));
  };
  if (filter.itemId !== undefined) add((p) => `r.item_id = ${p}`, filter.itemId);
  if (filter.filedById !== undefined) add((p) => `r.filed_by_id = ${p}`, filter.filedById);
  if (filter.status !== undefined) add((p) => `r.status = ${p}::correction_status`, filter.status);
  if (filter.unitIds !== undefined && filter.unitIds !== "all") {
    // The item's owning unit is one of the units or below them.
    add(
      (p) => `c.unit_id IN (WITH RECURSIVE sub(id) AS (SELECT id FROM unit WHERE id = ANY(${p}::int[]) UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub)`,
      filter.unitIds,
    );
  }
  params.push(filter.limit ?? 50);
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT r.id, r.item_id, i.title AS item_title, i.handle AS item_handle, r.changes, r.comment, r.status::text AS status, r.item_version,
            f.name AS filed_by, r.filed_at, d.name AS decided_by, r.decided_at, r.decision_note
       FROM correction_request r
       JOIN item i ON i.id = r.item_id JOIN collection c ON c.id = i.collection_id
       LEFT JOIN app_user f ON f.id = r.filed_by_id LEFT JOIN app_user d ON d.id = r.decided_by_id
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY r.filed_at DESC, r.id DESC LIMIT $${params.length}`,
    params,
  );
  const out: CorrectionRequest[] = [];
  const items = new Map<number, Record<string, unknown> | null>();
  for (const r of rows) {
    const itemId = Number(r.item_id);
    if (!items.has(itemId)) items.set(itemId, (await loadEditableItem(sql, itemId)) as Record<string, unknown> | null);
    const changes = parseJson(r.changes);
    const item = items.get(itemId);
    out.push({
      id: Number(r.id),
      itemId,
      itemTitle: r.item_title as string,
      itemHandle: r.item_handle as string,
      changes,
      current: Object.fromEntries(Object.keys(changes).map((k) => [k, item?.[k] ?? null])),
      comment: (r.comment as string | null) ?? null,
      status: r.status as CorrectionStatus,
      itemVersion: Number(r.item_version),
      filedBy: (r.filed_by as string | null) ?? null,
      filedAt: isoOf(r.filed_at)!,
      decidedBy: (r.decided_by as string | null) ?? null,
      decidedAt: isoOf(r.decided_at),
      decisionNote: (r.decision_note as string | null) ?? null,
    });
  }
  return out;
}
