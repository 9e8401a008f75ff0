// Personal API tokens. A token is "atr_" + 32 random bytes (base64url); only its SHA-256 is kept,
// with the first characters as a prefix the account page shows so that its owner can tell tokens
// apart. `Authorization: Bearer <token>` acts as the token's user with exactly the rights of the
// user's session (the account is re-read on every request, as the session callback does), until
// the token is revoked or expires, or the account is deactivated. Plain SQL over the Sql
// interface; creation and revocation write audit entries.
import crypto from "node:crypto";
import { z } from "zod";
import type { Sql } from "../db/connection";
import type { PermissionUser } from "./permissions";
import { loadSessionUser, writeAudit } from "./users";

export const TOKEN_PREFIX = "atr_";
/** How many characters of the token are stored in clear to tell tokens apart. */
const SHOWN = TOKEN_PREFIX.length + 8;
/** last_used_at is written at most this often per token (a busy client should not write on every request). */
const LAST_USED_RESOLUTION_SECONDS = 60;

export const EXPIRY_DAYS = [7, 30, 90, 365] as const;

export const ZCreateToken = z.object({
  name: z
    .string()
    .transform((v) => v.trim())
    .refine((v) => v !== "", { message: "required" })
    .refine((v) => [...v].length <= 100, { message: "tooLong" })
    .refine((v) => !/[\u0000-\u001F\u007F-\u009F]/.test(v), { message: "controlChars" }),
  /** Days until the token expires; "never" keeps it until revoked. */
  expiresInDays: z.enum(["never", ...EXPIRY_DAYS.map(String)] as [string, ...string[]]).default("90"),
});
export type TCreateToken = z.infer<typeof ZCreateToken>;

export const ZRevokeToken = z.object({ tokenId: z.coerce.number().int().positive().max(2_147_483_647) });

export type ApiTokenInfo = {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  state: "active" | "revoked" | "expired";
};

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** Creates a token; the returned `token` is the only time the secret exists outside the caller. */
export async function createApiToken(
  sql: Sql,
  userId: number,
  input: { name: string; expiresAt: Date | null },
): Promise<{ id: number; token: string; prefix: string }> {
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
  const prefix = token.slice(0, SHOWN);
  return sql.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO api_token (user_id, name, prefix, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [userId, input.name, prefix, hashToken(token), input.expiresAt],
    );
    const id = Number(row.id);
    await writeAudit(tx, {
      userId,
      action: "create",
      entityType: "api_token",
      entityId: id,
      changes: { name: { before: null, after: input.name }, prefix: { before: null, after: prefix }, expiresAt: { before: null, after: input.expiresAt?.toISOString() ?? null } },
    });
    return { id, token, prefix };
  });
}

/** The expiry of a new token from the form's choice. */
export function expiryFrom(choice: TCreateToken["expiresInDays"], now = new Date()): Date | null {
  if (choice === "never") return null;
  return new Date(now.getTime() + Number(choice) * 24 * 60 * 60 * 1000);
}

const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));

/** The user's tokens, newest first (revoked ones too, for the record). */
export async function listApiTokens(sql: Sql, userId: number): Promise<ApiTokenInfo[]> {
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT id, name, prefix, created_at, last_used_at, expires_at, revoked_at, (expires_at IS NOT NULL AND expires_at <= now()) AS expired FROM api_token WHERE user_id = $1 ORDER BY created_at DESC, id DESC`,
    [userId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name as string,
    prefix: r.prefix as string,
    createdAt: date(r.created_at)!,
    lastUsedAt: date(r.last_used_at),
    expiresAt: date(r.expires_at),
    revokedAt: date(r.revoked_at),
    state: r.revoked_at ? "revoked" : r.expired ? "expired" : "active",
  }));
}

/** Revokes one of the user's own tokens; false when the user has no such live token. */
export async function revokeApiToken(sql: Sql, userId: number, tokenId: number): Promise<boolean> {
  return sql.transaction(async (tx) => {
    const rows = await tx.query<{ id: number; name: string }>(
      `UPDATE api_token SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id, name`,
      [tokenId, userId],
    );
    if (rows.length === 0) return false;
    await writeAudit(tx, { userId, action: "revoke", entityType: "api_token", entityId: tokenId, summary: `revoked "${rows[0].name}"` });
    return true;
  });
}

export type TokenUser = PermissionUser & { email: string; name: string };

export type TokenCheck = { ok: true; user: TokenUser; tokenId: number } | { ok: false; reason: "malformed" | "unknown" | "revoked" | "expired" | "inactive" };

/** The user a bearer token acts as, or why it does not; records the token's last use. */
export async function authenticateToken(sql: Sql, token: string, now = new Date()): Promise<TokenCheck> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200 || !/^[A-Za-z0-9_-]+$/.test(token)) return { ok: false, reason: "malformed" };
  const [row] = await sql.query<{ id: number; user_id: number; expires_at: Date | string | null; revoked_at: Date | string | null }>(
    `SELECT id, user_id, expires_at, revoked_at FROM api_token WHERE token_hash = $1`,
    [hashToken(token)],
  );
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revoked_at) return { ok: false, reason: "revoked" };
  if (row.expires_at && date(row.expires_at)!.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  const user = await loadSessionUser(sql, Number(row.user_id));
  if (!user || !user.active) return { ok: false, reason: "inactive" };
  await sql.query(
    `UPDATE api_token SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - make_interval(secs => $3))`,
    [row.id, now, LAST_USED_RESOLUTION_SECONDS],
  );
  return {
    ok: true,
    tokenId: Number(row.id),
    user: { id: user.id, email: user.email, name: user.name, role: user.role, active: user.active, researcherId: user.researcherId, unitIds: [...user.unitIds] },
  };
}

/** The token of an `Authorization: Bearer …` header; undefined without one, null for another scheme. */
export function bearerToken(headers: Headers): string | null | undefined {
  const header = headers.get("authorization");
  if (header === null) return undefined;
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return m ? m[1] : null;
}
