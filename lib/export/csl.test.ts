import { describe, expect, it } from "vitest";
import { siteUrl } from "../env";
import {
  bareDoi,
  canonicalItemUrl,
  clean,
  cleanParagraphs,
  cslType,
  issueDateParts,
  parseContributorName,
  toCsl,
  type ExportableItemType,
} from "./csl";
import { BASE_URL, chapterItem, minimalItem, seedItem } from "./test-fixtures";

describe("parseContributorName", () => {
  it("splits 'Family, Given' as printed", () => {
    expect(parseContributorName("Koo, Ja Wook")).toEqual({ family: "Koo", given: "Ja Wook" });
    expect(parseContributorName("Kim, Tae-Eun")).toEqual({ family: "Kim", given: "Tae-Eun" });
    expect(parseContributorName("구, 자욱")).toEqual({ family: "구", given: "자욱" });
    expect(parseContributorName("  King ,  Martin Luther , Jr. ")).toEqual({ family: "King", given: "Martin Luther", suffix: "Jr." });
  });
  it("keeps a name without a comma whole", () => {
    expect(parseContributorName("Korea Brain Research Institute")).toEqual({ literal: "Korea Brain Research Institute" });
    expect(parseContributorName("구자욱")).toEqual({ literal: "구자욱" });
    expect(parseContributorName("Plato,")).toEqual({ literal: "Plato" });
  });
});

describe("issueDateParts", () => {
  it("keeps the recorded precision", () => {
    expect(issueDateParts("2023")).toEqual([2023]);
    expect(issueDateParts("2023-08")).toEqual([2023, 8]);
    expect(issueDateParts("2023-08-14")).toEqual([2023, 8, 14]);
  });
  it("refuses what is not a date", () => {
    expect(issueDateParts("2023-13")).toBeNull();
    expect(issueDateParts("Aug-2023")).toBeNull();
    expect(issueDateParts(null)).toBeNull();
  });
});

describe("cslType", () => {
  it("maps every item type", () => {
    const expected: Record<ExportableItemType, string> = {
      JOURNAL_ARTICLE: "article-journal",
      CONFERENCE_PAPER: "paper-conference",
      BOOK: "book",
      BOOK_CHAPTER: "chapter",
      THESIS: "thesis",
      REPORT: "report",
      DATASET: "dataset",
      PATENT: "patent",
      PRESENTATION: "speech",
      OTHER: "document",
    };
    for (const [type, csl] of Object.entries(expected)) expect(cslType(type as ExportableItemType)).toBe(csl);
  });
});

describe("toCsl", () => {
  it("maps the seed item", () => {
    const csl = toCsl(seedItem(), { baseUrl: BASE_URL });
    expect(csl).toEqual({
      id: "2023.sw.kbri/1191",
      type: "article-journal",
      title: "The Role of Glutamate Underlying Treatment-resistant Depression",
      author: [
        { family: "Kim", given: "Jeongseop" },
        { family: "Kim", given: "Tae-Eun" },
        { family: "Lee", given: "Seung-Hwan" },
        { family: "Koo", given: "Ja Wook" },
      ],
      issued: { "date-parts": [[2023, 8]] },
      "container-title": "CLINICAL PSYCHOPHARMACOLOGY AND NEUROSCIENCE",
      publisher: "KOREAN COLL NEUROPSYCHOPHARMACOLOGY",
      volume: "21",
      issue: "3",
      page: "429-446",
      "number-of-pages": "18",
      ISSN: "1738-1088",
      URL: `${BASE_URL}/handle/2023.sw.kbri/1191`,
      abstract: seedItem().abstract,
      language: "en",
    });
  });

  it("puts contributors in list order under their CSL roles", () => {
    const item = chapterItem();
    const csl = toCsl({ ...item, contributors: [...item.contributors].reverse() });
    expect(csl.author?.map((n) => ("literal" in n ? n.literal : n.family))).toEqual(["구", "Müller-Lüdenscheidt", "O'Brien", "Korea Brain Research Institute"]);
    expect(csl.editor).toEqual([{ family: "Park", given: "Ji-Hoon" }]);
    expect(csl["container-title"]).toBe(item.bookTitle);
    expect(csl.DOI).toBe("10.1007/978-3-030-12345-6_7");
    expect(csl.abstract).toMatch(/^첫 문단: 글루탐산과 케타민\.\n\nSecond paragraph with <script>.* and a line break\.$/);
  });

  it("uses the configured site URL by default", () => {
    expect(toCsl(seedItem()).URL).toBe(`${siteUrl()}/handle/2023.sw.kbri/1191`);
    expect(canonicalItemUrl("a b/1", { baseUrl: "https://x.org/" })).toBe("https://x.org/handle/a%20b/1");
  });

  it("fills the type-specific variables", () => {
    const paper = toCsl(minimalItem({ type: "CONFERENCE_PAPER", conferenceName: "KBRI Symposium", conferencePlace: "Daegu", bookTitle: "Proceedings" }));
    expect(paper).toMatchObject({ "container-title": "Proceedings", "event-title": "KBRI Symposium", "event-place": "Daegu" });
    expect(toCsl(minimalItem({ type: "REPORT", reportNumber: "KBRI-TR-7", number: "3" }))).toMatchObject({ number: "KBRI-TR-7" });
    expect(toCsl(minimalItem({ type: "THESIS", degree: "박사" })).genre).toBe("PhD thesis");
    expect(toCsl(minimalItem({ type: "THESIS", degree: "Master of Science" })).genre).toBe("Master's thesis");
    expect(toCsl(minimalItem({ type: "BOOK", journalTitle: "Series" }))["container-title"]).toBeUndefined();
    expect(toCsl(minimalItem({ issueDate: "Summer 2019" })).issued).toEqual({ literal: "Summer 2019" });
    expect(toCsl(minimalItem({ keywords: [" a ", "", "b"] })).keyword).toBe("a, b");
  });
});

describe("text cleaning", () => {
  it("removes control characters and lone surrogates and collapses white space", () => {
    expect(clean(" a\u0000b\tc\r\nd\u2028e\ud800 ")).toBe("a b c d e");
    expect(clean(null)).toBe("");
    expect(cleanParagraphs("one\r\ntwo\r\n\r\n\r\nthree  ")).toBe("one two\n\nthree");
  });
  it("takes DOIs with or without a resolver", () => {
    expect(bareDoi("https://doi.org/10.1/x")).toBe("10.1/x");
    expect(bareDoi("http://dx.doi.org/10.1/x")).toBe("10.1/x");
    expect(bareDoi("doi: 10.1/x")).toBe("10.1/x");
  });
});
