// What the workspace's pages and server actions call for researchers, units and collections: the
// database connection, the permission checks with the signed-in user, lists for pickers and the
// searchable lists, and cache invalidation after a write (public pages show the change at once).
import "server-only";
import { cacheTags, invalidate } from "../cache";
import { getSql } from "../db";
import { ActionRefusal, type GuardUser } from "../auth/guard";
import { canCurateResearcher, coversUnit } from "../auth/permissions";
import { listHistory, RecordConflictError, RecordNotFoundError, RecordRuleError } from "./audit";
import { mayRestoreVersion, restoreRecordVersion, RestoreForbiddenError, type RestorableType } from "./restore";
import { getResearcherTarget, mayCreateResearcher, mayEditResearcher } from "./researchers/access";
import type { TResearcherFields } from "./researchers/schema";
import { createResearcher, listResearchers, loadEditableResearcher, updateResearcher } from "./researchers/store";
import { mayCreateCollection, mayCreateUnit, mayEditCollection, mayEditUnit } from "./units/access";
import type { TCollectionFields, TUnitFields } from "./units/schema";
import { createCollection, createUnit, listCollectionRows, listUnitTree, loadEditableCollection, loadEditableUnit, updateCollection, updateUnit } from "./units/store";

export const RECORDS_PER_PAGE = 25;

/** Store errors as action refusals: a conflict (409), a rule tied to a field, an unknown record. */
export function refuse(err: unknown): never {
  if (err instanceof RecordConflictError) throw new ActionRefusal("conflict", 409);
  if (err instanceof RecordRuleError) throw new ActionRefusal(err.code, 422, { [err.field]: [err.code] });
  if (err instanceof RecordNotFoundError) throw new ActionRefusal("notFound");
  throw err;
}

export const access = {
  createResearcher: async (user: GuardUser, input: { primaryUnitId: number | null; unitIds: number[] }) => mayCreateResearcher(await getSql(), user, input),
  editResearcher: async (user: GuardUser, input: { id: number; primaryUnitId?: number | null; unitIds?: number[] }) => mayEditResearcher(await getSql(), user, input),
  createUnit: async (user: GuardUser, input: { parentId: number | null }) => mayCreateUnit(await getSql(), user, input),
  editUnit: async (user: GuardUser, input: { id: number; parentId?: number | null }) => mayEditUnit(await getSql(), user, input),
  createCollection: async (user: GuardUser, input: { unitId: number }) => mayCreateCollection(await getSql(), user, input),
  editCollection: async (user: GuardUser, input: { id: number; unitId?: number }) => mayEditCollection(await getSql(), user, input),
  /** Restoring a version: the right to edit the record, and to save that version's fields (its units). */
  restore: async (user: GuardUser, type: RestorableType, input: { id: number; restore: number }) => {
    const sql = await getSql();
    const edit = type === "researcher" ? mayEditResearcher : type === "unit" ? mayEditUnit : mayEditCollection;
    return (await edit(sql, user, { id: input.id })) && (await mayRestoreVersion(sql, user, type, input.id, input.restore));
  },
};

/**
 * Saves version `restore` of the record as a new version (the user saw version `version`), then
 * refreshes the public pages it shows on (old and new slug).
 */
export async function restoreRecord(user: GuardUser, type: RestorableType, input: { id: number; version: number; restore: number }) {
  const result = await restoreRecordVersion(await getSql(), user, type, input.id, input.version, input.restore).catch((err) => {
    if (err instanceof RestoreForbiddenError) throw new ActionRefusal("forbidden");
    return refuse(err);
  });
  if (type === "researcher") invalidateResearcher((result.before as { slug: string }).slug, (result.after as { slug: string }).slug);
  else invalidateUnits();
  return { id: input.id, version: input.restore, newVersion: result.after.version };
}

/** The editors' writes on the application's database, by the signed-in user (store errors pass through: see refuse). */
export const recordWrites = {
  createResearcher: async (user: GuardUser, fields: TResearcherFields) => createResearcher(await getSql(), fields, user.id),
  updateResearcher: async (user: GuardUser, id: number, version: number, fields: TResearcherFields) => updateResearcher(await getSql(), id, version, fields, user.id),
  createUnit: async (user: GuardUser, fields: TUnitFields) => createUnit(await getSql(), fields, user.id),
  updateUnit: async (user: GuardUser, id: number, version: number, fields: TUnitFields) => updateUnit(await getSql(), id, version, fields, user.id),
  createCollection: async (user: GuardUser, fields: TCollectionFields) => createCollection(await getSql(), fields, user.id),
  updateCollection: async (user: GuardUser, id: number, version: number, fields: TCollectionFields) => updateCollection(await getSql(), id, version, fields, user.id),
};

