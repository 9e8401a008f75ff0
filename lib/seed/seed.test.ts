// The demonstration data against a real database: the seed item exactly as in seed-item.json,
// determinism (two databases seeded alike are identical), and the invariants pages, harvesters
// and dashboards rely on.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../db/connection";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { rebuildUsageDaily } from "../stats/rollup";
import { createLocalStorage, type Storage } from "../storage";
import { isValidIsbn13, isValidIssn, isValidOrcid } from "./identifiers";
import { countContent, emptyDatabase, seedDemo, seedIfEmpty, SeedRefusedError, SITE_NAME, type SeedSummary } from "./index";
import { SEED_ITEM_PATH } from "./seed-item";

const OPTIONS = { items: 150, events: 20_000, today: "2026-11-28" } as const;
const seedJson = JSON.parse(fs.readFileSync(SEED_ITEM_PATH, "utf8"));

let first: TestDatabase;
let second: TestDatabase;
let sql: Sql;
let tmp: string;
let storage: Storage;
let summary: SeedSummary;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "atrium-seed-"));
  storage = createLocalStorage(path.join(tmp, "a"));
  first = await createTestDatabase();
  second = await createTestDatabase();
  sql = first.sql;
  summary = await seedDemo(sql, { ...OPTIONS, storage });
  await seedDemo(second.sql, { ...OPTIONS, storage: createLocalStorage(path.join(tmp, "b")) });
}, 240_000);

