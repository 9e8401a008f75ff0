import { describe, expect, it } from "vitest";
import { langFromAcceptLanguage, localized } from "./config";

describe("langFromAcceptLanguage", () => {
  it("picks the highest-ranked language the interface has", () => {
    expect(langFromAcceptLanguage("ko-KR,ko;q=0.9,en-US;q=0.8")).toBe("ko");
    expect(langFromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.5,ko;q=0.4")).toBe("en");
    expect(langFromAcceptLanguage("en;q=0.3, ko;q=0.7")).toBe("ko");
  });
  it("ignores what it cannot use", () => {
    expect(langFromAcceptLanguage("")).toBeUndefined();
    expect(langFromAcceptLanguage("de, fr;q=0.5")).toBeUndefined();
    expect(langFromAcceptLanguage("ko;q=0, en;q=0.1")).toBe("en");
    expect(langFromAcceptLanguage(";;;,q=abc")).toBeUndefined();
  });
});

describe("localized", () => {
  it("shows the second-language value only when it matches the interface language", () => {
    expect(localized("ko", "Research Division", "연구본부", "ko")).toBe("연구본부");
    expect(localized("en", "Research Division", "연구본부", "ko")).toBe("Research Division");
    expect(localized("ko", "Research Division", null, null)).toBe("Research Division");
    expect(localized("ko", "Research Division", "研究本部", "ja")).toBe("Research Division");
    expect(localized("ko", "Research Division", "연구본부", "ko-KR")).toBe("연구본부");
  });
});
