// Atom feeds against a real migrated database (PGlite, or the PostgreSQL server named by
// TEST_DATABASE_URL): each feed is well-formed and has what RFC 4287 requires, lists only public
// items newest first, follows the unit tree and collection mappings, and revalidates with 304.
import { DOMParser } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { ATOM_NS, type FeedScope } from "./atom";
import { feedResponse } from "./respond";

const SITE = "https://repo.example.org";
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  const sql = db.sql;
  const unit = async (slug: string, parent: number | null, altName: string | null = null) =>
    (await sql.query<{ id: number }>(`INSERT INTO unit (slug, name, alt_name, alt_lang, parent_id, updated_at) VALUES ($1, $1, $2, 'ko', $3, '2024-01-01T00:00:00Z') RETURNING id`, [slug, altName, parent]))[0].id;
  const root = await unit("institute", null, "연구원");
  const division = await unit("division", root, "연구본부");
  const group = await unit("group", division, "정서·인지 질환 연구그룹");
  const other = await unit("other", root);
  const coll = async (slug: string, unitId: number) =>
    (await sql.query<{ id: number }>(`INSERT INTO collection (slug, unit_id, name, updated_at) VALUES ($1, $2, $1, '2024-01-01T00:00:00Z') RETURNING id`, [slug, unitId]))[0].id;
  const groupArticles = await coll("group-articles", group);
  const otherReports = await coll("other-reports", other);
  const [koo] = await sql.query<{ id: number }>(`INSERT INTO researcher (slug, display_name, updated_at) VALUES ('koo-ja-wook', 'Koo, Ja Wook', now()) RETURNING id`);
  const items: [string, string, number, string | null, number | null][] = [
    // handle suffix, status, collection, published_at, mapped into
    ["1", "PUBLISHED", groupArticles, "2024-03-01T00:00:00Z", null],
    ["2", "PUBLISHED", otherReports, "2024-04-01T00:00:00Z", groupArticles],
    ["3", "PUBLISHED", otherReports, "2024-05-01T00:00:00Z", null],
    ["4", "DRAFT", groupArticles, null, null],
    ["5", "WITHDRAWN", groupArticles, "2024-06-01T00:00:00Z", null],
  ];
  for (const [n, status, collectionId, publishedAt, mapped] of items) {
    const [row] = await sql.query<{ id: number }>(
      `INSERT INTO item (handle, type, status, title, abstract, doi, collection_id, published_at, updated_at)
       VALUES ($1, 'JOURNAL_ARTICLE', $2::item_status, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [`9999.test/${n}`, status, `Item ${n} <&>`, `Abstract ${n}. `.repeat(n === "1" ? 200 : 1), n === "1" ? "10.5555/one" : null, collectionId, publishedAt, `2024-07-0${n}T12:00:00.750Z`],
    );
    if (mapped) await sql.query(`INSERT INTO item_collection (item_id, collection_id) VALUES ($1, $2)`, [row.id, mapped]);
    if (n !== "3") {
      await sql.query(`INSERT INTO contributor (item_id, position, name, researcher_id) VALUES ($1, 0, 'Koo, Ja Wook', $2), ($1, 1, 'Kim, Jeongseop', NULL)`, [row.id, koo.id]);
    }
  }
});

afterAll(async () => {
  await db?.close();
});

type AtomEntry = { id: string; title: string; updated: string; authors: { name: string; uri: string | null }[]; summary: string | null; alternate: string | null };

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const children = (el: Element, name: string) => [...el.childNodes].filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === ATOM_NS);
const one = (el: Element, name: string) => {
  const found = children(el, name);
  expect(found, `exactly one atom:${name}`).toHaveLength(1);
  return found[0];
};

/** Parses a feed and checks RFC 4287's structural rules (§4.1.1, §4.1.2), as a validator would. */
function parseAtom(xml: string) {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(xml, "text/xml");
  expect(errors).toEqual([]);
  const feed = doc.documentElement as unknown as Element;
  expect(feed.localName).toBe("feed");
  expect(feed.namespaceURI).toBe(ATOM_NS);
  for (const name of ["id", "title", "updated"]) one(feed, name);
  expect(one(feed, "updated").textContent).toMatch(RFC3339);
  expect(() => new URL(one(feed, "id").textContent!)).not.toThrow();
  const self = children(feed, "link").filter((l) => l.getAttribute("rel") === "self");
  expect(self).toHaveLength(1);
  const feedHasAuthor = children(feed, "author").length > 0;
  const entries: AtomEntry[] = children(feed, "entry").map((entry) => {
    for (const name of ["id", "title", "updated"]) one(entry, name);
    expect(one(entry, "updated").textContent).toMatch(RFC3339);
    for (const p of children(entry, "published")) expect(p.textContent).toMatch(RFC3339);
    const authors = children(entry, "author").map((a) => ({ name: one(a, "name").textContent!, uri: children(a, "uri")[0]?.textContent ?? null }));
    if (!feedHasAuthor) expect(authors.length).toBeGreaterThan(0);
    const alternate = children(entry, "link").find((l) => (l.getAttribute("rel") ?? "alternate") === "alternate")?.getAttribute("href") ?? null;
    // Without atom:content an entry must have an alternate link (§4.1.2).
    if (children(entry, "content").length === 0) expect(alternate).not.toBeNull();
    return { id: one(entry, "id").textContent!, title: one(entry, "title").textContent!, updated: one(entry, "updated").textContent!, authors, summary: children(entry, "summary")[0]?.textContent ?? null, alternate };
  });
  expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  return { feed, entries, title: one(feed, "title").textContent!, lang: feed.getAttribute("xml:lang") };
}

async function fetchFeed(scope: FeedScope, lang: "en" | "ko" = "en", headers: Record<string, string> = {}) {
  return feedResponse(new Request(`${SITE}/feed.xml`, { headers }), db.sql, scope, lang, SITE);
}

describe(`Atom feeds (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it("lists the site's public items newest first, with authors, summaries and links", async () => {
    const res = await fetchFeed({ kind: "site" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const { entries, feed } = parseAtom(await res.text());
    expect(entries.map((e) => e.id)).toEqual([3, 2, 1].map((n) => `${SITE}/handle/9999.test/${n}`));
    expect(entries[0].title).toBe("Item 3 <&>");
    expect(entries[0].authors).toEqual([]);
    expect(entries[1].authors).toEqual([
      { name: "Koo, Ja Wook", uri: `${SITE}/researchers/koo-ja-wook` },
      { name: "Kim, Jeongseop", uri: null },
    ]);
    expect(entries[2].summary!.length).toBeLessThanOrEqual(600);
    expect(entries[2].summary!.endsWith("…")).toBe(true);
    expect(entries[2].updated).toBe("2024-07-01T12:00:00Z");
    expect(one(feed, "updated").textContent).toBe("2024-07-03T12:00:00Z");
    expect(one(feed, "id").textContent).toBe(`${SITE}/feed.xml`);
  });

  it("follows a unit's subtree and the items mapped into its collections", async () => {
    const division = parseAtom(await (await fetchFeed({ kind: "unit", slug: "division" })).text());
    expect(division.entries.map((e) => e.id.split("/").pop())).toEqual(["2", "1"]);
    const root = parseAtom(await (await fetchFeed({ kind: "unit", slug: "institute" })).text());
    expect(root.entries.map((e) => e.id.split("/").pop())).toEqual(["3", "2", "1"]);
    const collection = parseAtom(await (await fetchFeed({ kind: "collection", slug: "other-reports" })).text());
    expect(collection.entries.map((e) => e.id.split("/").pop())).toEqual(["3", "2"]);
  });

  it("names the feed in the requested language", async () => {
    const ko = parseAtom(await (await fetchFeed({ kind: "unit", slug: "group" }, "ko")).text());
    expect(ko.lang).toBe("ko");
    expect(ko.title).toBe("정서·인지 질환 연구그룹: 최근 등록 자료");
    const en = parseAtom(await (await fetchFeed({ kind: "unit", slug: "group" }, "en")).text());
    expect(en.title).toBe("group: recent additions");
  });

  it("is valid and empty for a unit without items, and 404 for an unknown one", async () => {
    const [unitId] = await db.sql.query<{ id: number }>(`INSERT INTO unit (slug, name, updated_at) VALUES ('empty-unit', 'Empty', '2024-01-01T00:00:00Z') RETURNING id`);
    expect(unitId.id).toBeGreaterThan(0);
    const res = await fetchFeed({ kind: "unit", slug: "empty-unit" });
    expect(res.status).toBe(200);
    expect(res.headers.get("last-modified")).toBeNull();
    const parsed = parseAtom(await res.text());
    expect(parsed.entries).toEqual([]);
    expect(one(parsed.feed, "updated").textContent).toBe("2024-01-01T00:00:00Z");
    expect((await fetchFeed({ kind: "unit", slug: "nowhere" })).status).toBe(404);
    expect((await fetchFeed({ kind: "collection", slug: "nowhere" })).status).toBe(404);
  });

  it("sends ETag and Last-Modified and answers 304 when the reader's copy is current", async () => {
    const res = await fetchFeed({ kind: "site" });
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(res.headers.get("last-modified")).toBe("Wed, 03 Jul 2024 12:00:00 GMT");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const notModified = await fetchFeed({ kind: "site" }, "en", { "If-None-Match": etag });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    expect((await fetchFeed({ kind: "site" }, "en", { "If-Modified-Since": "Wed, 03 Jul 2024 12:00:00 GMT" })).status).toBe(304);
    expect((await fetchFeed({ kind: "site" }, "en", { "If-Modified-Since": "Wed, 03 Jul 2024 11:59:59 GMT" })).status).toBe(200);
  });
});
