// GET/HEAD /files/{fileId}/{fileName}: the whole download decision, from URL to Response. The
// route only supplies the real database, storage and clock; tests supply their own.
//
// Order: id → file and item (404/410) → canonical name (308) → access (403 page) → stored object
// (500 page) → preconditions (304/412) → Range (206/416) → the bytes. The name in the URL is only
// ever compared with the stored name; the filesystem is reached through the stored key alone.
import { StorageNotFoundError, type Storage } from "../storage";
import { decideFileAccess, type AccessDecision, type DownloadSession } from "./access";
import {
  contentDisposition,
  essence,
  evaluatePreconditions,
  ifRangeAllowsPartial,
  parseRange,
  safeContentType,
  toHttpSeconds,
  type RangeDecision,
  type Validators,
} from "./http";
import { parseFileId, type DownloadableFile, type FindFile } from "./lookup";
import {
  embargoedPage,
  filePageResponse,
  notFoundPage,
  restrictedPage,
  unavailablePage,
  withdrawnPage,
} from "./pages";
import { toWebStream } from "./stream";
import { hashMatches, type ChecksumCache } from "./verify";

export type ServeFileLog = (message: string, details: { fileId: number | string; error?: unknown }) => void;

export type ServeFileDeps = {
  findFile: FindFile;
  storage: Storage;
  /** The moment embargoes are judged against. */
  now: Date;
  /** Public base URL without a trailing slash ("https://repository.example.org"). */
  siteUrl: string;
  /** The signed-in person, or null. */
  session?: DownloadSession | null;
  /**
   * Looks the signed-in person up for this file, only when the file is not open to everyone (so
   * public downloads never read the session). Takes precedence over `session`.
   */
  resolveSession?: (file: DownloadableFile) => Promise<DownloadSession | null>;
  /** Told the access decision once it is made (the route counts only public downloads). */
  onAccess?: (decision: AccessDecision) => void;
  /** Hash full downloads against the recorded SHA-256 (default true). */
  verifyChecksum?: boolean;
  /**
   * Remembers which stored objects matched their SHA-256 (lib/files/verify.ts). With it, a Range
   * request for an object not yet checked first hashes the whole object; without it, ranges are
   * served unchecked and only full downloads are verified.
   */
  checksums?: ChecksumCache;
  log?: ServeFileLog;
};

export type FileRouteParams = { fileId: string; fileName: string };

const PUBLIC_CACHE = "public, max-age=3600, no-transform";
const PRIVATE_CACHE = "private, no-store, no-transform";

const defaultLog: ServeFileLog = (message, { fileId, error }) => {
  // The file id identifies the problem; storage keys and paths stay out of the log line.
  const reason = error instanceof Error ? `${error.name}${"code" in error ? ` (${String(error.code)})` : ""}` : "";
  console.error(`[files] file ${fileId}: ${message}${reason ? ` — ${reason}` : ""}`);
};

/** "/handle/2023.sw.kbri/1191": each segment of the handle kept as a path segment. */
/** See scripts/server.ts. */
export const CONTENT_LENGTH_RELAY = "X-Atrium-Content-Length";

export function itemPath(handle: string): string {
  return `/handle/${handle.split("/").map(encodeURIComponent).join("/")}`;
}

/** "/files/12/Kim%20et%20al.%202023.pdf" — the one URL each file is served under. */
export function canonicalFilePath(file: Pick<DownloadableFile, "id" | "fileName">): string {
  return `/files/${file.id}/${encodeURIComponent(file.fileName.toWellFormed())}`;
}

