// A researcher's publication list, its downloads and co-author network against a real migrated
// database (PGlite, or the PostgreSQL server named by TEST_DATABASE_URL): filters, sorts, pages,
// counts, published items only, and exports that parse back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Cite } from "../export/citation-js";
import { parse } from "csv-parse/sync";
import { createPrismaClient, type Prisma } from "../db/prisma";
import { createTestDatabase, type TestDatabase } from "../db/test-db";
import { CSV_HEADER, publicationListBody, publicationListFileName } from "./export";
import { getCoAuthorNetwork, layoutCoAuthorGraph } from "./network";
import {
  DEFAULT_PUBLICATION_QUERY,
  listItemPage,
  listPublicationsForExport,
  listResearcherPublications,
  parsePublicationQuery,
  parsePublicationSegments,
  publicationListPath,
  publicationPathSegments,
  publicationQueryString,
  PUBLICATIONS_PER_PAGE,
  type PublicationQuery,
} from "./publications";

let db: TestDatabase;
let prisma: Prisma;
const ids: Record<string, number> = {};

type Fixture = { title: string; year: number | null; type?: string; status?: string; authors: string[]; cited?: number[]; views?: number; journal?: string };

// Koo has 24 published items from 2000–2023 (one per year, "Study 2000" … "Study 2023"), plus:
const extra: Fixture[] = [
  { title: "The Role of Glutamate Underlying Treatment-resistant Depression", year: 2023, authors: ["Koo", "Kim", "Lee"], cited: [7, 12], views: 50, journal: "Clinical Psychopharmacology and Neuroscience" },
  { title: "Amygdala atlas, \"version 2\"", year: 2022, type: "DATASET", authors: ["Kim", "Koo"], cited: [3], views: 400 },
  { title: "=cmd|' /C calc'!A0", year: 2021, type: "REPORT", authors: ["Koo", "Park"], views: 5 },
  { title: "감마 진동에 관여하는 해마 신경회로", year: 2022, authors: ["Koo", "Kim", "Park"], cited: [30] },
  { title: "Undated note", year: null, type: "OTHER", authors: ["Koo"] },
  { title: "A draft nobody may see", year: 2023, status: "DRAFT", authors: ["Koo", "Kim"] },
  { title: "A withdrawn study", year: 2023, status: "WITHDRAWN", authors: ["Koo", "Lee"] },
  { title: "Someone else's paper", year: 2023, authors: ["Kim", "Lee"] },
];
const fixtures: Fixture[] = [
  ...Array.from({ length: 24 }, (_, i) => ({ title: `Study ${2000 + i}`, year: 2000 + i, authors: i % 3 === 0 ? ["Koo", "Lee"] : ["Koo"] })),
  ...extra,
];
const PUBLISHED_KOO = fixtures.filter((f) => !f.status && f.authors.includes("Koo")).length; // 29

