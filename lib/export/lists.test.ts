// List downloads against a real database: a search's results (all pages, its filters, its order),
// a collection's and a unit's items, in every format — each read back with a real parser (CSV with
// csv-parse, JSON, BibTeX and RIS with citation-js), with formulas kept inert.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Prisma } from "../db/prisma";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { commitImport, parseImportText, planImport } from "../import";
import { loadImportFixture } from "../import/test-fixtures";
import { parseSearchParams } from "../search/params";
import { searchItemIdsForExport } from "../search/search-items";
import { Cite } from "./citation-js";
import { UTF8_BOM } from "./csv";
import { LIST_CSV_HEADER, listResponse, type ListFormat } from "./lists";

let db: TestDatabase;
let prisma: Prisma;

const TITLES = ["Glutamate signalling in 해마 neurons", "=HYPERLINK(\"http://evil.example\")", "Ketamine, \"fast\" and slow", "Plain title for a test"];

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrismaClient(db);
  await loadImportFixture(db.sql);
  const csv = [
    "type,title,authors,issue_date,journal,doi,keywords",
    `article,Glutamate signalling in 해마 neurons,"Koo, Ja Wook; Lin, Chia-Wei",2023-05,Neuron,10.5555/list.1,glutamate`,
    `article,"=HYPERLINK(""http://evil.example"")","Kim, Jeongseop",2022,Brain,10.5555/list.2,`,
    `dataset,"Ketamine, ""fast"" and slow","Kim, Jiyoung",2021,,10.5555/list.3,ketamine`,
    `report,Plain title for a test,"Doe, Jane",2020,,,`,
  ].join("\n");
  const plan = await planImport(db.sql, parseImportText(csv, "csv", "list.csv"), { collection: "other" });
  const done = await commitImport(db.sql, plan, { status: "PUBLISHED" });
  expect(done.created).toBe(4);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.close();
});

async function download(search: string, format: ListFormat, limit = 10_000) {
  const params = parseSearchParams(new URLSearchParams(search));
  const found = await searchItemIdsForExport(db.sql, params, limit);
  const response = listResponse({ sql: db.sql, prisma }, found, format, "test", { baseUrl: "https://repo.example.org" });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), found };
}

describe(`list exports (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it("CSV: every result of the collection, newest first, with a BOM and inert formulas", async () => {
    const { text, response, bytes } = await download("collection=other", "csv");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toContain("test.csv");
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...LIST_CSV_HEADER]);
    const title = LIST_CSV_HEADER.indexOf("title");
    expect(rows.slice(1).map((r) => r[title])).toEqual([TITLES[0], `'${TITLES[1]}`, TITLES[2], TITLES[3]]);
    expect(rows[1][LIST_CSV_HEADER.indexOf("authors")]).toBe("Koo, Ja Wook; Lin, Chia-Wei");
    expect(rows[1][LIST_CSV_HEADER.indexOf("url")]).toMatch(/^https:\/\/repo\.example\.org\/handle\/20\.500\.99999\/\d+$/);
  });

  it("JSON: parses back with the same records and contributors", async () => {
    const { text } = await download("unit=institute&sort=title", "json");
    const records = JSON.parse(text) as { title: string; doi: string | null; contributors: { name: string }[] }[];
    const titles = records.map((r) => r.title);
    expect(titles).toEqual([...titles].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    expect(titles).toEqual(expect.arrayContaining(TITLES));
    expect(records).toHaveLength(6); // the fixture's two existing items and the four imported
    expect(records.find((r) => r.title === TITLES[2])).toMatchObject({ doi: "10.5555/list.3", contributors: [{ name: "Kim, Jiyoung" }] });
  });

  it("BibTeX and RIS: every record of a search parses back with citation-js", async () => {
    for (const format of ["bibtex", "ris"] as const) {
      const { text, found } = await download("q=ketamine OR glutamate", format);
      expect(found.total).toBeGreaterThanOrEqual(2);
      const parsed = new Cite(text).data as { title: string }[];
      expect(parsed.map((p) => p.title).sort()).toEqual(expect.arrayContaining([TITLES[0], TITLES[2]]));
      expect(parsed).toHaveLength(found.ids.length);
    }
  });

  it("states the total and holds at most the limit", async () => {
    const { response, text } = await download("collection=other", "json", 2);
    expect(response.headers.get("x-total-count")).toBe("4");
    expect(response.headers.get("x-exported-count")).toBe("2");
    expect(JSON.parse(text)).toHaveLength(2);
    const empty = await download("q=nothingmatchesthisword", "json");
    expect(JSON.parse(empty.text)).toEqual([]);
    const emptyCsv = parse((await download("q=nothingmatchesthisword", "csv")).text, { bom: true }) as string[][];
    expect(emptyCsv).toEqual([[...LIST_CSV_HEADER]]);
  });
});