function textResponse(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...headers, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function serveFile(request: Request, params: FileRouteParams, deps: ServeFileDeps): Promise<Response> {
  const log = deps.log ?? defaultLog;
  const method = request.method.toUpperCase();
  if (method !== "GET" && method !== "HEAD") return textResponse(405, "Method not allowed.\n", { Allow: "GET, HEAD" });

  const id = parseFileId(params.fileId);
  if (id === null) return filePageResponse(notFoundPage(), method);

  let file: DownloadableFile | null;
  try {
    file = await deps.findFile(id);
  } catch (error) {
    log("lookup failed", { fileId: id, error });
    return filePageResponse(unavailablePage(null), method);
  }
  // Drafts and items in review do not exist for the public.
  if (!file || file.item.status === "DRAFT" || file.item.status === "IN_REVIEW") {
    return filePageResponse(notFoundPage(), method);
  }
  const context = { fileName: file.fileName, itemTitle: file.item.title, itemPath: itemPath(file.item.handle) };
  // A withdrawn item keeps a tombstone (410); its files say so and point to it.
  if (file.item.status === "WITHDRAWN") return filePageResponse(withdrawnPage(context), method);

  // Old links (renamed files, "007" ids, mangled names) move to the canonical URL. When the request
  // is already for the canonical path, serve it whatever the decoded name looks like: a name that
  // does not survive encoding and decoding unchanged must not redirect to itself forever.
  const canonical = canonicalFilePath(file);
  const url = new URL(request.url);
  if ((params.fileId !== String(file.id) || params.fileName !== file.fileName) && url.pathname !== canonical) {
    return new Response(null, {
      status: 308,
      headers: { Location: `${canonical}${url.search}`, "Cache-Control": "public, max-age=3600" },
    });
  }

  let access = decideFileAccess(file, file.item, deps.now, deps.session ?? null);
  if (access.kind !== "open" && deps.resolveSession) access = decideFileAccess(file, file.item, deps.now, await deps.resolveSession(file));
  deps.onAccess?.(access);
  if (access.kind === "embargoed") return filePageResponse(embargoedPage(context, access.until), method);
  if (access.kind === "restricted") return filePageResponse(restrictedPage(context), method);

  const size = Number(file.size);
  let stat;
  try {
    stat = await deps.storage.stat(file.storageKey);
    if (stat.size !== size) {
      log(`stored object has ${stat.size} bytes, the record says ${size}`, { fileId: file.id });
      return filePageResponse(unavailablePage(context.itemPath), method);
    }
  } catch (error) {
    log(error instanceof StorageNotFoundError ? "stored object is missing" : "stored object cannot be read", { fileId: file.id, error });
    return filePageResponse(unavailablePage(context.itemPath), method);
  }

  const lastModified = Math.min(toHttpSeconds(file.updatedAt), toHttpSeconds(deps.now));
  const validators: Validators = { etag: `"${file.sha256.toLowerCase()}"`, lastModified };
  const contentType = safeContentType(file.mimeType);
  const headers = new Headers({
    ETag: validators.etag,
    "Last-Modified": new Date(lastModified).toUTCString(),
    "Cache-Control": access.kind === "open" ? PUBLIC_CACHE : PRIVATE_CACHE,
    // FAIR Signposting: a file points back to its landing page.
    Link: `<${deps.siteUrl}${context.itemPath}>; rel="collection"; type="text/html"`,
    "Accept-Ranges": "bytes",
  });

  const precondition = evaluatePreconditions(request.headers, validators);
  if (precondition === "not-modified") return new Response(null, { status: 304, headers });
  if (precondition === "precondition-failed") return textResponse(412, "Precondition failed.\n", Object.fromEntries(headers));

  // Range handling is defined for GET only (RFC 9110 §14.2); HEAD describes the whole file.
  const range: RangeDecision =
    method === "GET" && ifRangeAllowsPartial(request.headers, validators)
      ? parseRange(request.headers.get("range"), size)
      : { kind: "full" };
  if (range.kind === "unsatisfiable") {
    return textResponse(416, "Range not satisfiable.\n", { ...Object.fromEntries(headers), "Content-Range": `bytes */${size}` });
  }

  headers.set("Content-Type", contentType);
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Content-Disposition", contentDisposition(file.fileName));
  // Files come from curators and harvests: anything a browser could run (HTML, SVG, XML…) is
  // sandboxed on this origin. PDF is exempt because browsers refuse to show PDFs in a sandbox.
  if (essence(contentType) !== "application/pdf") {
    headers.set("Content-Security-Policy", "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox");
  }

  // Content known not to match its checksum is never served; a range of content not yet checked
  // is served only after the whole object has been hashed once (full downloads hash as they go).
  const verify = deps.verifyChecksum !== false && method === "GET";
  if (verify && deps.checksums) {
    let state = deps.checksums.state(stat);
    if (state === "unknown" && range.kind === "partial") {
      try {
        const good = await hashMatches(deps.storage, file.storageKey, file.sha256);
        deps.checksums.remember(stat, good);
        state = good ? "good" : "bad";
      } catch (error) {
        log("stored object cannot be read", { fileId: file.id, error });
        return filePageResponse(unavailablePage(context.itemPath), method);
      }
    }
    if (state === "bad") {
      log("stored object does not match its SHA-256", { fileId: file.id });
      return filePageResponse(unavailablePage(context.itemPath), method);
    }
  }

  const status = range.kind === "partial" ? 206 : 200;
  const length = range.kind === "partial" ? range.end - range.start + 1 : size;
  if (range.kind === "partial") headers.set("Content-Range", `bytes ${range.start}-${range.end}/${size}`);
  headers.set("Content-Length", String(length));
  // Next.js drops Content-Length from route handlers' responses; scripts/server.ts restores it
  // from this header (download progress and PDF viewers depend on it).
  headers.set(CONTENT_LENGTH_RELAY, String(length));
  if (method === "HEAD") return new Response(null, { status, headers });

  let source;
  try {
    source = await deps.storage.createReadStream(
      file.storageKey,
      range.kind === "partial" ? { start: range.start, end: range.end } : undefined,
    );
  } catch (error) {
    // Gone between stat and open, or unreadable.
    log("stored object cannot be opened", { fileId: file.id, error });
    return filePageResponse(unavailablePage(context.itemPath), method);
  }

  const fileId = file.id;
  const checked = stat;
  const body = toWebStream(source, {
    expectedSha256: range.kind === "full" && deps.verifyChecksum !== false ? file.sha256 : undefined,
    onChecked: (matches) => deps.checksums?.remember(checked, matches),
    onError: (error) => log("download broke off", { fileId, error }),
  });
  // Download counting (DESIGN.md §4) happens in the route (lib/files/download.ts), for open files only.
  return new Response(body, { status, headers });
}