const q = (over: Partial<PublicationQuery> = {}): PublicationQuery => ({ ...DEFAULT_PUBLICATION_QUERY, ...over });

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrismaClient(db);
  const sql = db.sql;
  const [unit] = await sql.query<{ id: number }>(`INSERT INTO unit (slug, name, updated_at) VALUES ('u', 'Unit', now()) RETURNING id`);
  const [coll] = await sql.query<{ id: number }>(`INSERT INTO collection (slug, unit_id, name, updated_at) VALUES ('c', $1, 'Articles', now()) RETURNING id`, [unit.id]);
  for (const [name, display] of [
    ["Koo", "Koo, Ja Wook"],
    ["Kim", "Kim, Jeongseop"],
    ["Lee", "Lee, Min"],
    ["Park", "Park, Su"],
  ]) {
    const [r] = await sql.query<{ id: number }>(`INSERT INTO researcher (slug, display_name, updated_at) VALUES ($1, $2, now()) RETURNING id`, [
      name.toLowerCase(),
      display,
    ]);
    ids[name] = r.id;
  }
  const [other] = await sql.query<{ id: number }>(`INSERT INTO collection (slug, unit_id, name, updated_at) VALUES ('c2', $1, 'Datasets', now()) RETURNING id`, [unit.id]);
  ids.collection = coll.id;
  ids.other = other.id;
  for (const [n, f] of fixtures.entries()) {
    const [item] = await sql.query<{ id: number }>(
      `INSERT INTO item (handle, type, status, title, issue_date, issue_year, journal_title, collection_id, volume, start_page, end_page, doi,
                         alternative_title, alternative_title_lang, updated_at)
       VALUES ($1, $2::item_type, $3::item_status, $4, $5, $6, $7, $8, '5', '10', '20', $9, $10, $11, now()) RETURNING id`,
      [`t/${n + 1}`, f.type ?? "JOURNAL_ARTICLE", f.status ?? "PUBLISHED", f.title, f.year ? `${f.year}-0${(n % 9) + 1}` : null, f.year, f.journal ?? null, coll.id, `10.5555/t${n + 1}`,
       f.type === "REPORT" ? "하위 보고서" : null, f.type === "REPORT" ? "ko" : null],
    );
    for (const [position, name] of f.authors.entries()) {
      await sql.query(`INSERT INTO contributor (item_id, position, name, researcher_id) VALUES ($1, $2, $3, $4)`, [item.id, position, `${name}, A.`, ids[name]]);
    }
    for (const [k, value] of (f.cited ?? []).entries()) {
      await sql.query(`INSERT INTO external_metric (item_id, source, value, refreshed_at) VALUES ($1, $2, $3, now())`, [item.id, ["scopus", "crossref"][k], value]);
    }
    if (f.views) {
      await sql.query(`INSERT INTO usage_daily (scope, scope_id, day, country, views) VALUES ('ITEM', $1, current_date - 3, 'KR', $2)`, [item.id, f.views]);
    }
  }
});

beforeAll(async () => {
  // The second collection owns one item of its own and has two of the first one mapped into it.
  const sql = db.sql;
  const [own] = await sql.query<{ id: number }>(
    `INSERT INTO item (handle, type, status, title, issue_year, collection_id, updated_at) VALUES ('t/own', 'DATASET', 'PUBLISHED', 'Own dataset', 2020, $1, now()) RETURNING id`,
    [ids.other],
  );
  ids.own = own.id;
  await sql.query(
    `INSERT INTO item_collection (item_id, collection_id) SELECT id, $1 FROM item WHERE title IN ('Amygdala atlas, "version 2"', 'A draft nobody may see')`,
    [ids.other],
  );
});

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.close();
});

