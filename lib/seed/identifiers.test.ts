import { describe, expect, it } from "vitest";
import {
  formatIsbn13,
  formatOrcid,
  isValidIsbn13,
  isValidIssn,
  isValidOrcid,
  issnFromDigits,
  orcidCheckCharacter,
  slugify,
} from "./identifiers";
import { buildKoreanName } from "./names";
import { AliasTable, Random } from "./random";
import { josa } from "./text";
import { JOURNALS } from "./venues";
import { buildStructure } from "./structure";

describe("identifiers", () => {
  it("computes ISSN check digits, including X", () => {
    expect(issnFromDigits("0317847")).toBe("0317-8471"); // the ISSN standard's example
    expect(issnFromDigits("1738108")).toBe("1738-1088"); // the seed item's journal
    expect(issnFromDigits("2050084")).toBe("2050-084X"); // eLife
    expect(isValidIssn("1738-1088")).toBe(true);
    expect(isValidIssn("1738-1089")).toBe(false);
    for (const j of JOURNALS) {
      expect(isValidIssn(j.issn), j.title).toBe(true);
      if (j.eissn) expect(isValidIssn(j.eissn), j.title).toBe(true);
    }
  });

  it("computes ISBN-13 and ORCID check characters", () => {
    expect(formatIsbn13("978", "0", "306", "40615")).toBe("978-0-306-40615-7");
    expect(isValidIsbn13("978-0-306-40615-7")).toBe(true);
    expect(isValidIsbn13("978-0-306-40615-8")).toBe(false);
    expect(orcidCheckCharacter("000000021825009")).toBe("7"); // ORCID's documented example
    expect(formatOrcid("000000021694233")).toBe("0000-0002-1694-233X");
    expect(isValidOrcid("0000-0002-1825-0097")).toBe(true);
    expect(isValidOrcid("0000-0002-1825-0098")).toBe(false);
  });

  it("makes URL-safe slugs", () => {
    expect(slugify("Koo, Ja Wook")).toBe("koo-ja-wook");
    expect(slugify("Brain-AI Convergence Research Group")).toBe("brain-ai-convergence-research-group");
    expect(slugify("Müller, Anna & García")).toBe("muller-anna-and-garcia");
  });

  it("builds unique unit and collection slugs and handles", () => {
    const s = buildStructure("2023.sw.kbri", 2000);
    const slugs = [...s.units, ...s.collections].map((x) => x.slug);
    const handles = [...s.units, ...s.collections].map((x) => x.handle);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(new Set(handles).size).toBe(handles.length);
    expect(s.groups.length).toBe(12);
    expect(s.seedGroup.altName).toBe("정서·인지 질환 연구그룹");
    expect(s.units.find((u) => u.id === s.seedGroup.parentId)?.altName).toBe("연구본부");
    expect(s.seedGroup.collections.get("articles")?.name).toBe("1. Journal Articles");
  });
});

describe("names and Korean text", () => {
  it("romanises names as bylines print them", () => {
    const koo = buildKoreanName("구", "Koo", [["자", "ja"], ["욱", "wook"]], "space");
    expect(koo.display).toBe("Koo, Ja Wook");
    expect(koo.variants).toEqual(expect.arrayContaining(["구자욱", "Ja Wook Koo", "Koo, J.W."]));
    expect(buildKoreanName("김", "Kim", [["태", "tae"], ["은", "eun"]], "hyphen").display).toBe("Kim, Tae-Eun");
    expect(buildKoreanName("김", "Kim", [["정", "jeong"], ["섭", "seop"]], "joined").display).toBe("Kim, Jeongseop");
  });

  it("chooses Korean particles by the final consonant", () => {
    expect(josa("해마", "을/를")).toBe("해마를");
    expect(josa("광유전학", "을/를")).toBe("광유전학을");
    expect(josa("딥러닝", "으로/로")).toBe("딥러닝으로");
    expect(josa("뇌파", "으로/로")).toBe("뇌파로");
    expect(josa("TREM2", "이/가")).toBe("TREM2이(가)");
  });
});

describe("random", () => {
  it("repeats itself for a seed and forks independent streams", () => {
    const a = new Random("seed");
    const b = new Random("seed");
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(new Random("seed").fork("x").next()).not.toBe(new Random("seed").fork("y").next());
  });

  it("draws from an alias table in proportion to the weights", () => {
    const r = new Random("alias");
    const table = new AliasTable([1, 3, 0, 6]);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 100_000; i++) counts[table.draw(r)]++;
    expect(counts[2]).toBe(0);
    expect(counts[0] / 100_000).toBeCloseTo(0.1, 1);
    expect(counts[3] / 100_000).toBeCloseTo(0.6, 1);
  });
});
