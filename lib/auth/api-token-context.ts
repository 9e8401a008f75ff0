// The personal API token a request acts with, for the audit trail: the API layer runs a token's
// request inside withApiToken(), and the two audit writers (lib/auth/users writeAudit,
// lib/curate/audit writeAuditEntry) record it. Kept as request context rather than a parameter
// of every mutation, so that no write reached through the API can forget to say so.
import { AsyncLocalStorage } from "node:async_hooks";

const current = new AsyncLocalStorage<{ tokenId: number }>();

export function withApiToken<T>(tokenId: number, fn: () => Promise<T>): Promise<T> {
  return current.run({ tokenId }, fn);
}

/** The id of the API token the current request acts with; null for sessions, scripts and the system. */
export function currentApiTokenId(): number | null {
  return current.getStore()?.tokenId ?? null;
}