describe("the publication list", () => {
  it("lists every published item once, newest first, a page at a time", async () => {
    const first = await listResearcherPublications(db.sql, ids.Koo, q());
    expect(first.total).toBe(PUBLISHED_KOO);
    expect(first.pages).toBe(Math.ceil(PUBLISHED_KOO / PUBLICATIONS_PER_PAGE));
    expect(first.entries).toHaveLength(PUBLICATIONS_PER_PAGE);
    const years = first.entries.map((e) => e.issueYear);
    expect(years).toEqual([...years].sort((a, b) => (b ?? 0) - (a ?? 0)));
    expect(first.entries[0].issueYear).toBe(2023);
    const seed = first.entries.find((e) => e.title.startsWith("The Role of Glutamate"))!;
    expect(seed).toMatchObject({ authors: ["Koo, A.", "Kim, A.", "Lee, A."], authorCount: 3, citations: 12, venue: "Clinical Psychopharmacology and Neuroscience" });
    const second = await listResearcherPublications(db.sql, ids.Koo, q({ page: 2 }));
    expect(second.entries).toHaveLength(PUBLISHED_KOO - PUBLICATIONS_PER_PAGE);
    expect(second.entries.at(-1)!.title).toBe("Undated note"); // undated last
    const all = [...first.entries, ...second.entries].map((e) => e.title);
    expect(new Set(all).size).toBe(PUBLISHED_KOO);
    expect(all).not.toContain("A draft nobody may see");
    expect(all).not.toContain("A withdrawn study");
    expect(all).not.toContain("Someone else's paper");
  });

  it("shows the last page for a page past the end", async () => {
    const page = await listResearcherPublications(db.sql, ids.Koo, q({ page: 99 }));
    expect(page.page).toBe(2);
    expect(page.entries.length).toBeGreaterThan(0);
  });

  it("filters by type and by year or range, with counts for each option", async () => {
    const y2022 = await listResearcherPublications(db.sql, ids.Koo, q({ from: 2022, to: 2022 }));
    expect(y2022.entries.map((e) => e.title).sort()).toEqual(["Amygdala atlas, \"version 2\"", "Study 2022", "감마 진동에 관여하는 해마 신경회로"]);
    expect(y2022.types).toEqual([
      { type: "JOURNAL_ARTICLE", count: 2 },
      { type: "DATASET", count: 1 },
    ]);
    const articles = await listResearcherPublications(db.sql, ids.Koo, q({ types: ["JOURNAL_ARTICLE"], from: 2020, to: 2023 }));
    expect(articles.total).toBe(6); // Study 2020–2023, the seed item, the Korean article
    expect(articles.entries.every((e) => e.type === "JOURNAL_ARTICLE")).toBe(true);
    // Year counts follow the type filter, type counts the year filter.
    expect(articles.years.find((y) => y.year === 2022)).toEqual({ year: 2022, count: 2 });
    expect(articles.types.map((t) => t.type).sort()).toEqual(["DATASET", "JOURNAL_ARTICLE", "REPORT"]);
    const two = await listResearcherPublications(db.sql, ids.Koo, q({ types: ["DATASET", "REPORT"] }));
    expect(two.entries.map((e) => e.type).sort()).toEqual(["DATASET", "REPORT"]);
    const none = await listResearcherPublications(db.sql, ids.Koo, q({ from: 1990, to: 1991 }));
    expect(none).toMatchObject({ total: 0, entries: [], page: 1, pages: 1 });
  });

  it("sorts oldest first, by title, by citations and by views", async () => {
    const oldest = await listResearcherPublications(db.sql, ids.Koo, q({ sort: "oldest" }));
    expect(oldest.entries[0].title).toBe("Study 2000");
    const title = await listResearcherPublications(db.sql, ids.Koo, q({ sort: "title", from: 2022, to: 2023 }));
    expect(title.entries.map((e) => e.title)).toEqual([
      "Amygdala atlas, \"version 2\"",
      "Study 2022",
      "Study 2023",
      "The Role of Glutamate Underlying Treatment-resistant Depression",
      "감마 진동에 관여하는 해마 신경회로",
    ]);
    // In Korean, an item with a Korean alternative title sorts by it, as the Korean page shows it.
    const titleKo = await listResearcherPublications(db.sql, ids.Koo, q({ sort: "title", from: 2021, to: 2021 }), "ko");
    expect(titleKo.entries.map((e) => e.title)).toEqual(["Study 2021", "=cmd|' /C calc'!A0"]);
    expect((await listResearcherPublications(db.sql, ids.Koo, q({ sort: "title", from: 2021, to: 2021 }))).entries.map((e) => e.title)).toEqual([
      "=cmd|' /C calc'!A0",
      "Study 2021",
    ]);
    const cited = await listResearcherPublications(db.sql, ids.Koo, q({ sort: "cited" }));
    expect(cited.entries.slice(0, 3).map((e) => e.citations)).toEqual([30, 12, 3]);
    expect(cited.entries[3].citations).toBeNull();
    const viewed = await listResearcherPublications(db.sql, ids.Koo, q({ sort: "viewed" }));
    expect(viewed.entries.slice(0, 3).map((e) => [e.title.slice(0, 8), e.views])).toEqual([
      ["Amygdala", 400],
      ["The Role", 50],
      ["=cmd|' /", 5],
    ]);
  });
});

describe("a collection's list", () => {
  it("holds its own and its mapped published items, once each", async () => {
    const page = await listItemPage(db.sql, { collectionId: ids.other }, q({ sort: "title" }));
    expect(page.entries.map((e) => e.title)).toEqual(["Amygdala atlas, \"version 2\"", "Own dataset"]);
    expect(page.types).toEqual([{ type: "DATASET", count: 2 }]);
    const first = await listItemPage(db.sql, { collectionId: ids.collection }, q());
    expect(first.total).toBe(fixtures.filter((f) => !f.status).length);
  });
});

