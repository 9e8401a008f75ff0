// Every file in test/realworld/ (exports and API responses real systems produced, mess included)
// goes through a dry run and a real run into a scratch database: each record is created or
// rejected with a stated reason, never a crash, and the facts each file is known for hold.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../db/connection";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { buildReport, commitImport, parseImportBytes, planImport, type ImportFormat, type ImportReport } from "./index";
import { countRows, loadImportFixture, REALWORLD_DIR } from "./test-fixtures";

const FORMAT_OF_DIR: Record<string, ImportFormat> = { ris: "ris", bibtex: "bibtex", crossref: "crossref", orcid: "orcid", "oai-pmh": "oai-dc" };
const FILES = Object.keys(FORMAT_OF_DIR).flatMap((dir) => fs.readdirSync(path.join(REALWORLD_DIR, dir)).sort().map((file) => ({ dir, file })));

let db: TestDatabase;
let sql: Sql;
const dry = new Map<string, ImportReport>();
const done = new Map<string, ImportReport>();

type Contributor = { name: string; orcid: string | null; researcher_id: number | null; role: string };
type ItemRow = Record<string, unknown> & { contributors: Contributor[] };

async function item(handle: string): Promise<ItemRow> {
  const [row] = await sql.query<Record<string, unknown>>(`SELECT * FROM item WHERE handle = $1`, [handle]);
  const contributors = await sql.query<Contributor>(
    `SELECT name, orcid, researcher_id, role::text AS role FROM contributor WHERE item_id = $1 ORDER BY position`,
    [row.id],
  );
  return { ...row, contributors };
}

const created = (file: string) => done.get(file)!.rows.filter((r) => r.action === "created");

beforeAll(async () => {
  db = await createTestDatabase();
  sql = db.sql;
  await loadImportFixture(sql);
  for (const { dir, file } of FILES) {
    const parsed = parseImportBytes(fs.readFileSync(path.join(REALWORLD_DIR, dir, file)), FORMAT_OF_DIR[dir], file);
    const plan = await planImport(sql, parsed, { collection: "articles" });
    dry.set(file, buildReport(plan));
    const result = await commitImport(sql, plan, { status: "PUBLISHED", batchSize: 25, actor: "test" });
    done.set(file, buildReport(plan, result));
  }
}, 240_000);

afterAll(async () => {
  await db?.close();
});

