// A generated XML document (feed, sitemap) as an HTTP response that crawlers and feed readers can
// revalidate cheaply: a strong ETag from the content, Last-Modified from the newest record in it,
// and 304 Not Modified when their copy is current (RFC 9110 §13).
import crypto from "node:crypto";
import { evaluatePreconditions, toHttpSeconds } from "../files/http";

export type CacheableDocument = {
  body: string;
  contentType: string;
  /** The newest change the document shows; null when it shows none (an empty feed). */
  lastModified: Date | null;
  /** Seconds shared caches and clients may reuse the document without asking. */
  maxAge: number;
};

export function entityTag(body: string): string {
  return `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

export function conditionalResponse(request: Request, doc: CacheableDocument): Response {
  const etag = entityTag(doc.body);
  const headers: Record<string, string> = {
    "Content-Type": doc.contentType,
    "Cache-Control": `public, max-age=${doc.maxAge}`,
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
  };
  if (doc.lastModified) headers["Last-Modified"] = new Date(toHttpSeconds(doc.lastModified)).toUTCString();
  // Without a Last-Modified, If-Modified-Since must not match: compare against "now".
  const lastModified = doc.lastModified ? toHttpSeconds(doc.lastModified) : Date.now();
  const outcome = evaluatePreconditions(request.headers, { etag, lastModified });
  if (outcome === "not-modified") {
    const { "Content-Type": _type, ...rest } = headers;
    void _type;
    return new Response(null, { status: 304, headers: rest });
  }
  if (outcome === "precondition-failed") return new Response(null, { status: 412, headers: { ETag: etag } });
  return new Response(request.method === "HEAD" ? null : doc.body, { status: 200, headers });
}
