// Connects the /api/v1 endpoints to Next.js route files: the application's database handle and
// the configured rate limit.
import "server-only";
import { connection } from "next/server";
import { getSql } from "../db";
import { env } from "../env";
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
