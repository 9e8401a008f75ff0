// The frame every /api/v1 write endpoint shares (items: ./item-writes.ts; researchers, units and
// collections: ./record-writes.ts): the caller (token or same-site session: ./caller.ts), JSON
// bodies of bounded size, field errors as 422 problem details, and HTTP's optimistic locking — a
// record's representation carries an ETag naming its version, and a write must send it back in
// If-Match (428 without, 412 when someone saved first). Endpoints receive the database handle and
// the cache invalidations, so tests run them against a test database.
import { z } from "zod";
import type { Sql } from "../db/connection";
import type { TokenUser } from "../auth/tokens";
import type { EditableItem } from "../curate/items/store";
import { actAs, resolveCaller, type SessionLoader } from "./caller";
import { acceptsJson, notAcceptable } from "./http";
import { problem } from "./problem";
import { InvalidInput } from "./serve";

/** The largest JSON body accepted (a long abstract and two thousand contributors fit). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** What a write makes stale: the public pages that show the record (the route passes the cache's). */
export type Invalidations = {
  item: (...versions: EditableItem[]) => void | Promise<void>;
  researcher: (...slugs: string[]) => void;
  units: () => void;
};

export type WriteDeps = {
  sql: Sql;
  loadSession: SessionLoader;
  siteUrl?: string | null;
  invalidate?: Partial<Invalidations>;
};
export type WriteContext = { request: Request; sql: Sql; user: TokenUser; invalidate: Invalidations };
export type WriteEndpoint = (ctx: WriteContext) => Promise<Response>;

/** A record under optimistic locking. */
export type Versioned = { id: number; version: number };

export function versionEtag(record: Versioned): string {
  return `"${record.id}.${record.version}"`;
}

/** A record's editable representation: never cached, with the ETag to write it back. */
export function editableResponse(body: unknown, record: Versioned, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ETag: versionEtag(record), "Cache-Control": "private, no-store", ...headers },
  });
}

// --- Input ---

/** 422 naming each field that did not validate, with the editor's English message and its code. */
export function fieldProblem(error: z.ZodError, messages: Record<string, string>): Response {
  return fieldErrorsProblem(
    error.issues.map((issue) => ({ name: issue.path.map(String).join(".") || "(body)", code: issue.message, reason: messages[issue.message] ?? issue.message })),
  );
}

export function fieldErrorsProblem(errors: { name: string; code: string; reason: string }[]): Response {
  const names = [...new Set(errors.map((e) => e.name))];
  const detail = errors.length === 1 ? `${errors[0].name}: ${errors[0].reason}` : `Check these fields: ${names.join(", ")}.`;
  return problem(422, "Unprocessable Content", detail, {}, { errors });
}

/** The body as a JSON object: 415 for another type, 413 past MAX_BODY_BYTES, 400 for anything but an object. */
export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json" && !type.endsWith("+json")) {
    throw new InvalidInput(problem(415, "Unsupported Media Type", "Send the body as application/json.", { headers: { "Accept-Post": "application/json" } }));
  }
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) throw new InvalidInput(problem(413, "Content Too Large", `The body may be at most ${MAX_BODY_BYTES} bytes.`));
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new InvalidInput(problem(413, "Content Too Large", `The body may be at most ${MAX_BODY_BYTES} bytes.`));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new InvalidInput(problem(400, "Bad Request", "The body is not valid JSON.", {}, { errors: [{ name: "(body)", reason: "not valid JSON" }] }));
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new InvalidInput(problem(400, "Bad Request", "The body must be a JSON object.", {}, { errors: [{ name: "(body)", reason: "not an object" }] }));
  }
  return body as Record<string, unknown>;
}

/** The body validated by the editor's schema, or 422 naming the fields (messages: the editor's, by code). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, messages: Record<string, string>): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new InvalidInput(fieldProblem(parsed.error, messages));
  return parsed.data;
}

/**
 * The version a write is conditional on, from If-Match: 428 without the header, 412 when it does
 * not name the current version ("*" accepts whatever is current).
 */
export function requireVersion(request: Request, current: Versioned, noun: string): number {
  const header = request.headers.get("if-match");
  if (header === null || header.trim() === "") {
    throw new InvalidInput(problem(428, "Precondition Required", `Send the ${noun}'s ETag in If-Match (read it with GET), so that a change made meanwhile is not overwritten.`));
  }
  const tags = header.split(",").map((t) => t.trim());
  if (tags.includes("*") || tags.includes(versionEtag(current))) return current.version;
  throw preconditionFailed(current, noun);
}

export function preconditionFailed(current: Versioned, noun: string): InvalidInput {
  return new InvalidInput(
    problem(
      412,
      "Precondition Failed",
      `The ${noun} was changed meanwhile: it is at version ${current.version}. Read it again, reapply the change, and send the new ETag.`,
      { headers: { ETag: versionEtag(current) } },
      { currentVersion: current.version },
    ),
  );
}

export function notFound(noun: string): InvalidInput {
  return new InvalidInput(problem(404, "Not Found", `There is no such ${noun}.`));
}

export const ZRecordIdParams = z.strictObject({ id: z.string().regex(/^\d{1,10}$/).transform(Number).pipe(z.number().int().min(1).max(2_147_483_647)) });

/** The {id} of the URL (404 for anything but a database id). */
export function recordId(params: Record<string, string>, noun: string): number {
  const parsed = ZRecordIdParams.safeParse(params);
  if (!parsed.success) throw notFound(noun);
  return parsed.data.id;
}

// --- Frame ---

/** Wraps an endpoint so that the store errors `map` knows are answered with its problem response. */
export function mapErrors(map: (error: unknown) => Response | undefined, endpoint: WriteEndpoint): WriteEndpoint {
  return async (ctx) => {
    try {
      return await endpoint(ctx);
    } catch (error) {
      const response = error instanceof InvalidInput ? undefined : map(error);
      if (response) return response;
      throw error;
    }
  };
}

const NO_INVALIDATION: Invalidations = { item: () => {}, researcher: () => {}, units: () => {} };

/** Content negotiation, the caller (token or same-site session: ./caller.ts) and problem+json for every failure. */
export async function runWrite(request: Request, deps: WriteDeps, endpoint: WriteEndpoint): Promise<Response> {
  if (!acceptsJson(request)) return notAcceptable();
  const resolved = await resolveCaller(request, deps.sql, deps.loadSession, deps.siteUrl);
  if (!resolved.ok) return resolved.response;
  try {
    const caller = resolved.caller;
    return await actAs(caller, () => endpoint({ request, sql: deps.sql, user: caller.user, invalidate: { ...NO_INVALIDATION, ...deps.invalidate } }));
  } catch (error) {
    if (error instanceof InvalidInput) return error.response;
    console.error(`[api] ${request.method} ${new URL(request.url).pathname}: ${(error as Error).message}`);
    return problem(500, "Internal Server Error", "The change could not be made; nothing was saved. Try again later.");
  }
}
