// The server's response cache for anonymous visitors' public pages (scripts/server.ts). Next.js
// already keeps rendered pages, but answering from its cache still costs routing, the language
// proxy and, for pages that depend on the query string (search), a fresh render. This cache keeps
// the finished bytes of a response for a short time (RESPONSE_CACHE_SECONDS) and replays them;
// every save through Atrium empties it (lib/http/page-change.ts), so editors see their change at
// once. Concurrent requests for a page being rendered wait for that one render.
//
// Only what is the same for every anonymous visitor is kept: GET/HEAD without a session cookie,
// authorization or range, not the workspace, sign-in, API, files or OAI-PMH; only 200 and 410
// answers without Set-Cookie. (Next.js marks pages rendered per request "private, no-store" for
// browsers; for an anonymous visitor they are the same for everyone, and that header is replayed.) The key holds what a page varies by: host, language (as proxy.ts
// chooses it), accepted encodings and the URL.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { DEFAULT_LANG, isLang, LANG_COOKIE, langFromAcceptLanguage } from "../i18n/config";

const UNCACHED_PATH = /^\/(?:api|_next|files|media|oai)(?:\/|$)|^\/(?:(?:en|ko)\/)?(?:curate|signin)(?:\/|$)/;
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token/;
const LANGUAGE_COOKIE = new RegExp(`(?:^|;\\s*)${LANG_COOKIE}=([^;]*)`);
const CACHEABLE_STATUS = new Set([200, 410]);
/** Router requests of the client-side navigation carry per-client state. */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];

type Entry = { status: number; headers: OutgoingHttpHeaders; body: Buffer; expires: number };

export type ResponseCacheOptions = { ttlSeconds: number; maxBytes: number; now?: () => number };

/** What an anonymous request's response depends on, or null when it must not be cached. */
export function responseCacheKey(req: IncomingMessage): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "/";
  const [pathname, search = ""] = url.split("?", 2);
  if (UNCACHED_PATH.test(pathname) || /(?:^|&)_rsc=/.test(search)) return null;
  const h = req.headers;
  if (h.authorization || h.range || ROUTER_HEADERS.some((name) => h[name] !== undefined)) return null;
  const cookie = h.cookie ?? "";
  if (SESSION_COOKIE.test(cookie)) return null;
  const cookieLang = LANGUAGE_COOKIE.exec(cookie)?.[1];
  const explicit = /^\/(en|ko)(?=\/|$)/.exec(pathname)?.[1];
  const lang = explicit ?? (isLang(cookieLang) ? cookieLang : (langFromAcceptLanguage(h["accept-language"]) ?? DEFAULT_LANG));
  // An explicit prefix that differs from the cookie is answered with a Set-Cookie: never cached.
  const langState = explicit ? `${explicit}:${cookieLang ?? ""}` : lang;
  const encoding = (h["accept-encoding"] ?? "").toLowerCase().replace(/\s+/g, "");
  return [h.host ?? "", h["x-forwarded-host"] ?? "", h["x-forwarded-proto"] ?? "", langState, encoding, url].join("\n");
}

export function createResponseCache({ ttlSeconds, maxBytes, now = Date.now }: ResponseCacheOptions) {
  const entries = new Map<string, Entry>();
  const inflight = new Map<string, Promise<void>>();
  const maxEntryBytes = Math.max(1, Math.floor(maxBytes / 16));
  let bytes = 0;
  /** Raised by clear(): a response rendered before a change is not kept after it. */
  let generation = 0;

  function drop(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.body.length;
  }

  function lookup(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now()) {
      drop(key);
      return undefined;
    }
    entries.delete(key); // most recently used last
    entries.set(key, entry);
    return entry;
  }

  function store(key: string, entry: Entry) {
    drop(key);
    entries.set(key, entry);
    bytes += entry.body.length;
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes) break;
      drop(oldest);
    }
  }

  function replay(req: IncomingMessage, res: ServerResponse, entry: Entry) {
    const headers: OutgoingHttpHeaders = { ...entry.headers, "content-length": entry.body.length, "x-atrium-cache": "hit" };
    delete headers["transfer-encoding"];
    const etag = entry.headers.etag;
    if (etag && req.headers["if-none-match"] === etag) {
      const kept = Object.entries({ etag, vary: entry.headers.vary, "cache-control": entry.headers["cache-control"] }).filter(([, v]) => v !== undefined);
      res.writeHead(304, { ...Object.fromEntries(kept), "x-atrium-cache": "hit" });
      res.end();
      return;
    }
    res.writeHead(entry.status, headers);
    res.end(req.method === "HEAD" ? undefined : entry.body);
  }

  /** Keeps a copy of what `res` sends (status, headers, body) under `key` once it has been sent in full. */
  function capture(key: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    let keep = req.method === "GET";
    const startedIn = generation;
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (!keep || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size > maxEntryBytes) {
        keep = false;
        chunks.length = 0;
      } else chunks.push(buffer);
    };
    const write = res.write;
    const end = res.end;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof res.write;
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as typeof res.end;
    return new Promise<void>((resolve) => {
      res.once("close", resolve);
      res.once("finish", () => {
        if (keep && startedIn === generation && CACHEABLE_STATUS.has(res.statusCode) && res.getHeader("set-cookie") === undefined) {
          store(key, { status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks), expires: now() + ttlSeconds * 1000 });
        }
        resolve();
      });
    });
  }

  return {
    /**
     * Answers from the cache and returns true, or prepares `res` so that its response is kept and
     * returns false (the caller then lets the application answer).
     */
    async serve(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
      if (ttlSeconds <= 0) return false;
      const key = responseCacheKey(req);
      if (key === null) return false;
      let entry = lookup(key);
      const pending = entry ? undefined : inflight.get(key);
      if (pending) {
        await pending;
        entry = lookup(key);
      }
      if (entry) {
        replay(req, res, entry);
        return true;
      }
      res.setHeader("x-atrium-cache", "miss");
      if (!inflight.has(key)) {
        const done = capture(key, req, res).finally(() => inflight.delete(key));
        inflight.set(key, done);
      }
      return false;
    },
    clear() {
      generation += 1;
      entries.clear();
      bytes = 0;
    },
    get size() {
      return { entries: entries.size, bytes };
    },
  };
}

export type ResponseCache = ReturnType<typeof createResponseCache>;
