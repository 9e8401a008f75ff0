// Accounts: creation, look-ups for sign-in and for the session, and the administrator's changes
// (role, units, deactivation, sign-out everywhere). Plain SQL over the Sql interface, so that the
// command line (scripts/user-create.ts), the seed and the server share one implementation. Every
// change writes an audit entry with the before/after of each field it touched.
import type { Sql } from "../db/connection";
import { currentApiTokenId } from "./api-token-context";
import { hashPassword } from "./password";
import type { PermissionUser, Role } from "./permissions";

export const ROLES: readonly Role[] = ["ADMIN", "CURATOR", "RESEARCHER"];

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class UserExistsError extends Error {
  constructor(email: string) {
    super(`An account for ${email} exists already.`);
  }
}

type Changes = Record<string, { before: unknown; after: unknown }>;

export async function writeAudit(
  sql: Sql,
  entry: { userId: number | null; action: string; entityType: string; entityId: number; changes?: Changes; summary?: string },
): Promise<void> {
  await sql.query(
    `INSERT INTO audit_entry (user_id, action, entity_type, entity_id, changes, summary, api_token_id) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
    [entry.userId, entry.action, entry.entityType, entry.entityId, entry.changes ? JSON.stringify(entry.changes) : null, entry.summary ?? null, currentApiTokenId()],
  );
}

export type NewUser = {
  email: string;
  name: string;
  role: Role;
  /** A password to hash; omit for accounts that sign in only through SSO/ORCID. */
  password?: string;
  researcherId?: number | null;
  unitIds?: number[];
  /** Who creates the account (null: the command line, the seed, the environment). */
  actorId?: number | null;
};

/** Creates an account and its unit assignments in one transaction; returns its id. */
export async function createUser(sql: Sql, input: NewUser): Promise<number> {
  const email = normaliseEmail(input.email);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return sql.transaction(async (tx) => {
    const [exists] = await tx.query(`SELECT 1 FROM app_user WHERE email = $1`, [email]);
    if (exists) throw new UserExistsError(email);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO app_user (email, name, password_hash, role, researcher_id, updated_at)
       VALUES ($1, $2, $3, $4::role, $5, now()) RETURNING id`,
      [email, input.name.trim(), passwordHash, input.role, input.researcherId ?? null],
    );
    const unitIds = [...new Set(input.unitIds ?? [])];
    for (const unitId of unitIds) {
      await tx.query(`INSERT INTO unit_assignment (user_id, unit_id) VALUES ($1, $2)`, [row.id, unitId]);
    }
    await writeAudit(tx, {
      userId: input.actorId ?? null,
      action: "create",
      entityType: "user",
      entityId: row.id,
      changes: {
        email: { before: null, after: email },
        name: { before: null, after: input.name.trim() },
        role: { before: null, after: input.role },
        researcherId: { before: null, after: input.researcherId ?? null },
        unitIds: { before: [], after: unitIds },
        password: { before: null, after: passwordHash ? "(set)" : null },
      },
    });
    return row.id;
  });
}

export type CredentialUser = { id: number; email: string; name: string; active: boolean; passwordHash: string | null };

export async function findUserByEmail(sql: Sql, email: string): Promise<CredentialUser | null> {
  const [row] = await sql.query<{ id: number; email: string; name: string; active: boolean; password_hash: string | null }>(
    `SELECT id, email, name, active, password_hash FROM app_user WHERE email = $1`,
    [normaliseEmail(email)],
  );
  return row ? { id: row.id, email: row.email, name: row.name, active: row.active, passwordHash: row.password_hash } : null;
}

/** The account linked to a researcher with this ORCID iD, or linked to it before through ORCID sign-in. */
export async function findUserByOrcid(sql: Sql, orcid: string): Promise<{ id: number; active: boolean } | null> {
  const [row] = await sql.query<{ id: number; active: boolean }>(
    `SELECT u.id, u.active FROM app_user u LEFT JOIN researcher r ON r.id = u.researcher_id
     WHERE r.orcid = $1 OR u.id IN (SELECT user_id FROM account WHERE provider = 'orcid' AND provider_account_id = $1)
     ORDER BY u.id LIMIT 1`,
    [orcid],
  );
  return row ?? null;
}

/** Remembers which external identity signed in as which account. */
export async function linkAccount(sql: Sql, userId: number, provider: string, providerAccountId: string): Promise<void> {
  await sql.query(
    `INSERT INTO account (user_id, provider, provider_account_id) VALUES ($1, $2, $3) ON CONFLICT (provider, provider_account_id) DO NOTHING`,
    [userId, provider, providerAccountId],
  );
}

export async function recordSignIn(sql: Sql, userId: number): Promise<void> {
  await sql.query(`UPDATE app_user SET last_sign_in_at = now() WHERE id = $1`, [userId]);
}

export type SessionUser = PermissionUser & {
  email: string;
  name: string;
  sessionsValidAfter: Date | null;
};

export async function loadSessionUser(sql: Sql, id: number): Promise<SessionUser | null> {
  const [row] = await sql.query<{
    id: number;
    email: string;
    name: string;
    role: Role;
    active: boolean;
    researcher_id: number | null;
    sessions_valid_after: Date | string | null;
    unit_ids: number[] | null;
  }>(
    `SELECT u.id, u.email, u.name, u.role::text AS role, u.active, u.researcher_id, u.sessions_valid_after,
            (SELECT array_agg(unit_id ORDER BY unit_id) FROM unit_assignment WHERE user_id = u.id) AS unit_ids
     FROM app_user u WHERE u.id = $1`,
    [id],
  );
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    researcherId: row.researcher_id,
    unitIds: (row.unit_ids ?? []).map(Number),
    sessionsValidAfter: row.sessions_valid_after ? new Date(row.sessions_valid_after) : null,
  };
}

/** Whether every id names a unit (an empty list does). */
export async function allUnitsExist(sql: Sql, ids: number[]): Promise<boolean> {
  if (ids.length === 0) return true;
  const rows = await sql.query<{ id: number }>(`SELECT id FROM unit WHERE id = ANY($1::int[])`, [ids]);
  return rows.length === new Set(ids).size;
}

/** Unit ids from the root down to the unit (empty when the unit does not exist). */
export async function loadUnitPath(sql: Sql, unitId: number): Promise<number[]> {
  const rows = await sql.query<{ id: number }>(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM unit WHERE id = $1
       UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.parent_id WHERE up.depth < 50)
     SELECT id FROM up ORDER BY depth DESC`,
    [unitId],
  );
  return rows.map((r) => Number(r.id));
}