/** Whether the user may edit the researcher with this slug (for the public page's "edit" link). */
export async function researcherEditLink(user: GuardUser, slug: string): Promise<number | null> {
  const sql = await getSql();
  const [row] = await sql.query<{ id: number }>(`SELECT id FROM researcher WHERE slug = $1`, [slug]);
  if (!row) return null;
  const target = await getResearcherTarget(sql, Number(row.id));
  return target && canCurateResearcher(user, target) ? Number(row.id) : null;
}

export async function unitEditLink(user: GuardUser, slug: string): Promise<number | null> {
  const sql = await getSql();
  const [row] = await sql.query<{ id: number }>(`SELECT id FROM unit WHERE slug = $1`, [slug]);
  return row && (await mayEditUnit(sql, user, { id: Number(row.id) })) ? Number(row.id) : null;
}

export async function collectionEditLink(user: GuardUser, slug: string): Promise<number | null> {
  const sql = await getSql();
  const [row] = await sql.query<{ id: number }>(`SELECT id FROM collection WHERE slug = $1`, [slug]);
  return row && (await mayEditCollection(sql, user, { id: Number(row.id) })) ? Number(row.id) : null;
}

export type UnitChoice = { id: number; label: string; depth: number; path: number[]; mayUse: boolean };

/** Every unit in tree order, marked with whether the user covers it. */
export async function getUnitChoices(user: GuardUser): Promise<UnitChoice[]> {
  const tree = await listUnitTree(await getSql());
  return tree.map((u) => ({ id: u.id, label: u.label, depth: u.depth, path: u.path, mayUse: coversUnit(user, u.path) }));
}

export async function getEditableResearcher(id: number) {
  return loadEditableResearcher(await getSql(), id);
}
export async function getEditableUnit(id: number) {
  return loadEditableUnit(await getSql(), id);
}
export async function getEditableCollection(id: number) {
  return loadEditableCollection(await getSql(), id);
}
export async function getRecordHistory(entityType: "researcher" | "unit" | "collection", id: number, limit = 50) {
  return listHistory(await getSql(), entityType, id, limit);
}

export async function getResearcherList(q: string, page: number) {
  return listResearchers(await getSql(), { q, page, perPage: RECORDS_PER_PAGE });
}
/** Collections matching `q`, each marked with whether the user may edit it. */
export async function getCollectionListFor(user: GuardUser, q: string, page: number) {
  const sql = await getSql();
  const [{ rows, total }, tree] = await Promise.all([listCollectionRows(sql, { q, page, perPage: RECORDS_PER_PAGE }), listUnitTree(sql)]);
  const paths = new Map(tree.map((u) => [u.id, u.path]));
  return { total, rows: rows.map((c) => ({ ...c, mayEdit: coversUnit(user, paths.get(c.unitId) ?? []) })) };
}

/** Units in tree order matching `q` (name, second-language name or slug), a page of them. */
export async function getUnitList(user: GuardUser, q: string, page: number) {
  const tree = await listUnitTree(await getSql());
  const term = q.trim().toLowerCase();
  const matching = term ? tree.filter((u) => u.name.toLowerCase().includes(term) || (u.altName ?? "").toLowerCase().includes(term) || u.slug.includes(term)) : tree;
  const rows = matching.slice((page - 1) * RECORDS_PER_PAGE, page * RECORDS_PER_PAGE).map((u) => ({ ...u, mayEdit: coversUnit(user, u.path) }));
  return { rows, total: matching.length };
}

/** Public pages of a researcher (old and new slug), the unit pages that list them, the home page. */
export function invalidateResearcher(...slugs: (string | null | undefined)[]) {
  invalidate(cacheTags.site, cacheTags.units, ...new Set(slugs.filter((s): s is string => !!s).map((s) => cacheTags.researcher(s))));
}

/** Unit and collection pages, trees, breadcrumbs on item pages, the home page. */
export function invalidateUnits() {
  invalidate(cacheTags.site, cacheTags.units);
}

/** Photo writes with the real database, storage and limit. */
export async function photoDeps() {
  const { getStorage } = await import("../storage");
  const { env } = await import("../env");
  return { sql: await getSql(), storage: getStorage(), maxBytes: env().MAX_PHOTO_BYTES };
}
