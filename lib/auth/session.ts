// The session behind a request, read the way Auth.js reads it: the secret that signs session
// tokens, and the checks that turn a token into the signed-in user's current claims (the account
// is re-read, so deactivation, "sign out everywhere" and role changes apply at once). Shared by
// Auth.js's jwt callback (config.ts) and the workspace's early page check (proxy.ts).
import "server-only";
import { getToken } from "next-auth/jwt";
import { getSql } from "../db";
import type { Sql } from "../db/connection";
import { env } from "../env";
import { ensureAuthSecret } from "./bootstrap";
import type { Role } from "./permissions";
import { loadSessionUser } from "./users";

export type SessionClaims = {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  researcherId: number | null;
  unitIds: number[];
};

const secretHolder = globalThis as unknown as { __atriumAuthSecret?: Promise<string> };

/** AUTH_SECRET from the environment, else the one generated once and kept in the database. */
export function authSecret(): Promise<string> {
  const fromEnv = env().AUTH_SECRET;
  if (fromEnv) return Promise.resolve(fromEnv);
  secretHolder.__atriumAuthSecret ??= getSql()
    .then(ensureAuthSecret)
    .catch((err) => {
      secretHolder.__atriumAuthSecret = undefined;
      throw err;
    });
  return secretHolder.__atriumAuthSecret;
}

/**
 * The current claims of the account a token was issued to, or null when the session is over:
 * expired (`maxAgeSeconds` after sign-in, however active), account gone or deactivated, or signed
 * out everywhere since.
 */
export async function claimsForToken(sql: Sql, token: Record<string, unknown>, maxAgeSeconds: number): Promise<SessionClaims | null> {
  const uid = Number(token.uid);
  const signedInAt = Number(token.signedInAt);
  if (!Number.isInteger(uid) || !Number.isFinite(signedInAt)) return null;
  if (Date.now() > signedInAt + maxAgeSeconds * 1000) return null;
  const current = await loadSessionUser(sql, uid);
  if (!current || !current.active) return null;
  if (current.sessionsValidAfter && signedInAt < current.sessionsValidAfter.getTime()) return null;
  return {
    id: current.id,
    email: current.email,
    name: current.name,
    role: current.role,
    active: current.active,
    researcherId: current.researcherId,
    unitIds: [...current.unitIds],
  };
}

/** The signed-in user of a request from its session cookie (either cookie name), or null. */
export async function sessionClaimsFromCookies(cookieHeader: string | null): Promise<SessionClaims | null> {
  if (!cookieHeader || !/authjs\.session-token/.test(cookieHeader)) return null;
  const secret = await authSecret();
  // Only the cookie: a bearer header is an API token, not a session.
  const req = { headers: new Headers({ cookie: cookieHeader }) };
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req, secret, secureCookie });
    if (token) return claimsForToken(await getSql(), token, env().AUTH_SESSION_MAX_AGE);
  }
  return null;
}
