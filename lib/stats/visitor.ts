// Who a request comes from, without keeping who it is: a visitor hash that cannot be reversed or
// linked across days (the client address itself comes from lib/http/client-address.ts).
import crypto from "node:crypto";
import type { Sql } from "../db/connection";

/** HMAC-SHA-256 of address and user agent under the day's salt, 32 hex digits. */
export function visitorHash(salt: string, address: string, userAgent: string): string {
  return crypto.createHmac("sha256", salt).update(`${address}\n${userAgent}`).digest("hex").slice(0, 32);
}

const saltHolder = globalThis as unknown as { __atriumSalt?: { day: string; salt: Promise<string> } };

/**
 * The secret salt of the UTC day: created by whichever process asks first (a random value kept in
 * the database, so every server process agrees), older salts deleted so yesterday's visitors can
 * no longer be recomputed. Cached per process for the day.
 */
export function dailySalt(sql: Sql, now = new Date()): Promise<string> {
  const day = now.toISOString().slice(0, 10);
  if (saltHolder.__atriumSalt?.day === day) return saltHolder.__atriumSalt.salt;
  const salt = (async () => {
    await sql.query(`INSERT INTO usage_salt (day, salt) VALUES ($1::date, $2) ON CONFLICT (day) DO NOTHING`, [
      day,
      crypto.randomBytes(32).toString("base64url"),
    ]);
    await sql.query(`DELETE FROM usage_salt WHERE day < $1::date - 1`, [day]);
    const [row] = await sql.query<{ salt: string }>(`SELECT salt FROM usage_salt WHERE day = $1::date`, [day]);
    return row.salt;
  })();
  saltHolder.__atriumSalt = { day, salt };
  salt.catch(() => {
    if (saltHolder.__atriumSalt?.salt === salt) saltHolder.__atriumSalt = undefined;
  });
  return salt;
}
