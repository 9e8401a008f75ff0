// serveFile against a real migrated database and a real local storage folder: each response is
// checked as a browser or PDF viewer would see it.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Prisma } from "../db/prisma";
import { createTestDatabase, type TestDatabase } from "../db/test-db";
import { createLocalStorage, storageKeyFor, type Storage } from "../storage";
import { findFileForDownload } from "./lookup";
import { serveFile, type ServeFileDeps } from "./serve";
import { createChecksumCache } from "./verify";

const NOW = new Date("2026-06-15T12:00:00Z");
/** Every file's updatedAt, so that Last-Modified is known (and not after NOW). */
const UPDATED_AT = new Date("2026-03-02T10:00:00.123Z");
const SITE = "https://repository.example.org";
const day = (d: string) => new Date(`${d}T00:00:00Z`);

let db: TestDatabase;
let prisma: Prisma;
let root: string;
let storage: Storage;
let logged: { message: string; fileId: number | string; error?: unknown }[] = [];

let pdf: Buffer;
let big: Buffer;
const ids: Record<string, number> = {};
const handles: Record<string, string> = {};

async function makePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle("Emotional memory and the amygdala");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= 3; p++) {
    const page = doc.addPage([595, 842]);
    for (let line = 0; line < 40; line++) {
      page.drawText(`Page ${p}, line ${line + 1}: the quick brown fox jumps over the lazy dog.`, { x: 50, y: 800 - line * 18, size: 11, font });
    }
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

let itemCounter = 0;
async function createItem(collectionId: number, data: { status?: "DRAFT" | "IN_REVIEW" | "PUBLISHED" | "WITHDRAWN"; embargoUntil?: Date; title?: string }) {
  itemCounter++;
  return prisma.item.create({
    data: {
      handle: `2026.test/${itemCounter}`,
      type: "JOURNAL_ARTICLE",
      status: data.status ?? "PUBLISHED",
      title: data.title ?? `Test item ${itemCounter}`,
      embargoUntil: data.embargoUntil,
      collectionId,
    },
  });
}

async function createFile(
  itemId: number,
  bytes: Buffer,
  data: { fileName: string; mimeType?: string; access?: "OPEN" | "EMBARGOED" | "RESTRICTED"; embargoUntil?: Date; store?: boolean },
) {
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  if (data.store !== false) await storage.put(bytes);
  return prisma.file.create({
    data: {
      itemId,
      fileName: data.fileName,
      mimeType: data.mimeType ?? "application/pdf",
      size: BigInt(bytes.length),
      sha256,
      storageKey: storageKeyFor(sha256),
      access: data.access ?? "OPEN",
      embargoUntil: data.embargoUntil,
      updatedAt: UPDATED_AT,
    },
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrismaClient(db);
  root = fs.mkdtempSync(path.join(os.tmpdir(), "atrium-files-"));
  storage = createLocalStorage(path.join(root, "store"));

  pdf = await makePdf();
  big = crypto.randomBytes(300 * 1024 + 17); // several read chunks

  const unit = await prisma.unit.create({ data: { slug: "test-unit", name: "Test unit" } });
  const collection = await prisma.collection.create({ data: { slug: "test-collection", name: "Articles", unitId: unit.id } });
  const cid = collection.id;

  const published = await createItem(cid, { title: `Fear <memory> & "the" amygdala` });
  handles.published = published.handle;
  ids.pdf = (await createFile(published.id, pdf, { fileName: "Kim et al. 2023.pdf" })).id;
  ids.big = (await createFile(published.id, big, { fileName: "data.bin", mimeType: "application/octet-stream" })).id;
  ids.korean = (await createFile(published.id, Buffer.from("korean"), { fileName: "정서·인지 질환 연구.pdf" })).id;
  ids.hostile = (
    await createFile(published.id, Buffer.from("hostile"), { fileName: 'quo"te\\back\r\nX-Evil: 1\u202Efdp.exe', mimeType: "text/plain" })
  ).id;
  ids.html = (await createFile(published.id, Buffer.from("<script>alert(1)</script>"), { fileName: "page.html", mimeType: "text/html" })).id;
  ids.empty = (await createFile(published.id, Buffer.alloc(0), { fileName: "empty.txt", mimeType: "text/plain" })).id;
  ids.embargoed = (
    await createFile(published.id, Buffer.from("embargoed secret bytes"), { fileName: "later.pdf", access: "EMBARGOED", embargoUntil: day("2027-03-01") })
  ).id;
  ids.embargoPast = (
    await createFile(published.id, Buffer.from("embargo over"), { fileName: "now-open.pdf", access: "EMBARGOED", embargoUntil: day("2026-01-01") })
  ).id;
  ids.embargoNoDate = (await createFile(published.id, Buffer.from("no date"), { fileName: "undated.pdf", access: "EMBARGOED" })).id;
  ids.restricted = (await createFile(published.id, Buffer.from("staff only bytes"), { fileName: "internal.pdf", access: "RESTRICTED" })).id;
  ids.missing = (await createFile(published.id, Buffer.from("never stored"), { fileName: "lost.pdf", store: false })).id;
  ids.corrupt = (await createFile(published.id, crypto.randomBytes(200 * 1024), { fileName: "rotten.bin", mimeType: "application/octet-stream" })).id;
  ids.wrongSize = (await createFile(published.id, Buffer.from("size differs"), { fileName: "short.pdf" })).id;

  const itemEmbargo = await createItem(cid, { embargoUntil: day("2027-09-01") });
  handles.itemEmbargo = itemEmbargo.handle;
  ids.itemEmbargo = (await createFile(itemEmbargo.id, Buffer.from("item embargo"), { fileName: "paper.pdf" })).id;
  const itemEmbargoPast = await createItem(cid, { embargoUntil: day("2025-09-01") });
  ids.itemEmbargoPast = (await createFile(itemEmbargoPast.id, Buffer.from("item embargo over"), { fileName: "paper.pdf" })).id;

  const draft = await createItem(cid, { status: "DRAFT" });
  ids.draft = (await createFile(draft.id, Buffer.from("draft"), { fileName: "draft.pdf" })).id;
  const review = await createItem(cid, { status: "IN_REVIEW" });
  ids.review = (await createFile(review.id, Buffer.from("review"), { fileName: "review.pdf" })).id;
  const withdrawn = await createItem(cid, { status: "WITHDRAWN" });
  handles.withdrawn = withdrawn.handle;
  ids.withdrawn = (await createFile(withdrawn.id, Buffer.from("withdrawn"), { fileName: "old.pdf" })).id;

  // Damage two stored objects behind the database's back: same size but other bytes, and shorter.
  const corrupt = await prisma.file.findUniqueOrThrow({ where: { id: ids.corrupt } });
  const corruptPath = path.join(root, "store", ...corrupt.storageKey.split("/"));
  fs.writeFileSync(corruptPath, crypto.randomBytes(200 * 1024));
  const short = await prisma.file.findUniqueOrThrow({ where: { id: ids.wrongSize } });
  fs.writeFileSync(path.join(root, "store", ...short.storageKey.split("/")), "size");
});

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  logged = [];
});

