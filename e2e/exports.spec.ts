// Every metadata download of the seed item, parsed back by an independent parser (Citation.js for
// BibTeX, RIS and CSL-JSON; an XML parser for Dublin Core), carries the record's values.
import fs from "node:fs";
import path from "node:path";
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-csl";
import { DOMParser } from "@xmldom/xmldom";
import { expect, SEED_HANDLE, test } from "./fixtures";

const seed = JSON.parse(fs.readFileSync(path.join(process.cwd(), "lib/seed/data/seed-item.json"), "utf8"));

type Csl = { title: string; author: { family: string; given: string }[]; issued: { "date-parts": number[][] }; "container-title": string; volume: string; issue: string; page: string };

function expectSeedValues(record: Csl) {
  expect(record.title.replace(/[{}]/g, "")).toBe(seed.title);
  expect(record.author.map((a) => `${a.family}, ${a.given}`)).toEqual(seed.authors);
  expect(record.issued["date-parts"][0][0]).toBe(2023);
  expect(record["container-title"]).toBe(seed.journalTitle);
  expect(String(record.volume)).toBe(seed.volume);
  expect(String(record.issue)).toBe(seed.number);
  expect(record.page.replace(/[–—]/g, "-")).toBe(`${seed.startPage}-${seed.endPage}`);
}

for (const format of ["bibtex", "ris", "csl-json"] as const) {
  test(`${format} parses back to the seed record`, async ({ request }) => {
    const response = await request.get(`/handle/${SEED_HANDLE}/export?format=${format}`);
    expect(response.status()).toBe(200);
    const text = await response.text();
    const [record] = plugins.input.chain(format === "csl-json" ? JSON.parse(text) : text) as unknown as Csl[];
    expectSeedValues(record);
  });
}

test("Dublin Core XML parses back to the seed record", async ({ request }) => {
  const response = await request.get(`/handle/${SEED_HANDLE}/export?format=dc-xml`);
  expect(response.headers()["content-type"]).toContain("application/xml");
  const doc = new DOMParser().parseFromString(await response.text(), "application/xml");
  const dc = "http://purl.org/dc/elements/1.1/";
  const values = (name: string) => Array.from(doc.getElementsByTagNameNS(dc, name)).map((e) => e.textContent);
  expect(doc.documentElement?.namespaceURI).toBe("http://www.openarchives.org/OAI/2.0/oai_dc/");
  expect(values("title")).toEqual([seed.title]);
  expect(values("creator")).toEqual(seed.authors);
  expect(values("date")).toEqual([seed.issueDate]);
  expect(values("publisher")).toEqual([seed.publisher]);
  expect(values("source").join()).toContain(seed.citation);
  expect(values("identifier").some((v) => v?.endsWith(`/handle/${SEED_HANDLE}`))).toBe(true);
});

test("EndNote export carries the tagged fields", async ({ request }) => {
  const text = await (await request.get(`/handle/${SEED_HANDLE}/export?format=endnote`)).text();
  const tags = text.split(/\r?\n/).filter(Boolean).map((line) => [line.slice(0, 2), line.slice(3)]);
  expect(tags.filter(([t]) => t === "%A").map(([, v]) => v)).toEqual(seed.authors);
  expect(tags.find(([t]) => t === "%T")?.[1]).toBe(seed.title);
  expect(tags.find(([t]) => t === "%J")?.[1]).toBe(seed.journalTitle);
  expect(tags.find(([t]) => t === "%P")?.[1]).toMatch(/^429.446$/);
});
