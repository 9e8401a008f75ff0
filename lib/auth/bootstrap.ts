// What `npm start` does for sign-in before the server starts: make sure there is a secret to sign
// sessions with (AUTH_SECRET from the environment, else one generated once and kept in the
// database, never in the repository), and create the first administrator from
// ATRIUM_ADMIN_EMAIL / ATRIUM_ADMIN_PASSWORD when no administrator exists yet.
import crypto from "node:crypto";
import type { Sql } from "../db/connection";
import { passwordProblem } from "./password";
import { createUser, normaliseEmail } from "./users";

const SECRET_KEY = "auth.secret";

export async function ensureAuthSecret(sql: Sql): Promise<string> {
  const fresh = crypto.randomBytes(32).toString("base64url");
  // Insert-if-absent, then read: two processes starting at once agree on one secret.
  await sql.query(
    `INSERT INTO site_setting (key, value, updated_at) VALUES ($1, to_jsonb($2::text), now()) ON CONFLICT (key) DO NOTHING`,
    [SECRET_KEY, fresh],
  );
  const [row] = await sql.query<{ value: string }>(`SELECT value #>> '{}' AS value FROM site_setting WHERE key = $1`, [SECRET_KEY]);
  return row.value;
}

export class BootstrapError extends Error {}

/** Returns the new administrator's email, or null when nothing was to be done. */
export async function createAdminFromEnv(sql: Sql, email: string | undefined, password: string | undefined): Promise<string | null> {
  if (!email && !password) return null;
  if (!email || !password) throw new BootstrapError("ATRIUM_ADMIN_EMAIL and ATRIUM_ADMIN_PASSWORD must be set together.");
  const problem = passwordProblem(password);
  if (problem) throw new BootstrapError(`ATRIUM_ADMIN_PASSWORD is ${problem === "tooShort" ? "shorter than 12 characters" : "too long"}.`);
  const [admin] = await sql.query(`SELECT 1 FROM app_user WHERE role = 'ADMIN'`);
  if (admin) return null;
  const [existing] = await sql.query(`SELECT 1 FROM app_user WHERE email = $1`, [normaliseEmail(email)]);
  if (existing) throw new BootstrapError(`${email} has an account that is not an administrator; promote it with npm run user:create or the workspace.`);
  await createUser(sql, { email, name: email.split("@")[0], role: "ADMIN", password });
  return normaliseEmail(email);
}
