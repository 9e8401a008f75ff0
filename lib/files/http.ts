// The HTTP rules a file download follows, as pure functions: byte ranges and conditional requests
// (RFC 9110 §13–14), Content-Disposition (RFC 6266 with RFC 8187/5987 encoding) and a safe
// Content-Type. Kept apart from the route so every edge case is tested without a server.

/** How a request's Range header applies to a representation of a given size. */
export type RangeDecision =
  /** No usable Range header: send the whole representation (200). */
  | { kind: "full" }
  /** One satisfiable range, inclusive offsets (206). */
  | { kind: "partial"; start: number; end: number }
  /** A well-formed range that selects no byte of this representation (416). */
  | { kind: "unsatisfiable" };

// A header longer than this is not a single byte range anyone sends on purpose.
const MAX_RANGE_HEADER = 200;
const BYTE_RANGE = /^bytes=(\d*)-(\d*)$/i;

/**
 * Reads a Range header for a representation of `size` bytes. Only one range is served: a
 * malformed header or several ranges are ignored (the whole file is sent, as RFC 9110 §14.2
 * allows), which also spares us multipart/byteranges responses that PDF viewers never need.
 */
export function parseRange(header: string | null | undefined, size: number): RangeDecision {
  if (!header || header.length > MAX_RANGE_HEADER) return { kind: "full" };
  // RFC 9110 lists may contain empty elements ("bytes=0-9,"), which recipients must accept.
  const [unitAndFirst, ...rest] = header.trim().split(",");
  if (rest.some((part) => part.trim() !== "")) return { kind: "full" };
  const m = BYTE_RANGE.exec(unitAndFirst.trim());
  if (!m) return { kind: "full" };
  const [, first, last] = m;
  if (first === "" && last === "") return { kind: "full" };

  if (first === "") {
    // bytes=-N: the last N bytes. A zero suffix, or any suffix of an empty file, selects nothing.
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - suffix), end: size - 1 };
  }

  const start = Number(first);
  const end = last === "" ? Number.POSITIVE_INFINITY : Number(last);
  // last < first makes the range-spec invalid, and an invalid Range is ignored, not refused.
  if (end < start) return { kind: "full" };
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "partial", start, end: Math.min(end, size - 1) };
}

/** The entity tags of an If-Match / If-None-Match header, or "*" for any. */
function parseEntityTags(header: string): "*" | string[] {
  if (header.trim() === "*") return "*";
  return header.match(/(?:W\/)?"[^"]*"/g) ?? [];
}

const opaque = (tag: string) => tag.replace(/^W\//, "");

/** Strong comparison (RFC 9110 §8.8.3.2): both tags strong and identical. */
export function strongEtagMatch(a: string, b: string): boolean {
  return !a.startsWith("W/") && !b.startsWith("W/") && a === b;
}

/** Weak comparison: the opaque parts are identical, whether or not either tag is weak. */
export function weakEtagMatch(a: string, b: string): boolean {
  return opaque(a) === opaque(b);
}

/** An HTTP date in milliseconds, or undefined when the value is not a date. */
export function parseHttpDate(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? undefined : ms;
}

/** HTTP dates have whole seconds; compare Last-Modified at that precision. */
export function toHttpSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000) * 1000;
}

export type Validators = {
  /** A strong entity tag, quoted. */
  etag: string;
  /** Last-Modified, already truncated to whole seconds. */
  lastModified: number;
};

export type ConditionalOutcome = "proceed" | "not-modified" | "precondition-failed";

/**
 * Evaluates the preconditions of a GET or HEAD in the order of RFC 9110 §13.2.2 (If-Range is
 * separate: see ifRangeAllowsPartial). If-None-Match takes precedence over If-Modified-Since.
 */
export function evaluatePreconditions(headers: Headers, validators: Validators): ConditionalOutcome {
  const ifMatch = headers.get("if-match");
  if (ifMatch !== null) {
    const tags = parseEntityTags(ifMatch);
    if (tags !== "*" && !tags.some((t) => strongEtagMatch(t, validators.etag))) return "precondition-failed";
  } else {
    const since = parseHttpDate(headers.get("if-unmodified-since"));
    if (since !== undefined && validators.lastModified > since) return "precondition-failed";
  }

  const ifNoneMatch = headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    const tags = parseEntityTags(ifNoneMatch);
    if (tags === "*" || tags.some((t) => weakEtagMatch(t, validators.etag))) return "not-modified";
    return "proceed";
  }
  const modifiedSince = parseHttpDate(headers.get("if-modified-since"));
  if (modifiedSince !== undefined && validators.lastModified <= modifiedSince) return "not-modified";
  return "proceed";
}

/**
 * If-Range (RFC 9110 §13.1.5): a Range is honoured only when the client's copy is still current —
 * the same strong ETag, or exactly the Last-Modified date. Otherwise the whole file is sent.
 */
export function ifRangeAllowsPartial(headers: Headers, validators: Validators): boolean {
  const value = headers.get("if-range")?.trim();
  if (value === undefined || value === "") return true;
  if (value.startsWith('"') || value.startsWith("W/")) return strongEtagMatch(value, validators.etag);
  const date = parseHttpDate(value);
  return date !== undefined && date === validators.lastModified;
}

// Characters that must never reach a file name a browser saves: controls (C0, DEL, C1), and the
// bidirectional overrides that make "invoice‮fdp.exe" look like a PDF.
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const MAX_NAME_CHARS = 180;

/** The stored name made safe to offer as a download name; never empty. */
export function safeDownloadName(fileName: string): string {
  let name = fileName.toWellFormed().replace(UNSAFE_IN_NAME, "").replace(/[/\\]/g, "_").trim();
  const chars = Array.from(name);
  if (chars.length > MAX_NAME_CHARS) {
    // Keep a short extension, so the browser still knows what it saved.
    const ext = /\.[^.]{1,16}$/.exec(name)?.[0] ?? "";
    name = chars.slice(0, MAX_NAME_CHARS - Array.from(ext).length).join("") + ext;
  }
  return name === "" || name === "." || name === ".." ? "download" : name;
}

// RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~".
// encodeURIComponent leaves four more characters unescaped that attr-char does not allow.
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `inline; filename="…"; filename*=UTF-8''…` — an ASCII fallback for old clients (quotes,
 * backslashes, percent signs and non-ASCII characters replaced) and the exact name, UTF-8 encoded.
 */
export function contentDisposition(fileName: string, type: "inline" | "attachment" = "inline"): string {
  const name = safeDownloadName(fileName);
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(name)}`;
}

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(?:\\s*;\\s*${TOKEN}=(?:${TOKEN}|"[^"\\\\\\x00-\\x1f\\x7f]*"))*$`);

/** The stored MIME type when it is a well-formed media type, else application/octet-stream. */
export function safeContentType(mimeType: string | null | undefined): string {
  const value = mimeType?.trim() ?? "";
  return MEDIA_TYPE.test(value) ? value : "application/octet-stream";
}

/** The media type without parameters, lower-cased: "application/pdf". */
export function essence(contentType: string): string {
  return contentType.split(";")[0].trim().toLowerCase();
}