describe("list URLs", () => {
  it("read filters from the query string, ignoring what they cannot use", () => {
    expect(parsePublicationQuery(new URLSearchParams("type=journal_article&type=DATASET,nonsense&year=2019-2023&sort=cited&page=3"))).toEqual({
      types: ["DATASET", "JOURNAL_ARTICLE"],
      from: 2019,
      to: 2023,
      sort: "cited",
      page: 3,
    });
    expect(parsePublicationQuery({ from: "2023", to: "2019", sort: "evil", page: "-4" })).toEqual({ types: [], from: 2019, to: 2023, sort: "newest", page: 1 });
    expect(parsePublicationQuery({ year: "2023" })).toMatchObject({ from: 2023, to: 2023 });
    expect(parsePublicationQuery({ year: "'; drop table item" })).toEqual(DEFAULT_PUBLICATION_QUERY);
  });

  it("write them back, defaults left out", () => {
    expect(publicationQueryString(DEFAULT_PUBLICATION_QUERY)).toBe("");
    const state = q({ types: ["JOURNAL_ARTICLE"], from: 2023, to: 2023, sort: "title", page: 2 });
    expect(publicationQueryString(state)).toBe("?type=JOURNAL_ARTICLE&year=2023&sort=title&page=2");
    expect(parsePublicationQuery(new URLSearchParams(publicationQueryString(state)))).toEqual(state);
    expect(publicationQueryString(q({ from: 2019 }), { format: "csv" })).toBe("?from=2019&format=csv");
  });
});

