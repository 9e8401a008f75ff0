// The permission targets of items and collections (the unit paths that lib/auth/permissions.ts
// checks), over a given database handle: shared by the editor's actions (through service.ts) and
// the API's write endpoints (lib/api/item-writes.ts).
import type { Sql } from "../../db/connection";
import { coversUnit, type ItemTarget, type PermissionUser } from "../../auth/permissions";
import { loadUnitPath } from "../../auth/users";
import { getItemUnit } from "./store";

/** The permission target of an item (owning unit path, linked researchers), or null when unknown. */
export async function loadItemTarget(sql: Sql, id: number): Promise<ItemTarget | null> {
  const unit = await getItemUnit(sql, id);
  if (!unit) return null;
  return { unitPath: await loadUnitPath(sql, unit.unitId), researcherIds: unit.researcherIds };
}

/** The unit path of a collection's unit (empty for an unknown collection: nobody but an administrator covers it). */
export async function loadCollectionUnitPath(sql: Sql, collectionId: number): Promise<number[]> {
  const [row] = await sql.query<{ unit_id: number }>(`SELECT unit_id FROM collection WHERE id = $1`, [collectionId]);
  return row ? loadUnitPath(sql, Number(row.unit_id)) : [];
}

/** Whether the user covers the unit of every one of these collections. */
export async function userCoversCollections(sql: Sql, user: PermissionUser, ids: number[]): Promise<boolean> {
  for (const id of new Set(ids)) if (!coversUnit(user, await loadCollectionUnitPath(sql, id))) return false;
  return true;
}

/** Collections an update adds to the item (a new owning collection or new mappings): the user must cover them too. */
export function addedCollections(current: { collectionId: number; mappedCollectionIds: number[] } | null, next: { collectionId: number; mappedCollectionIds: number[] }): number[] {
  return [next.collectionId, ...next.mappedCollectionIds].filter((c) => c !== current?.collectionId && !current?.mappedCollectionIds.includes(c));
}
