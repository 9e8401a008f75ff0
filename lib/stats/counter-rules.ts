// The request-level COUNTER R5.1 rules (DESIGN.md §4): which requests may become usage events at
// all, and which user agents are robots. The rules that need a visitor's history (double clicks,
// sessions) are decided at ingest, in lib/stats/ingest.ts.
import robotPatterns from "./data/COUNTER_Robots_list.json";

/** COUNTER's robot list, compiled once, case-insensitively, into one alternation. */
const ROBOTS = new RegExp(
  (robotPatterns as { pattern: string }[]).map((p) => `(?:${p.pattern})`).join("|"),
  "i",
);

/** True for an empty or missing user agent and for any agent COUNTER lists (HeadlessChrome included). */
export function isRobotUserAgent(userAgent: string | null | undefined): boolean {
  const ua = (userAgent ?? "").trim();
  if (!ua) return true;
  return ROBOTS.test(ua);
}

/** Prefetches and prerenders are not a person looking: they never count. */
export function isPrefetch(headers: Headers): boolean {
  if (headers.has("next-router-prefetch")) return true;
  const purpose = `${headers.get("purpose") ?? ""},${headers.get("sec-purpose") ?? ""},${headers.get("x-purpose") ?? ""},${headers.get("x-moz") ?? ""}`;
  return /\b(prefetch|prerender|preview)\b/i.test(purpose);
}

/**
 * Whether a served file response is a counted download: GET only, 200, or 206 whose range starts at
 * byte 0 (a download manager fetching the rest of a file in later ranges is the same request, so
 * only its first part counts); never 304, 4xx, 5xx or HEAD.
 */
export function isCountedDownload(method: string, status: number, contentRange: string | null): boolean {
  if (method.toUpperCase() !== "GET") return false;
  if (status === 200) return true;
  if (status === 206) return /^bytes 0-/i.test(contentRange ?? "");
  return false;
}

/** Do Not Track or Global Privacy Control asked for. */
export function asksNotToTrack(headers: Headers): boolean {
  return headers.get("dnt") === "1" || headers.get("sec-gpc") === "1";
}
