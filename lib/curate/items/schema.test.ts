import { describe, expect, it } from "vitest";
import { fieldErrors, isValidIssueDate, parseItemId, ZChangeStatus, ZItemFields } from "./schema";

const base = { type: "JOURNAL_ARTICLE", title: "A title", collectionId: "3" };

function errors(input: Record<string, unknown>) {
  const r = ZItemFields.safeParse({ ...base, ...input });
  return r.success ? {} : fieldErrors(r.error);
}

describe("item schema", () => {
  it("accepts a minimal item and normalises lists and identifiers", () => {
    const r = ZItemFields.parse({
      ...base,
      doi: "https://doi.org/10.1038/NATURE12373",
      keywords: "memory\r\nsleep\n\nmemory",
      mappedCollectionIds: ["5", "3", "5"],
      contributors: JSON.stringify([{ name: "Kim, J", role: "AUTHOR", orcid: "https://orcid.org/0000-0002-1825-0097" }]),
      funding: "NRF; 2021R1A2\nKBRI",
      pageCount: "12",
    });
    expect(r.doi).toBe("10.1038/nature12373");
    expect(r.keywords).toEqual(["memory", "sleep"]);
    expect(r.mappedCollectionIds).toEqual([5]);
    expect(r.contributors[0]).toMatchObject({ orcid: "0000-0002-1825-0097", researcherId: null, affiliation: null });
    expect(r.funding).toEqual([{ funder: "NRF", awardNumber: "2021R1A2" }, { funder: "KBRI", awardNumber: null }]);
    expect(r.pageCount).toBe(12);
    expect(r.abstract).toBeNull();
  });

  it("says which field is wrong and why", () => {
    expect(errors({ title: "  " })).toEqual({ title: ["required"] });
    expect(errors({ doi: "not a doi" })).toEqual({ doi: ["invalidDoi"] });
    expect(errors({ issueDate: "2023-02-30" })).toEqual({ issueDate: ["invalidDate"] });
    expect(errors({ issn: "1234-5678" })).toEqual({ issn: ["invalidIssn"] });
    expect(errors({ isbn: "978-0-306-40615-6" })).toEqual({ isbn: ["invalidIsbn"] });
    expect(errors({ contributors: [{ name: "A", orcid: "0000-0002-1825-0098" }] })).toEqual({ "contributors.0.orcid": ["invalidOrcid"] });
    expect(errors({ alternativeTitle: "대체 제목" })).toEqual({ alternativeTitleLang: ["required"] });
    expect(errors({ startPage: "20", endPage: "3" })).toEqual({ endPage: ["pageOrder"] });
    expect(errors({ title: "x".repeat(10_001) })).toEqual({ title: ["tooLong"] });
    expect(errors({ publisher: "bad\u0007bell" })).toEqual({ publisher: ["controlChars"] });
  });

  it("keeps hostile but printable text as typed", () => {
    const hostile = `<script>alert("x")</script>\u202Eevil\u200F ${"長".repeat(9000)}\n\tnext`;
    const r = ZItemFields.parse({ ...base, title: hostile, abstract: hostile });
    expect(r.title).toBe(hostile.trim());
    expect(r.abstract).toBe(hostile.trim());
  });

  it("accepts valid identifiers", () => {
    expect(errors({ issn: "0306-4530", eissn: "1873-3360", isbn: "978-0-306-40615-7", issueDate: "2024-02-29" })).toEqual({});
    expect(isValidIssueDate("2023")).toBe(true);
    expect(isValidIssueDate("2023-13")).toBe(false);
  });

  it("needs a reason to withdraw", () => {
    expect(ZChangeStatus.safeParse({ id: 1, version: 1, status: "WITHDRAWN", reason: "" }).success).toBe(false);
    expect(ZChangeStatus.safeParse({ id: 1, version: 1, status: "WITHDRAWN", reason: "Duplicate" }).success).toBe(true);
  });
});

describe("parseItemId", () => {
  it("takes positive 32-bit integers written in digits only", () => {
    expect(parseItemId("1")).toBe(1);
    expect(parseItemId("2147483647")).toBe(2147483647);
    for (const bad of ["0", "2147483648", "-1", "1e3", " 1", "01x", "", "9999999999"]) expect(parseItemId(bad), bad).toBeNull();
  });
});
