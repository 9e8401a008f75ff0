import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { plugins } from "./citation-js";
import { bareDoi, clean, type ExportableItem } from "./csl";
import { DC_NS, OAI_DC_NS } from "./dc-xml";
import { EXPORT_FORMATS, exportFileName, exportItem, exportPath, isExportFormat, type ExportFormat } from "./formats";
import { BASE_URL, chapterItem, hostileArticle, minimalItem, seedItem } from "./test-fixtures";

type Bibliographic = {
  title: string;
  authors: string[];
  year: number | undefined;
  container: string | undefined;
  volume: string | undefined;
  issue: string | undefined;
  pages: string | undefined;
  doi: string | undefined;
};

/** What every format must carry, read from the item itself (not from toCsl, which is under test). */
function expectedOf(item: ExportableItem): Bibliographic {
  return {
    title: clean(item.title),
    authors: item.contributors.filter((c) => c.role === "AUTHOR").map((c) => clean(c.name)),
    year: item.issueDate ? Number(item.issueDate.slice(0, 4)) : undefined,
    container: clean(item.journalTitle ?? item.bookTitle) || undefined,
    volume: item.volume ?? undefined,
    issue: item.number ?? undefined,
    pages: item.startPage && item.endPage ? `${item.startPage}-${item.endPage}` : undefined,
    doi: item.doi ? bareDoi(item.doi) : undefined,
  };
}

type ParsedName = { family?: string; given?: string; literal?: string };

function printedName(name: ParsedName): string {
  if (name.literal) return name.literal;
  return name.given ? `${name.family}, ${name.given}` : (name.family ?? "");
}

/** Citation.js's reading of a BibTeX, RIS or CSL-JSON text, in the same terms. */
function readWithCitationJs(text: string): Bibliographic {
  const records = plugins.input.chain(text, { generateGraph: false });
  expect(records).toHaveLength(1);
  const [r] = records;
  const issued = r.issued as { "date-parts"?: number[][] } | undefined;
  return {
    title: r.title as string,
    authors: ((r.author ?? []) as ParsedName[]).map(printedName),
    year: issued?.["date-parts"]?.[0]?.[0],
    container: r["container-title"] as string | undefined,
    volume: r.volume as string | undefined,
    issue: r.issue as string | undefined,
    pages: r.page as string | undefined,
    doi: r.DOI as string | undefined,
  };
}

function parseEndNote(text: string): [string, string][] {
  const lines = text.trimEnd().split("\n");
  return lines.map((line) => {
    const m = /^%(\S) (.+)$/.exec(line);
    if (!m) throw new Error(`not an EndNote tag line: ${JSON.stringify(line)}`);
    return [m[1], m[2]];
  });
}

function readEndNote(text: string): Bibliographic {
  const tags = parseEndNote(text);
  const all = (tag: string) => tags.filter(([t]) => t === tag).map(([, v]) => v);
  const one = (tag: string) => {
    const values = all(tag);
    expect(values.length, `%${tag} repeated`).toBeLessThanOrEqual(1);
    return values[0];
  };
  return {
    title: one("T") ?? "",
    authors: all("A"),
    year: one("D") ? Number(one("D")) : undefined,
    container: one("J") ?? one("B"),
    volume: one("V"),
    issue: one("N"),
    pages: one("P"),
    doi: one("R"),
  };
}

function parseXml(text: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(text, "text/xml");
  expect(errors).toEqual([]);
  return doc;
}

function dcValues(text: string, element: string): string[] {
  const doc = parseXml(text);
  return Array.from(doc.getElementsByTagNameNS(DC_NS, element)).map((e) => e.textContent ?? "");
}

