// The HTTP server behind `npm start`: Next.js's request handler, plus the response headers a
// cached page cannot set itself — FAIR Signposting `Link` on item pages, and `Vary` for the
// language negotiation done in proxy.ts. Headers are added as the response head is written, so
// they never enter Next's page cache (where they would be replayed twice).
import http from "node:http";
import next from "next";
import { env } from "../lib/env";
import { ITEM_PAGE_PATH, itemLinkHeader } from "../lib/items/signposting-header";

const e = env();
const app = next({ dev: false, dir: process.cwd(), hostname: e.HOSTNAME, port: e.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const selfOrigin = `http://${["0.0.0.0", "::"].includes(e.HOSTNAME) ? "127.0.0.1" : e.HOSTNAME.includes(":") ? `[${e.HOSTNAME}]` : e.HOSTNAME}:${e.PORT}`;
const LANGUAGE_NEUTRAL = /^\/(api|_next|files|media|oai)(\/|$)|^\/(icon\.svg|favicon\.ico|robots\.txt|feed\.xml)$|^\/sitemap/;

/** Adds headers at the moment the response head goes out, merging with what Next set. */
function addHeadersOnWrite(res: http.ServerResponse, add: (res: http.ServerResponse) => void) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) add(this);
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof res.writeHead;
}

const server = http.createServer(async (req, res) => {
  const pathname = (req.url ?? "/").split("?")[0];
  if (!LANGUAGE_NEUTRAL.test(pathname)) {
    addHeadersOnWrite(res, (r) => {
      const vary = String(r.getHeader("vary") ?? "");
      if (!/\bcookie\b/i.test(vary)) r.setHeader("Vary", vary ? `${vary}, Cookie, Accept-Language` : "Cookie, Accept-Language");
    });
  }
  const item = ITEM_PAGE_PATH.exec(pathname);
  if (item && (req.method === "GET" || req.method === "HEAD")) {
    const link = await itemLinkHeader(item[1], item[2], selfOrigin);
    if (link) {
      addHeadersOnWrite(res, (r) => {
        if (r.statusCode !== 200) return;
        const existing = r.getHeader("link");
        r.setHeader("Link", [link, ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)])]);
      });
    }
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
