// Shared response rules of /api/v1: JSON bodies with a strong ETag (304 on If-None-Match),
// Last-Modified where a record has one, Cache-Control for public reads, Link rel="next" for pages.
import crypto from "node:crypto";
import { problem } from "./problem";

export const PUBLIC_CACHE = "public, max-age=60, stale-while-revalidate=300";

export type JsonOptions = {
  status?: number;
  lastModified?: Date | null;
  next?: string | null;
  contentType?: string;
  cacheControl?: string;
  headers?: Record<string, string>;
};

export function etagOf(body: string): string {
  return `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bare);
}

export function jsonResponse(request: Request, body: unknown, options: JsonOptions = {}): Response {
  const text = JSON.stringify(body);
  const etag = etagOf(text);
  const headers: Record<string, string> = {
    "Content-Type": options.contentType ?? "application/json; charset=utf-8",
    "Cache-Control": options.cacheControl ?? PUBLIC_CACHE,
    ETag: etag,
    Vary: "Accept, Accept-Encoding",
    ...options.headers,
  };
  if (options.lastModified) {
    const seconds = new Date(Math.floor(options.lastModified.getTime() / 1000) * 1000);
    headers["Last-Modified"] = seconds.toUTCString();
  }
  if (options.next) headers.Link = `<${options.next}>; rel="next"`;
  const status = options.status ?? 200;
  if (status === 200) {
    // Only the ETag decides a 304: it covers everything in the body (contributors, files, lists),
    // while a record's Last-Modified does not move when, say, a linked researcher is renamed.
    // If-Modified-Since is therefore not honoured (RFC 9110 lets a server ignore it).
    if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag)) {
      const { "Content-Type": _type, ...rest } = headers;
      void _type;
      return new Response(null, { status: 304, headers: rest });
    }
  }
  return new Response(request.method === "HEAD" ? null : text, { status, headers });
}

/** 406 unless the client accepts JSON (or anything). */
export function acceptsJson(request: Request): boolean {
  const accept = request.headers.get("accept");
  if (!accept) return true;
  return accept.split(",").some((part) => {
    const [type, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (q && Number(q.slice(2)) === 0) return false;
    return ["*/*", "application/*", "application/json", "application/problem+json", "application/openapi+json"].includes(type.trim());
  });
}

export function notAcceptable(): Response {
  return problem(406, "Not Acceptable", "This API answers application/json only.");
}

/** The URL of the next page: the request's own URL with the cursor replaced. */
export function nextUrl(request: Request, cursor: string | null): string | null {
  if (cursor === null) return null;
  const url = new URL(request.url);
  url.searchParams.set("cursor", cursor);
  return url.pathname + url.search;
}

export function selfUrl(request: Request): string {
  const url = new URL(request.url);
  return url.pathname + url.search;
}
