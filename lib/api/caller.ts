// Who is calling a guarded /api/v1 endpoint: the user of a personal API token
// (`Authorization: Bearer atr_…`, lib/auth/tokens.ts) or of the session cookie. A token that does
// not authenticate is a 401, never a silent fall-back to the cookie. A cookie-authenticated write
// must come from this site: browsers mark cross-site requests (Sec-Fetch-Site, Origin), and such
// a request is refused with 403 — the cross-site request forgery defence that Next.js gives
// server actions, applied to route handlers. Requests with neither header are not from a browser
// (curl, scripts) and pass, as in Go's net/http CrossOriginProtection.
import type { Sql } from "../db/connection";
import { withApiToken } from "../auth/api-token-context";
import { authenticateToken, bearerToken, type TokenCheck, type TokenUser } from "../auth/tokens";
import { problem } from "./problem";

export type Caller = { user: TokenUser; via: "token"; tokenId: number } | { user: TokenUser; via: "session" };
export type SessionLoader = () => Promise<TokenUser | null>;

const BEARER_CHALLENGE = 'Bearer realm="atrium"';

const TOKEN_REFUSALS: Record<Exclude<TokenCheck, { ok: true }>["reason"], string> = {
  malformed: "The bearer token is not an Atrium API token.",
  unknown: "The bearer token is not known.",
  revoked: "The bearer token has been revoked.",
  expired: "The bearer token has expired.",
  inactive: "The account of this token is deactivated.",
};

export function tokenProblem(detail: string): Response {
  return problem(401, "Unauthorized", detail, { headers: { "WWW-Authenticate": `${BEARER_CHALLENGE}, error="invalid_token"`, "Cache-Control": "no-store" } });
}

export function unauthenticatedProblem(): Response {
  return problem(401, "Unauthorized", "Sign in, or send a personal API token as `Authorization: Bearer <token>`.", {
    headers: { "WWW-Authenticate": BEARER_CHALLENGE, "Cache-Control": "no-store" },
  });
}

export function forbiddenProblem(detail = "Your account has no right to do this."): Response {
  return problem(403, "Forbidden", detail, { headers: { "Cache-Control": "no-store" } });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether a request that carries cookies comes from this site (or from no browser at all). */
export function isSameOriginRequest(request: Request, siteUrl?: string | null): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin" || site === "none";
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const candidates = [request.headers.get("host"), request.headers.get("x-forwarded-host"), new URL(request.url).host];
  if (siteUrl) candidates.push(new URL(siteUrl).host);
  return candidates.some((c) => c !== null && c.toLowerCase() === host.toLowerCase());
}

/** Checks the bearer token when one is sent: undefined without a token, else the check. */
export async function checkBearer(request: Request, sql: Sql): Promise<TokenCheck | { ok: false; reason: "scheme" } | undefined> {
  const token = bearerToken(request.headers);
  if (token === undefined) return undefined;
  if (token === null) return { ok: false, reason: "scheme" };
  return authenticateToken(sql, token);
}

export function bearerRefusal(check: Exclude<Awaited<ReturnType<typeof checkBearer>>, undefined | { ok: true }>): Response {
  return tokenProblem(check.reason === "scheme" ? "Use `Authorization: Bearer <token>` with a personal API token." : TOKEN_REFUSALS[check.reason]);
}

/** The caller of a guarded endpoint, or the problem response to answer with. */
export async function resolveCaller(
  request: Request,
  sql: Sql,
  loadSession: SessionLoader,
  siteUrl?: string | null,
): Promise<{ ok: true; caller: Caller } | { ok: false; response: Response }> {
  const bearer = await checkBearer(request, sql);
  if (bearer !== undefined) {
    if (!bearer.ok) return { ok: false, response: bearerRefusal(bearer) };
    return { ok: true, caller: { user: bearer.user, via: "token", tokenId: bearer.tokenId } };
  }
  const user = await loadSession();
  if (!user) return { ok: false, response: unauthenticatedProblem() };
  if (!SAFE_METHODS.has(request.method) && !isSameOriginRequest(request, siteUrl)) {
    return { ok: false, response: forbiddenProblem("A signed-in write must come from this site's own pages; other clients use an API token.") };
  }
  return { ok: true, caller: { user, via: "session" } };
}

/** Runs the caller's work; with a token, its audit entries name the token (lib/auth/api-token-context). */
export function actAs<T>(caller: Caller, fn: () => Promise<T>): Promise<T> {
  return caller.via === "token" ? withApiToken(caller.tokenId, fn) : fn();
}