const deps = (): ServeFileDeps => ({
  findFile: (id) => findFileForDownload(prisma, id),
  storage,
  now: NOW,
  siteUrl: SITE,
  session: null,
  log: (message, details) => logged.push({ message, ...details }),
});

/** Requests a path the way the route does: Next hands over each segment decoded once. */
async function request(urlPath: string, init: { method?: string; headers?: Record<string, string> } = {}, extra: Partial<ServeFileDeps> = {}) {
  const url = new URL(urlPath, "http://localhost");
  const [, , fileId, fileName] = url.pathname.split("/");
  return serveFile(
    new Request(url, { method: init.method ?? "GET", headers: init.headers }),
    { fileId: decodeURIComponent(fileId), fileName: decodeURIComponent(fileName) },
    { ...deps(), ...extra },
  );
}

async function fileUrl(key: string) {
  const file = await prisma.file.findUniqueOrThrow({ where: { id: ids[key] } });
  return `/files/${file.id}/${encodeURIComponent(file.fileName)}`;
}

async function bytesOf(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

describe("serving an open file", () => {
  it("sends the whole file with the headers a browser, a cache and a harvester need", async () => {
    const response = await request(await fileUrl("pdf"));
    expect(response.status).toBe(200);
    const body = await bytesOf(response);
    expect(body.equals(pdf)).toBe(true);
    expect((await PDFDocument.load(body)).getPageCount()).toBe(3);

    const h = response.headers;
    expect(h.get("content-type")).toBe("application/pdf");
    expect(h.get("x-content-type-options")).toBe("nosniff");
    expect(h.get("content-length")).toBe(String(pdf.length));
    expect(h.get("content-disposition")).toBe(`inline; filename="Kim et al. 2023.pdf"; filename*=UTF-8''Kim%20et%20al.%202023.pdf`);
    expect(h.get("etag")).toBe(`"${crypto.createHash("sha256").update(pdf).digest("hex")}"`);
    expect(h.get("last-modified")).toBe("Mon, 02 Mar 2026 10:00:00 GMT");
    expect(h.get("accept-ranges")).toBe("bytes");
    expect(h.get("cache-control")).toMatch(/^public, max-age=3600\b/);
    expect(h.get("link")).toBe(`<${SITE}/handle/${handles.published}>; rel="collection"; type="text/html"`);
    expect(h.get("content-range")).toBeNull();
    // PDFs must stay viewable in the browser, so they are not sandboxed.
    expect(h.get("content-security-policy")).toBeNull();
  });

  it("streams a file of several chunks intact", async () => {
    const response = await request(await fileUrl("big"));
    expect(response.status).toBe(200);
    expect((await bytesOf(response)).equals(big)).toBe(true);
    expect(logged).toEqual([]);
  });

  it("stops reading quietly when the client goes away", async () => {
    const response = await request(await fileUrl("big"));
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 10)); // the next read is now pending
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logged).toEqual([]);
  });

  it("answers HEAD with the same headers and no body", async () => {
    const get = await request(await fileUrl("pdf"));
    await get.arrayBuffer();
    const head = await request(await fileUrl("pdf"), { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(Object.fromEntries(head.headers)).toEqual(Object.fromEntries(get.headers));
  });

  it("sends an empty file as an empty 200", async () => {
    const response = await request(await fileUrl("empty"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe("0");
    expect((await bytesOf(response)).length).toBe(0);
  });

  it("names non-ASCII files in UTF-8 with an ASCII fallback", async () => {
    const response = await request(await fileUrl("korean"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      `inline; filename="_____ __ __.pdf"; filename*=UTF-8''${encodeURIComponent("정서·인지 질환 연구.pdf")}`,
    );
  });

  it("keeps a hostile stored name from breaking or spoofing the Content-Disposition header", async () => {
    const response = await request(await fileUrl("hostile"));
    expect(response.status).toBe(200);
    const header = response.headers.get("content-disposition")!;
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(header).toBe(`inline; filename="quo_te_backX-Evil: 1fdp.exe"; filename*=UTF-8''quo%22te_backX-Evil%3A%201fdp.exe`);
    expect(response.headers.get("x-evil")).toBeNull();
  });

  it("sandboxes files a browser could run", async () => {
    const response = await request(await fileUrl("html"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    await response.arrayBuffer();
  });
});

describe("byte ranges", () => {
  const cases: [string, number, number][] = [
    ["bytes=0-99", 0, 99],
    ["bytes=1000-", 1000, -1],
    ["bytes=-500", -500, -1],
    ["bytes=100-100", 100, 100],
    ["bytes=50-99999999", 50, -1],
  ];
  for (const [header, from, to] of cases) {
    it(`answers ${header} with 206 and exactly those bytes`, async () => {
      const start = from < 0 ? pdf.length + from : from;
      const end = to < 0 ? pdf.length - 1 : to;
      const response = await request(await fileUrl("pdf"), { headers: { Range: header } });
      expect(response.status).toBe(206);
      expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/${pdf.length}`);
      expect(response.headers.get("content-length")).toBe(String(end - start + 1));
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect((await bytesOf(response)).equals(pdf.subarray(start, end + 1))).toBe(true);
    });
  }

  it("serves a range from the middle of a multi-chunk file", async () => {
    const response = await request(await fileUrl("big"), { headers: { Range: "bytes=65530-200000" } });
    expect(response.status).toBe(206);
    expect((await bytesOf(response)).equals(big.subarray(65530, 200001))).toBe(true);
  });

  it("answers 416 with the size when the range selects nothing", async () => {
    for (const header of [`bytes=${pdf.length}-`, "bytes=-0", `bytes=${pdf.length + 10}-${pdf.length + 20}`]) {
      const response = await request(await fileUrl("pdf"), { headers: { Range: header } });
      expect(response.status, header).toBe(416);
      expect(response.headers.get("content-range")).toBe(`bytes */${pdf.length}`);
      expect((await response.text()).includes("%PDF")).toBe(false);
    }
    const empty = await request(await fileUrl("empty"), { headers: { Range: "bytes=0-" } });
    expect(empty.status).toBe(416);
    expect(empty.headers.get("content-range")).toBe("bytes */0");
  });

  it("ignores malformed and multiple ranges and sends the whole file", async () => {
    for (const header of ["bytes=abc", "bytes=20-10", "pages=1-2", "bytes=0-10,20-30", "bytes=-"]) {
      const response = await request(await fileUrl("pdf"), { headers: { Range: header } });
      expect(response.status, header).toBe(200);
      expect(response.headers.get("content-range")).toBeNull();
      expect((await bytesOf(response)).equals(pdf)).toBe(true);
    }
  });

  it("sends the whole file when If-Range names an older version, the range when it names this one", async () => {
    const stale = await request(await fileUrl("pdf"), { headers: { Range: "bytes=0-9", "If-Range": '"0000"' } });
    expect(stale.status).toBe(200);
    expect((await bytesOf(stale)).equals(pdf)).toBe(true);

    const etag = stale.headers.get("etag")!;
    const current = await request(await fileUrl("pdf"), { headers: { Range: "bytes=0-9", "If-Range": etag } });
    expect(current.status).toBe(206);
    expect((await bytesOf(current)).equals(pdf.subarray(0, 10))).toBe(true);

    const byDate = await request(await fileUrl("pdf"), {
      headers: { Range: "bytes=0-9", "If-Range": stale.headers.get("last-modified")! },
    });
    expect(byDate.status).toBe(206);
    await byDate.arrayBuffer();
  });

  it("answers HEAD with the whole file's headers even when a Range is sent", async () => {
    const response = await request(await fileUrl("pdf"), { method: "HEAD", headers: { Range: "bytes=0-9" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe(String(pdf.length));
  });
});

describe("conditional requests", () => {
  it("answers If-None-Match with 304 and no body", async () => {
    const first = await request(await fileUrl("pdf"));
    await first.arrayBuffer();
    const etag = first.headers.get("etag")!;
    const response = await request(await fileUrl("pdf"), { headers: { "If-None-Match": etag } });
    expect(response.status).toBe(304);
    expect(response.body).toBeNull();
    expect(response.headers.get("etag")).toBe(etag);
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=3600/);

    const other = await request(await fileUrl("pdf"), { headers: { "If-None-Match": '"something-else"' } });
    expect(other.status).toBe(200);
    await other.arrayBuffer();
  });

  it("answers If-Modified-Since with 304 when the file has not changed since", async () => {
    const first = await request(await fileUrl("pdf"), { method: "HEAD" });
    const lastModified = first.headers.get("last-modified")!;
    const response = await request(await fileUrl("pdf"), { headers: { "If-Modified-Since": lastModified } });
    expect(response.status).toBe(304);

    const earlier = new Date(Date.parse(lastModified) - 60_000).toUTCString();
    const changed = await request(await fileUrl("pdf"), { headers: { "If-Modified-Since": earlier } });
    expect(changed.status).toBe(200);
    await changed.arrayBuffer();
  });

  it("answers a failed If-Match with 412", async () => {
    const response = await request(await fileUrl("pdf"), { headers: { "If-Match": '"not-this"' } });
    expect(response.status).toBe(412);
  });
});

describe("addresses", () => {
  it("redirects a wrong or outdated file name to the canonical URL", async () => {
    const canonical = await fileUrl("pdf");
    for (const name of ["old-name.pdf", "kim%20et%20al.%202023.pdf", "Kim%20et%20al.%202023.PDF"]) {
      const response = await request(`/files/${ids.pdf}/${name}`);
      expect(response.status, name).toBe(308);
      expect(response.headers.get("location")).toBe(canonical);
      expect(response.body).toBeNull();
    }
    expect(canonical).toBe(`/files/${ids.pdf}/Kim%20et%20al.%202023.pdf`);
  });

  it("redirects a padded id and keeps the query string", async () => {
    const response = await request(`/files/000${ids.korean}/x.pdf?download=1`);
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe(`/files/${ids.korean}/${encodeURIComponent("정서·인지 질환 연구.pdf")}?download=1`);
    const followed = await request(response.headers.get("location")!);
    expect(followed.status).toBe(200);
    await followed.arrayBuffer();
  });

  it("redirects hostile names safely and never touches the filesystem with them", async () => {
    const canonical = await fileUrl("pdf");
    for (const name of ["..%2F..%2F..%2Fetc%2Fpasswd", "%00", "..%5C..%5Cwindows%5Cwin.ini", `${"a".repeat(5000)}.pdf`, "%E2%80%AEfdp.exe", "x%0D%0ASet-Cookie%3A%20a%3D1"]) {
      const response = await request(`/files/${ids.pdf}/${name}`);
      expect(response.status).toBe(308);
      expect(response.headers.get("location")).toBe(canonical);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
  });

  it("serves the canonical path even if its decoded name does not match (no redirect loop)", async () => {
    const canonical = await fileUrl("pdf");
    const response = await serveFile(new Request(new URL(canonical, "http://localhost")), { fileId: String(ids.pdf), fileName: "mangled" }, deps());
    expect(response.status).toBe(200);
    await response.arrayBuffer();
  });

  it("answers unknown, non-numeric and out-of-range ids with a readable 404", async () => {
    for (const id of ["999999", "abc", "0", "-1", "1e3", "0x10", "1.0", "2147483648", "99999999999999999999", "%00", ""]) {
      const response = await request(`/files/${id}/x.pdf`);
      expect(response.status, id).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const page = await response.text();
      expect(page).toContain("<h1>Page not found</h1>");
      expect(page).toContain('<section lang="ko">');
    }
  });

  it("answers other methods with 405", async () => {
    const response = await request(await fileUrl("pdf"), { method: "POST" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });
});

describe("items that are not public", () => {
  it("hides files of drafts and items in review (404)", async () => {
    for (const key of ["draft", "review"]) {
      const response = await request(await fileUrl(key));
      expect(response.status, key).toBe(404);
      expect(await response.text()).not.toContain(key === "draft" ? "draft.pdf" : "review.pdf");
    }
  });

  it("answers files of withdrawn items with 410 and a link to the tombstone", async () => {
    const response = await request(await fileUrl("withdrawn"));
    expect(response.status).toBe(410);
    const page = await response.text();
    expect(page).toContain(`href="/handle/${handles.withdrawn}"`);
    expect(page).toContain("withdrawn");
    expect(page).not.toContain("%PDF");
  });
});

describe("access", () => {
  it("answers a future embargo with a bilingual 403 page giving the date, and no bytes", async () => {
    const response = await request(await fileUrl("embargoed"));
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("etag")).toBeNull();
    const page = await response.text();
    expect(page).not.toContain("embargoed secret bytes");
    expect(page).toMatch(/^<!doctype html><html lang="en">/);
    const [english, korean] = page.split('<section lang="ko">');
    expect(english).toContain('under embargo until <time datetime="2027-03-01">2027-03-01</time>');
    expect(korean).toContain('<time datetime="2027-03-01">2027-03-01</time>부터 내려받을 수 있습니다');
    expect(page).toContain(`href="/handle/${handles.published}"`);
    expect(page).toContain("later.pdf");
    // The item title is escaped.
    expect(page).toContain("Fear &lt;memory&gt; &amp; &quot;the&quot; amygdala");
    expect(page).not.toContain("<memory>");
  });

  it("answers HEAD for an embargoed file with the 403 and no body", async () => {
    const response = await request(await fileUrl("embargoed"), { method: "HEAD" });
    expect(response.status).toBe(403);
    expect(response.body).toBeNull();
  });

  it("keeps an undated embargo closed", async () => {
    const response = await request(await fileUrl("embargoNoDate"));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("has not been set");
  });

  it("serves a file whose embargo has ended", async () => {
    const response = await request(await fileUrl("embargoPast"));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("embargo over");
  });

  it("applies the item's embargo to its open files", async () => {
    const closed = await request(await fileUrl("itemEmbargo"));
    expect(closed.status).toBe(403);
    const page = await closed.text();
    expect(page).toContain("2027-09-01");
    expect(page).toContain(`href="/handle/${handles.itemEmbargo}"`);
    expect(page).not.toContain("item embargo");

    const open = await request(await fileUrl("itemEmbargoPast"));
    expect(open.status).toBe(200);
    expect(await open.text()).toBe("item embargo over");
  });

  it("answers a restricted file with a 403 page", async () => {
    const response = await request(await fileUrl("restricted"));
    expect(response.status).toBe(403);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const page = await response.text();
    expect(page).toContain("restricted to signed-in staff");
    expect(page).toContain("로그인한 기관 직원만");
    expect(page).not.toContain("staff only bytes");
  });

  it("serves restricted and embargoed files privately to a session with rights on the item, and asks for the session only then", async () => {
    const asked: number[] = [];
    const decisions: string[] = [];
    const staff = {
      resolveSession: async (file: { id: number }) => {
        asked.push(file.id);
        return { userId: 1, role: "CURATOR" as const, mayManageItem: true };
      },
      onAccess: (d: { kind: string }) => decisions.push(d.kind),
    };
    const restricted = await request(await fileUrl("restricted"), {}, staff);
    expect(restricted.status).toBe(200);
    expect(restricted.headers.get("cache-control")).toMatch(/^private, no-store/);
    expect(await restricted.text()).toBe("staff only bytes");
    const embargoed = await request(await fileUrl("embargoed"), {}, staff);
    expect(embargoed.status).toBe(200);
    expect(await embargoed.text()).toBe("embargoed secret bytes");
    const open = await request(await fileUrl("pdf"), {}, staff);
    expect(open.status).toBe(200);
    expect(asked).toEqual([ids.restricted, ids.embargoed]);
    expect(decisions).toEqual(["private", "private", "open"]);
    // Signed in without rights on the item: still refused.
    const other = await request(await fileUrl("restricted"), {}, { resolveSession: async () => ({ userId: 2, role: "CURATOR", mayManageItem: false }) });
    expect(other.status).toBe(403);
    expect(await other.text()).not.toContain("staff only bytes");
  });

  it("judges embargoes against the given clock", async () => {
    const response = await serveFile(
      new Request(new URL(await fileUrl("embargoed"), "http://localhost")),
      { fileId: String(ids.embargoed), fileName: "later.pdf" },
      { ...deps(), now: day("2027-03-01") },
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("embargoed secret bytes");
  });
});

describe("storage failures", () => {
  it("answers a missing stored object with a generic 500 page and logs the file id", async () => {
    const file = await prisma.file.findUniqueOrThrow({ where: { id: ids.missing } });
    const response = await request(await fileUrl("missing"));
    expect(response.status).toBe(500);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const page = await response.text();
    expect(page).toContain("could not be delivered");
    expect(page).not.toContain(root);
    expect(page).not.toContain(file.storageKey);
    expect(page).not.toContain(file.sha256);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ fileId: ids.missing, message: "stored object is missing" });
    expect(logged[0].message).not.toContain(root);
  });

  it("refuses a stored object whose size differs from the record", async () => {
    const response = await request(await fileUrl("wrongSize"));
    expect(response.status).toBe(500);
    expect(logged[0]).toMatchObject({ fileId: ids.wrongSize });
  });

  it("breaks off a full download whose bytes do not match the checksum, before the last chunk", async () => {
    const response = await request(await fileUrl("corrupt"));
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let received = 0;
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          received += value.length;
        }
      })(),
    ).rejects.toThrow(/SHA-256/);
    expect(received).toBeLessThan(200 * 1024);
    expect(logged).toMatchObject([{ fileId: ids.corrupt, message: "download broke off" }]);
  });

  it("checks the whole object once before serving a range, and remembers the answer per stamp", async () => {
    const checksums = createChecksumCache();
    const range = { headers: { range: "bytes=0-99" } };
    const good = await request(await fileUrl("big"), range, { checksums });
    expect(good.status).toBe(206);
    expect((await bytesOf(good)).equals(big.subarray(0, 100))).toBe(true);
    const bigFile = await prisma.file.findUniqueOrThrow({ where: { id: ids.big } });
    expect(checksums.state(await storage.stat(bigFile.storageKey))).toBe("good");

    const bad = await request(await fileUrl("corrupt"), range, { checksums });
    expect(bad.status).toBe(500);
    expect(logged).toMatchObject([{ fileId: ids.corrupt, message: "stored object does not match its SHA-256" }]);
    // Known bad: a full download is refused at once instead of breaking off.
    const full = await request(await fileUrl("corrupt"), {}, { checksums });
    expect(full.status).toBe(500);
  });

  it("remembers a full download's verdict, and a changed stored file is checked again", async () => {
    const checksums = createChecksumCache();
    const bytes = Buffer.from("verified then damaged");
    const published = await prisma.item.findFirstOrThrow({ where: { files: { some: { id: ids.pdf } } } });
    const file = await createFile(published.id, bytes, { fileName: "damaged-later.txt", mimeType: "text/plain" });
    const url = `/files/${file.id}/damaged-later.txt`;
    const first = await request(url, {}, { checksums });
    expect((await bytesOf(first)).equals(bytes)).toBe(true);
    const stored = path.join(root, "store", ...file.storageKey.split("/"));
    expect(checksums.state(await storage.stat(file.storageKey))).toBe("good");
    // Same size, other bytes, newer modification time.
    fs.writeFileSync(stored, Buffer.from("VERIFIED then damaged"));
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(stored, later, later);
    const ranged = await request(url, { headers: { range: "bytes=0-3" } }, { checksums });
    expect(ranged.status).toBe(500);
  });

  it("answers a database failure with the readable 500 page", async () => {
    const response = await serveFile(
      new Request("http://localhost/files/1/x.pdf"),
      { fileId: "1", fileName: "x.pdf" },
      { ...deps(), findFile: () => Promise.reject(new Error("connection refused")) },
    );
    expect(response.status).toBe(500);
    expect(await response.text()).toContain("could not be delivered");
    expect(logged).toMatchObject([{ fileId: 1, message: "lookup failed" }]);
  });
});
