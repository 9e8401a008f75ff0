// The import engine against a real database: what a dry run decides (create, duplicate in the
// database or in the file, reject with a reason), how contributors are matched to researchers,
// and what a real run writes — handles, contributors, audit entries, batches rolled back whole.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../db/connection";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import {
  buildReport,
  commitImport,
  CSV_COLUMNS,
  csvTemplate,
  ImportInputError,
  ImportOptionsError,
  parseImportBytes,
  parseImportText,
  planImport,
  reportToCsv,
  reportToJson,
} from "./index";
import { countRows, loadImportFixture, PREFIX } from "./test-fixtures";

let db: TestDatabase;
let sql: Sql;

beforeAll(async () => {
  db = await createTestDatabase();
  sql = db.sql;
  await loadImportFixture(sql);
});

afterAll(async () => {
  await db?.close();
});

const HEADER = "type,title,authors,author_orcids,issue_date,journal,pages,doi,keywords,funding";
const csv = (...rows: string[]) => parseImportText([HEADER, ...rows].join("\n") + "\n", "csv", "test.csv");

describe(`import engine (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it("offers a template whose columns the parser reads back", () => {
    const template = csvTemplate();
    const parsed = parseImportText(template, "csv", "template.csv");
    expect(parsed.notes).toEqual([]);
    expect(template.split("\n")[0].split(",")).toEqual(CSV_COLUMNS.map((c) => c.name));
    expect(parsed.records[0].data).toMatchObject({
      type: "JOURNAL_ARTICLE",
      year: 2023,
      month: 8,
      startPage: "1520",
      endPage: "1531",
      keywords: ["ketamine", "depression", "glutamate"],
      funding: [{ funder: "National Research Foundation of Korea", awardNumber: "NRF-2021R1A2C1011111" }],
    });
  });

  it("reports per record: create, duplicate (database or file), reject with the reason and position", async () => {
    const parsed = csv(
      `journal article,A new finding,"Koo, Ja Wook; Kim, J.",,2021-03,Neuron,10-20,https://doi.org/10.5555/NEW.1,a; b,`,
      `journal article,Same DOI as an item,"Smith, A",,2021,,,doi:10.5555/existing.1,,`,
      `journal article,"Existing  article on GLUTAMATE!",,,2020,,,,,`,
      `journal article,A new finding,"Other, Person",,2021,,,,,`,
      `journal article,,"Nobody, N",,2021,,,,,`,
      `journal article,Bad year,,,20x1,,,,,`,
      `poem,Unknown type,,,2020,,,,,`,
      `journal article,Future,,,2999,,,,,`,
      `journal article,Too few cells`,
    );
    const plan = await planImport(sql, parsed, { collection: "articles" });
    const rows = buildReport(plan).rows;
    expect(rows.map((r) => [r.position, r.locator, r.action])).toEqual([
      [1, "line 2", "create"],
      [2, "line 3", "duplicate"],
      [3, "line 4", "duplicate"],
      [4, "line 5", "duplicate"],
      [5, "line 6", "reject"],
      [6, "line 7", "reject"],
      [7, "line 8", "reject"],
      [8, "line 9", "reject"],
      [9, "line 10", "reject"],
    ]);
    expect(rows[0].doi).toBe("10.5555/new.1");
    expect(rows[1].reasons).toEqual([`same DOI as ${PREFIX}/1`]);
    expect(rows[2].reasons).toEqual([`same title and year as ${PREFIX}/1`]);
    expect(rows[3].reasons).toEqual(["same title and year as record 1 of this import"]);
    expect(rows[4].reasons).toEqual(["missing title"]);
    expect(rows[5].reasons[0]).toMatch(/^bad year/);
    expect(rows[6].reasons[0]).toMatch(/^unknown type "poem"/);
    expect(rows[7].reasons).toEqual(["bad year (in the future)"]);
    expect(rows[8].reasons[0]).toMatch(/the row has 2 cells, the header 10/);
    expect(rows.map((r) => r.reasonCodes)).toEqual([[], ["duplicate"], ["duplicate"], ["duplicate"], ["missing-title"], ["bad-year"], ["unknown-type"], ["bad-year"], ["unparseable"]]);
    expect(plan.counts).toMatchObject({ create: 1, duplicate: 3, reject: 5, total: 9 });
    // A dry run writes nothing.
    expect((await countRows(sql)).items).toBe(2);
  });

  it("matches contributors by ORCID first, then name forms and variants, and refuses ambiguous names", async () => {
    const parsed = csv(
      `journal article,Matching test,"Someone Else; Koo, J.W.; 구자욱; Kim, J.; Kim, Jiyoung; Lin, C.-W.; Koo, Ja Wook","0000-0002-1825-0097; ; ; ; ; ; 0000-0003-0000-000X",2022,,,,,`,
    );
    const plan = await planImport(sql, parsed, { collection: "articles" });
    const matches = plan.entries[0].contributors.map((c) => [c.name, c.researcher?.slug ?? null, c.basis]);
    expect(matches).toEqual([
      ["Someone Else", "koo-ja-wook", "orcid"],
      ["Koo, J.W.", "koo-ja-wook", "name"],
      ["구자욱", "koo-ja-wook", "name"],
      ["Kim, J.", null, "ambiguous"],
      ["Kim, Jiyoung", "kim-jiyoung", "name"],
      ["Lin, C.-W.", "lin-chia-wei", "initials"],
      ["Koo, Ja Wook", null, "conflict"],
    ]);
    expect(plan.entries[0].contributors[3].detail).toBe("Kim, Jeongseop / Kim, Jiyoung");
    const report = reportToCsv(buildReport(plan));
    expect(report).toContain("Koo, J.W. → koo-ja-wook [name: Koo, J.W.]");
    expect(report).toContain("Kim, J. → (not linked) [ambiguous: Kim, Jeongseop / Kim, Jiyoung]");
  });

  it("commits in batches: handles from the sequence, linked contributors, draft or published, one audit entry per batch", async () => {
    const rows = Array.from({ length: 7 }, (_, i) => `journal article,Batch item ${i},"Koo, Ja Wook; Guest, G",,2023-0${(i % 9) + 1},J,1-2,10.5555/batch.${i},k${i},NRF: A-${i}`);
    const plan = await planImport(sql, csv(...rows), { collection: "articles" });
    const before = await countRows(sql);
    const result = await commitImport(sql, plan, { batchSize: 3, status: "PUBLISHED", actor: "cli:test" });
    expect(result.batches.map((b) => [b.ok, b.created])).toEqual([[true, 3], [true, 3], [true, 1]]);
    const after = await countRows(sql);
    expect(after.items - before.items).toBe(7);
    expect(after.contributors - before.contributors).toBe(14);
    expect(after.next - before.next).toBe(7);
    expect(after.audit - before.audit).toBe(3);
    expect([...result.handles.values()]).toEqual(Array.from({ length: 7 }, (_, i) => `${PREFIX}/${before.next + i}`));
    const [item] = await sql.query<Record<string, unknown>>(
      `SELECT i.*, i.status::text AS status_name, c.slug AS collection FROM item i JOIN collection c ON c.id = i.collection_id WHERE i.doi = '10.5555/batch.0'`,
    );
    expect(item).toMatchObject({ status_name: "PUBLISHED", collection: "articles", issue_date: "2023-01", issue_year: 2023, keywords: ["k0"], funding: [{ funder: "NRF", awardNumber: "A-0" }] });
    expect(item.published_at).toBeInstanceOf(Date);
    const contributors = await sql.query<{ name: string; researcher_id: number | null }>(`SELECT name, researcher_id FROM contributor WHERE item_id = $1 ORDER BY position`, [item.id]);
    expect(contributors).toEqual([{ name: "Koo, Ja Wook", researcher_id: 1 }, { name: "Guest, G", researcher_id: null }]);
    const [audit] = await sql.query<{ action: string; entity_type: string; entity_id: number; user_id: number | null; changes: { actor: string; created: unknown[] }; summary: string }>(
      `SELECT action, entity_type, entity_id, user_id, changes, summary FROM audit_entry ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({ action: "import", entity_type: "collection", entity_id: 1, user_id: null, changes: { actor: "cli:test" } });
    expect(audit.changes.created).toHaveLength(1);
    expect(audit.summary).toMatch(/batch 3: 1 created, 0 updated into articles/);
    // The search document is maintained by the database for imported items too.
    const [found] = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM item WHERE search_text LIKE '%batch item 3%'`);
    expect(Number(found.n)).toBe(1);
    const report = buildReport(plan, result);
    expect(report.rows.every((r) => r.action === "created" && r.handle)).toBe(true);
    expect(JSON.parse(reportToJson(report)).mode).toBe("commit");

    const drafts = await planImport(sql, csv(`report,A draft report,,,2024,,,,,`), { collection: "other" });
    await commitImport(sql, drafts);
    const [draft] = await sql.query<{ status: string; published_at: Date | null; collection_id: number }>(
      `SELECT status::text AS status, published_at, collection_id FROM item WHERE title = 'A draft report'`,
    );
    expect(draft).toEqual({ status: "DRAFT", published_at: null, collection_id: 2 });
  });

  it("lets two imports of the same records run at once without creating duplicates", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `other,Concurrent ${i},,,2018,,,10.5555/concurrent.${i},,`);
    const [a, b] = await Promise.all([planImport(sql, csv(...rows), { collection: "articles" }), planImport(sql, csv(...rows), { collection: "articles" })]);
    expect([a.counts.create, b.counts.create]).toEqual([30, 30]);
    const [ra, rb] = await Promise.all([commitImport(sql, a, { batchSize: 10 }), commitImport(sql, b, { batchSize: 10 })]);
    expect(ra.created + rb.created).toBe(30);
    expect(ra.skipped + rb.skipped).toBe(30);
    const [row] = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM item WHERE doi LIKE '10.5555/concurrent.%'`);
    expect(Number(row.n)).toBe(30);
    const report = buildReport(b, rb);
    expect(report.rows.filter((r) => r.action === "duplicate").every((r) => r.reasonCodes[0] === "duplicate")).toBe(true);
  });

  it("rolls a failing batch back whole, says so, and keeps the other batches", async () => {
    await sql.exec(`
      CREATE FUNCTION reject_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.title = 'Poison' THEN RAISE EXCEPTION 'poisoned record'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER reject_poison BEFORE INSERT ON item FOR EACH ROW EXECUTE FUNCTION reject_poison();`);
    try {
      const rows = ["Fine A", "Fine B", "Poison", "Fine C", "Fine D"].map((t) => `other,${t},"Koo, Ja Wook",,2019,,,,,`);
      const plan = await planImport(sql, csv(...rows), { collection: "articles" });
      const before = await countRows(sql);
      const result = await commitImport(sql, plan, { batchSize: 2 });
      expect(result.batches.map((b) => b.ok)).toEqual([true, false, true]);
      expect(result.batches[1].error).toMatch(/^batch 2 rolled back: .*poisoned record/);
      const after = await countRows(sql);
      expect(after.items - before.items).toBe(3);
      expect(after.contributors - before.contributors).toBe(3);
      expect(after.audit - before.audit).toBe(2);
      const report = buildReport(plan, result);
      expect(report.rows.map((r) => r.action)).toEqual(["created", "created", "failed", "failed", "created"]);
      expect(report.rows[3].reasons[0]).toMatch(/batch 2 rolled back/);
    } finally {
      await sql.exec(`DROP TRIGGER reject_poison ON item; DROP FUNCTION reject_poison();`);
    }
  });

  it("fills an existing item's empty fields with --on-duplicate update, never overwriting", async () => {
    const parsed = csv(`journal article,Existing article on glutamate,"Koo, Ja Wook",,2020,Journal of Tests,5-9,,x; y,`);
    const skip = await planImport(sql, parsed, { collection: "articles" });
    expect(skip.entries[0].action).toBe("duplicate");
    const plan = await planImport(sql, parsed, { collection: "articles", onDuplicate: "update" });
    expect(plan.entries[0]).toMatchObject({ action: "update", updateFields: ["journalTitle", "startPage", "endPage", "keywords"] });
    const result = await commitImport(sql, plan);
    expect(result.updated).toBe(1);
    const [item] = await sql.query<Record<string, unknown>>(`SELECT title, journal_title, start_page, keywords, version, doi FROM item WHERE id = 1`);
    expect(item).toEqual({ title: "Existing article on glutamate", journal_title: "Journal of Tests", start_page: "5", keywords: ["x", "y"], version: 2, doi: "10.5555/existing.1" });
    const again = await planImport(sql, parsed, { collection: "articles", onDuplicate: "update" });
    expect(again.entries[0].action).toBe("duplicate");
    expect(again.entries[0].reasons[0]).toMatch(/it has every field this record has/);
  });

  it("refuses an unknown collection, and malformed input before anything is written", async () => {
    const parsed = csv(`other,Anything,,,2020,,,,,`);
    await expect(planImport(sql, parsed, { collection: "nope" })).rejects.toThrow(ImportOptionsError);
    const before = await countRows(sql);
    const inputs: [Uint8Array, "csv" | "ris" | "bibtex"][] = [
      [Buffer.from(`${HEADER}\nother,"Unclosed quote,,,2020\n`), "csv"],
      [Buffer.from("TY  - JOUR\nTI  - x\nER  - \n"), "bibtex"],
      [Buffer.from("title\nCórdoba\n", "latin1"), "csv"],
      [Buffer.from(""), "ris"],
    ];
    for (const [bytes, format] of inputs) expect(() => parseImportBytes(bytes, format, "bad")).toThrow(ImportInputError);
    expect(await countRows(sql)).toEqual(before);
  });
});
