// The client's address for sign-in throttling. scripts/server.ts appends the TCP peer to
// X-Forwarded-For, so the last entry cannot be forged; behind TRUSTED_PROXY_HOPS reverse proxies,
// each of which appends the address it saw, the client is that many entries further left.
export function clientIp(forwardedFor: string | null | undefined, trustedProxyHops = 0): string | null {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const entry = entries[Math.max(0, entries.length - 1 - trustedProxyHops)];
  return entry.replace(/^::ffff:/, "");
}