function readDublinCore(text: string, item: ExportableItem): Bibliographic {
  const doi = dcValues(text, "identifier").find((v) => v.startsWith("https://doi.org/"));
  const source = dcValues(text, "source")[0] ?? "";
  // dc:source is the citation line: "JOURNAL, v.21, no.3, pp 429 - 446".
  const m = /^(.*?)(?:, v\.([^,]+))?(?:, no\.([^,]+))?(?:, pp (\S+) - (\S+))?$/.exec(source);
  return {
    title: dcValues(text, "title")[0],
    authors: dcValues(text, "creator"),
    year: Number(dcValues(text, "date")[0]?.slice(0, 4)) || undefined,
    container: m?.[1] || undefined,
    volume: m?.[2],
    issue: m?.[3],
    pages: m?.[4] ? `${m[4]}-${m[5]}` : undefined,
    doi: doi ? doi.slice("https://doi.org/".length) : item.doi ? "(missing)" : undefined,
  };
}

function readBack(format: ExportFormat, body: string, item: ExportableItem): Bibliographic {
  switch (format) {
    case "bibtex":
    case "ris":
    case "csl-json":
      return readWithCitationJs(body);
    case "endnote":
      return readEndNote(body);
    case "dc-xml":
      return readDublinCore(body, item);
  }
}

const FIXTURES = [
  ["the seed item (journal article, no DOI)", seedItem],
  ["a Korean book chapter with ISBN, DOI, keywords and hostile characters", chapterItem],
  ["a journal article with hostile characters and a DOI", hostileArticle],
] as const;

describe.each(FIXTURES)("exports of %s", (_, makeItem) => {
  const item = makeItem();
  const expected = expectedOf(item);

  it.each(EXPORT_FORMATS)("%s parses back to the same title, authors, year, container, volume, issue, pages and DOI", (format) => {
    const { body } = exportItem(item, format, { baseUrl: BASE_URL });
    expect(readBack(format, body, item)).toEqual(expected);
  });

  it("BibTeX keeps braces balanced in every field and Hangul as written", () => {
    const { body } = exportItem(item, "bibtex", { baseUrl: BASE_URL });
    let depth = 0;
    for (const char of body) {
      depth += char === "{" ? 1 : char === "}" ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    for (const line of body.split("\n").filter((l) => l.startsWith("\t"))) {
      expect(line).toMatch(/^\t[a-z]+ = (\{.*\}|[a-z]{3}),$/);
    }
    for (const hangul of item.title.match(/[\uac00-\ud7a3]+/g) ?? []) expect(body).toContain(hangul);
  });

  it("RIS is one record of one-line tags ending in CR LF, with the page range as SP and EP", () => {
    const { body } = exportItem(item, "ris", { baseUrl: BASE_URL });
    expect(body.endsWith("ER  - \r\n")).toBe(true);
    const lines = body.split("\r\n").slice(0, -1);
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(lines.filter((l) => l.startsWith("TY  - "))).toHaveLength(1);
    expect(lines).toContain(`SP  - ${item.startPage}`);
    expect(lines).toContain(`EP  - ${item.endPage}`);
    expect(lines).toContain(`UR  - ${BASE_URL}/handle/${item.handle}`);
    for (const keyword of item.keywords) expect(lines).toContain(`KW  - ${keyword}`);
  });

  it("CSL-JSON is the array of one record with the handle as id and the canonical URL", () => {
    const { body } = exportItem(item, "csl-json", { baseUrl: BASE_URL });
    const records = JSON.parse(body) as Record<string, unknown>[];
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id: item.handle, URL: `${BASE_URL}/handle/${item.handle}`, title: clean(item.title) });
  });

  it("Dublin Core is an oai_dc:dc document whose elements are all in the dc namespace", () => {
    const { body } = exportItem(item, "dc-xml", { baseUrl: BASE_URL });
    const root = parseXml(body).documentElement!;
    expect(root.namespaceURI).toBe(OAI_DC_NS);
    expect(root.localName).toBe("dc");
    expect(root.prefix).toBe("oai_dc");
    const children = Array.from(root.childNodes).filter((n) => n.nodeType === 1) as XmlElement[];
    expect(children.length).toBeGreaterThan(5);
    for (const child of children) expect(child.namespaceURI).toBe(DC_NS);
    expect(dcValues(body, "identifier")).toContain(`${BASE_URL}/handle/${item.handle}`);
    if (item.issn) expect(dcValues(body, "identifier")).toContain(`urn:ISSN:${item.issn}`);
    if (item.isbn) expect(dcValues(body, "identifier")).toContain(`urn:ISBN:${item.isbn}`);
    expect(dcValues(body, "subject")).toEqual(item.keywords);
    expect(dcValues(body, "type")).toHaveLength(1);
    if (item.language) expect(dcValues(body, "language")).toEqual([item.language]);
  });

  it("EndNote names the reference type first and repeats %A per author in order", () => {
    const { body } = exportItem(item, "endnote", { baseUrl: BASE_URL });
    const tags = parseEndNote(body);
    expect(tags[0][0]).toBe("0");
    expect(tags.filter(([t]) => t === "K").map(([, v]) => v)).toEqual(item.keywords);
    expect(tags).toContainEqual(["U", `${BASE_URL}/handle/${item.handle}`]);
  });
});

