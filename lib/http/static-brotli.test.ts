import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaticBrotli } from "./static-brotli";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atrium-static-"));
const script = "export const answer = 42;\n".repeat(400);
fs.mkdirSync(path.join(dir, "chunks"));
fs.writeFileSync(path.join(dir, "chunks", "app-1a2b.js"), script);
fs.writeFileSync(path.join(dir, "chunks", "font.woff2"), "binary");
fs.writeFileSync(path.join(os.tmpdir(), "atrium-outside.js"), "secret");
const serve = createStaticBrotli(dir);
const server = http.createServer(async (req, res) => {
  if (await serve(req, res)) return;
  res.writeHead(299); // stands for "Next.js answered"
  res.end();
});
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

function get(pathname: string, acceptEncoding: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(base + pathname, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("Brotli for static assets", () => {
  it("sends scripts compressed with Brotli to browsers that accept it", async () => {
    const res = await get("/_next/static/chunks/app-1a2b.js", "gzip, deflate, br, zstd");
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({ "content-encoding": "br", "content-type": "application/javascript; charset=UTF-8", "cache-control": "public, max-age=31536000, immutable" });
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(script);
    expect(res.body.length).toBeLessThan(script.length / 20);
  });

  it("leaves everything else to Next.js", async () => {
    for (const [pathname, encoding] of [
      ["/_next/static/chunks/app-1a2b.js", "gzip"],
      ["/_next/static/chunks/font.woff2", "br"],
      ["/_next/static/chunks/missing.js", "br"],
      ["/_next/static/..%2f..%2fatrium-outside.js", "br"],
      ["/_next/static/%E0%A4%A.js", "br"],
      ["/handle/1/2", "br"],
    ]) {
      expect((await get(pathname, encoding)).status, pathname).toBe(299);
    }
  });
});
