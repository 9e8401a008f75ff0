// Bytes to text and format checks: BOMs, UTF-16, Latin-1, binary garbage, wrong formats, sizes;
// and the normalisations every format relies on.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkFormat, decodeText, ImportInputError, readImportFile, sniffFormat } from "./input";
import { nameKey, normaliseDoi, normaliseIsbn, normaliseIssn, normaliseOrcid, parseDateParts, repairMojibake, splitMulti, stripMarkup, titleKey } from "./normalise";
import { parseImportBytes, parseImportText } from "./parse";
import { REALWORLD_DIR } from "./test-fixtures";

const realworld = (p: string) => fs.readFileSync(path.join(REALWORLD_DIR, p));

function error(fn: () => unknown): ImportInputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ImportInputError) return err;
    throw err;
  }
  throw new Error("expected an ImportInputError");
}

describe("normalisation", () => {
  it("makes a bare lower-case DOI of every URL form", () => {
    expect(normaliseDoi("http://dx.doi.org/10.1016/J.ACTAMAT.2016.09.028")).toBe("10.1016/j.actamat.2016.09.028");
    expect(normaliseDoi("https://doi.org/10.1038/srep16696")).toBe("10.1038/srep16696");
    expect(normaliseDoi("doi:10.1016/j.nimb.2015.09.089")).toBe("10.1016/j.nimb.2015.09.089");
    expect(normaliseDoi("https://doi.org/10.1002%2F%28SICI%291097")).toBe("10.1002/(sici)1097");
    expect(normaliseDoi("DOI 10.6503/THJCS.2015.45(4).01.")).toBe("10.6503/thjcs.2015.45(4).01");
    expect(normaliseDoi("not a doi")).toBeNull();
  });

  it("normalises ISSN, ISBN and ORCID", () => {
    expect(normaliseIssn("03064530 (ISSN) ")).toBe("0306-4530");
    expect(normaliseIssn("2211-369x")).toBe("2211-369X");
    expect(normaliseIsbn("978-3-16-148410-0")).toBe("9783161484100");
    expect(normaliseOrcid("http://orcid.org/0000-0001-9219-2449")).toBe("0000-0001-9219-2449");
    expect(normaliseOrcid("https://sandbox.orcid.org/0000-0002-7319-2192/")).toBe("0000-0002-7319-2192");
  });

  it("keys titles by case, punctuation, whitespace and NFKC", () => {
    expect(titleKey("Ｓｔｒｅｓｓ  and the Brain–Gut Axis!")).toBe(titleKey("stress and the brain gut axis"));
    expect(titleKey("ω phase")).not.toBe(titleKey("w phase"));
    expect(nameKey("Koo, J.W.")).toBe(nameKey("J W Koo"));
  });

  it("reads the date forms exports use", () => {
    expect(parseDateParts("2016/12//")).toEqual({ year: 2016, month: 12 });
    expect(parseDateParts("Aug-2023")).toEqual({ year: 2023, month: 8 });
    expect(parseDateParts("2015-04-30T12:00:00Z")).toEqual({ year: 2015, month: 4, day: 30 });
    expect(parseDateParts("sometime")).toEqual({ year: Number.NaN });
  });

  it("repairs UTF-8 read as Latin-1 and leaves good text alone", () => {
    expect(repairMojibake("CÃ³rdoba, abundÃ¢ncia, populaÃ§Ãµes")).toBe("Córdoba, abundância, populações");
    expect(repairMojibake("Córdoba")).toBe("Córdoba");
    expect(repairMojibake("Ã alone")).toBe("Ã alone");
  });

  it("strips JATS and HTML markup", () => {
    expect(stripMarkup("<jats:title>Abstract</jats:title><jats:p>Mice &amp; <jats:italic>α</jats:italic>-synuclein.</jats:p>")).toBe("Mice & α-synuclein.");
    expect(stripMarkup("α-Al<sub>2</sub>O<sub>3</sub>:C")).toBe("α-Al2O3:C");
  });

  it("splits multi-valued cells on || before ;", () => {
    expect(splitMulti("Koo, Ja Wook; Kim, J")).toEqual(["Koo, Ja Wook", "Kim, J"]);
    expect(splitMulti("Smith; Jones || Lee")).toEqual(["Smith; Jones", "Lee"]);
  });
});