describe("downloads of the list", () => {
  const options = { baseUrl: "https://repo.example.org" };

  it("BibTeX holds every filtered item and parses back", async () => {
    const { items, total } = await listPublicationsForExport(db.sql, prisma, ids.Koo, q({ from: 2023, to: 2023 }));
    expect(total).toBe(2);
    const bib = publicationListBody(items, "bibtex", options);
    const parsed = new Cite(bib).data as { title: string; DOI?: string }[];
    expect(parsed.map((p) => p.title).sort()).toEqual(["Study 2023", "The Role of Glutamate Underlying Treatment-resistant Depression"]);
    expect(bib).toMatch(/^@article\{/);
  });

  it("RIS holds every item of a type and parses back", async () => {
    const { items } = await listPublicationsForExport(db.sql, prisma, ids.Koo, q({ types: ["DATASET", "REPORT"] }));
    const ris = publicationListBody(items, "ris", options);
    expect(ris.match(/^ER {2}-/gm)).toHaveLength(2);
    const parsed = new Cite(ris).data as { title: string }[];
    expect(parsed.map((p) => p.title).sort()).toEqual(["=cmd|' /C calc'!A0", "Amygdala atlas, \"version 2\""]);
  });

  it("CSV quotes, orders authors and guards formulas", async () => {
    const { items } = await listPublicationsForExport(db.sql, prisma, ids.Koo, q({ sort: "cited" }));
    const rows = (parse(publicationListBody(items, "csv", options), { bom: true }) as string[][]);
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(PUBLISHED_KOO + 1);
    const col = (name: (typeof CSV_HEADER)[number]) => CSV_HEADER.indexOf(name);
    expect(rows[1][col("title")]).toBe("감마 진동에 관여하는 해마 신경회로");
    expect(rows[1][col("citations")]).toBe("30");
    const seed = rows.find((r) => r[col("title")].startsWith("The Role"))!;
    expect(seed[col("authors")]).toBe("Koo, A.; Kim, A.; Lee, A.");
    expect(seed[col("year")]).toBe("2023");
    expect(seed[col("pages")]).toBe("10-20");
    expect(seed[col("url")]).toMatch(/^https:\/\/repo\.example\.org\/handle\/t\/\d+$/);
    expect(rows.find((r) => r[col("title")].startsWith("Amygdala"))![col("title")]).toBe('Amygdala atlas, "version 2"');
    expect(rows.some((r) => r[col("title")] === "'=cmd|' /C calc'!A0")).toBe(true);
  });

  it("are named after the researcher and the filters", () => {
    expect(publicationListFileName("koo", DEFAULT_PUBLICATION_QUERY, "bibtex")).toBe("koo-publications.bib");
    expect(publicationListFileName("koo", q({ from: 2023, to: 2023, types: ["JOURNAL_ARTICLE"] }), "csv")).toBe("koo-publications-2023-journal_article.csv");
    expect(publicationListFileName("koo", q({ from: 2019 }), "ris")).toBe("koo-publications-2019-.ris");
  });
});

describe("the co-author network", () => {
  it("counts joint published items per co-author and the links between co-authors", async () => {
    const network = await getCoAuthorNetwork(db.sql, ids.Koo);
    expect(network.coAuthors.map((c) => [c.slug, c.count])).toEqual([
      ["lee", 9], // 8 studies + the seed item (not the withdrawn one)
      ["kim", 3],
      ["park", 2],
    ]);
    expect(network.links).toEqual([
      { a: "kim", b: "lee", count: 1 },
      { a: "kim", b: "park", count: 1 },
    ]);
  });

  it("is laid out the same way every time, inside its frame", async () => {
    const network = await getCoAuthorNetwork(db.sql, ids.Koo);
    const a = layoutCoAuthorGraph(network, "koo");
    expect(layoutCoAuthorGraph(network, "koo")).toEqual(a);
    expect(a.nodes).toHaveLength(3);
    expect(a.edges.filter((e) => e.ego)).toHaveLength(3);
    expect(a.edges.filter((e) => !e.ego)).toHaveLength(2);
    const box = a.viewBox;
    for (const n of a.nodes) {
      expect(n.x - n.r).toBeGreaterThan(box.x);
      expect(n.x + n.r).toBeLessThan(box.x + box.width);
      expect(n.y - n.r).toBeGreaterThan(box.y);
      expect(n.y + n.r).toBeLessThan(box.y + box.height);
      // Labels start beyond their circle, on the outer side.
      if (n.anchor === "start") expect(n.lx).toBeGreaterThan(n.x + n.r);
      if (n.anchor === "end") expect(n.lx).toBeLessThan(n.x - n.r);
    }
    // The most frequent co-author sits at the top, and is drawn largest.
    expect(a.nodes[0]).toMatchObject({ slug: "lee", anchor: "middle" });
    expect(a.nodes[0].r).toBeGreaterThan(a.nodes[2].r);
  });
});

describe("list paths", () => {
  it("name every state by one canonical path", () => {
    expect(publicationPathSegments(DEFAULT_PUBLICATION_QUERY)).toEqual([]);
    const state = q({ types: ["DATASET", "JOURNAL_ARTICLE"], from: 2019, to: 2023, sort: "cited", page: 2 });
    expect(publicationListPath("/researchers/koo", state)).toBe("/researchers/koo/type/DATASET%2CJOURNAL_ARTICLE/year/2019-2023/sort/cited/page/2");
    expect(parsePublicationSegments(["type", "DATASET,JOURNAL_ARTICLE", "year", "2019-2023", "sort", "cited", "page", "2"])).toEqual(state);
    expect(parsePublicationSegments(["type", "DATASET%2CJOURNAL_ARTICLE", "year", "2019-2023", "sort", "cited", "page", "2"])).toEqual(state);
    expect(parsePublicationSegments(["year", "2023"])).toEqual(q({ from: 2023, to: 2023 }));
    expect(parsePublicationSegments(["year", "2019-"])).toEqual(q({ from: 2019 }));
    expect(parsePublicationSegments(["year", "-2019"])).toEqual(q({ to: 2019 }));
    expect(parsePublicationSegments([])).toEqual(DEFAULT_PUBLICATION_QUERY);
  });

  it("refuse anything but the canonical path", () => {
    for (const bad of [
      ["page"],
      ["page", "1"],
      ["sort", "newest"],
      ["sort", "evil"],
      ["page", "2", "sort", "title"],
      ["year", "2023-2023"],
      ["year", "2023-2019"],
      ["year", "-"],
      ["type", "journal_article"],
      ["type", "NOPE"],
      ["color", "red"],
      ["page", "2", "page", "3"],
    ]) {
      expect(parsePublicationSegments(bad), bad.join("/")).toBeNull();
    }
  });
});
