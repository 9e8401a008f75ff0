import { describe, expect, it } from "vitest";
import { citationLine, doiUrl, formatBytes, formatIssueDate, languageName } from "./format";

describe("formatIssueDate", () => {
  it("shows each precision as DSpace does in English", () => {
    expect(formatIssueDate("2023-08", "en")).toBe("Aug-2023");
    expect(formatIssueDate("2023", "en")).toBe("2023");
    expect(formatIssueDate("2023-08-07", "en")).toBe("7-Aug-2023");
  });
  it("reads naturally in Korean", () => {
    expect(formatIssueDate("2023-08", "ko")).toBe("2023년 8월");
    expect(formatIssueDate("2023-08-07", "ko")).toBe("2023년 8월 7일");
  });
  it("shows values it cannot parse as recorded", () => {
    expect(formatIssueDate("Summer 2019", "en")).toBe("Summer 2019");
    expect(formatIssueDate("2019-13", "en")).toBe("2019-13");
    expect(formatIssueDate(null, "en")).toBe("");
  });
});

describe("citationLine", () => {
  it("keeps a recorded citation", () => {
    expect(citationLine({ citation: "X, v.1", journalTitle: "Y" })).toBe("X, v.1");
  });
  it("derives the seed record's form from its parts", () => {
    expect(
      citationLine({ journalTitle: "CLINICAL PSYCHOPHARMACOLOGY AND NEUROSCIENCE", volume: "21", number: "3", startPage: "429", endPage: "446" }),
    ).toBe("CLINICAL PSYCHOPHARMACOLOGY AND NEUROSCIENCE, v.21, no.3, pp 429 - 446");
  });
  it("is empty without a container", () => {
    expect(citationLine({ volume: "2" })).toBe("");
  });
});

describe("formatters", () => {
  it("normalises DOI links", () => {
    expect(doiUrl("10.5555/abc")).toBe("https://doi.org/10.5555/abc");
    expect(doiUrl("https://dx.doi.org/10.5555/abc")).toBe("https://doi.org/10.5555/abc");
  });
  it("formats sizes", () => {
    expect(formatBytes(0, "en")).toBe("0 B");
    expect(formatBytes(1536, "en")).toBe("1.5 KB");
    expect(formatBytes(5n * 1024n * 1024n, "ko")).toBe("5 MB");
  });
});

describe("languageName", () => {
  it("names languages in the interface language", () => {
    expect(languageName("ko", "en")).toBe("Korean");
    expect(languageName("en", "ko")).toBe("영어");
    expect(languageName("not a code!", "en")).toBe("not a code!");
  });
});