describe("exportItem", () => {
  it("names the file after the handle and sends each format's media type", () => {
    const item = seedItem();
    const expected: Record<ExportFormat, [string, string]> = {
      bibtex: ["2023.sw.kbri-1191.bib", "application/x-bibtex; charset=utf-8"],
      ris: ["2023.sw.kbri-1191.ris", "application/x-research-info-systems; charset=utf-8"],
      endnote: ["2023.sw.kbri-1191.enw", "application/x-endnote-refer; charset=utf-8"],
      "csl-json": ["2023.sw.kbri-1191.json", "application/vnd.citationstyles.csl+json; charset=utf-8"],
      "dc-xml": ["2023.sw.kbri-1191.xml", "application/xml; charset=utf-8"],
    };
    for (const format of EXPORT_FORMATS) {
      const file = exportItem(item, format);
      expect([file.fileName, file.contentType]).toEqual(expected[format]);
      expect(exportFileName(item.handle, format)).toBe(expected[format][0]);
    }
  });

  it("knows exactly its five formats", () => {
    expect(EXPORT_FORMATS).toEqual(["bibtex", "ris", "endnote", "csl-json", "dc-xml"]);
    expect(isExportFormat("ris")).toBe(true);
    expect(isExportFormat("RIS")).toBe(false);
    expect(isExportFormat("toString")).toBe(false);
    expect(isExportFormat(undefined)).toBe(false);
    expect(exportPath("2023.sw.kbri/1191", "csl-json")).toBe("/handle/2023.sw.kbri/1191/export?format=csl-json");
  });

  it("writes the seed item's BibTeX entry as a reference manager expects it", () => {
    const { body } = exportItem(seedItem(), "bibtex", { baseUrl: BASE_URL });
    expect(body).toMatch(/^@article\{Kim2023Role,\n/);
    expect(body).toContain("\tauthor = {Kim, Jeongseop and Kim, Tae-Eun and Lee, Seung-Hwan and Koo, Ja Wook},\n");
    expect(body).toContain("\tjournal = {CLINICAL PSYCHOPHARMACOLOGY AND NEUROSCIENCE},\n");
    expect(body).toContain("\tpages = {429--446},\n");
    expect(body).toContain("\tmonth = aug,\n");
    expect(body).toContain("\tissn = {1738-1088},\n");
    expect(body).toContain(`\turl = {${BASE_URL}/handle/2023.sw.kbri/1191},\n`);
    expect(body).not.toContain("doi =");
  });

  it("makes a chapter an @incollection with its book, editor, ISBN and a key from the handle when no ASCII key can be made", () => {
    const { body } = exportItem(chapterItem(), "bibtex", { baseUrl: BASE_URL });
    expect(body).toMatch(/^@incollection\{2023\.sw\.kbri-2045,\n/);
    expect(body).toContain("\teditor = {Park, Ji-Hoon},\n");
    expect(body).toContain("\tisbn = {978-3-16-148410-0},\n");
    expect(body).toContain("\tdoi = {10.1007/978-3-030-12345-6_7},\n");
    expect(body).toContain("\tmonth = nov,\n\tday = {5},\n");
    const [record] = plugins.input.chain(body, { generateGraph: false });
    expect(record).toMatchObject({ type: "chapter", ISBN: "978-3-16-148410-0", editor: [{ family: "Park", given: "Ji-Hoon" }], issued: { "date-parts": [[2021, 11, 5]] } });
    expect(record.keyword).toBe("glutamate,우울증,NMDA receptor; ketamine");
    expect(record.abstract).toContain("첫 문단: 글루탐산과 케타민.");
  });

  it("round-trips hostile titles exactly through every format that carries text verbatim", () => {
    const title = `qjxz0z 한국어 } { \\ % & $ # _ ^ ~ < > " ' ]]> </dc:title> <i>x</i> qjxz0z`;
    const item = minimalItem({ title, type: "JOURNAL_ARTICLE", journalTitle: "J", issueDate: "2020" });
    expect(readWithCitationJs(exportItem(item, "bibtex").body).title).toBe(title);
    expect(readWithCitationJs(exportItem(item, "ris").body).title).toBe(title);
    expect(readWithCitationJs(exportItem(item, "csl-json").body).title).toBe(title);
    expect(readEndNote(exportItem(item, "endnote").body).title).toBe(title);
    expect(dcValues(exportItem(item, "dc-xml").body, "title")).toEqual([title]);
  });

  it("keeps line breaks and control characters from starting new tags, records or invalid XML", () => {
    const item = minimalItem({
      title: "First line\nER  - \r\nTY  - JOUR\n%A Mallory\u0000\u0007\u001b end",
      contributors: [{ name: "Kim, Jeongseop", role: "AUTHOR" }],
      abstract: "A\u000bB\u0000C\ud800D",
    });
    const ris = exportItem(item, "ris").body;
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(1);
    expect(ris.match(/^ER {2}- /gm)).toHaveLength(1);
    expect(readEndNote(exportItem(item, "endnote").body).authors).toEqual(["Kim, Jeongseop"]);
    const xml = exportItem(item, "dc-xml").body;
    expect(dcValues(xml, "title")).toEqual(["First line ER - TY - JOUR %A Mallory end"]);
    expect(dcValues(xml, "description")).toEqual(["A B CD"]);
    expect(readWithCitationJs(exportItem(item, "bibtex").body).title).toBe("First line ER - TY - JOUR %A Mallory end");
  });

  it("takes the year from a date it cannot parse, and writes a presentation as RIS slides", () => {
    const item = minimalItem({ type: "PRESENTATION", issueDate: "Spring 2020", contributors: [{ name: "Kim, J", role: "AUTHOR" }] });
    expect(readWithCitationJs(exportItem(item, "bibtex").body).year).toBe(2020);
    const ris = exportItem(item, "ris").body;
    expect(ris).toMatch(/^TY {2}- SLIDE\r\n/);
    expect(readWithCitationJs(ris).year).toBe(2020);
    expect(readEndNote(exportItem(item, "endnote").body).year).toBe(2020);
    expect(exportItem(item, "endnote").body).toContain("\n%8 Spring 2020\n");
  });

  it("exports an item with nothing but a title", () => {
    const item = minimalItem({ title: "Only a title" });
    for (const format of EXPORT_FORMATS) {
      const { body } = exportItem(item, format, { baseUrl: BASE_URL });
      expect(body).toContain("Only a title");
    }
    expect(exportItem(item, "endnote").body.split("\n")[0]).toBe("%0 Generic");
    expect(exportItem(item, "ris").body.split("\r\n")[0]).toBe("TY  - GEN");
    expect(exportItem(item, "bibtex").body).toMatch(/^@misc\{1-1,/);
  });
});
