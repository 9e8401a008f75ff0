import { describe, expect, it } from "vitest";
import { letterOf, titleSortKey } from "./letters";
import { browsePath, parseBrowsePath } from "./route";

describe("letterOf", () => {
  it("files Hangul under the initial consonant of the first syllable, tense consonants under plain ones", () => {
    expect(letterOf("구자욱")).toBe("ㄱ");
    expect(letterOf("김정섭")).toBe("ㄱ");
    expect(letterOf("꿈의 해석")).toBe("ㄱ");
    expect(letterOf("나은영")).toBe("ㄴ");
    expect(letterOf("뚜렷한 기억")).toBe("ㄷ");
    expect(letterOf("빵")).toBe("ㅂ");
    expect(letterOf("쌍둥이 연구")).toBe("ㅅ");
    expect(letterOf("이순신")).toBe("ㅇ");
    expect(letterOf("짝")).toBe("ㅈ");
    expect(letterOf("힣")).toBe("ㅎ");
    expect(letterOf("ㄲ")).toBe("ㄱ");
  });
  it("files romanised Korean and other Latin names under their letter, the rest under other", () => {
    expect(letterOf("Koo, Ja Wook")).toBe("k");
    expect(letterOf("  lee, Min")).toBe("l");
    expect(letterOf("2014 Annual Report")).toBe("other");
    expect(letterOf("Örjan")).toBe("other");
    expect(letterOf("神経")).toBe("other");
    expect(letterOf("")).toBe("other");
  });
  it("ignores leading articles in titles", () => {
    expect(titleSortKey("The Role of Glutamate")).toBe("role of glutamate");
    expect(titleSortKey("An atlas")).toBe("atlas");
    expect(titleSortKey("A study")).toBe("study");
    expect(titleSortKey("Amyloid")).toBe("amyloid");
    expect(titleSortKey("Theory of mind")).toBe("theory of mind");
  });
});

describe("browse paths", () => {
  it("parses what it builds", () => {
    for (const path of [
      "/browse/date",
      "/browse/date/2023",
      "/browse/date/2023/3",
      "/browse/date/undated",
      "/browse/type/journal-article/2",
      "/browse/title/r",
      "/browse/author/ㄱ/2",
      "/browse/author/name/Koo%2C%20Ja%20Wook",
      "/browse/subject/term/%EA%B4%91%EC%9C%A0%EC%A0%84%ED%95%99/4",
    ]) {
      const [, , index, ...rest] = path.split("/");
      const view = parseBrowsePath(index, rest.map((s) => decodeURIComponent(s)));
      expect(view, path).not.toBeNull();
      expect(decodeURIComponent(browsePath(view!))).toBe(decodeURIComponent(path));
    }
  });
  it("refuses what names no page", () => {
    for (const [index, rest] of [
      ["dates", []],
      ["date", ["23"]],
      ["date", ["2023", "1"]],
      ["date", ["2023", "0"]],
      ["date", ["2023", "02"]],
      ["date", ["2023", "2", "x"]],
      ["type", ["journal_article"]],
      ["title", ["name", "x"]],
      ["title", ["ab"]],
      ["author", ["name"]],
      ["author", ["ㄲ"]],
      ["subject", ["name", "x"]],
    ] as const) {
      expect(parseBrowsePath(index, rest), `${index}/${rest.join("/")}`).toBeNull();
    }
  });
});