afterAll(async () => {
  await first?.close();
  await second?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const one = async <T>(text: string, params?: unknown[]) => (await sql.query<T>(text, params))[0];

describe(`demonstration data (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it("has the sizes asked for", async () => {
    expect(summary).toMatchObject({ items: 150, events: 20_000, researchers: 60 });
    expect(await countContent(sql)).toMatchObject({ items: 150, researchers: 60 });
    expect(Number((await one<{ n: number }>(`SELECT count(*) AS n FROM usage_event`)).n)).toBe(20_000);
  });

  it("contains the seed item exactly as seed-item.json describes it", async () => {
    const item = await one<Record<string, unknown>>(
      `SELECT i.*, i.type::text AS type_name, i.status::text AS status_name FROM item i WHERE handle = $1`,
      [seedJson.handle],
    );
    expect(item).toBeDefined();
    const expected: Record<string, unknown> = {
      handle: seedJson.handle,
      uri: seedJson.uri,
      type_name: "JOURNAL_ARTICLE",
      status_name: "PUBLISHED",
      title: seedJson.title,
      issue_date: seedJson.issueDate,
      issue_year: 2023,
      publisher: seedJson.publisher,
      citation: seedJson.citation,
      page_count: seedJson.pages,
      journal_title: seedJson.journalTitle,
      volume: seedJson.volume,
      number: seedJson.number,
      start_page: seedJson.startPage,
      end_page: seedJson.endPage,
      issn: seedJson.issn,
      abstract: seedJson.abstract,
      doi: null,
      keywords: [],
    };
    for (const [key, value] of Object.entries(expected)) expect(item[key], key).toEqual(value);
    expect(seedJson.type).toBe("Journal Article");
    expect(seedJson.issueDateDisplay).toBe("Aug-2023");

    const authors = await sql.query<{ name: string; researcher: string | null; role: string; orcid: string | null; r_orcid: string | null }>(
      `SELECT c.name, r.display_name AS researcher, c.role::text AS role, c.orcid, r.orcid AS r_orcid
         FROM contributor c LEFT JOIN researcher r ON r.id = c.researcher_id
        WHERE c.item_id = $1 ORDER BY c.position`,
      [item.id],
    );
    expect(authors.map((a) => a.name)).toEqual(seedJson.authors);
    expect(authors.every((a) => a.role === "AUTHOR")).toBe(true);
    const related = seedJson.relatedResearchers.map((r: { name: string }) => r.name);
    expect(authors.filter((a) => a.researcher !== null).map((a) => a.researcher)).toEqual(related);
    for (const a of authors.filter((x) => x.researcher)) expect(a.orcid).toBe(a.r_orcid);

    const files = await sql.query(`SELECT id FROM file WHERE item_id = $1`, [item.id]);
    expect(files).toHaveLength(seedJson.files.length);
    expect(files).toHaveLength(0);

    // "Appears in Collections": the owning collection and any mapped ones, with unit paths.
    const paths = await sql.query<{ path: string[] }>(
      `SELECT ARRAY[d.alt_name, g.alt_name, c.name] AS path
         FROM (SELECT collection_id FROM item WHERE id = $1 UNION SELECT collection_id FROM item_collection WHERE item_id = $1) ic
         JOIN collection c ON c.id = ic.collection_id JOIN unit g ON g.id = c.unit_id JOIN unit d ON d.id = g.parent_id`,
      [item.id],
    );
    expect(paths.map((p) => p.path)).toEqual(seedJson.collections.map((c: { path: string[] }) => c.path));

    const metrics = await sql.query<{ source: string; value: number }>(
      `SELECT source, value FROM external_metric WHERE item_id = $1 ORDER BY source`,
      [item.id],
    );
    const expectedMetrics = seedJson.externalMetrics
      .map((m: { source: string; value: number }) => ({ source: m.source.toLowerCase().replace(/[^a-z]/g, ""), value: m.value }))
      .sort((a: { source: string }, b: { source: string }) => a.source.localeCompare(b.source));
    expect(metrics).toEqual(expectedMetrics);
    expect(metrics).toEqual([
      { source: "scopus", value: 0 },
      { source: "webofscience", value: 0 },
    ]);

    const koo = await one<{ slug: string; name_variants: string[]; photo_key: string | null; unit: string; parent: string }>(
      `SELECT r.slug, r.name_variants, r.photo_key, u.alt_name AS unit, p.alt_name AS parent
         FROM researcher r JOIN unit u ON u.id = r.primary_unit_id JOIN unit p ON p.id = u.parent_id
        WHERE r.display_name = 'Koo, Ja Wook'`,
    );
    expect(koo.slug).toBe("koo-ja-wook");
    expect(koo.name_variants).toContain("구자욱");
    expect(`${koo.parent} (${koo.unit})`).toBe(seedJson.relatedResearchers[0].unit);
    expect(seedJson.relatedResearchers[0].hasPhoto).toBe(true);
    expect(koo.photo_key).not.toBeNull();
    const photo = (await storage.read(koo.photo_key!)).toString("utf8");
    expect(photo).toMatch(/^<svg[^>]+aria-label="Koo, Ja Wook"/);
    expect(photo).toContain(">JK</text>");

    const settings = Object.fromEntries(
      (await sql.query<{ key: string; value: unknown }>(`SELECT key, value FROM site_setting`)).map((s) => [s.key, s.value]),
    );
    expect(settings).toEqual({ siteName: SITE_NAME, handlePrefix: "2023.sw.kbri", rightsStatement: seedJson.rights });
  });

  it("is deterministic: a second database seeded alike is identical, and so are the stored files", async () => {
    expect(await digestDatabase(second.sql)).toEqual(await digestDatabase(sql));
    expect(listFiles(path.join(tmp, "b"))).toEqual(listFiles(path.join(tmp, "a")));
  });

  it("gives every researcher items, a unit and well-formed identifiers", async () => {
    const lonely = await sql.query(
      `SELECT r.display_name FROM researcher r
        WHERE NOT EXISTS (SELECT 1 FROM contributor c JOIN item i ON i.id = c.item_id
                           WHERE c.researcher_id = r.id AND i.status = 'PUBLISHED')`,
    );
    expect(lonely).toEqual([]);
    const researchers = await sql.query<{ slug: string; orcid: string | null; email: string; primary_unit_id: number | null; photo_key: string | null }>(
      `SELECT slug, orcid, email, primary_unit_id, photo_key FROM researcher`,
    );
    for (const r of researchers) {
      expect(r.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.email).toMatch(/^[a-z0-9.]+@kbri\.example$/);
      expect(r.primary_unit_id).not.toBeNull();
      if (r.orcid) expect(isValidOrcid(r.orcid), r.orcid).toBe(true);
    }
    expect(researchers.filter((r) => r.orcid).length).toBeGreaterThan(researchers.length / 2);
    expect(researchers.filter((r) => r.photo_key).length).toBeGreaterThan(researchers.length * 0.8);
    const memberships = await one<{ n: number }>(
      `SELECT count(*) AS n FROM researcher r WHERE NOT EXISTS (SELECT 1 FROM researcher_unit m WHERE m.researcher_id = r.id AND m.unit_id = r.primary_unit_id)`,
    );
    expect(Number(memberships.n)).toBe(0);
    const contributorOrcids = await sql.query<{ orcid: string }>(`SELECT DISTINCT orcid FROM contributor WHERE orcid IS NOT NULL`);
    for (const c of contributorOrcids) expect(isValidOrcid(c.orcid), c.orcid).toBe(true);
  });

  it("numbers handles 1…N skipping the seed's 1191, units and collections after them", async () => {
    const items = await sql.query<{ handle: string }>(`SELECT handle FROM item ORDER BY id`);
    const numbers = items.map((i) => {
      expect(i.handle).toMatch(/^2023\.sw\.kbri\/\d+$/);
      return Number(i.handle.split("/")[1]);
    });
    const expected = [...Array.from({ length: 149 }, (_, k) => k + 1), 1191];
    expect(numbers).toEqual(expected);
    const others = await sql.query<{ handle: string }>(`SELECT handle FROM unit UNION ALL SELECT handle FROM collection`);
    const all = [...items, ...others].map((h) => h.handle);
    expect(new Set(all).size).toBe(all.length);
    const max = Math.max(...all.map((h) => Number(h.split("/")[1])));
    const seq = await one<{ prefix: string; next_number: number }>(`SELECT prefix, next_number FROM handle_sequence`);
    expect(seq.prefix).toBe("2023.sw.kbri");
    expect(seq.next_number).toBeGreaterThan(max);
    const slugs = await sql.query<{ slug: string }>(`SELECT slug FROM unit UNION ALL SELECT slug FROM collection`);
    for (const s of slugs) expect(s.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("has plausible bibliographic metadata", async () => {
    const items = await sql.query<{
      type: string;
      status: string;
      doi: string | null;
      issn: string | null;
      eissn: string | null;
      isbn: string | null;
      issue_year: number | null;
      issue_date: string | null;
      language: string | null;
      alternative_title: string | null;
      withdrawn_reason: string | null;
      withdrawn_at: Date | null;
      published_at: Date | null;
      keywords: string[];
    }>(`SELECT type::text, status::text, doi, issn, eissn, isbn, issue_year, issue_date, language, alternative_title,
               withdrawn_reason, withdrawn_at, published_at, keywords FROM item`);
    const dois = items.map((i) => i.doi).filter((d): d is string => d !== null);
    expect(dois.length).toBeGreaterThan(items.length / 2);
    for (const d of dois) expect(d).toMatch(/^10\.5555\/[a-z0-9.\-]+$/);
    expect(new Set(dois).size).toBe(dois.length);
    for (const i of items) {
      expect(i.issue_year).not.toBeNull();
      expect(i.issue_date).toMatch(new RegExp(`^${i.issue_year}(-\\d{2}(-\\d{2})?)?$`));
      if (i.issn) expect(isValidIssn(i.issn), i.issn).toBe(true);
      if (i.eissn) expect(isValidIssn(i.eissn), i.eissn).toBe(true);
      if (i.isbn) expect(isValidIsbn13(i.isbn), i.isbn).toBe(true);
      if (i.status === "WITHDRAWN") {
        expect(i.withdrawn_reason).toBeTruthy();
        expect(i.withdrawn_at).not.toBeNull();
      }
      if (i.status === "PUBLISHED") expect(i.published_at).not.toBeNull();
      if (i.keywords.length) expect(i.keywords.length).toBeGreaterThanOrEqual(3);
    }
    const years = items.map((i) => i.issue_year!);
    expect(Math.max(...years)).toBe(2026);
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2012);
    expect(new Set(items.map((i) => i.type)).size).toBeGreaterThanOrEqual(6);
    expect(items.filter((i) => i.type === "JOURNAL_ARTICLE").length).toBeGreaterThan(items.length / 2);
    expect(items.filter((i) => i.status === "PUBLISHED").length).toBeGreaterThan(items.length * 0.85);
    expect(items.filter((i) => i.language === "ko" && i.alternative_title).length).toBeGreaterThan(0);
    const positions = await one<{ bad: number }>(
      `SELECT count(*) AS bad FROM (SELECT item_id, max(position) AS mx, count(*) AS n FROM contributor GROUP BY item_id) x WHERE mx <> n - 1 OR n > 12`,
    );
    expect(Number(positions.bad)).toBe(0);
    const mapped = await one<{ n: number }>(`SELECT count(*) AS n FROM item_collection`);
    expect(Number(mapped.n)).toBeGreaterThan(0);
  });

  it("stores every file with the recorded size and checksum; PDFs open with pdf-lib", async () => {
    const files = await sql.query<{ storage_key: string; sha256: string; size: string | number; mime_type: string; access: string; embargo_until: Date | null }>(
      `SELECT storage_key, sha256, size, mime_type, access::text, embargo_until FROM file ORDER BY id`,
    );
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const bytes = await storage.read(f.storage_key);
      expect(crypto.createHash("sha256").update(bytes).digest("hex")).toBe(f.sha256);
      expect(bytes.length).toBe(Number(f.size));
      if (f.mime_type === "application/pdf") {
        const pdf = await PDFDocument.load(bytes);
        expect(pdf.getPageCount()).toBe(2);
      } else if (f.mime_type === "image/png") {
        expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
      } else {
        expect(f.mime_type).toBe("text/csv");
        expect(bytes.toString("utf8").split("\n")[0]).toMatch(/^subject_id,group,sex,age_weeks,/);
      }
      expect(f.embargo_until !== null).toBe(f.access === "EMBARGOED");
    }
    const accesses = new Set(files.map((f) => f.access));
    expect(accesses).toEqual(new Set(["OPEN", "EMBARGOED", "RESTRICTED"]));
  });

  it("keeps usage rollups equal to a fresh rebuild and to direct counts of the events", async () => {
    const snapshot = `SELECT scope::text, scope_id, day::text, country, views, unique_views, downloads, unique_downloads, page_views, robot_hits
                        FROM usage_daily ORDER BY 1, 2, 3, 4`;
    const before = await sql.query(snapshot);
    expect(before.length).toBeGreaterThan(1000);
    await rebuildUsageDaily(sql);
    expect(await sql.query(snapshot)).toEqual(before);

    const direct = await one<Record<string, string | number>>(`
      SELECT count(*) FILTER (WHERE counted AND NOT is_robot AND kind IN ('ITEM_VIEW', 'FILE_DOWNLOAD')) AS views,
             count(*) FILTER (WHERE counted AND NOT is_robot AND kind = 'FILE_DOWNLOAD') AS downloads,
             count(*) FILTER (WHERE counted AND NOT is_robot AND kind IN ('RESEARCHER_VIEW', 'UNIT_VIEW')) AS page_views,
             count(*) FILTER (WHERE is_robot) AS robots,
             count(*) FILTER (WHERE NOT counted) AS uncounted
        FROM usage_event`);
    const sums = (scope: string) =>
      one<Record<string, string | number>>(
        `SELECT sum(views) AS views, sum(downloads) AS downloads, sum(page_views) AS page_views, sum(robot_hits) AS robots
           FROM usage_daily WHERE scope = $1`,
        [scope],
      );
    const site = await sums("SITE");
    const items = await sums("ITEM");
    expect(Number(site.views)).toBe(Number(direct.views));
    expect(Number(items.views)).toBe(Number(direct.views));
    expect(Number(site.downloads)).toBe(Number(direct.downloads));
    expect(Number(items.downloads)).toBe(Number(direct.downloads));
    expect(Number(site.page_views)).toBe(Number(direct.page_views));
    expect(Number(site.robots)).toBe(Number(direct.robots));

    // Per item, too.
    const perItem = await sql.query<{ item_id: number; direct: number; rolled: number }>(`
      SELECT e.item_id, e.n AS direct, coalesce(d.n, 0) AS rolled
        FROM (SELECT item_id, count(*) AS n FROM usage_event
               WHERE counted AND NOT is_robot AND kind IN ('ITEM_VIEW', 'FILE_DOWNLOAD') GROUP BY item_id) e
        LEFT JOIN (SELECT scope_id, sum(views) AS n FROM usage_daily WHERE scope = 'ITEM' GROUP BY scope_id) d ON d.scope_id = e.item_id
       WHERE e.n <> coalesce(d.n, 0)`);
    expect(perItem).toEqual([]);

    // The patterns the brief asks for, roughly.
    const total = 20_000;
    expect(Number(direct.robots) / total).toBeGreaterThan(0.05);
    expect(Number(direct.robots) / total).toBeLessThan(0.12);
    expect(Number(direct.uncounted)).toBeGreaterThan(0);
    const kr = await one<{ share: number }>(`SELECT avg((country = 'KR')::int)::float AS share FROM usage_event WHERE NOT is_robot`);
    expect(kr.share).toBeGreaterThan(0.45);
    expect(kr.share).toBeLessThan(0.65);
    const range = await one<{ first: Date; last: Date }>(`SELECT min(occurred_at) AS first, max(occurred_at) AS last FROM usage_event`);
    expect(new Date(range.last).getTime()).toBeLessThan(Date.parse(`${OPTIONS.today}T00:00:00Z`));
    expect(new Date(range.first).getTime()).toBeGreaterThanOrEqual(Date.parse(`${OPTIONS.today}T00:00:00Z`) - 730 * 86_400_000);
    // No view of an item before it was published.
    const early = await one<{ n: number }>(
      `SELECT count(*) AS n FROM usage_event e JOIN item i ON i.id = e.item_id WHERE e.occurred_at < i.published_at OR i.status <> 'PUBLISHED'`,
    );
    expect(Number(early.n)).toBe(0);
  });

  it("refuses a database that has content, and seedIfEmpty leaves it alone", async () => {
    await expect(seedDemo(sql, { ...OPTIONS, storage })).rejects.toBeInstanceOf(SeedRefusedError);
    expect(await seedIfEmpty(sql, { storageDir: path.join(tmp, "a") })).toBe(false);
  });

  it("empties every table but the migration history on reset", async () => {
    await emptyDatabase(second.sql);
    expect(await countContent(second.sql)).toEqual({ units: 0, collections: 0, items: 0, researchers: 0 });
    const [{ n }] = await second.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM usage_event`);
    expect(n).toBe(0);
    const [{ m }] = await second.sql.query<{ m: number }>(`SELECT count(*)::int AS m FROM _prisma_migrations`);
    expect(m).toBeGreaterThan(0);
  });
});

/** One digest per table of all its rows, ordered, as text. */
async function digestDatabase(db: Sql): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.query<{ digest: string | null; n: number }>(
      `SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS digest, count(*)::int AS n FROM "${name}" t`,
    );
    out[name] = `${row.n}:${row.digest ?? ""}`;
  }
  return out;
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}
