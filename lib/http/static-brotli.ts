// Brotli for the build's static assets (scripts/server.ts). Next.js compresses with gzip only;
// its scripts and styles under /_next/static/ never change for a build (their names carry a
// hash), so each is compressed once with Brotli's best setting, kept in memory and sent to every
// browser that accepts it — about a seventh smaller than gzip, which is what keeps an item page's
// JavaScript within its budget.
import fs from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
const PREFIX = "/_next/static/";
const TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=UTF-8",
  ".css": "text/css; charset=UTF-8",
  ".json": "application/json; charset=UTF-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=UTF-8",
};

export function createStaticBrotli(staticDir: string) {
  const root = path.resolve(staticDir);
  const compressed = new Map<string, Promise<Buffer | null>>();

  function compress(file: string): Promise<Buffer | null> {
    let pending = compressed.get(file);
    if (!pending) {
      pending = fs
        .readFile(file)
        .then((bytes) => brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }))
        .catch(() => null);
      compressed.set(file, pending);
    }
    return pending;
  }

  /** Answers with the Brotli copy and returns true, or returns false to let Next.js answer. */
  return async function serve(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const pathname = (req.url ?? "").split("?")[0];
    if (!pathname.startsWith(PREFIX) || !/\bbr\b/.test(String(req.headers["accept-encoding"] ?? ""))) return false;
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(PREFIX.length));
    } catch {
      return false;
    }
    const type = TYPES[path.extname(relative)];
    const file = path.resolve(root, relative);
    if (!type || !file.startsWith(root + path.sep)) return false;
    const body = await compress(file);
    if (!body) {
      compressed.delete(file); // not there (Next answers 404); a later build may bring it
      return false;
    }
    res.writeHead(200, {
      "content-type": type,
      "content-encoding": "br",
      "content-length": body.length,
      "cache-control": "public, max-age=31536000, immutable",
      vary: "Accept-Encoding",
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
