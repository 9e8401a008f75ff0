// The late invalidation of a write's cache tags (lib/cache.ts) is a request the server makes to
// itself: Next.js invalidates tags only while it handles a request, and a server action's own
// request is over (its response rendered) by then. The server (scripts/server.ts) registers the
// address it listens on and a secret of this process; app/api/internal/settle answers only a
// request that carries that secret. Kept on globalThis: the server script and the Next.js bundles
// load separate copies of this module.
import { randomBytes, timingSafeEqual } from "node:crypto";

export const SETTLE_PATH = "/api/internal/settle";
export const SETTLE_HEADER = "x-atrium-settle";

type Target = { origin: string; secret: string };
const KEY = Symbol.for("atrium.settle-target");
const registry = globalThis as typeof globalThis & { [KEY]?: Target };

/** Called once by the server when it listens at `origin`. */
export function registerSettleTarget(origin: string): void {
  registry[KEY] = { origin, secret: randomBytes(24).toString("base64url") };
}

/** Where and with which secret to send a late invalidation; undefined outside the server (tests, scripts). */
export function settleTarget(): Target | undefined {
  return registry[KEY];
}

export function isSettleSecret(value: string | null): boolean {
  const secret = registry[KEY]?.secret;
  if (!secret || !value) return false;
  const a = Buffer.from(value);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
