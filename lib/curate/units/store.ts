// Writes to the unit tree and its collections from the curator workspace: create, edit, move
// (a unit under a new parent, refusing cycles; a collection to another unit). Every save is
// versioned (optimistic locking) and audited through ../audit.
import type { Sql } from "../../db/connection";
import { rememberOldSlug } from "../old-slugs";
import { diffFields, pickFields, RecordNotFoundError, RecordRuleError, saveVersioned, writeAuditEntry, type SaveOptions } from "../audit";
import { COLLECTION_FIELDS, UNIT_FIELDS, type TCollectionFields, type TUnitFields } from "./schema";

export type EditableUnit = TUnitFields & { id: number; version: number; updatedAt: string };
export type EditableCollection = TCollectionFields & { id: number; version: number; updatedAt: string; unitSlug: string };

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const iso = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).toISOString();

export async function loadEditableUnit(sql: Sql, id: number, lock = false): Promise<EditableUnit | null> {
  const [r] = await sql.query<Row>(`SELECT * FROM unit WHERE id = $1 ${lock ? "FOR UPDATE" : ""}`, [id]);
  if (!r) return null;
  return {
    id: Number(r.id),
    version: Number(r.version),
    updatedAt: iso(r.updated_at),
    slug: String(r.slug),
    name: String(r.name),
    altName: str(r.alt_name),
    altLang: str(r.alt_lang),
    description: str(r.description),
    altDescription: str(r.alt_description),
    parentId: r.parent_id === null ? null : Number(r.parent_id),
  };
}

export async function loadEditableCollection(sql: Sql, id: number, lock = false): Promise<EditableCollection | null> {
  const [r] = await sql.query<Row>(`SELECT c.*, u.slug AS unit_slug FROM collection c JOIN unit u ON u.id = c.unit_id WHERE c.id = $1 ${lock ? "FOR UPDATE OF c" : ""}`, [id]);
  if (!r) return null;
  return {
    id: Number(r.id),
    version: Number(r.version),
    updatedAt: iso(r.updated_at),
    slug: String(r.slug),
    name: String(r.name),
    altName: str(r.alt_name),
    altLang: str(r.alt_lang),
    description: str(r.description),
    altDescription: str(r.alt_description),
    unitId: Number(r.unit_id),
    unitSlug: String(r.unit_slug),
  };
}

/** Whether `candidate` is `unitId` itself or lies below it (then it cannot become its parent). */
export async function isInSubtree(sql: Sql, unitId: number, candidate: number): Promise<boolean> {
  const [row] = await sql.query<{ found: boolean }>(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM unit WHERE id = $2
       UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.parent_id WHERE up.depth < 100)
     SELECT EXISTS (SELECT 1 FROM up WHERE id = $1) AS found`,
    [unitId, candidate],
  );
  return Boolean(row?.found);
}

async function checkUnitRules(sql: Sql, fields: TUnitFields, id: number | null) {
  const [taken] = await sql.query(`SELECT 1 FROM unit WHERE slug = $1 AND id IS DISTINCT FROM $2`, [fields.slug, id]);
  if (taken) throw new RecordRuleError("slug", "slugTaken");
  if (fields.parentId !== null) {
    const [parent] = await sql.query(`SELECT 1 FROM unit WHERE id = $1`, [fields.parentId]);
    if (!parent) throw new RecordRuleError("parentId", "unknownUnit");
    if (id !== null && (await isInSubtree(sql, id, fields.parentId))) throw new RecordRuleError("parentId", "cycle");
  }
}

async function checkCollectionRules(sql: Sql, fields: TCollectionFields, id: number | null) {
  const [taken] = await sql.query(`SELECT 1 FROM collection WHERE slug = $1 AND id IS DISTINCT FROM $2`, [fields.slug, id]);
  if (taken) throw new RecordRuleError("slug", "slugTaken");
  const [unit] = await sql.query(`SELECT 1 FROM unit WHERE id = $1`, [fields.unitId]);
  if (!unit) throw new RecordRuleError("unitId", "unknownUnit");
}

const UNIT_VALUES = (f: TUnitFields) => [f.slug, f.name, f.altName, f.altLang, f.description, f.altDescription, f.parentId];
const COLLECTION_VALUES = (f: TCollectionFields) => [f.slug, f.name, f.altName, f.altLang, f.description, f.altDescription, f.unitId];

export async function createUnit(sql: Sql, fields: TUnitFields, userId: number | null): Promise<EditableUnit> {
  return sql.transaction(async (tx) => {
    await checkUnitRules(tx, fields, null);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO unit (slug, name, alt_name, alt_lang, description, alt_description, parent_id, position, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT coalesce(max(position) + 1, 0) FROM unit WHERE parent_id IS NOT DISTINCT FROM $7::int), 1, now()) RETURNING id`,
      UNIT_VALUES(fields),
    );
    const unit = (await loadEditableUnit(tx, Number(row.id)))!;
    await writeAuditEntry(tx, { userId, action: "create", entityType: "unit", entityId: unit.id, version: 1, changes: diffFields<EditableUnit>(UNIT_FIELDS, {}, unit), snapshot: pickFields<EditableUnit>(UNIT_FIELDS, unit) });
    return unit;
  });
}

