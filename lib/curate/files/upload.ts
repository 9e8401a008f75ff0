// The upload endpoints' logic, apart from Next.js so that tests call it with their own database
// and storage:
//   POST /api/v1/curate/files?item={itemId}&name={fileName}   — a new file (201)
//   PUT  /api/v1/curate/files/{fileId}?name={fileName}        — new content for a file (200)
// The request body is the file's raw bytes (no multipart), streamed to storage as it arrives.
// A declared Content-Length over the limit is refused before reading; an undeclared one is cut
// off as soon as the limit is passed. Errors are RFC 9457 problem+json with a `code` member the
// interface translates.
import { problem } from "../../api/problem";
import type { Sql } from "../../db/connection";
import type { Storage } from "../../storage";
import { FileRefusal, replaceFileContent, tooLarge, uploadFile, type CurateFile } from "./files";

export type UploadDeps = { sql: Sql; storage: Storage; maxBytes: number; userId: number | null };

function problemWith(status: number, title: string, detail: string, members: Record<string, unknown>): Response {
  return Response.json({ type: "about:blank", title, status, detail, ...members }, { status, headers: { "Content-Type": "application/problem+json" } });
}

function refusalResponse(err: FileRefusal): Response {
  const titles: Record<number, string> = { 400: "Bad request", 404: "Not found", 409: "Conflict", 413: "Content too large", 415: "Unsupported file", 422: "Refused" };
  return problemWith(err.status, titles[err.status] ?? "Refused", err.message, { code: err.code, ...err.details });
}

function bad(detail: string, code = "invalid"): Response {
  return problemWith(400, "Bad request", detail, { code });
}

/** The file name from `?name=` (required). */
function nameFrom(url: URL): string | null {
  const name = url.searchParams.get("name");
  return name && name.trim() ? name : null;
}

function declaredTooLarge(request: Request, maxBytes: number): boolean {
  const length = request.headers.get("content-length");
  return length !== null && /^\d+$/.test(length) && Number(length) > maxBytes;
}

export async function* bodyOf(request: Request): AsyncIterable<Uint8Array> {
  if (!request.body) return;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stops reading (and lets the server drop the rest) when the consumer gives up early.
    reader.cancel().catch(() => {});
  }
}

function fileJson(file: CurateFile) {
  return { ...file, updatedAt: file.updatedAt.toISOString() };
}

async function run(action: () => Promise<Response>): Promise<Response> {
  try {
    return await action();
  } catch (err) {
    if (err instanceof FileRefusal) return refusalResponse(err);
    if ((err as { name?: string })?.name === "AbortError" || (err as { code?: string })?.code === "ECONNRESET") {
      return problem(400, "Bad request", "The upload was interrupted.");
    }
    console.error("[curate/files] upload failed", err);
    return problem(500, "Internal server error", "The file could not be stored. Nothing was saved.");
  }
}

export async function handleUpload(request: Request, itemId: number, deps: UploadDeps): Promise<Response> {
  const name = nameFrom(new URL(request.url));
  if (!name) return bad("Give the file's name as ?name=.");
  if (declaredTooLarge(request, deps.maxBytes)) return refusalResponse(tooLarge(deps.maxBytes));
  return run(async () => {
    const file = await uploadFile(deps.sql, deps.storage, { itemId, fileName: name, body: bodyOf(request), maxBytes: deps.maxBytes, userId: deps.userId });
    return Response.json(fileJson(file), { status: 201 });
  });
}

export async function handleReplace(request: Request, fileId: number, deps: UploadDeps): Promise<Response> {
  const name = nameFrom(new URL(request.url));
  if (!name) return bad("Give the file's name as ?name=.");
  if (declaredTooLarge(request, deps.maxBytes)) return refusalResponse(tooLarge(deps.maxBytes));
  return run(async () => {
    const file = await replaceFileContent(deps.sql, deps.storage, { fileId, fileName: name, body: bodyOf(request), maxBytes: deps.maxBytes, userId: deps.userId });
    return Response.json(fileJson(file));
  });
}

/** "12" → 12; anything else → null. */
export function parseId(value: string | null | undefined): number | null {
  if (!value || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const n = Number(value);
  return n <= 2 ** 31 - 1 ? n : null;
}
