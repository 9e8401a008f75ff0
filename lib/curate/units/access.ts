// Who may create, edit and move which unit or collection, loaded from the database and decided
// by the named permissions of lib/auth/permissions.ts. The server actions call these (with the
// validated input) before anything is written. Moving needs rights on the old and the new place.
import type { Sql } from "../../db/connection";
import { loadUnitPath } from "../../auth/users";
import { canCreateTopLevelUnit, canEditCollection, canEditUnit, canMoveCollection, canMoveUnit, coversUnit, type PermissionUser } from "../../auth/permissions";

export async function mayCreateUnit(sql: Sql, user: PermissionUser, input: { parentId: number | null }): Promise<boolean> {
  if (input.parentId === null) return canCreateTopLevelUnit(user);
  return canEditUnit(user, { path: await loadUnitPath(sql, input.parentId) });
}

/**
 * Editing needs rights on the unit; a new parent needs rights on the old parent and the new one
 * (a top level place is the administrator's). A parent inside the unit's own subtree passes here
 * and is refused by the store with a message that says why ("cycle").
 */
export async function mayEditUnit(sql: Sql, user: PermissionUser, input: { id: number; parentId?: number | null }): Promise<boolean> {
  const path = await loadUnitPath(sql, input.id);
  if (path.length === 0 || !canEditUnit(user, { path })) return false;
  if (input.parentId === undefined) return true;
  const oldParent = path.length > 1 ? path[path.length - 2] : null;
  if (input.parentId === oldParent) return true;
  const newPath = input.parentId === null ? null : await loadUnitPath(sql, input.parentId);
  if (newPath && newPath.includes(input.id)) return true;
  const oldPlaceCovered = oldParent === null ? coversUnit(user, []) : coversUnit(user, path.slice(0, -1));
  return oldPlaceCovered && canMoveUnit(user, { path }, newPath === null ? null : { path: newPath });
}

export async function mayCreateCollection(sql: Sql, user: PermissionUser, input: { unitId: number }): Promise<boolean> {
  return canEditCollection(user, { path: await loadUnitPath(sql, input.unitId) });
}

export async function mayEditCollection(sql: Sql, user: PermissionUser, input: { id: number; unitId?: number }): Promise<boolean> {
  const [row] = await sql.query<{ unit_id: number }>(`SELECT unit_id FROM collection WHERE id = $1`, [input.id]);
  if (!row) return false;
  const from = { path: await loadUnitPath(sql, Number(row.unit_id)) };
  if (!canEditCollection(user, from)) return false;
  if (input.unitId === undefined || input.unitId === Number(row.unit_id)) return true;
  return canMoveCollection(user, from, { path: await loadUnitPath(sql, input.unitId) });
}
