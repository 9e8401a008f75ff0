// Sitemaps and robots.txt against a real migrated database (PGlite, or the PostgreSQL server named by
// TEST_DATABASE_URL): the index lists every file, each file parses, the URL counts match the
// database, only public pages appear, files split by id blocks, and revalidation answers 304.
import { DOMParser } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { sitemapFileResponse, sitemapIndexResponse } from "./respond";
import { robotsTxt } from "./robots";
import { SITEMAP_LIMIT, SITEMAP_NS } from "./sitemap";

const SITE = "https://repo.example.org";
const LIMIT = 2;
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  const sql = db.sql;
  const [root] = await sql.query<{ id: number }>(`INSERT INTO unit (slug, name, updated_at) VALUES ('institute', 'Institute', '2024-01-01T00:00:00Z') RETURNING id`);
  await sql.query(`INSERT INTO unit (slug, name, parent_id, updated_at) VALUES ('memory', 'Memory', $1, '2024-02-01T00:00:00Z')`, [root.id]);
  const [coll] = await sql.query<{ id: number }>(`INSERT INTO collection (slug, unit_id, name, updated_at) VALUES ('articles', $1, 'Articles', '2024-01-01T00:00:00Z') RETURNING id`, [root.id]);
  for (const [i, slug] of ["koo-ja-wook", "kim-jeongseop", "lee-min"].entries()) {
    await sql.query(`INSERT INTO researcher (slug, display_name, updated_at) VALUES ($1, $1, $2)`, [slug, `2024-03-0${i + 1}T00:00:00Z`]);
  }
  const statuses = ["PUBLISHED", "PUBLISHED", "DRAFT", "PUBLISHED", "WITHDRAWN", "IN_REVIEW"];
  for (const [i, status] of statuses.entries()) {
    await sql.query(
      `INSERT INTO item (handle, type, status, title, collection_id, updated_at) VALUES ($1, 'JOURNAL_ARTICLE', $2::item_status, $3, $4, $5)`,
      [`9999.test/${i + 1}`, status, `Item ${i + 1}`, coll.id, `2024-05-0${i + 1}T10:00:00.500Z`],
    );
  }
});

afterAll(async () => {
  await db?.close();
});

const get = (path: string, headers: Record<string, string> = {}) => new Request(`${SITE}${path}`, { headers });
const parse = (xml: string) => new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;
const texts = (doc: Document | Element, name: string) => [...doc.getElementsByTagNameNS(SITEMAP_NS, name)].map((e) => e.textContent ?? "");

describe(`sitemaps (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it("indexes every file, and the files hold exactly the public pages, split at the limit", async () => {
    const index = await sitemapIndexResponse(get("/sitemap.xml"), db.sql, SITE, LIMIT);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const doc = parse(await index.text());
    expect(doc.documentElement.localName).toBe("sitemapindex");
    const locs = texts(doc, "loc");
    expect(locs.map((l) => l.replace(`${SITE}/sitemaps/`, ""))).toEqual([
      "pages-1.xml",
      "items-1.xml",
      "items-2.xml",
      "researchers-1.xml",
      "researchers-2.xml",
      "units-1.xml",
      "collections-1.xml",
    ]);
    for (const lastmod of texts(doc, "lastmod")) expect(lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    const urls: string[] = [];
    for (const loc of locs) {
      const name = loc.split("/").pop()!;
      const res = await sitemapFileResponse(get(`/sitemaps/${name}`), db.sql, SITE, name, LIMIT);
      expect(res.status).toBe(200);
      const child = parse(await res.text());
      expect(child.documentElement.localName).toBe("urlset");
      const these = texts(child, "loc");
      expect(these.length).toBeGreaterThan(0);
      // The short list of fixed pages is one file whatever the limit.
      expect(these.length).toBeLessThanOrEqual(name.startsWith("pages") ? 50_000 : LIMIT);
      expect(texts(child, "lastmod")).toHaveLength(these.length);
      urls.push(...these);
    }
    expect(new Set(urls).size).toBe(urls.length);
    const items = urls.filter((u) => u.includes("/handle/"));
    expect(items).toEqual([`${SITE}/handle/9999.test/1`, `${SITE}/handle/9999.test/2`, `${SITE}/handle/9999.test/4`]);
    const [counts] = await db.sql.query<{ researchers: number; units: number; collections: number }>(
      `SELECT (SELECT count(*)::int FROM researcher) AS researchers, (SELECT count(*)::int FROM unit) AS units, (SELECT count(*)::int FROM collection) AS collections`,
    );
    expect(urls.filter((u) => u.includes("/researchers/"))).toHaveLength(counts.researchers);
    expect(urls.filter((u) => u.includes("/units/"))).toHaveLength(counts.units);
    expect(urls.filter((u) => u.includes("/collections/"))).toHaveLength(counts.collections);
    expect(urls).toContain(`${SITE}/`);
  });

  it("gives each item its last change as lastmod and splits at 50,000 URLs by default", async () => {
    const res = await sitemapFileResponse(get("/sitemaps/items-1.xml"), db.sql, SITE, "items-1.xml");
    const doc = parse(await res.text());
    expect(texts(doc, "loc")).toHaveLength(3);
    expect(texts(doc, "lastmod")).toEqual(["2024-05-01T10:00:00Z", "2024-05-02T10:00:00Z", "2024-05-04T10:00:00Z"]);
    expect(SITEMAP_LIMIT).toBe(50_000);
  });

  it("answers 404 for files that do not exist", async () => {
    for (const name of ["items-3.xml", "items-0.xml", "pages-2.xml", "drafts-1.xml", "items-1.txt", "..%2Fitems-1.xml"]) {
      const res = await sitemapFileResponse(get(`/sitemaps/${name}`), db.sql, SITE, name, LIMIT);
      expect(res.status, name).toBe(404);
    }
  });

  it("answers 304 to a crawler whose copy is current", async () => {
    const first = await sitemapIndexResponse(get("/sitemap.xml"), db.sql, SITE, LIMIT);
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(lastModified).toBe("Sat, 04 May 2024 10:00:00 GMT");
    expect((await sitemapIndexResponse(get("/sitemap.xml", { "If-None-Match": etag }), db.sql, SITE, LIMIT)).status).toBe(304);
    expect((await sitemapIndexResponse(get("/sitemap.xml", { "If-Modified-Since": lastModified }), db.sql, SITE, LIMIT)).status).toBe(304);
    expect((await sitemapIndexResponse(get("/sitemap.xml", { "If-None-Match": '"other"' }), db.sql, SITE, LIMIT)).status).toBe(200);
  });
});

describe("robots.txt", () => {
  it("opens the public site, closes the workspace, sign-in, search results and the API, and names the sitemap", () => {
    const text = robotsTxt(SITE);
    const lines = text.split("\n");
    expect(lines[0]).toBe("User-agent: *");
    for (const path of ["/curate", "/signin", "/search", "/ko/search", "/en/curate", "/api/"]) expect(lines).toContain(`Disallow: ${path}`);
    expect(lines).toContain("Allow: /");
    expect(lines).toContain("Allow: /api/v1/openapi.json");
    expect(lines).toContain(`Sitemap: ${SITE}/sitemap.xml`);
    expect(lines.filter((l) => /^Disallow: \/(handle|researchers|units|collections|files|oai|feed)/.test(l))).toEqual([]);
  });
});
