import { describe, expect, it } from "vitest";
import { CITATION_STYLES, formatCitation, isCitationStyle } from "./citation";
import { BASE_URL, chapterItem, hostileArticle, minimalItem, seedItem } from "./test-fixtures";

const JOURNAL = "CLINICAL PSYCHOPHARMACOLOGY AND NEUROSCIENCE";
const TITLE = "The Role of Glutamate Underlying Treatment-resistant Depression";

/** A pattern for literal text. */
const lit = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("APA", () => {
  it("cites the seed item as APA 7 does", () => {
    const { text } = formatCitation(seedItem(), "apa", "en", { baseUrl: BASE_URL });
    // Authors inverted with initials, hyphenated given names kept, "&" before the last one.
    expect(text.startsWith("Kim, J., Kim, T.-E., Lee, S.-H., & Koo, J. W. (2023). ")).toBe(true);
    expect(text).toContain(` (2023). ${TITLE}. `);
    // Journal, volume(issue), page range with an en dash; the journal name as recorded.
    expect(text).toMatch(new RegExp(`\\. ${lit(JOURNAL)}, 21\\(3\\), 429–446\\.$`, "i"));
    // A published article without a DOI is cited without the repository's URL.
    expect(text).not.toContain("http");
    expect(text).toBe(`Kim, J., Kim, T.-E., Lee, S.-H., & Koo, J. W. (2023). ${TITLE}. ${JOURNAL}, 21(3), 429–446.`);
  });

  it("italicises the journal and volume in HTML and escapes the text", () => {
    const { html } = formatCitation(seedItem(), "apa", "en", { baseUrl: BASE_URL });
    expect(html).toContain("Lee, S.-H., &#38; Koo, J. W. (2023).");
    expect(html).toMatch(new RegExp(`<i>${lit(JOURNAL)}</i>, <i>21</i>\\(3\\), 429–446\\.$`, "i"));
    expect(html).not.toMatch(/<div|csl-/);
  });

  it("ends with the DOI as a URL when there is one", () => {
    const { text } = formatCitation(hostileArticle(), "apa", "en");
    expect(text).toMatch(/, 22\(1\), e15–e30\. https:\/\/doi\.org\/10\.9758\/CPN\.2024\.22\.1\.E15$/);
  });

  it("cites a chapter in its edited book, and a Korean title with its English translation in brackets", () => {
    const { text } = formatCitation(chapterItem(), "apa", "en");
    expect(text).toContain("Müller-Lüdenscheidt, J., O’Brien, S., & Korea Brain Research Institute. (2021). 우울증 치료에서 글루탐산 가설의 재검토");
    expect(text).toContain(" [Revisiting the glutamate hypothesis in the treatment of depression]. In J.-H. Park (Ed.), ");
    expect(text).toContain("(2nd ed., Vol. 4, pp. 101–125). Springer & Sons {Seoul}. https://doi.org/10.1007/978-3-030-12345-6_7");
    expect(formatCitation(chapterItem(), "apa", "ko").text).not.toContain("[Revisiting");
  });

  it("keeps the repository URL for works published only here", () => {
    const report = minimalItem({
      type: "REPORT",
      title: "Annual report",
      contributors: [{ name: "Korea Brain Research Institute", role: "AUTHOR" }],
      publisher: "KBRI",
      issueDate: "2022",
    });
    const { text } = formatCitation(report, "apa", "en", { baseUrl: BASE_URL });
    expect(text).toBe(`Korea Brain Research Institute. (2022). Annual report. KBRI. ${BASE_URL}/handle/1/1`);
  });
});

describe("Vancouver", () => {
  it("cites the seed item in NLM form, without a citation number", () => {
    const { text, html } = formatCitation(seedItem(), "vancouver", "en");
    expect(text).toMatch(new RegExp(`^Kim J, Kim TE, Lee SH, Koo JW\\. ${lit(TITLE)}\\. ${lit(JOURNAL)}\\. 2023 Aug;21\\(3\\):429–46\\.$`, "i"));
    expect(html).toBe(text);
  });

  it("names the chapter's editor and place of publication", () => {
    const { text } = formatCitation(chapterItem(), "vancouver", "en");
    expect(text).toContain(". In: Park JH, editor. Handbook of <Depression> & Its {Treatment}: 50% Revised. 2nd ed. Seoul: Springer & Sons {Seoul}; 2021. p. 101–25.");
  });
});

describe("Harvard", () => {
  it("cites the seed item as Cite Them Right does", () => {
    const { text, html } = formatCitation(seedItem(), "harvard", "en");
    // Four or more authors: the first one and "et al."; the title in quotation marks.
    expect(text).toMatch(new RegExp(`^Kim, J\\. et al\\. \\(2023\\) “${lit(TITLE)},” ${lit(JOURNAL)}, 21\\(3\\), pp\\. 429–446\\.$`, "i"));
    expect(html).toContain("Kim, J. <i>et al.</i> (2023)");
    expect(html).toMatch(new RegExp(`<i>${lit(JOURNAL)}</i>, 21\\(3\\)`, "i"));
  });

  it("lists up to three authors with 'and'", () => {
    const { text } = formatCitation(hostileArticle(), "harvard", "en");
    expect(text.startsWith("Lee, S.-H., Kim, T.-E. and Choi, M. {Jun} (2024) “")).toBe(true);
    expect(text.endsWith("Available at: https://doi.org/10.9758/CPN.2024.22.1.E15.")).toBe(true);
  });
});

describe("formatCitation", () => {
  it("never lets markup from the record through, except CSL's own <i> and <b>", () => {
    for (const style of CITATION_STYLES) {
      const { html, text } = formatCitation(hostileArticle(), style, "en");
      expect(html).not.toMatch(/<(?!\/?(i|b)>)/);
      expect(html).toContain("&#60;script&#62;");
      expect(text).toContain("<script>");
    }
  });

  it("gives the same result on every call, in any order of styles and languages", () => {
    const first = CITATION_STYLES.map((style) => formatCitation(seedItem(), style, "en"));
    formatCitation(chapterItem(), "vancouver", "ko");
    const again = [...CITATION_STYLES].reverse().map((style) => formatCitation(seedItem(), style, "ko"));
    expect(again.reverse()).toEqual(first);
  });

  it("knows its styles", () => {
    expect(isCitationStyle("apa")).toBe(true);
    expect(isCitationStyle("harvard1")).toBe(false);
  });
});
