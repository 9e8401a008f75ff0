// Export → import of the demonstration data creates no duplicates: every item exported as RIS or
// BibTeX, or in a downloaded list's CSV, comes back as "duplicate" of itself, and (RIS, BibTeX) its
// contributors find their researchers again.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../db/connection";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import type { ExportableItem } from "../export/csl";
import { csvRows, UTF8_BOM } from "../export/csv";
import { exportItem } from "../export/formats";
import { LIST_CSV_HEADER, listCsvRow } from "../export/lists";
import { seedDemo } from "../seed";
import { createLocalStorage } from "../storage";
import { parseImportText, planImport } from "./index";

let db: TestDatabase;
let sql: Sql;
let tmp: string;
let items: ExportableItem[];
let collection: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "atrium-roundtrip-"));
  db = await createTestDatabase();
  sql = db.sql;
  await seedDemo(sql, { items: 40, events: 0, today: "2026-11-28", storage: createLocalStorage(tmp) });
  const rows = await sql.query<Record<string, unknown> & { id: number }>(`SELECT i.*, i.type::text AS type FROM item i ORDER BY id`);
  const contributors = await sql.query<{ item_id: number; name: string; position: number; role: string }>(
    `SELECT item_id, name, position, role::text AS role FROM contributor ORDER BY item_id, position`,
  );
  items = rows.map((r) => ({
    handle: r.handle as string,
    uri: r.uri as string | null,
    type: r.type as ExportableItem["type"],
    title: r.title as string,
    alternativeTitle: r.alternative_title as string | null,
    contributors: contributors.filter((c) => c.item_id === r.id).map((c) => ({ name: c.name, position: c.position, role: c.role as "AUTHOR" })),
    issueDate: r.issue_date as string | null,
    publisher: r.publisher as string | null,
    journalTitle: r.journal_title as string | null,
    bookTitle: r.book_title as string | null,
    conferenceName: r.conference_name as string | null,
    volume: r.volume as string | null,
    number: r.number as string | null,
    startPage: r.start_page as string | null,
    endPage: r.end_page as string | null,
    pageCount: r.page_count as number | null,
    issn: r.issn as string | null,
    eissn: r.eissn as string | null,
    isbn: r.isbn as string | null,
    doi: r.doi as string | null,
    abstract: r.abstract as string | null,
    keywords: r.keywords as string[],
    language: r.language as string | null,
    license: r.license as string | null,
  }));
  [{ slug: collection }] = await sql.query<{ slug: string }>(`SELECT slug FROM collection ORDER BY id LIMIT 1`);
}, 240_000);

afterAll(async () => {
  await db?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe(`export → import of the demonstration data (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it.each(["ris", "bibtex"] as const)("%s: every exported item is found again as a duplicate", async (format) => {
    const text = items.map((item) => exportItem(item, format, { baseUrl: "https://atrium.example.org" }).body).join("\n");
    const parsed = parseImportText(text, format, `demo.${format === "ris" ? "ris" : "bib"}`);
    expect(parsed.records).toHaveLength(items.length);
    const plan = await planImport(sql, parsed, { collection });
    const notDuplicates = plan.entries.filter((e) => e.action !== "duplicate").map((e) => `${e.position} ${e.action} ${e.reasons.join("; ")} ${e.title}`);
    expect(notDuplicates).toEqual([]);
    // Every duplicate points at the item it was exported from.
    expect(plan.entries.map((e) => e.duplicateOf?.handle)).toEqual(items.map((i) => i.handle));
    const linked = plan.entries.flatMap((e) => e.contributors).filter((c) => c.researcher);
    expect(linked.length).toBeGreaterThan(items.length / 2);
  });

  it("csv: a downloaded list (search results, a collection, a profile) imports as duplicates of its items", async () => {
    const rows = items.map((item) => listCsvRow({ ...item, citations: null }, "https://atrium.example.org"));
    const text = UTF8_BOM + csvRows([[...LIST_CSV_HEADER], ...rows]);
    const parsed = parseImportText(text, "csv", "search-results.csv");
    expect(parsed.records).toHaveLength(items.length);
    const plan = await planImport(sql, parsed, { collection });
    const notDuplicates = plan.entries.filter((e) => e.action !== "duplicate").map((e) => `${e.position} ${e.action} ${e.reasons.join("; ")} ${e.title}`);
    expect(notDuplicates).toEqual([]);
    expect(plan.entries.map((e) => e.duplicateOf?.handle)).toEqual(items.map((i) => i.handle));
  });
});