describe(`real-world files (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it.each(FILES)("$dir/$file: every record is created or rejected with a reason", ({ file }) => {
    const dryRun = dry.get(file)!;
    const real = done.get(file)!;
    expect(real.rows.length).toBe(dryRun.rows.length);
    for (const [i, row] of real.rows.entries()) {
      expect(["created", "rejected", "duplicate"]).toContain(row.action);
      if (row.action !== "created") expect(row.reasons.length).toBeGreaterThan(0);
      else expect(row.handle).toMatch(/^20\.500\.99999\/\d+$/);
      // The dry run said the same.
      expect({ create: "created", reject: "rejected", duplicate: "duplicate" }[dryRun.rows[i].action]).toBe(row.action);
    }
    expect(real.batches?.every((b) => b.ok)).toBe(true);
  });

  it("ScienceDirect: the DOI given as a dx.doi.org URL becomes a bare DOI; the placeholder abstract is dropped", async () => {
    const [row] = created("sciencedirect_doi_as_url.ris");
    const it = await item(row.handle!);
    expect(it.doi).toBe("10.1016/j.actamat.2016.09.028");
    expect(it.issue_date).toBe("2016-12");
    expect(it.abstract).toBeNull();
    expect(it.title).toBe("Phase separation and ω transformation in binary V-Ti and ternary V-Ti-Cr alloys");
    expect(it.issn).toBe("1359-6454");
    expect([it.start_page, it.end_page]).toEqual(["310", "324"]);
  });

  it("EndNote: BOM and CRLF are read, all 61 records are found, and each is rejected for what it lacks", () => {
    const report = done.get("endnote_bom_crlf_reference_types.ris")!;
    expect(report.encoding).toBe("UTF-8 with BOM");
    expect(report.rows).toHaveLength(61);
    expect(report.rows.every((r) => r.action === "rejected")).toBe(true);
    expect(report.rows[0]).toMatchObject({ position: 1, locator: "line 1", reasons: ["empty record: it has a type line but no fields"] });
    expect(report.rows.filter((r) => r.reasons.includes("missing title"))).toHaveLength(59);
  });

  it("Scopus: untagged continuation lines (the cited references) leak into no field", async () => {
    const rows = created("scopus_export_multiline_references.ris");
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const it = await item(row.handle!);
      const text = JSON.stringify(it);
      expect(text).not.toMatch(/References:|Export Date|Correspondence Address/);
      expect(String(it.abstract)).not.toMatch(/\(\d{4}\) [A-Z][a-z]+, /);
      if (it.issn) expect(it.issn).toMatch(/^\d{4}-\d{3}[\dX]$/);
    }
    const first = await item(rows[0].handle!);
    expect(first).toMatchObject({ issn: "0306-4530", publisher: "Elsevier Ltd", journal_title: "Psychoneuroendocrinology", volume: "111", issue_year: 2020 });
    // "Elsenbruch, S." is a name variant of a researcher.
    expect(first.contributors.at(-1)).toMatchObject({ name: "Elsenbruch, S.", researcher_id: 5 });
    const report = done.get("scopus_export_multiline_references.ris")!;
    expect(report.rows[0].contributors.at(-1)).toMatchObject({ researcher: "elsenbruch-sigrid", basis: "name", detail: "Elsenbruch, S." });
  });

  it("Web of Science: year from PY with the month from DA, both ISSNs, JO for the journal, a title+year duplicate", async () => {
    const report = done.get("wos_export.ris")!;
    expect(report.rows).toHaveLength(10);
    expect(report.rows[0]).toMatchObject({ action: "duplicate", duplicateOf: "20.500.99999/2", reasons: ["same title and year as 20.500.99999/2"] });
    const it = await item(report.rows[1].handle!);
    expect(it).toMatchObject({ issue_year: 2016, issue_date: "2016-05", language: "en" });
    const jo = report.rows.find((r) => r.title?.startsWith("Effects of the Dual"))!;
    const withJo = jo ? await item(jo.handle!) : null;
    if (withJo) expect(withJo.journal_title).toBe("Law and Human Behavior");
    const journals = await sql.query<{ journal_title: string | null; issn: string | null; eissn: string | null }>(
      `SELECT journal_title, issn, eissn FROM item WHERE handle = ANY($1::text[])`,
      [created("wos_export.ris").map((r) => r.handle)],
    );
    expect(journals.map((j) => j.journal_title)).toContain("Law and Human Behavior");
    expect(journals.every((j) => j.journal_title)).toBe(true);
    expect(journals.some((j) => j.eissn)).toBe(true);
  });

  it("BibDesk: @string macros are applied, capitalised field names read, the DOI and abstract kept", async () => {
    const report = done.get("bibdesk_string_macros.bib")!;
    expect(report.notes).toContain("2 @string/@preamble definition(s) applied to the entries.");
    const it = await item(created("bibdesk_string_macros.bib")[0].handle!);
    expect(it).toMatchObject({ doi: "10.1016/j.jce.2003.09.003", journal_title: "Journal of Comparative Economics", start_page: "620", end_page: "652", keywords: ["Political economy"] });
    expect(String(it.abstract)).toMatch(/^Do societies choose inefficient policies/);
    // The file's own macros, used by an entry added after it.
    const extended = Buffer.concat([
      fs.readFileSync(path.join(REALWORLD_DIR, "bibtex/bibdesk_string_macros.bib")),
      Buffer.from("\n@article{usesMacro, title = {A note}, journal = macro, publisher = no-mendeley, year = 2001}\n"),
    ]);
    const parsed = parseImportBytes(extended, "bibtex", "extended.bib");
    expect(parsed.records[1].data).toMatchObject({ title: "A note", journalTitle: "definition", publisher: "mendeley is empty" });
  });

  it("JabRef: CRLF, a misleading Latin-1 header, a DOI only as a URL, an unknown @Talk type", async () => {
    const jabref5 = done.get("jabref5_crlf_encoding_header.bib")!;
    expect(jabref5.rows.map((r) => r.action)).toEqual(["created", "created", "created", "created"]);
    expect(jabref5.notes.join(" ")).toMatch(/declares a Latin-1 encoding but is valid UTF-8/);
    expect((await item(jabref5.rows[0].handle!)).doi).toBe("10.3390/electronics9081219");
    const mojibake = done.get("jabref_mojibake_doi_url_unknown_type.bib")!;
    const [article, talk] = await Promise.all(mojibake.rows.map((r) => item(r.handle!)));
    expect(article.doi).toBe("10.1007/s10344-009-0327-7");
    expect(talk).toMatchObject({ type: "OTHER", title: "Amostragem em duas fases adaptativa para estimar a abundância de populações raras" });
    expect(mojibake.rows[1].warnings).toContain('entry type @talk imported as "other"');
    expect(JSON.stringify([article, talk])).not.toMatch(/Ã/);
  });

  it("Better BibTeX: a CJK citation key, a braced CJK author, bare values and a DOI with parentheses", async () => {
    const it = await item(created("betterbibtex_cjk_key_bare_values.bib")[0].handle!);
    expect(it).toMatchObject({ doi: "10.6503/thjcs.2015.45(4).01", issue_date: "2015-12", journal_title: "清華學報", language: "zh" });
    expect(it.contributors).toEqual([expect.objectContaining({ name: "林素娟" })]);
    expect(done.get("betterbibtex_cjk_key_bare_values.bib")!.rows[0].sourceId).toBe("林素娟_以詩詮禮先秦_2015");
  });

  it("Crossref: JATS abstract stripped, ORCID URLs normalised and matched, funders kept, sparse works imported", async () => {
    const srep = await item(created("work_srep16696_jats_abstract.json")[0].handle!);
    expect(srep.doi).toBe("10.1038/srep16696");
    expect(String(srep.abstract)).not.toMatch(/<|jats/);
    expect(String(srep.abstract).length).toBeGreaterThan(200);
    const ped = await item(created("work_pediatrneurol_orcid_funder.json")[0].handle!);
    expect(ped.contributors[0]).toMatchObject({ name: "Lin, Chia-Wei", orcid: "0000-0001-9219-2449", researcher_id: 2 });
    expect(ped.funding).toEqual([{ funder: "Biogen" }]);
    expect(ped).toMatchObject({ issue_date: "2015-10", start_page: "293", end_page: "300", language: "en", keywords: [] });
    expect(ped.subjects).toContain("Pediatrics, Perinatology and Child Health");
    const sparse = await item(created("work_ijo_00000353_sparse.json")[0].handle!);
    expect(sparse.contributors).toHaveLength(1);
    expect(sparse.contributors[0].name).not.toMatch(/,/);
    expect(created("dspace_fixture_pretty_printed_work.json")).toHaveLength(1);
  });

  it("ORCID: a full record's works, a single work with contributors, and a person record with none", async () => {
    expect(done.get("person_endpoint_real_v3.xml")!.rows).toHaveLength(0);
    expect(done.get("person_endpoint_real_v3.xml")!.notes).toContain("This is an ORCID person record: it holds no works to import.");
    const sandbox = await item(created("record_full_sandbox.json")[0].handle!);
    expect(sandbox.doi).toBe("10.1087/20120404");
    expect(sandbox.contributors[0]).toMatchObject({ orcid: "0000-0002-7319-2192" });
    const work = await item(created("work_77226586_bibtex_citation.json")[0].handle!);
    expect(work).toMatchObject({ title: "Dose-Rate Estimation using α-Al2O3:C Chips: Aftermath", journal_title: "Ancient TL", issue_date: "2020-06-01" });
    expect(String(work.abstract)).toMatch(/α-Al2O3:C chips/);
    expect(work.contributors.find((c) => c.orcid === "0000-0002-0734-2199")).toMatchObject({ researcher_id: 6 });
    expect(done.get("work_77226586_bibtex_citation.json")!.rows[0].contributors.find((c) => c.researcher)).toMatchObject({ basis: "orcid" });
    expect(created("record_full_sample.xml").length).toBeGreaterThan(0);
  });

  it("OAI-PMH: French, Turkish and English DSpace pages; doi: identifiers, handles, multi-line abstracts", async () => {
    const papyrus = done.get("dspace_papyrus_umontreal_listrecords_fr.xml")!;
    expect(papyrus.rows).toHaveLength(41);
    const withDoi = await sql.query<{ handle: string; uri: string | null }>(`SELECT handle, uri FROM item WHERE doi = '10.1016/j.nimb.2015.09.089'`);
    expect(withDoi).toHaveLength(1);
    const hacettepe = done.get("dspace_hacettepe_listrecords_last_tr.xml")!;
    expect(hacettepe.rows).toHaveLength(3);
    const tr = await item(hacettepe.rows[0].handle!);
    expect(tr).toMatchObject({ title: "İçerik yönetim sistemleri ve sanal kütüphanelerde bilgi hizmetleri", alternative_title: "Content management systems and library services in library web sites" });
    expect(tr.contributors[0].name).toBe("Süküt, Fatih");
    expect(String(tr.abstract)).not.toMatch(/\r/);
    const page15 = done.get("dspace_udspace_listrecords_page15_token.xml")!;
    const page16 = done.get("dspace_udspace_listrecords_page16_last.xml")!;
    expect([page15.rows.length, page16.rows.length]).toEqual([100, 78]);
    expect(page15.notes.join(" ")).toMatch(/resumption token \(1578 records in all\)/);
    const handles = await sql.query<{ uri: string }>(`SELECT uri FROM item WHERE uri LIKE '%udspace%' OR uri LIKE '%hdl.handle.net/19716/%' LIMIT 1`);
    expect(handles.length).toBe(1);
  });

  it("the second import of the same files creates nothing", async () => {
    const before = await countRows(sql);
    for (const { dir, file } of FILES) {
      const parsed = parseImportBytes(fs.readFileSync(path.join(REALWORLD_DIR, dir, file)), FORMAT_OF_DIR[dir], file);
      const plan = await planImport(sql, parsed, { collection: "articles" });
      expect([file, plan.counts.create]).toEqual([file, 0]);
    }
    expect((await countRows(sql)).items).toBe(before.items);
  });

  it("leaves one audit entry per batch", async () => {
    const batches = [...done.values()].flatMap((r) => r.batches ?? []);
    const [row] = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM audit_entry WHERE action = 'import'`);
    expect(Number(row.n)).toBe(batches.length);
  });
});
