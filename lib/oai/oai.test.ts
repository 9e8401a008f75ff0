// The OAI-PMH endpoint against a real migrated database (PGlite, or the PostgreSQL server named by
// TEST_DATABASE_URL): every verb and every error, each response validated against the official
// schemas (test/oai-pmh); sets, from/until at their edges, deleted records, resumption tokens under
// a concurrent edit and after expiry, and files that must never be linked.
import { DOMParser } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateOaiPmh } from "../../test/oai-pmh/validate";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { answerOaiRequest, OAI_NS, type OaiOptions } from "./respond";
import { MODS_NS } from "./formats";
import { decodeToken, encodeToken } from "./token";

const SITE = "https://repo.example.org";
const REPO = "repo.example.org";
const NOW = new Date("2026-11-28T03:00:00.000Z");
const DC = "http://purl.org/dc/elements/1.1/";

let db: TestDatabase;
let empty: TestDatabase;
const ids: Record<string, number> = {};
const fileIds: Record<string, number> = {};

type Fixture = {
  key: string;
  status: "PUBLISHED" | "WITHDRAWN" | "DRAFT" | "IN_REVIEW";
  updatedAt: string;
  collection: string;
  mapped?: string[];
  title: string;
  published?: boolean;
  embargoUntil?: string;
};

const FIXTURES: Fixture[] = [
  { key: "A", status: "PUBLISHED", updatedAt: "2024-01-01T00:00:00.000Z", collection: "memory-articles", title: "Place cells & <grid> cells" },
  { key: "B", status: "PUBLISHED", updatedAt: "2024-01-01T23:59:59.500Z", collection: "neuro-reports", mapped: ["memory-articles"], title: "Annual neuro report" },
  { key: "C", status: "PUBLISHED", updatedAt: "2024-01-02T00:00:00.000Z", collection: "institute-misc", title: "Institute history" },
  { key: "D", status: "WITHDRAWN", updatedAt: "2024-01-03T12:00:00.000Z", collection: "memory-articles", title: "A withdrawn study", published: true },
  { key: "E", status: "DRAFT", updatedAt: "2024-01-04T00:00:00.000Z", collection: "memory-articles", title: "A draft nobody may see" },
  { key: "F", status: "IN_REVIEW", updatedAt: "2024-01-04T06:00:00.000Z", collection: "memory-articles", title: "Under review" },
  { key: "G", status: "PUBLISHED", updatedAt: "2024-01-05T10:20:30.250Z", collection: "neuro-reports", title: "해마 신경회로의 감마 진동", embargoUntil: "2099-01-01" },
  { key: "H", status: "PUBLISHED", updatedAt: "2024-01-05T10:20:30.250Z", collection: "institute-misc", title: "Same second as G" },
];
const EXPOSED = ["A", "B", "C", "D", "G", "H"];
const handleOf = (key: string) => `9999.test/${FIXTURES.findIndex((f) => f.key === key) + 1}`;
const idOf = (key: string) => `oai:${REPO}:${handleOf(key)}`;

