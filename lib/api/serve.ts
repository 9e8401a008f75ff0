// The frame every /api/v1 read goes through: content negotiation (406), the anonymous rate limit
// (429 with RateLimit-* and Retry-After; clients with a personal API token are not limited), parameter validation (400 with per-field errors) and
// problem+json for whatever goes wrong. Endpoints receive the database handle, so tests run them
// against a test database exactly as the route files run them against the application's.
import type { z } from "zod";
import type { Sql } from "../db/connection";
import { bearerRefusal, checkBearer } from "./caller";
import { CursorError } from "./cursor";
import { acceptsJson, notAcceptable } from "./http";
import { methodNotAllowed, problem, validationProblem } from "./problem";
import { clientKey, rateLimitHeaders, takeToken, type RateLimitConfig } from "./rate-limit";

export type ApiContext = { request: Request; sql: Sql; rateLimit: RateLimitConfig };
export type Endpoint = (ctx: ApiContext) => Promise<Response>;

export class InvalidInput extends Error {
  constructor(readonly response: Response) {
    super("invalid input");
  }
}

/** Parses the query string with a schema; the first value of a repeated key counts. */
export function parseQuery<S extends z.ZodType>(schema: S, request: Request): z.infer<S> {
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (!(key in raw)) raw[key] = value;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new InvalidInput(validationProblem(parsed.error));
  return parsed.data;
}

export function parseParams<S extends z.ZodType>(schema: S, params: Record<string, string | string[]>): z.infer<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new InvalidInput(validationProblem(parsed.error));
  return parsed.data;
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  const merged = new Headers(response.headers);
  for (const [k, v] of Object.entries(headers)) merged.set(k, v);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}

export async function runApi(ctx: ApiContext, endpoint: Endpoint): Promise<Response> {
  const { request } = ctx;
  if (request.method !== "GET" && request.method !== "HEAD") return methodNotAllowed(["GET", "HEAD"]);
  let limitHeaders: Record<string, string> = {};
  // A client with a personal API token is known and not rate limited; a bad token is refused
  // rather than silently treated as anonymous.
  const bearer = await checkBearer(request, ctx.sql);
  if (bearer !== undefined && !bearer.ok) return bearerRefusal(bearer);
  if (ctx.rateLimit.limit > 0 && bearer === undefined) {
    const decision = await takeToken(ctx.sql, clientKey(request), ctx.rateLimit);
    limitHeaders = rateLimitHeaders(decision, ctx.rateLimit);
    if (!decision.allowed) {
      return problem(429, "Too Many Requests", `Anonymous clients may make ${ctx.rateLimit.limit} requests per ${ctx.rateLimit.windowSeconds} seconds; try again in ${decision.reset} seconds.`, {
        headers: { ...limitHeaders, "Retry-After": String(decision.reset), "Cache-Control": "no-store" },
      });
    }
  }
  if (!acceptsJson(request)) return withHeaders(notAcceptable(), limitHeaders);
  try {
    return withHeaders(await endpoint(ctx), limitHeaders);
  } catch (error) {
    if (error instanceof InvalidInput) return withHeaders(error.response, limitHeaders);
    if (error instanceof CursorError) {
      return withHeaders(problem(400, "Bad Request", error.message, {}, { errors: [{ name: "cursor", reason: error.message }] }), limitHeaders);
    }
    console.error(`[api] ${new URL(request.url).pathname}: ${(error as Error).message}`);
    return withHeaders(problem(500, "Internal Server Error", "The request could not be answered; try again later."), limitHeaders);
  }
}
