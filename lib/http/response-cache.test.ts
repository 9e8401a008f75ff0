import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signalPageChange, onPageChange } from "./page-change";
import { createResponseCache } from "./response-cache";

// A real HTTP server whose application answers with a counter, so that every test sees whether a
// response came from the application or from the cache.
let clock = 0;
const cache = createResponseCache({ ttlSeconds: 30, maxBytes: 64 * 1024, now: () => clock });
const unsubscribe = onPageChange(() => cache.clear());
let rendered = 0;
let gate: Promise<void> = Promise.resolve();

const server = http.createServer(async (req, res) => {
  if (await cache.serve(req, res)) return;
  rendered += 1;
  const n = rendered;
  const path = (req.url ?? "/").split("?")[0];
  await gate;
  if (path === "/cookie") res.setHeader("set-cookie", "a=b");
  if (path === "/gone") res.statusCode = 410;
  if (path === "/missing") res.statusCode = 404;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("etag", `"v${n}"`);
  // Streamed in pieces, as React renders.
  res.write(`<p>render ${n} `);
  res.write(Buffer.from(`of ${req.url} in ${req.headers["accept-language"] ?? "-"}`));
  res.end(path === "/big" ? "x".repeat(8 * 1024) : "</p>");
});
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  unsubscribe();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  cache.clear();
  rendered = 0;
});

async function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  const res = await fetch(base + path, { headers, method });
  return { status: res.status, body: await res.text(), cache: res.headers.get("x-atrium-cache"), headers: res.headers };
}

describe("response cache", () => {
  it("replays a public page byte for byte until it expires", async () => {
    const first = await get("/handle/1/2");
    const second = await get("/handle/1/2");
    expect(first).toMatchObject({ status: 200, cache: "miss", body: "<p>render 1 of /handle/1/2 in *</p>" });
    expect(second).toMatchObject({ status: 200, cache: "hit", body: first.body });
    expect(second.headers.get("content-length")).toBe(String(Buffer.byteLength(first.body)));
    expect(rendered).toBe(1);
    clock += 29_999;
    expect((await get("/handle/1/2")).cache).toBe("hit");
    clock += 1;
    expect((await get("/handle/1/2")).body).toBe("<p>render 2 of /handle/1/2 in *</p>");
  });

  it("keeps each language and query apart", async () => {
    await get("/search?q=a", { "accept-language": "ko-KR,ko;q=0.9" });
    await get("/search?q=a", { "accept-language": "en" });
    await get("/search?q=a", { "accept-language": "en-GB", cookie: "atrium-lang=ko" });
    await get("/search?q=b", { "accept-language": "en" });
    expect(rendered).toBe(3); // ko, en, q=b — the cookie chose Korean, already kept
    expect((await get("/search?q=a", { cookie: "atrium-lang=ko" })).body).toContain("ko-KR");
  });

  it("never keeps what depends on the visitor or cannot be replayed", async () => {
    const paths: [string, Record<string, string>, string?][] = [
      ["/curate", {}],
      ["/ko/signin", {}],
      ["/api/v1/items", {}],
      ["/files/1/a.pdf", {}],
      ["/oai?verb=Identify", {}],
      ["/handle/1/2", { cookie: "authjs.session-token=abc" }],
      ["/handle/1/2", { authorization: "Bearer x" }],
      ["/handle/1/2", { range: "bytes=0-1" }],
      ["/handle/1/2", { rsc: "1" }],
      ["/handle/1/2?_rsc=abc", {}],
      ["/cookie", {}],
      ["/missing", {}],
      ["/big", {}],
      ["/handle/1/2", {}, "POST"],
    ];
    for (const [path, headers, method] of paths) {
      await get(path, headers, method);
      const again = await get(path, headers, method);
      expect(again.cache, `${method ?? "GET"} ${path} ${JSON.stringify(headers)}`).not.toBe("hit");
    }
    expect(cache.size.entries).toBe(0);
  });

  it("keeps a withdrawn item's 410 and answers conditional requests with 304", async () => {
    await get("/gone");
    expect(await get("/gone")).toMatchObject({ status: 410, cache: "hit" });
    const etag = (await get("/handle/3/4")).headers.get("etag")!;
    const res = await fetch(`${base}/handle/3/4`, { headers: { "if-none-match": etag } });
    expect(res.status).toBe(304);
    expect(rendered).toBe(2);
  });

  it("answers HEAD from a kept GET without a body", async () => {
    const body = (await get("/units")).body;
    const head = await get("/units", {}, "HEAD");
    expect(head).toMatchObject({ status: 200, cache: "hit", body: "" });
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(body)));
  });

  it("is emptied by a change, and a render that started before the change is not kept", async () => {
    await get("/");
    signalPageChange();
    expect((await get("/")).cache).toBe("miss");

    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const slow = get("/researchers");
    await new Promise((resolve) => setTimeout(resolve, 50));
    signalPageChange();
    open();
    await slow;
    gate = Promise.resolve();
    expect((await get("/researchers")).cache).toBe("miss");
  });

  it("renders a page once for concurrent requests", async () => {
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const all = Promise.all(Array.from({ length: 20 }, () => get("/search?q=brain")));
    await new Promise((resolve) => setTimeout(resolve, 50));
    open();
    const responses = await all;
    gate = Promise.resolve();
    expect(rendered).toBe(1);
    expect(new Set(responses.map((r) => r.body)).size).toBe(1);
  });

  it("drops the least recently used pages to stay within its memory", async () => {
    // 64 KiB in all, 4 KiB at most per page: about 40 bytes each, so all fit; then big ones evict.
    for (let i = 0; i < 10; i++) await get(`/p/${i}`);
    expect(cache.size.entries).toBe(10);
    for (let i = 0; i < 30; i++) await get(`/q/${i}?${"x".repeat(3000)}`);
    expect(cache.size.bytes).toBeLessThanOrEqual(64 * 1024);
    expect((await get("/p/0")).cache).toBe("miss");
  });
});