async function seedFixtures(sql: TestDatabase["sql"]) {
  const unit = async (slug: string, name: string, parent: number | null, altName: string | null = null) =>
    (
      await sql.query<{ id: number }>(
        `INSERT INTO unit (slug, name, alt_name, alt_lang, parent_id, updated_at) VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
        [slug, name, altName, altName ? "ko" : null, parent],
      )
    )[0].id;
  const institute = await unit("institute", "Brain Institute", null, "뇌연구원");
  const neuro = await unit("neuro", "Neuroscience Division", institute);
  const memory = await unit("memory", "Memory Group", neuro, "기억 연구그룹");
  const collections: Record<string, number> = {};
  for (const [slug, unitId] of [["memory-articles", memory], ["neuro-reports", neuro], ["institute-misc", institute]] as const) {
    collections[slug] = (
      await sql.query<{ id: number }>(`INSERT INTO collection (slug, unit_id, name, updated_at) VALUES ($1, $2, $3, now()) RETURNING id`, [slug, unitId, slug])
    )[0].id;
  }
  for (const f of FIXTURES) {
    const [row] = await sql.query<{ id: number }>(
      `INSERT INTO item (handle, type, status, title, issue_date, abstract, keywords, doi, journal_title, volume, start_page, end_page,
         collection_id, published_at, embargo_until, updated_at)
       VALUES ($1, 'JOURNAL_ARTICLE', $2::item_status, $3, '2023-08', 'An abstract.', ARRAY['memory'], $8, 'J. Neuro', '12', '1', '9',
         $4, $5, $6::date, $7) RETURNING id`,
      [
        handleOf(f.key),
        f.status,
        f.title,
        collections[f.collection],
        f.status === "PUBLISHED" || f.published ? "2023-09-01T00:00:00Z" : null,
        f.embargoUntil ?? null,
        f.updatedAt,
        `10.5555/x${f.key.toLowerCase()}`,
      ],
    );
    ids[f.key] = row.id;
    for (const m of f.mapped ?? []) await sql.query(`INSERT INTO item_collection (item_id, collection_id) VALUES ($1, $2)`, [row.id, collections[m]]);
    await sql.query(`INSERT INTO contributor (item_id, position, name, orcid, affiliation) VALUES ($1, 0, 'Kim, Jeongseop', '0000-0002-1825-0097', 'KBRI'), ($1, 1, '구자욱', NULL, NULL)`, [row.id]);
  }
  const addFile = async (key: string, name: string, access: string, embargo: string | null) => {
    const [f] = await sql.query<{ id: number }>(
      `INSERT INTO file (item_id, file_name, mime_type, size, sha256, storage_key, access, embargo_until, updated_at)
       VALUES ($1, $2, 'application/pdf', 100, 'x', $3, $4::file_access, $5::date, now()) RETURNING id`,
      [ids[key], name, `k-${key}-${name}`, access, embargo],
    );
    fileIds[`${key}:${name}`] = f.id;
  };
  await addFile("A", "open paper.pdf", "OPEN", null);
  await addFile("A", "embargoed.pdf", "EMBARGOED", "2099-01-01");
  await addFile("A", "restricted.pdf", "RESTRICTED", null);
  await addFile("G", "open-but-item-embargoed.pdf", "OPEN", null);
}

beforeAll(async () => {
  db = await createTestDatabase();
  empty = await createTestDatabase();
  await seedFixtures(db.sql);
});

afterAll(async () => {
  await db?.close();
  await empty?.close();
});

const options = (extra: Partial<OaiOptions> = {}): OaiOptions => ({ sql: db.sql, siteUrl: SITE, now: NOW, pageSizes: { records: 2, identifiers: 2 }, ...extra });

type Parsed = { xml: string; doc: Document; errors: { code: string; text: string }[] };

/** Asks the endpoint, checks the HTTP envelope and validates the XML against the schemas. */
async function oai(query: string | Record<string, string>, extra: Partial<OaiOptions> & { post?: boolean; contentType?: string } = {}): Promise<Parsed> {
  const search = typeof query === "string" ? query : new URLSearchParams(query).toString();
  const response = extra.post
    ? await answerOaiRequest({ method: "POST", url: `${SITE}/oai`, contentType: extra.contentType ?? "application/x-www-form-urlencoded", body: search }, options(extra))
    : await answerOaiRequest({ method: "GET", url: `${SITE}/oai?${search}` }, options(extra));
  expect(response.status).toBe(200);
  expect(response.headers["Content-Type"]).toBe("text/xml; charset=utf-8");
  const xml = response.body;
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const validation = await validateOaiPmh(xml, { mods: xml.includes(MODS_NS) });
  expect(validation.errors, xml.slice(0, 2000)).toEqual([]);
  expect(validation.valid).toBe(true);
  const doc = new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;
  // The schema does not check that responseDate is UTC to the second.
  expect(text(doc, "responseDate")[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  const errors = [...doc.getElementsByTagNameNS(OAI_NS, "error")].map((e) => ({ code: e.getAttribute("code")!, text: e.textContent ?? "" }));
  return { xml, doc, errors };
}

const text = (doc: Document | Element, name: string, ns = OAI_NS) => [...doc.getElementsByTagNameNS(ns, name)].map((e) => e.textContent ?? "");
const codes = (p: Parsed) => p.errors.map((e) => e.code);
const requestAttributes = (p: Parsed) => {
  const req = p.doc.getElementsByTagNameNS(OAI_NS, "request")[0];
  return Object.fromEntries([...req.attributes].map((a) => [a.name, a.value]));
};

/** Walks a list through its resumption tokens; returns the headers' identifiers and every token element seen. */
async function harvest(first: Record<string, string>, extra: Partial<OaiOptions> = {}) {
  const identifiers: string[] = [];
  const tokens: { token: string; cursor: string | null; size: string | null; expires: string | null }[] = [];
  let args: Record<string, string> = first;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await oai(args, extra);
    if (page.errors.length) return { identifiers, tokens, errors: codes(page) };
    for (const h of page.doc.getElementsByTagNameNS(OAI_NS, "header")) identifiers.push(text(h, "identifier")[0]);
    const el = page.doc.getElementsByTagNameNS(OAI_NS, "resumptionToken")[0];
    if (!el) break;
    const token = el.textContent ?? "";
    tokens.push({ token, cursor: el.getAttribute("cursor"), size: el.getAttribute("completeListSize"), expires: el.getAttribute("expirationDate") });
    if (!token) break;
    args = { verb: first.verb, resumptionToken: token };
  }
  return { identifiers, tokens, errors: [] as string[] };
}

describe(`OAI-PMH (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  describe("Identify", () => {
    it("describes the repository, persistent deletions, second granularity and the oai-identifier scheme", async () => {
      const p = await oai({ verb: "Identify" });
      expect(p.errors).toEqual([]);
      expect(text(p.doc, "baseURL")).toEqual([`${SITE}/oai`]);
      expect(text(p.doc, "protocolVersion")).toEqual(["2.0"]);
      expect(text(p.doc, "deletedRecord")).toEqual(["persistent"]);
      expect(text(p.doc, "granularity")).toEqual(["YYYY-MM-DDThh:mm:ssZ"]);
      expect(text(p.doc, "earliestDatestamp")).toEqual(["2024-01-01T00:00:00Z"]);
      expect(text(p.doc, "adminEmail")[0]).toMatch(/@/);
      const oaiId = "http://www.openarchives.org/OAI/2.0/oai-identifier";
      expect(text(p.doc, "repositoryIdentifier", oaiId)).toEqual([REPO]);
      expect(text(p.doc, "sampleIdentifier", oaiId)[0]).toMatch(new RegExp(`^oai:${REPO}:9999\\.test/\\d+$`));
      expect(requestAttributes(p)).toEqual({ verb: "Identify" });
    });

    it("answers POST forms like GET queries", async () => {
      const p = await oai({ verb: "Identify" }, { post: true });
      expect(p.errors).toEqual([]);
      expect(text(p.doc, "repositoryName")).toHaveLength(1);
    });

    it("uses a placeholder repository identifier when the site's host has no dots", async () => {
      const p = await oai({ verb: "Identify" }, { siteUrl: "http://localhost:3000" });
      expect(text(p.doc, "repositoryIdentifier", "http://www.openarchives.org/OAI/2.0/oai-identifier")).toEqual(["localhost.localdomain"]);
    });
  });

  describe("errors", () => {
    it.each([
      ["no verb", "", "badVerb"],
      ["an unknown verb", "verb=Harvest", "badVerb"],
      ["a repeated verb", "verb=Identify&verb=Identify", "badVerb"],
      ["a verb with characters XML cannot carry", "verb=Identify%01%EF%BF%BE%3C%26", "badVerb"],
      ["an identifier that is not a URI", `verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${REPO}:%00%1B]]>`, "badArgument"],
      ["an identifier with spaces", `verb=ListMetadataFormats&identifier=${encodeURIComponent("oai:x:a b")}`, "badArgument"],
      ["a metadataPrefix with illegal characters", "verb=ListIdentifiers&metadataPrefix=oai%3Cdc", "badArgument"],
      ["a set with illegal characters", "verb=ListRecords&metadataPrefix=oai_dc&set=unit::x", "badArgument"],
      ["an illegal argument", "verb=Identify&foo=bar", "badArgument"],
      ["a missing required argument", "verb=ListRecords", "badArgument"],
      ["a repeated argument", "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc", "badArgument"],
      ["an empty argument", "verb=ListRecords&metadataPrefix=oai_dc&set=", "badArgument"],
      ["a resumptionToken with other arguments", "verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x", "badArgument"],
      ["GetRecord without an identifier", "verb=GetRecord&metadataPrefix=oai_dc", "badArgument"],
      ["GetRecord without a metadataPrefix", `verb=GetRecord&identifier=${encodeURIComponent(idOf("A"))}`, "badArgument"],
      ["a from date that does not exist", "verb=ListRecords&metadataPrefix=oai_dc&from=2024-02-30", "badArgument"],
      ["a time without Z", "verb=ListIdentifiers&metadataPrefix=oai_dc&from=2024-01-01T00:00:00", "badArgument"],
      ["mixed granularities", "verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&until=2024-01-02T00:00:00Z", "badArgument"],
      ["from later than until", "verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-03&until=2024-01-02", "badArgument"],
      ["ListSets with an argument it does not take", "verb=ListSets&metadataPrefix=oai_dc", "badArgument"],
      ["a garbled resumption token", "verb=ListRecords&resumptionToken=not-a-token", "badResumptionToken"],
      ["a ListSets resumption token", "verb=ListSets&resumptionToken=abc", "badResumptionToken"],
      ["an unknown format in ListRecords", "verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat"],
      ["an unknown format in ListIdentifiers", "verb=ListIdentifiers&metadataPrefix=marc21", "cannotDisseminateFormat"],
      ["an unknown format in GetRecord", `verb=GetRecord&metadataPrefix=marc21&identifier=${encodeURIComponent(idOf("A"))}`, "cannotDisseminateFormat"],
      ["an unknown identifier", `verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${REPO}:9999.test/999`, "idDoesNotExist"],
      ["another repository's identifier", `verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:other.org:${handleOf("A")}`, "idDoesNotExist"],
      ["a draft's identifier", `verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(idOf("E"))}`, "idDoesNotExist"],
      ["an item in review", `verb=ListMetadataFormats&identifier=${encodeURIComponent(idOf("F"))}`, "idDoesNotExist"],
      ["a period with no records", "verb=ListRecords&metadataPrefix=oai_dc&until=2023-12-31", "noRecordsMatch"],
      ["an unknown set", "verb=ListIdentifiers&metadataPrefix=oai_dc&set=unit:nowhere", "noRecordsMatch"],
    ])("%s → %s", async (_label, query, code) => {
      const p = await oai(query);
      expect(codes(p)).toContain(code);
      expect(p.doc.getElementsByTagNameNS(OAI_NS, "ListRecords")).toHaveLength(0);
      if (code === "badVerb" || code === "badArgument") expect(requestAttributes(p)).toEqual({});
      else expect(requestAttributes(p).verb).toBeDefined();
    });

    it("reports an unknown identifier and an unknown format together", async () => {
      const p = await oai(`verb=GetRecord&metadataPrefix=marc21&identifier=oai:${REPO}:9999.test/999`);
      expect(codes(p).sort()).toEqual(["cannotDisseminateFormat", "idDoesNotExist"]);
    });

    it("refuses a POST that is not a form", async () => {
      const p = await oai("verb=Identify", { post: true, contentType: "application/json" });
      expect(codes(p)).toEqual(["badArgument"]);
    });

    it("says noSetHierarchy when the repository has no units yet", async () => {
      expect(codes(await oai({ verb: "ListSets" }, { sql: empty.sql }))).toEqual(["noSetHierarchy"]);
      expect(codes(await oai({ verb: "ListRecords", metadataPrefix: "oai_dc", set: "unit" }, { sql: empty.sql }))).toEqual(["noSetHierarchy"]);
      expect(codes(await oai({ verb: "ListRecords", metadataPrefix: "oai_dc" }, { sql: empty.sql }))).toEqual(["noRecordsMatch"]);
      const identify = await oai({ verb: "Identify" }, { sql: empty.sql });
      expect(identify.errors).toEqual([]);
    });

    it("renders noMetadataFormats within the schema (no record lacks a format, so no request can cause it)", async () => {
      const { oaiErrorXml } = await import("./respond");
      const xml = oaiErrorXml(NOW, `${SITE}/oai`, { verb: "ListMetadataFormats", identifier: idOf("A") }, [
        { code: "noMetadataFormats", message: "None." },
      ]);
      expect((await validateOaiPmh(xml)).errors).toEqual([]);
    });
  });

  describe("ListMetadataFormats", () => {
    it("offers oai_dc and mods, for the repository and for one record (deleted ones too)", async () => {
      const queries: Record<string, string>[] = [{ verb: "ListMetadataFormats" }, { verb: "ListMetadataFormats", identifier: idOf("A") }, { verb: "ListMetadataFormats", identifier: idOf("D") }];
      for (const query of queries) {
        const p = await oai(query);
        expect(p.errors).toEqual([]);
        expect(text(p.doc, "metadataPrefix")).toEqual(["oai_dc", "mods"]);
        expect(text(p.doc, "metadataNamespace")).toEqual(["http://www.openarchives.org/OAI/2.0/oai_dc/", MODS_NS]);
      }
    });
  });

  describe("ListSets", () => {
    it("lists the unit hierarchy as unit:parent:child and the collections as col_…, with Korean names", async () => {
      const p = await oai({ verb: "ListSets" });
      expect(p.errors).toEqual([]);
      expect(text(p.doc, "setSpec")).toEqual([
        "unit",
        "unit:institute",
        "unit:institute:neuro",
        "unit:institute:neuro:memory",
        "col_institute-misc",
        "col_neuro-reports",
        "col_memory-articles",
      ]);
      expect(text(p.doc, "setName")[4]).toBe("Brain Institute › institute-misc");
      expect(text(p.doc, "title", DC)).toContain("기억 연구그룹");
    });
  });

  describe("GetRecord", () => {
    it("returns oai_dc with the item's fields escaped, its sets and its datestamp to the second", async () => {
      const p = await oai({ verb: "GetRecord", metadataPrefix: "oai_dc", identifier: idOf("B") });
      expect(p.errors).toEqual([]);
      expect(text(p.doc, "identifier")).toEqual([idOf("B")]);
      expect(text(p.doc, "datestamp")).toEqual(["2024-01-01T23:59:59Z"]);
      expect(text(p.doc, "setSpec").sort()).toEqual(["col_memory-articles", "col_neuro-reports", "unit:institute:neuro", "unit:institute:neuro:memory"]);
      expect(text(p.doc, "title", DC)).toEqual(["Annual neuro report"]);
      expect(text(p.doc, "creator", DC)).toEqual(["Kim, Jeongseop", "구자욱"]);
      expect(text(p.doc, "identifier", DC)).toContain(`${SITE}/handle/${handleOf("B")}`);
      expect(text(p.doc, "identifier", DC)).toContain("https://doi.org/10.5555/xb");
      const a = await oai({ verb: "GetRecord", metadataPrefix: "oai_dc", identifier: idOf("A") });
      expect(text(a.doc, "title", DC)).toEqual(["Place cells & <grid> cells"]);
      expect(a.xml).toContain("Place cells &amp; &lt;grid&gt; cells");
    });

    it("returns a withdrawn item as a deleted header without metadata", async () => {
      const p = await oai({ verb: "GetRecord", metadataPrefix: "oai_dc", identifier: idOf("D") });
      const header = p.doc.getElementsByTagNameNS(OAI_NS, "header")[0];
      expect(header.getAttribute("status")).toBe("deleted");
      expect(p.doc.getElementsByTagNameNS(OAI_NS, "metadata")).toHaveLength(0);
    });

    it("returns MODS with names, roles, ORCID, the host journal and only open files", async () => {
      const p = await oai({ verb: "GetRecord", metadataPrefix: "mods", identifier: idOf("A") });
      expect(p.errors).toEqual([]);
      const mods = p.doc.getElementsByTagNameNS(MODS_NS, "mods")[0];
      expect(mods.getAttribute("version")).toBe("3.7");
      expect(text(mods, "title", MODS_NS)).toEqual(["Place cells & <grid> cells", "J. Neuro"]);
      expect(text(mods, "namePart", MODS_NS)).toEqual(["Kim", "Jeongseop", "구자욱"]);
      expect(text(mods, "nameIdentifier", MODS_NS)).toEqual(["https://orcid.org/0000-0002-1825-0097"]);
      expect(text(mods, "roleTerm", MODS_NS)).toEqual(["aut", "author", "aut", "author"]);
      expect(text(mods, "genre", MODS_NS)).toEqual(["journal article"]);
      expect(text(mods, "number", MODS_NS)).toEqual(["12"]);
      const urls = text(mods, "url", MODS_NS);
      expect(urls).toEqual([`${SITE}/handle/${handleOf("A")}`, `${SITE}/files/${fileIds["A:open paper.pdf"]}/open%20paper.pdf`]);
      for (const closed of ["A:embargoed.pdf", "A:restricted.pdf"]) expect(p.xml).not.toContain(`/files/${fileIds[closed]}/`);
      // An item-level embargo closes even a file marked open.
      const g = await oai({ verb: "GetRecord", metadataPrefix: "mods", identifier: idOf("G") });
      expect(g.xml).not.toContain(`/files/${fileIds["G:open-but-item-embargoed.pdf"]}/`);
      expect(text(g.doc, "title", MODS_NS)[0]).toBe("해마 신경회로의 감마 진동");
    });
  });

  describe("ListIdentifiers and ListRecords", () => {
    it("harvest every exposed record exactly once through resumption tokens, drafts left out", async () => {
      for (const verb of ["ListIdentifiers", "ListRecords"]) {
        for (const metadataPrefix of ["oai_dc", "mods"]) {
          const h = await harvest({ verb, metadataPrefix });
          expect(h.errors).toEqual([]);
          expect(h.identifiers).toEqual(EXPOSED.map(idOf));
          expect(h.tokens.map((t) => [t.cursor, t.size])).toEqual([["0", "6"], ["2", "6"], ["4", "6"]]);
          expect(h.tokens.at(-1)!.token).toBe("");
          expect(h.tokens[0].expires).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        }
      }
    });

    it("marks withdrawn records deleted in lists", async () => {
      const p = await oai({ verb: "ListIdentifiers", metadataPrefix: "oai_dc", from: "2024-01-03", until: "2024-01-03" });
      const headers = [...p.doc.getElementsByTagNameNS(OAI_NS, "header")];
      expect(headers.map((h) => [text(h, "identifier")[0], h.getAttribute("status")])).toEqual([[idOf("D"), "deleted"]]);
    });

    it.each([
      ["a day, inclusive to its last millisecond", { from: "2024-01-01", until: "2024-01-01" }, ["A", "B"]],
      ["seconds, inclusive at both ends", { from: "2024-01-01T23:59:59Z", until: "2024-01-02T00:00:00Z" }, ["B", "C"]],
      ["one second holding two records", { from: "2024-01-05T10:20:30Z", until: "2024-01-05T10:20:30Z" }, ["G", "H"]],
      ["from alone", { from: "2024-01-03" }, ["D", "G", "H"]],
      ["until alone", { until: "2024-01-01T00:00:00Z" }, ["A"]],
      ["a unit and everything below it", { set: "unit:institute:neuro" }, ["A", "B", "D", "G"]],
      ["a unit's own collections and items mapped into them", { set: "unit:institute:neuro:memory" }, ["A", "B", "D"]],
      ["a collection", { set: "col_neuro-reports" }, ["B", "G"]],
      ["all units", { set: "unit" }, EXPOSED],
      ["a set and dates", { set: "unit:institute", from: "2024-01-02", until: "2024-01-05" }, ["C", "D", "G", "H"]],
    ])("select by %s", async (_label, args, expected) => {
      const h = await harvest({ verb: "ListIdentifiers", metadataPrefix: "oai_dc", ...args });
      expect(h.errors).toEqual([]);
      expect(h.identifiers).toEqual(expected.map(idOf));
    });

    it("keeps a token valid across a concurrent edit: no record twice, none of the others lost", async () => {
      const first = await oai({ verb: "ListIdentifiers", metadataPrefix: "oai_dc" });
      const seen = text(first.doc, "identifier");
      expect(seen).toEqual([idOf("A"), idOf("B")]);
      const token = text(first.doc, "resumptionToken")[0];
      // A curator edits one record already sent (A) and one not yet sent (C) while the harvest runs.
      const edited = new Date(NOW.getTime() + 60_000);
      await db.sql.query(`UPDATE item SET title = title || ' (edited)', updated_at = $1 WHERE id = ANY($2::int[])`, [edited, [ids.A, ids.C]]);
      try {
        const later = new Date(NOW.getTime() + 120_000);
        const rest = await harvest({ verb: "ListIdentifiers", resumptionToken: token }, { now: later });
        expect(rest.errors).toEqual([]);
        const all = [...seen, ...rest.identifiers];
        expect(new Set(all).size).toBe(all.length);
        expect(all).toEqual([idOf("A"), idOf("B"), idOf("D"), idOf("G"), idOf("H")]);
        // The harvester's next incremental harvest, from its first responseDate, brings both edits.
        const next = await harvest({ verb: "ListIdentifiers", metadataPrefix: "oai_dc", from: "2026-11-28T03:00:00Z" }, { now: later });
        expect(next.identifiers).toEqual([idOf("A"), idOf("C")]);
      } finally {
        for (const key of ["A", "C"]) {
          await db.sql.query(`UPDATE item SET title = $1, updated_at = $2 WHERE id = $3`, [FIXTURES.find((f) => f.key === key)!.title, FIXTURES.find((f) => f.key === key)!.updatedAt, ids[key]]);
        }
      }
    });

    it("refuses an expired token and a token from the other list verb", async () => {
      const first = await oai({ verb: "ListRecords", metadataPrefix: "oai_dc" });
      const el = first.doc.getElementsByTagNameNS(OAI_NS, "resumptionToken")[0];
      const token = el.textContent!;
      const expires = new Date(el.getAttribute("expirationDate")!);
      expect(codes(await oai({ verb: "ListRecords", resumptionToken: token }, { now: new Date(expires.getTime() - 1000) }))).toEqual([]);
      const expired = await oai({ verb: "ListRecords", resumptionToken: token }, { now: expires });
      expect(codes(expired)).toEqual(["badResumptionToken"]);
      expect(expired.errors[0].text).toMatch(/expired/);
      expect(codes(await oai({ verb: "ListIdentifiers", resumptionToken: token }))).toEqual(["badResumptionToken"]);
    });

    it("detects a tampered token", async () => {
      const first = await oai({ verb: "ListRecords", metadataPrefix: "oai_dc" });
      const token = text(first.doc, "resumptionToken")[0];
      const decoded = decodeToken(token, NOW);
      expect(decoded.ok).toBe(true);
      const [body, sum] = token.split(".");
      const forged = `${Buffer.from(Buffer.from(body, "base64url").toString().replace('"oai_dc"', '"mods"')).toString("base64url")}.${sum}`;
      expect(codes(await oai({ verb: "ListRecords", resumptionToken: forged }))).toEqual(["badResumptionToken"]);
      if (decoded.ok) expect(decodeToken(encodeToken(decoded.state), NOW)).toEqual(decoded);
    });
  });
});
