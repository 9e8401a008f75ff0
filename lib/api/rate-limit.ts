// Rate limiting of anonymous API clients: a fixed window per client, counted in one PostgreSQL
// row per (client, window) with an atomic upsert, so every server process sharing the database
// shares the count. The client is a hash of its address (through trusted proxies only, see
// lib/http/client-address.ts); no address is stored.
import crypto from "node:crypto";
import type { Sql } from "../db/connection";
import { requestClientAddress } from "../http/client-address";

export type RateLimitConfig = { limit: number; windowSeconds: number };

export type RateLimitDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends. */
  reset: number;
};

export function clientKey(request: Request): string {
  const address = requestClientAddress(request.headers) ?? "unknown";
  return crypto.createHash("sha256").update(`atrium-api:${address}`).digest("base64url").slice(0, 22);
}

/** Counts one request of `key` and says whether it is within the limit. */
export async function takeToken(sql: Sql, key: string, config: RateLimitConfig, now = new Date()): Promise<RateLimitDecision> {
  const windowMs = config.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  const [row] = await sql.query<{ count: number }>(
    `INSERT INTO api_rate_limit (client_key, window_start, count) VALUES ($1, $2, 1)
     ON CONFLICT (client_key, window_start) DO UPDATE SET count = api_rate_limit.count + 1
     RETURNING count`,
    [key, new Date(start)],
  );
  // Old windows are cleared now and then by whichever request happens to pass.
  if (Math.random() < 0.01) await sql.query(`DELETE FROM api_rate_limit WHERE window_start < $1`, [new Date(start - windowMs)]);
  const count = Number(row.count);
  return {
    allowed: count <= config.limit,
    limit: config.limit,
    remaining: Math.max(0, config.limit - count),
    reset: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)),
  };
}

export function rateLimitHeaders(d: RateLimitDecision, config: RateLimitConfig): Record<string, string> {
  return {
    "RateLimit-Limit": String(d.limit),
    "RateLimit-Remaining": String(d.remaining),
    "RateLimit-Reset": String(d.reset),
    "RateLimit-Policy": `${config.limit};w=${config.windowSeconds}`,
  };
}
