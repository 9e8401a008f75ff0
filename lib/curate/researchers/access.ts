// Who may create and edit which researcher profile in the workspace, loaded from the database and
// decided by the named permissions of lib/auth/permissions.ts. The server actions call these
// (with the validated input) before anything is written.
import type { Sql } from "../../db/connection";
import { loadUnitPath } from "../../auth/users";
import { canCreateResearcherIn, canCurateResearcher, coversUnit, type PermissionUser, type ResearcherTarget } from "../../auth/permissions";
import type { TResearcherFields } from "./schema";

/** The profile's permission target: the paths of its primary and other units; null when unknown. */
export async function getResearcherTarget(sql: Sql, id: number): Promise<ResearcherTarget | null> {
  const [row] = await sql.query<{ primary_unit_id: number | null }>(`SELECT primary_unit_id FROM researcher WHERE id = $1`, [id]);
  if (!row) return null;
  const units = await sql.query<{ unit_id: number }>(`SELECT unit_id FROM researcher_unit WHERE researcher_id = $1`, [id]);
  const ids = new Set([...(row.primary_unit_id === null ? [] : [Number(row.primary_unit_id)]), ...units.map((u) => Number(u.unit_id))]);
  const unitPaths = [];
  for (const u of ids) unitPaths.push(await loadUnitPath(sql, u));
  return { id, unitPaths };
}

const unitsOf = (f: Pick<TResearcherFields, "primaryUnitId" | "unitIds">) => [...(f.primaryUnitId ? [f.primaryUnitId] : []), ...f.unitIds];

async function coversAll(sql: Sql, user: PermissionUser, unitIds: number[]): Promise<boolean> {
  for (const u of new Set(unitIds)) if (!coversUnit(user, await loadUnitPath(sql, u))) return false;
  return true;
}

/** A new profile goes into units the user covers; one without a unit is the administrator's. */
export async function mayCreateResearcher(sql: Sql, user: PermissionUser, fields: Pick<TResearcherFields, "primaryUnitId" | "unitIds">): Promise<boolean> {
  if (fields.primaryUnitId === null) return coversUnit(user, []) && (await coversAll(sql, user, fields.unitIds));
  return canCreateResearcherIn(user, { path: await loadUnitPath(sql, fields.primaryUnitId) }) && (await coversAll(sql, user, fields.unitIds));
}

/** Editing needs rights on one of the profile's units, and on every unit newly added to it. */
export async function mayEditResearcher(sql: Sql, user: PermissionUser, input: { id: number } & Partial<Pick<TResearcherFields, "primaryUnitId" | "unitIds">>): Promise<boolean> {
  const target = await getResearcherTarget(sql, input.id);
  if (!target || !canCurateResearcher(user, target)) return false;
  if (input.unitIds === undefined) return true;
  const current = await sql.query<{ unit_id: number }>(
    `SELECT unit_id FROM researcher_unit WHERE researcher_id = $1 UNION SELECT primary_unit_id FROM researcher WHERE id = $1 AND primary_unit_id IS NOT NULL`,
    [input.id],
  );
  const had = new Set(current.map((c) => Number(c.unit_id)));
  return coversAll(sql, user, unitsOf({ primaryUnitId: input.primaryUnitId ?? null, unitIds: input.unitIds }).filter((u) => !had.has(u)));
}
