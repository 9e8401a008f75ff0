// The administrator's view and changes of accounts. Each change runs in one transaction, locks
// the account row first (two administrators at once cannot interleave), and writes an audit
// entry with the before/after of what it changed.
import type { Sql } from "../db/connection";
import type { Role } from "./permissions";
import { writeAudit } from "./users";

export type UserListRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  researcherId: number | null;
  researcherName: string | null;
  lastSignInAt: Date | null;
  units: { id: number; name: string; altName: string | null }[];
};

export async function listUsers(sql: Sql): Promise<UserListRow[]> {
  const rows = await sql.query<{
    id: number;
    email: string;
    name: string;
    role: Role;
    active: boolean;
    researcher_id: number | null;
    researcher_name: string | null;
    last_sign_in_at: Date | string | null;
    units: { id: number; name: string; altName: string | null }[] | null;
  }>(
    `SELECT u.id, u.email, u.name, u.role::text AS role, u.active, u.researcher_id, r.display_name AS researcher_name,
            u.last_sign_in_at,
            (SELECT json_agg(json_build_object('id', un.id, 'name', un.name, 'altName', un.alt_name) ORDER BY un.name)
               FROM unit_assignment a JOIN unit un ON un.id = a.unit_id WHERE a.user_id = u.id) AS units
     FROM app_user u LEFT JOIN researcher r ON r.id = u.researcher_id
     ORDER BY u.active DESC, u.role, lower(u.name), u.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    active: r.active,
    researcherId: r.researcher_id,
    researcherName: r.researcher_name,
    lastSignInAt: r.last_sign_in_at ? new Date(r.last_sign_in_at) : null,
    units: r.units ?? [],
  }));
}

export class UserNotFoundError extends Error {}
export class LastAdministratorError extends Error {}

type Locked = { role: Role; active: boolean; unitIds: number[] };

async function lockUser(tx: Sql, id: number): Promise<Locked> {
  const [row] = await tx.query<{ role: Role; active: boolean }>(`SELECT role::text AS role, active FROM app_user WHERE id = $1 FOR UPDATE`, [id]);
  if (!row) throw new UserNotFoundError(`No account with id ${id}.`);
  const units = await tx.query<{ unit_id: number }>(`SELECT unit_id FROM unit_assignment WHERE user_id = $1 ORDER BY unit_id`, [id]);
  return { role: row.role, active: row.active, unitIds: units.map((u) => Number(u.unit_id)) };
}

/** Refuses a change that would leave no active administrator. */
async function assertAnotherAdmin(tx: Sql, id: number) {
  const [row] = await tx.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM app_user WHERE role = 'ADMIN' AND active AND id <> $1`,
    [id],
  );
  if (Number(row.n) === 0) throw new LastAdministratorError("At least one active administrator must remain.");
}

export async function changeUserRole(sql: Sql, actorId: number, id: number, role: Role): Promise<void> {
  await sql.transaction(async (tx) => {
    const before = await lockUser(tx, id);
    if (before.role === role) return;
    if (before.role === "ADMIN") await assertAnotherAdmin(tx, id);
    await tx.query(`UPDATE app_user SET role = $2::role, updated_at = now() WHERE id = $1`, [id, role]);
    await writeAudit(tx, { userId: actorId, action: "update", entityType: "user", entityId: id, changes: { role: { before: before.role, after: role } } });
  });
}

export async function assignUserUnits(sql: Sql, actorId: number, id: number, unitIds: number[]): Promise<void> {
  const after = [...new Set(unitIds)].sort((a, b) => a - b);
  await sql.transaction(async (tx) => {
    const before = await lockUser(tx, id);
    if (JSON.stringify(before.unitIds) === JSON.stringify(after)) return;
    await tx.query(`DELETE FROM unit_assignment WHERE user_id = $1`, [id]);
    if (after.length) {
      await tx.query(`INSERT INTO unit_assignment (user_id, unit_id) SELECT $1, unnest($2::int[])`, [id, after]);
    }
    await tx.query(`UPDATE app_user SET updated_at = now() WHERE id = $1`, [id]);
    await writeAudit(tx, { userId: actorId, action: "update", entityType: "user", entityId: id, changes: { unitIds: { before: before.unitIds, after } } });
  });
}

/** Deactivating also ends the account's sessions. */
export async function setUserActive(sql: Sql, actorId: number, id: number, active: boolean): Promise<void> {
  await sql.transaction(async (tx) => {
    const before = await lockUser(tx, id);
    if (before.active === active) return;
    if (!active && before.role === "ADMIN") await assertAnotherAdmin(tx, id);
    await tx.query(
      `UPDATE app_user SET active = $2, sessions_valid_after = CASE WHEN $2 THEN sessions_valid_after ELSE now() END, updated_at = now() WHERE id = $1`,
      [id, active],
    );
    await writeAudit(tx, { userId: actorId, action: "update", entityType: "user", entityId: id, changes: { active: { before: before.active, after: active } } });
  });
}

/** Every session issued before now stops working at its next request. */
export async function signOutEverywhere(sql: Sql, actorId: number, id: number): Promise<void> {
  await sql.transaction(async (tx) => {
    const [row] = await tx.query<{ before: Date | string | null }>(`SELECT sessions_valid_after AS before FROM app_user WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw new UserNotFoundError(`No account with id ${id}.`);
    const [after] = await tx.query<{ at: Date | string }>(
      `UPDATE app_user SET sessions_valid_after = now(), updated_at = now() WHERE id = $1 RETURNING sessions_valid_after AS at`,
      [id],
    );
    await writeAudit(tx, {
      userId: actorId,
      action: "sign-out-everywhere",
      entityType: "user",
      entityId: id,
      changes: { sessionsValidAfter: { before: row.before ? new Date(row.before).toISOString() : null, after: new Date(after.at).toISOString() } },
    });
  });
}

/** Units for the assignment picker, in tree order with their depth. */
export async function listUnitsForPicker(sql: Sql): Promise<{ id: number; name: string; altName: string | null; depth: number }[]> {
  const rows = await sql.query<{ id: number; name: string; alt_name: string | null; depth: number }>(
    `WITH RECURSIVE t(id, name, alt_name, depth, sort) AS (
       SELECT id, name, alt_name, 0, ARRAY[position, id] FROM unit WHERE parent_id IS NULL
       UNION ALL SELECT u.id, u.name, u.alt_name, t.depth + 1, t.sort || ARRAY[u.position, u.id] FROM unit u JOIN t ON u.parent_id = t.id WHERE t.depth < 20)
     SELECT id, name, alt_name, depth FROM t ORDER BY sort`,
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name, altName: r.alt_name, depth: Number(r.depth) }));
}
