import { describe, expect, it } from "vitest";
import { highlight, snippet } from "./highlight";
import { parseSearchParams, searchHref } from "./params";
import { findIdentifiers, parseQuery, rankingTsquery } from "./query-text";

describe("parseQuery", () => {
  it("makes every typed word a prefix match and splits words as PostgreSQL does", () => {
    const parsed = parseQuery("Glutamate treatment-resistant 정서·인지");
    expect(parsed.clauses.map((g) => g.map((c) => c.tsquery))).toEqual([
      ["'glutamate':*"],
      ["('treatment' <-> 'resistant':*)"],
      ["('정서' <-> '인지':*)"],
    ]);
    expect(parsed.highlightTerms).toEqual(["glutamate", "treatment", "resistant", "정서", "인지"]);
  });

  it("reads phrases, minus and OR like websearch_to_tsquery", () => {
    const parsed = parseQuery('"major depression" -ketamine astrocytes OR sleep');
    expect(parsed.clauses.map((g) => g.map((c) => [c.tsquery, c.negated]))).toEqual([
      [["('major' <-> 'depression')", false]],
      [["'ketamine':*", true]],
      [["'astrocytes':*", false], ["'sleep':*", false]],
    ]);
    expect(rankingTsquery(parsed)).toBe("('major' <-> 'depression') | 'astrocytes':* | 'sleep':*");
  });

  it("keeps tsquery syntax out of the words and ignores a query of exclusions only", () => {
    expect(parseQuery("a&b !c:* 'd'").clauses.flat().map((c) => c.tsquery)).toEqual(["('a' <-> 'b':*)", "'c':*", "'d':*"]);
    expect(parseQuery("-glutamate").clauses).toEqual([]);
  });

  it("matches Hangul terms of two syllables or more as substrings too", () => {
    const [[long], [short], [one], [latin]] = parseQuery("퇴행성질환 정서 뇌 glia").clauses;
    expect(long.substring).toBe("퇴행성질환");
    expect(short.substring).toBe("정서");
    expect(one.substring).toBeNull();
    expect(latin.substring).toBeNull();
  });
});

describe("findIdentifiers", () => {
  it("recognises DOIs, handles, ISSNs and ISBNs", () => {
    expect(findIdentifiers("https://doi.org/10.5555/ABC.1")).toEqual([{ kind: "doi", value: "10.5555/abc.1" }]);
    expect(findIdentifiers("2023.sw.kbri/1191")).toEqual([{ kind: "handle", value: "2023.sw.kbri/1191" }]);
    expect(findIdentifiers("1226-4512")).toEqual([{ kind: "issn", value: "1226-4512" }]);
    expect(findIdentifiers("978-89-1234-567-8")).toContainEqual({ kind: "isbn", value: "9788912345678" });
    expect(findIdentifiers("glutamate ketamine")).toEqual([]);
  });
});

describe("highlight", () => {
  it("marks whole words that start with a term, accents folded, and Hangul terms inside words", () => {
    expect(highlight("Glutamatergic Müller cells", ["glutamine", "muller"]).filter((s) => s.hit).map((s) => s.text)).toEqual(["Müller"]);
    expect(highlight("Glutamatergic signalling", ["glutamat"]).filter((s) => s.hit).map((s) => s.text)).toEqual(["Glutamatergic"]);
    expect(highlight("청소년의 정서를 조절", ["정서"])).toEqual([
      { text: "청소년의 ", hit: false },
      { text: "정서", hit: true },
      { text: "를 조절", hit: false },
    ]);
  });

  it("cuts a long text around the first hit", () => {
    const text = `${"lorem ipsum ".repeat(60)}ketamine ${"dolor sit ".repeat(60)}`;
    const parts = snippet(text, ["ketamine"], 120);
    expect(parts[0].text).toBe("… ");
    expect(parts.at(-1)?.text).toBe(" …");
    expect(parts.some((p) => p.hit && p.text === "ketamine")).toBe(true);
    expect(parts.map((p) => p.text).join("").length).toBeLessThan(130);
  });
});

describe("search parameters", () => {
  it("drops what does not validate instead of failing", () => {
    expect(parseSearchParams({ q: " glutamate ", type: "NOVEL", year: "2024-2020", page: "0", size: "7", sort: "random" })).toEqual({
      q: "glutamate",
      type: undefined,
      year: undefined,
      unit: undefined,
      collection: undefined,
      author: undefined,
      subject: undefined,
      language: undefined,
      file: undefined,
      sort: undefined,
      page: 1,
      size: 20,
    });
    expect(parseSearchParams(new URLSearchParams("q=x&type=THESIS&year=2020-2024&size=50&page=3"))).toMatchObject({
      type: "THESIS",
      year: "2020-2024",
      size: 50,
      page: 3,
    });
  });

  it("builds short URLs and returns to the first page when a filter changes", () => {
    const params = parseSearchParams({ q: "정서", type: "THESIS", page: "3" });
    expect(searchHref(params, { unit: "emotion-cognition" })).toBe("/search?q=%EC%A0%95%EC%84%9C&type=THESIS&unit=emotion-cognition");
    expect(searchHref(params, { type: undefined, page: 2 })).toBe("/search?q=%EC%A0%95%EC%84%9C&page=2");
  });
});
