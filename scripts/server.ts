// The HTTP server behind `npm start`: Next.js's request handler, plus
// - Brotli copies of the build's static scripts and styles (lib/http/static-brotli.ts);
// - a short-lived cache of anonymous visitors' public pages (lib/http/response-cache.ts), emptied
//   by every save;
// - the response headers a cached page cannot set itself — FAIR Signposting `Link` on item pages,
//   and `Vary` for the language negotiation done in proxy.ts. Headers are added as the response
//   head is written, so they never enter Next's page cache (where they would be replayed twice).
import http from "node:http";
import path from "node:path";
import next from "next";
import { env } from "../lib/env";
import { onPageChange } from "../lib/http/page-change";
import { createResponseCache } from "../lib/http/response-cache";
import { registerSettleTarget } from "../lib/http/settle";
import { createStaticBrotli } from "../lib/http/static-brotli";
import { forgetItemResponseSignals, ITEM_PAGE_PATH, itemResponseSignals } from "../lib/items/signposting-header";

/** Must equal CONTENT_LENGTH_RELAY in lib/files/serve.ts (not imported: that module is server-only). */
const CONTENT_LENGTH_RELAY = "x-atrium-content-length";

const e = env();
const app = next({ dev: false, dir: process.cwd(), hostname: e.HOSTNAME, port: e.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const staticBrotli = createStaticBrotli(path.join(process.cwd(), ".next/static"));
const responses = createResponseCache({ ttlSeconds: e.RESPONSE_CACHE_SECONDS, maxBytes: e.RESPONSE_CACHE_MB * 1024 * 1024 });
onPageChange(() => {
  responses.clear();
  forgetItemResponseSignals();
});

const selfOrigin = `http://${["0.0.0.0", "::"].includes(e.HOSTNAME) ? "127.0.0.1" : e.HOSTNAME.includes(":") ? `[${e.HOSTNAME}]` : e.HOSTNAME}:${e.PORT}`;
registerSettleTarget(selfOrigin);
const LANGUAGE_NEUTRAL = /^\/(api|_next|files|media|oai)(\/|$)|^\/(icon\.svg|favicon\.ico|robots\.txt|feed\.xml)$|^\/sitemap/;

/**
 * Runs `amend` at the moment the response head goes out, after Next has set its own headers;
 * `amend` may add headers and returns the status code to send.
 */
function amendOnWrite(res: http.ServerResponse, amend: (res: http.ServerResponse, status: number) => number) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) {
      const status = typeof args[0] === "number" ? args[0] : this.statusCode;
      args[0] = amend(this, status);
      this.statusCode = args[0] as number;
    }
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof res.writeHead;
}

const server = http.createServer(async (req, res) => {
  // The peer's address for usage counting and sign-in throttling (lib/http/client-address.ts);
  // never a client-supplied copy.
  req.headers["x-atrium-remote-address"] = req.socket.remoteAddress ?? "";
  if ((await staticBrotli(req, res)) || (await responses.serve(req, res))) return;
  const pathname = (req.url ?? "/").split("?")[0];
  if (!LANGUAGE_NEUTRAL.test(pathname)) {
    amendOnWrite(res, (r, status) => {
      const vary = String(r.getHeader("vary") ?? "");
      if (!/\bcookie\b/i.test(vary)) r.setHeader("Vary", vary ? `${vary}, Cookie, Accept-Language` : "Cookie, Accept-Language");
      // A redirect thrown while a page is first rendered (an old slug's page) carries its Location
      // twice (set, then replayed from the render's metadata): one is enough.
      const location = r.getHeader("location");
      if (Array.isArray(location) && new Set(location).size === 1) r.setHeader("Location", location[0]);
      return status;
    });
  }
  if (pathname.startsWith("/files/")) {
    amendOnWrite(res, (r, status) => {
      const length = r.getHeader(CONTENT_LENGTH_RELAY);
      if (length !== undefined) {
        r.removeHeader(CONTENT_LENGTH_RELAY);
        r.setHeader("Content-Length", String(length));
      }
      return status;
    });
  }
  const item = ITEM_PAGE_PATH.exec(pathname);
  if (item && (req.method === "GET" || req.method === "HEAD")) {
    const { link, gone } = await itemResponseSignals(item[1], item[2], selfOrigin);
    amendOnWrite(res, (r, status) => {
      if (status !== 200) return status;
      // A withdrawn item keeps a tombstone page (with its citation) that says 410 Gone.
      if (gone) return 410;
      if (link) {
        const existing = r.getHeader("link");
        r.setHeader("Link", [link, ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)])]);
      }
      return status;
    });
  }
  handle(req, res);
});
server.keepAliveTimeout = 65_000; // longer than common load balancers' idle timeouts
server.listen(e.PORT, e.HOSTNAME, () => console.log(`atrium: ready on http://localhost:${e.PORT}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