describe("encodings", () => {
  it("skips a UTF-8 BOM and says so", () => {
    const d = decodeText(realworld("ris/endnote_bom_crlf_reference_types.ris"));
    expect(d.encoding).toBe("UTF-8 with BOM");
    expect(d.text.startsWith("TY")).toBe(true);
    expect(d.notes.join(" ")).toMatch(/byte order mark.*CRLF/s);
  });

  it("reads UTF-16 with and without a BOM", () => {
    const text = "TY  - JOUR\nTI  - Ω and 한국어\nER  - \n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(decodeText(le)).toMatchObject({ text, encoding: "UTF-16LE" });
    const be = Buffer.from(text, "utf16le").swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({ text, encoding: "UTF-16BE" });
    expect(decodeText(Buffer.from(text, "utf16le"))).toMatchObject({ text, encoding: "UTF-16LE" });
  });

  it("refuses Latin-1 with a message naming it, and reads it when asked", () => {
    const latin1 = Buffer.from("title,authors\nCórdoba rabbits,\"Barrio, Isabel\"\n", "latin1");
    const err = error(() => decodeText(latin1));
    expect(err.code).toBe("encoding");
    expect(err.message).toMatch(/not UTF-8.*0xF3 at byte 16.*Latin-1.*--encoding latin1/);
    expect(decodeText(latin1, { encoding: "latin1" }).text).toContain("Córdoba");
  });

  it("repairs text that was UTF-8 read as Latin-1, and says where", () => {
    const parsed = parseImportText('title,authors\nRabbits of CÃ³rdoba,"PopulaÃ§Ã£o, Ana"\nClean title,"Kim, J"\n', "csv", "mojibake.csv");
    expect(parsed.records[0].data).toMatchObject({ title: "Rabbits of Córdoba", contributors: [{ name: "População, Ana" }] });
    expect(parsed.records[0].warnings).toEqual(["repaired mojibake in title, contributors"]);
    expect(parsed.records[1].warnings).toEqual([]);
    expect(parsed.notes).toContain('1 record(s) held UTF-8 text that had been read as Latin-1 ("Ã³" for "ó"); it was repaired.');
  });

  it("refuses binary data and empty files", () => {
    const garbage = Buffer.alloc(100_000);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
    expect(error(() => decodeText(garbage)).code).toBe("binary");
    expect(error(() => decodeText(new Uint8Array())).code).toBe("empty");
  });
});

describe("formats", () => {
  it("recognises every real-world file as its format", () => {
    const expected: Record<string, string> = { ris: "ris", bibtex: "bibtex", crossref: "crossref", orcid: "orcid", "oai-pmh": "oai-dc" };
    for (const dir of Object.keys(expected)) {
      for (const file of fs.readdirSync(path.join(REALWORLD_DIR, dir))) {
        expect([file, sniffFormat(decodeText(realworld(`${dir}/${file}`)).text)]).toEqual([file, expected[dir]]);
      }
    }
  });

  it("names the likely format when a file is given as another", () => {
    const ris = decodeText(realworld("ris/wos_export.ris")).text;
    expect(() => checkFormat(ris, "bibtex")).toThrow(/does not look like BibTeX: it looks like RIS\. Import it with --format ris/);
    const crossref = decodeText(realworld("crossref/work_ijo_00000353_sparse.json")).text;
    expect(() => checkFormat(crossref, "orcid")).toThrow(/looks like Crossref work JSON/);
    expect(() => checkFormat("hello world", "csv")).toThrow(/nor like any format Atrium imports/);
  });

  it("refuses a file over the size limit before reading it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atrium-import-"));
    const file = path.join(dir, "big.ris");
    try {
      const fd = fs.openSync(file, "w");
      fs.ftruncateSync(fd, 50 * 1024 * 1024);
      fs.closeSync(fd);
      const before = process.memoryUsage().rss;
      await expect(readImportFile(file)).rejects.toThrow(/50\.0 MB; imports take at most 25\.0 MB/);
      expect(process.memoryUsage().rss - before).toBeLessThan(20 * 1024 * 1024);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("turns 50 MB of random bytes into one clear error, even with the limit raised", () => {
    const garbage = Buffer.alloc(50 * 1024 * 1024);
    for (let i = 0; i < garbage.length; i += 4) garbage.writeUInt32LE((Math.imul(i, 2654435761) ^ 0x5bd1e995) >>> 0, i);
    expect(() => parseImportBytes(garbage, "ris", "garbage.ris")).toThrow(/imports take at most/);
    const err = error(() => parseImportBytes(garbage, "ris", "garbage.ris", { maxBytes: 60 * 1024 * 1024 }));
    expect(["binary", "encoding"]).toContain(err.code);
  });

  it("strips markup from Crossref titles and reads works lists", () => {
    const list = JSON.stringify({
      status: "ok",
      "message-type": "work-list",
      message: { items: [{ DOI: "10.5555/A", type: "journal-article", title: ["Role of <i>Drosophila</i> CO<sub>2</sub> sensing"] }, { DOI: "10.5555/B", title: [] }] },
    });
    const parsed = parseImportText(list, "crossref", "works.json");
    expect(parsed.records.map((r) => r.data.title)).toEqual(["Role of Drosophila CO2 sensing", undefined]);
    expect(parsed.records[1].locator).toBe("work 2 (10.5555/B)");
  });

  it("says a file is truncated", () => {
    const json = realworld("crossref/work_srep16696_jats_abstract.json").subarray(0, 5000);
    expect(() => parseImportBytes(json, "crossref", "cut.json")).toThrow(/not valid JSON — it looks truncated/);
    const xml = realworld("oai-pmh/dspace_hacettepe_listrecords_last_tr.xml").subarray(0, 4000);
    expect(() => parseImportBytes(xml, "oai-dc", "cut.xml")).toThrow(/not well-formed XML — it looks truncated/);
    const ris = realworld("ris/wos_export.ris").subarray(0, 3000);
    const parsed = parseImportBytes(ris, "ris", "cut.ris");
    expect(parsed.records.at(-1)!.errors).toEqual(["truncated: the file ends inside this record (no ER line)"]);
    const bib = realworld("bibtex/jabref5_crlf_encoding_header.bib").subarray(0, 1500);
    const bibParsed = parseImportBytes(bib, "bibtex", "cut.bib");
    expect(bibParsed.records.at(-1)!.errors[0]).toMatch(/^truncated/);
  });
});
