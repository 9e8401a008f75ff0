// The one gate in front of every write. Loads the session (re-validated against the database on
// each request by the jwt callback in config.ts), then checks a named permission from
// permissions.ts. Three front doors share it:
//   - guardedAction  — server actions (forms with useActionState): returns an ActionResult;
//   - guardedRoute   — API route handlers: 401/403/400 as RFC 9457 problem+json;
//   - requirePageUser — pages: redirects anonymous visitors to /signin, reports "forbidden".
// Pages only hide what a user cannot do; these functions are the boundary.
import "server-only";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { actAs, forbiddenProblem, resolveCaller } from "../api/caller";
import { getSql } from "../db";
import { env } from "../env";
import { auth, type SessionClaims } from "./config";
import type { PermissionUser } from "./permissions";

export { safeReturnPath } from "./return-path";

export type GuardUser = PermissionUser & { email: string; name: string };

/** A permission check over the signed-in user and the (validated) input. */
export type Allow<I = void> = (user: GuardUser, input: I) => boolean | Promise<boolean>;

/** The signed-in, active user, or null. Reads cookies: call inside <Suspense> in pages. */
export async function getCurrentUser(): Promise<GuardUser | null> {
  await connection();
  const session = await auth();
  const claims = (session as unknown as { claims?: SessionClaims } | null)?.claims;
  if (!claims || !claims.active) return null;
  return { ...claims, unitIds: claims.unitIds ?? [] };
}

export type GuardFailure = { ok: false; status: 401 | 403; reason: "unauthenticated" | "forbidden" };

/** Loads the user and runs the check; never throws for a refusal. */
export async function checkAccess<I>(allow: Allow<I>, input: I): Promise<{ ok: true; user: GuardUser } | GuardFailure> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, status: 401, reason: "unauthenticated" };
  if (!(await allow(user, input))) return { ok: false, status: 403, reason: "forbidden" };
  return { ok: true, user };
}

/** What a guarded server action returns to useActionState. */
export type ActionResult<R> =
  | { ok: true; data: R; message?: string }
  | { ok: false; status: 400 | 401 | 403 | 409 | 422; error: "invalid" | "unauthenticated" | "forbidden" | "conflict" | "rejected"; message?: string; fieldErrors?: Record<string, string[]> };

/** A refusal a `run` function may throw to answer with a message (e.g. a domain rule). */
export class ActionRefusal extends Error {
  constructor(
    message: string,
    readonly status: 409 | 422 = 422,
    /** Codes to show next to fields (e.g. { slug: ["slugTaken"] }). */
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/**
 * A server action that (1) parses the form with `schema`, (2) checks `allow(user, input)` — which
 * may load the target (e.g. the item's unit path) — and (3) runs `run(input, user)`. Whatever the
 * browser sent, nothing runs for an anonymous or unauthorised caller.
 */
export function guardedAction<S extends z.ZodType, R>(options: {
  schema: S;
  allow: Allow<z.infer<S>>;
  run: (input: z.infer<S>, user: GuardUser) => Promise<R>;
}): (previous: ActionResult<R> | null, form: FormData) => Promise<ActionResult<R>> {
  return async (_previous, form) => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, status: 401, error: "unauthenticated" };
    const parsed = options.schema.safeParse(formToObject(form));
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
      return { ok: false, status: 400, error: "invalid", fieldErrors };
    }
    if (!(await options.allow(user, parsed.data))) return { ok: false, status: 403, error: "forbidden" };
    try {
      return { ok: true, data: await options.run(parsed.data, user) };
    } catch (err) {
      if (err instanceof ActionRefusal) return { ok: false, status: err.status, error: err.status === 409 ? "conflict" : "rejected", message: err.message, ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}) };
      throw err;
    }
  };
}

/** Repeated form fields become arrays ("unitIds" twice → [a, b]); keys ending in [] always do. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of form.entries()) {
    if (rawKey.startsWith("$ACTION")) continue;
    const isList = rawKey.endsWith("[]");
    const key = isList ? rawKey.slice(0, -2) : rawKey;
    const v = typeof value === "string" ? value : value;
    if (key in out) out[key] = [...(Array.isArray(out[key]) ? (out[key] as unknown[]) : [out[key]]), v];
    else out[key] = isList ? [v] : v;
  }
  return out;
}

/**
 * An API route handler behind the guard. The caller is the user of a personal API token
 * (`Authorization: Bearer …`) or of the session cookie, with the same rights either way
 * (lib/api/caller.ts; a cookie-authenticated write must come from this site). 401 problem+json
 * for an anonymous caller or a bad token, 403 when `allow(user, { request, context })` says no;
 * otherwise the handler runs with the user.
 */
export function guardedRoute<C>(
  allow: Allow<{ request: Request; context: C }>,
  handler: (request: Request, context: C, user: GuardUser) => Promise<Response>,
): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    const resolved = await resolveCaller(request, await getSql(), getCurrentUser, env().SITE_URL);
    if (!resolved.ok) return resolved.response;
    const caller = resolved.caller;
    if (!(await allow(caller.user, { request, context }))) return forbiddenProblem();
    return actAs(caller, () => handler(request, context, caller.user));
  };
}

/**
 * For pages (inside <Suspense>): the user, or a redirect to the sign-in page that comes back to
 * `returnTo`. `{ forbidden: true }` when the user may not see the page: render a refusal.
 */
export async function requirePageUser(
  lang: string,
  returnTo: string,
  allow?: Allow<void>,
): Promise<{ user: GuardUser; forbidden: false } | { user: GuardUser; forbidden: true }> {
  const user = await getCurrentUser();
  if (!user) redirect(`/${lang}/signin?next=${encodeURIComponent(returnTo)}`);
  if (allow && !(await allow(user, undefined))) return { user, forbidden: true };
  return { user, forbidden: false };
}
