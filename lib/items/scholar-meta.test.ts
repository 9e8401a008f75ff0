import { describe, expect, it } from "vitest";
import { highwireTags, itemJsonLd, jsonForScript } from "./scholar-meta";

const now = new Date("2026-01-01T00:00:00Z");
const base = "https://repo.example.org";

function item(overrides: Record<string, unknown> = {}) {
  return {
    type: "JOURNAL_ARTICLE",
    title: "The Role of Glutamate Underlying Treatment-resistant Depression",
    alternativeTitle: null,
    issueDate: "2023-08",
    journalTitle: "CLINICAL PSYCHOPHARMACOLOGY AND NEUROSCIENCE",
    bookTitle: null,
    conferenceName: null,
    publisher: "KOREAN COLL NEUROPSYCHOPHARMACOLOGY",
    volume: "21",
    number: "3",
    startPage: "429",
    endPage: "446",
    issn: "1738-1088",
    eissn: null,
    isbn: null,
    doi: null,
    keywords: [] as string[],
    language: "en",
    abstract: "The monoamine hypothesis…",
    license: null,
    handle: "2023.sw.kbri/1191",
    degree: null,
    reportNumber: null,
    updatedAt: now,
    contributors: [
      { name: "Kim, Jeongseop", role: "AUTHOR", orcid: null, researcher: null },
      { name: "Kim, Tae-Eun", role: "AUTHOR", orcid: null, researcher: null },
      { name: "Lee, Seung-Hwan", role: "AUTHOR", orcid: null, researcher: null },
      { name: "Koo, Ja Wook", role: "AUTHOR", orcid: "0000-0002-1825-0097", researcher: { slug: "koo-ja-wook" } },
    ],
    files: [] as { id: number; fileName: string; mimeType: string; isOpen: boolean }[],
    ...overrides,
  } as Parameters<typeof highwireTags>[0];
}

describe("highwireTags", () => {
  it("gives Scholar one citation_author per author, in order, and the journal fields", () => {
    const tags = highwireTags(item(), base);
    expect(tags.citation_author).toEqual(["Kim, Jeongseop", "Kim, Tae-Eun", "Lee, Seung-Hwan", "Koo, Ja Wook"]);
    expect(tags).toMatchObject({
      citation_title: ["The Role of Glutamate Underlying Treatment-resistant Depression"],
      citation_publication_date: ["2023/08"],
      citation_journal_title: ["CLINICAL PSYCHOPHARMACOLOGY AND NEUROSCIENCE"],
      citation_issn: ["1738-1088"],
      citation_volume: ["21"],
      citation_issue: ["3"],
      citation_firstpage: ["429"],
      citation_lastpage: ["446"],
      citation_publisher: ["KOREAN COLL NEUROPSYCHOPHARMACOLOGY"],
      citation_abstract_html_url: ["https://repo.example.org/handle/2023.sw.kbri/1191"],
    });
    expect(tags.citation_pdf_url).toBeUndefined();
    expect(tags.citation_doi).toBeUndefined();
  });

  it("links only open PDFs", () => {
    const files = [
      { id: 1, fileName: "open paper.pdf", mimeType: "application/pdf", isOpen: true },
      { id: 2, fileName: "later.pdf", mimeType: "application/pdf", isOpen: false },
      { id: 5, fileName: "data.csv", mimeType: "text/csv", isOpen: true },
    ];
    expect(highwireTags(item({ files }), base).citation_pdf_url).toEqual(["https://repo.example.org/files/1/open%20paper.pdf"]);
  });

  it("uses the type's own tags for theses, reports and conference papers", () => {
    expect(highwireTags(item({ type: "THESIS", publisher: "KAIST" }), base)).toMatchObject({ citation_dissertation_institution: ["KAIST"] });
    const report = highwireTags(item({ type: "REPORT", publisher: "KBRI", reportNumber: "KBRI-2020-01" }), base);
    expect(report).toMatchObject({ citation_technical_report_institution: ["KBRI"], citation_technical_report_number: ["KBRI-2020-01"] });
    expect(report.citation_journal_title).toBeUndefined();
    expect(highwireTags(item({ type: "CONFERENCE_PAPER", conferenceName: "SfN 2019" }), base)).toMatchObject({ citation_conference_title: ["SfN 2019"] });
  });
});

describe("itemJsonLd", () => {
  it("describes the article, its authors with ORCID and profile, and its journal issue", () => {
    const ld = itemJsonLd(item({ doi: "10.5555/abc" }), base);
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ScholarlyArticle",
      "@id": "https://doi.org/10.5555/abc",
      name: "The Role of Glutamate Underlying Treatment-resistant Depression",
      datePublished: "2023-08",
      pageStart: "429",
      pageEnd: "446",
      isPartOf: { "@type": "PublicationIssue", issueNumber: "3", isPartOf: { "@type": "PublicationVolume", volumeNumber: "21", isPartOf: { name: "CLINICAL PSYCHOPHARMACOLOGY AND NEUROSCIENCE", issn: ["1738-1088"] } } },
    });
    const authors = ld.author as Record<string, string>[];
    expect(authors.map((a) => a.name)).toEqual(["Kim, Jeongseop", "Kim, Tae-Eun", "Lee, Seung-Hwan", "Koo, Ja Wook"]);
    expect(authors[3]).toMatchObject({ givenName: "Ja Wook", familyName: "Koo", sameAs: "https://orcid.org/0000-0002-1825-0097", url: "https://repo.example.org/researchers/koo-ja-wook" });
  });

  it("cannot be broken out of its script element", () => {
    const json = jsonForScript(itemJsonLd(item({ title: "</script><script>alert(1)</script>" }), base));
    expect(json).not.toContain("</script>");
    expect(JSON.parse(json).name).toBe("</script><script>alert(1)</script>");
  });
});
