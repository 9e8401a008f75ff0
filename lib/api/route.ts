// Connects the /api/v1 endpoints to Next.js route files: the application's database handle, the
// configured rate limit, the session (for writes) and the public pages to rebuild after a write.
import "server-only";
import { connection } from "next/server";
import { getCurrentUser } from "../auth/guard";
import { invalidateItem } from "../curate/items/service";
import { invalidateResearcher, invalidateUnits } from "../curate/records";
import { getSql } from "../db";
import { env } from "../env";
import { runWrite, type WriteEndpoint } from "./writes";
import { methodNotAllowed } from "./problem";
import { runApi, type Endpoint } from "./serve";

type RouteContext = { params: Promise<Record<string, string>> };

export function apiGet(make: Endpoint | ((params: Record<string, string>) => Endpoint), withParams = false) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    await connection();
    const endpoint = withParams ? (make as (p: Record<string, string>) => Endpoint)(await context.params) : (make as Endpoint);
    const e = env();
    return runApi({ request, sql: await getSql(), rateLimit: { limit: e.API_RATE_LIMIT, windowSeconds: e.API_RATE_LIMIT_WINDOW } }, endpoint);
  };
}

/** For the methods a read-only endpoint does not answer: 405 with Allow. */
export async function readOnly(): Promise<Response> {
  return methodNotAllowed(["GET", "HEAD"]);
}

/** A write endpoint (token or same-site session; lib/api/writes.ts). */
export function apiWrite(make: (params: Record<string, string>) => WriteEndpoint) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    await connection();
    const endpoint = make(await context.params);
    return runWrite(
      request,
      { sql: await getSql(), loadSession: getCurrentUser, siteUrl: env().SITE_URL, invalidate: { item: invalidateItem, researcher: invalidateResearcher, units: invalidateUnits } },
      endpoint,
    );
  };
}
