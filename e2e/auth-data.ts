// Accounts the sign-in and workspace tests use, written before the server starts (see
// e2e/test-data.ts). Their passwords exist only in this throwaway test database.
import { createUser } from "../lib/auth/users";
import type { Sql } from "../lib/db/connection";

const PASSWORD = "e2e-only password, not for real use";

export const AUTH_E2E = {
  admin: { email: "e2e-admin@test.invalid", password: PASSWORD, name: "E2E Administrator" },
  curator: { email: "e2e-curator@test.invalid", password: PASSWORD, name: "E2E Curator" },
  foreignCurator: { email: "e2e-foreign@test.invalid", password: PASSWORD, name: "E2E Foreign Curator" },
  researcher: { email: "e2e-researcher@test.invalid", password: PASSWORD, name: "E2E Researcher" },
  /** Locked out by the rate-limiting test; no other test signs in with it. */
  locked: { email: "e2e-locked@test.invalid", password: PASSWORD, name: "E2E Locked" },
  /** Signed out everywhere by its test. */
  everywhere: { email: "e2e-everywhere@test.invalid", password: PASSWORD, name: "E2E Everywhere" },
  /** The account the administrator's forms are exercised on (its actions are then replayed). */
  target: { email: "e2e-target@test.invalid", password: PASSWORD, name: "E2E Target" },
  /** Matched by email when signing in through the local OpenID Connect provider. */
  sso: { email: "e2e-sso@test.invalid", name: "E2E SSO Curator" },
} as const;

export async function insertAuthE2eRecords(sql: Sql): Promise<void> {
  const [koo] = await sql.query<{ id: number; unit_id: number }>(`SELECT id, primary_unit_id AS unit_id FROM researcher WHERE slug = 'koo-ja-wook'`);
  const [other] = await sql.query<{ id: number }>(
    `SELECT id FROM unit WHERE id <> $1 AND parent_id IS NOT NULL AND id NOT IN (
       WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM unit WHERE id = $1 UNION ALL SELECT u.id, u.parent_id FROM unit u JOIN up ON u.id = up.parent_id)
       SELECT id FROM up) ORDER BY id DESC LIMIT 1`,
    [koo.unit_id],
  );
  // Koo's profile belongs to the demonstration researcher account; the test researcher gets another.
  const [profile] = await sql.query<{ id: number }>(`SELECT id FROM researcher WHERE slug <> 'koo-ja-wook' ORDER BY id LIMIT 1`);
  const a = AUTH_E2E;
  await createUser(sql, { ...a.admin, role: "ADMIN" });
  await createUser(sql, { ...a.curator, role: "CURATOR", unitIds: [koo.unit_id] });
  await createUser(sql, { ...a.foreignCurator, role: "CURATOR", unitIds: [other.id] });
  await createUser(sql, { ...a.researcher, role: "RESEARCHER", researcherId: profile.id });
  await createUser(sql, { ...a.locked, role: "CURATOR", unitIds: [koo.unit_id] });
  await createUser(sql, { ...a.everywhere, role: "CURATOR", unitIds: [koo.unit_id] });
  await createUser(sql, { ...a.sso, role: "CURATOR", unitIds: [koo.unit_id] });
  await createUser(sql, { ...a.target, role: "CURATOR" });
}
