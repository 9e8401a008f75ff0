// Restoring an earlier version of a researcher, a unit or a collection: the fields of that version
// are saved again as a new version — through the record's own save (its rules: slug taken, unknown
// unit, a cycle in the tree), with optimistic locking and an audit entry "restore". Restoring is a
// save, so it needs the right to save those fields: a version that puts the record in a unit the
// user does not cover is refused like the same edit would be.
import type { PermissionUser } from "../auth/permissions";
import type { Sql } from "../db/connection";
import { getRecordVersion, pickFields, RecordNotFoundError } from "./audit";
import { mayEditResearcher } from "./researchers/access";
import { RESEARCHER_FIELDS, type TResearcherFields } from "./researchers/schema";
import { loadEditableResearcher, updateResearcher } from "./researchers/store";
import { mayEditCollection, mayEditUnit } from "./units/access";
import { COLLECTION_FIELDS, UNIT_FIELDS, type TCollectionFields, type TUnitFields } from "./units/schema";
import { loadEditableCollection, loadEditableUnit, updateCollection, updateUnit } from "./units/store";

export type RestorableType = "researcher" | "unit" | "collection";

/** The user may not save the fields of that version (e.g. it belongs to a unit they do not cover). */
export class RestoreForbiddenError extends Error {
  constructor(
    readonly entityType: RestorableType,
    readonly id: number,
  ) {
    super(`Restoring this ${entityType} version is not allowed.`);
  }
}

/** A version's fields over the current ones (a field the old version did not record stays as it is). */
function merge<T extends object>(fields: readonly (keyof T & string)[], current: T, snapshot: Record<string, unknown>): T {
  const out = pickFields<T>(fields, current) as Record<string, unknown>;
  for (const k of fields) if (k in snapshot) out[k] = snapshot[k] ?? (Array.isArray(out[k]) ? [] : null);
  return out as T;
}

type Plan =
  | { type: "researcher"; fields: TResearcherFields }
  | { type: "unit"; fields: TUnitFields }
  | { type: "collection"; fields: TCollectionFields };

/** The fields that restoring `version` would save, or null when the record or the version is unknown. */
async function plan(sql: Sql, type: RestorableType, id: number, version: number): Promise<Plan | null> {
  const snapshot = await getRecordVersion(sql, type, id, version);
  if (!snapshot) return null;
  if (type === "researcher") {
    const current = await loadEditableResearcher(sql, id);
    return current && { type, fields: merge<TResearcherFields>(RESEARCHER_FIELDS, current, snapshot) };
  }
  if (type === "unit") {
    const current = await loadEditableUnit(sql, id);
    return current && { type, fields: merge<TUnitFields>(UNIT_FIELDS, current, snapshot) };
  }
  const current = await loadEditableCollection(sql, id);
  return current && { type, fields: merge<TCollectionFields>(COLLECTION_FIELDS, current, snapshot) };
}

function allowed(sql: Sql, user: PermissionUser, id: number, p: Plan): Promise<boolean> {
  if (p.type === "researcher") return mayEditResearcher(sql, user, { id, primaryUnitId: p.fields.primaryUnitId, unitIds: p.fields.unitIds });
  if (p.type === "unit") return mayEditUnit(sql, user, { id, parentId: p.fields.parentId });
  return mayEditCollection(sql, user, { id, unitId: p.fields.unitId });
}

/** Whether the user may restore that version (true for an unknown one: the restore then answers "not found"). */
export async function mayRestoreVersion(sql: Sql, user: PermissionUser, type: RestorableType, id: number, version: number): Promise<boolean> {
  const p = await plan(sql, type, id, version);
  return p === null ? true : allowed(sql, user, id, p);
}

/**
 * Saves the fields of `version` as a new version if the record is still at `expectedVersion`
 * (else RecordConflictError). RecordNotFoundError for an unknown record or version,
 * RestoreForbiddenError when the user may not save those fields; nothing is written then.
 */
export async function restoreRecordVersion(sql: Sql, user: PermissionUser, type: RestorableType, id: number, expectedVersion: number, version: number) {
  const p = await plan(sql, type, id, version);
  if (!p) throw new RecordNotFoundError(type, id);
  if (!(await allowed(sql, user, id, p))) throw new RestoreForbiddenError(type, id);
  const options = { action: "restore", summary: `restored version ${version}` };
  if (p.type === "researcher") return updateResearcher(sql, id, expectedVersion, p.fields, user.id, options);
  if (p.type === "unit") return updateUnit(sql, id, expectedVersion, p.fields, user.id, options);
  return updateCollection(sql, id, expectedVersion, p.fields, user.id, options);
}