/** Saves a unit (names, description, slug, parent). A parent inside the unit's own subtree is refused ("cycle"). */
export async function updateUnit(sql: Sql, id: number, expectedVersion: number, fields: TUnitFields, userId: number | null, options: SaveOptions = {}) {
  return saveVersioned<EditableUnit>(sql, {
    table: "unit",
    id,
    expectedVersion,
    userId,
    fields: UNIT_FIELDS,
    load: loadEditableUnit,
    ...options,
    write: async (tx, before) => {
      await checkUnitRules(tx, fields, id);
      const moved = before.parentId !== fields.parentId;
      await tx.query(
        `UPDATE unit SET slug = $2, name = $3, alt_name = $4, alt_lang = $5, description = $6, alt_description = $7, parent_id = $8::int,
                position = CASE WHEN $9::boolean THEN (SELECT coalesce(max(position) + 1, 0) FROM unit WHERE parent_id IS NOT DISTINCT FROM $8::int AND id <> $1) ELSE position END
          WHERE id = $1`,
        [id, ...UNIT_VALUES(fields), moved],
      );
      await rememberOldSlug(tx, "unit", id, before.slug, fields.slug);
    },
  });
}

export async function createCollection(sql: Sql, fields: TCollectionFields, userId: number | null): Promise<EditableCollection> {
  return sql.transaction(async (tx) => {
    await checkCollectionRules(tx, fields, null);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO collection (slug, name, alt_name, alt_lang, description, alt_description, unit_id, position, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT coalesce(max(position) + 1, 0) FROM collection WHERE unit_id = $7::int), 1, now()) RETURNING id`,
      COLLECTION_VALUES(fields),
    );
    const c = (await loadEditableCollection(tx, Number(row.id)))!;
    await writeAuditEntry(tx, { userId, action: "create", entityType: "collection", entityId: c.id, version: 1, changes: diffFields<EditableCollection>(COLLECTION_FIELDS, {}, c), snapshot: pickFields<EditableCollection>(COLLECTION_FIELDS, c) });
    return c;
  });
}

/** Saves a collection; a new unitId moves it (with its items) to that unit. */
export async function updateCollection(sql: Sql, id: number, expectedVersion: number, fields: TCollectionFields, userId: number | null, options: SaveOptions = {}) {
  return saveVersioned<EditableCollection>(sql, {
    table: "collection",
    id,
    expectedVersion,
    userId,
    fields: COLLECTION_FIELDS,
    load: loadEditableCollection,
    ...options,
    write: async (tx, before) => {
      await checkCollectionRules(tx, fields, id);
      await tx.query(
        `UPDATE collection SET slug = $2, name = $3, alt_name = $4, alt_lang = $5, description = $6, alt_description = $7, unit_id = $8::int,
                position = CASE WHEN $9::boolean THEN (SELECT coalesce(max(position) + 1, 0) FROM collection WHERE unit_id = $8::int AND id <> $1) ELSE position END
          WHERE id = $1`,
        [id, ...COLLECTION_VALUES(fields), before.unitId !== fields.unitId],
      );
      await rememberOldSlug(tx, "collection", id, before.slug, fields.slug);
    },
  });
}

export type UnitRow = { id: number; slug: string; name: string; altName: string | null; parentId: number | null; depth: number; path: number[]; label: string };

/** Every unit in tree order, with its path of ids (for pickers, permissions and the list). */
export async function listUnitTree(sql: Sql): Promise<UnitRow[]> {
  const rows = await sql.query<Row>(`SELECT id, slug, name, alt_name, parent_id, position FROM unit ORDER BY position, name, id`);
  const children = new Map<number | null, Row[]>();
  for (const r of rows) {
    const p = r.parent_id === null ? null : Number(r.parent_id);
    if (!children.has(p)) children.set(p, []);
    children.get(p)!.push(r);
  }
  const out: UnitRow[] = [];
  const walk = (parent: number | null, path: number[], names: string[]) => {
    for (const r of children.get(parent) ?? []) {
      const id = Number(r.id);
      if (path.includes(id)) continue;
      const p = [...path, id];
      const n = [...names, String(r.name)];
      out.push({ id, slug: String(r.slug), name: String(r.name), altName: str(r.alt_name), parentId: parent, depth: path.length, path: p, label: n.join(" › ") });
      walk(id, p, n);
    }
  };
  walk(null, [], []);
  return out;
}

export type CollectionRow = { id: number; slug: string; name: string; altName: string | null; unitId: number; unitName: string; itemCount: number };

export async function listCollectionRows(sql: Sql, options: { q?: string; unitIds?: number[] | null; page: number; perPage: number }): Promise<{ rows: CollectionRow[]; total: number }> {
  const term = (options.q ?? "").trim().toLowerCase();
  const like = `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const where = `WHERE ($1 = '' OR lower(c.name) LIKE $2 OR lower(coalesce(c.alt_name, '')) LIKE $2 OR c.slug LIKE $2) AND ($3::int[] IS NULL OR c.unit_id = ANY($3::int[]))`;
  const params = [term, like, options.unitIds ?? null];
  const [count] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM collection c ${where}`, params);
  const rows = await sql.query<Row>(
    `SELECT c.id, c.slug, c.name, c.alt_name, c.unit_id, u.name AS unit_name, (SELECT count(*)::int FROM item i WHERE i.collection_id = c.id) AS item_count
       FROM collection c JOIN unit u ON u.id = c.unit_id ${where} ORDER BY u.name, c.position, c.name, c.id LIMIT $4 OFFSET $5`,
    [...params, options.perPage, (options.page - 1) * options.perPage],
  );
  return { total: Number(count.n), rows: rows.map((r) => ({ id: Number(r.id), slug: String(r.slug), name: String(r.name), altName: str(r.alt_name), unitId: Number(r.unit_id), unitName: String(r.unit_name), itemCount: Number(r.item_count) })) };
}

export { RecordNotFoundError };
