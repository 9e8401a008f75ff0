import { describe, expect, it } from "vitest";
import { filterDirectory, matchesName, type DirectoryEntry } from "./directory";

const koo = { displayName: "Koo, Ja Wook", nameVariants: ["구자욱", "Ja Wook Koo", "Koo, J.W."] };

describe("matchesName", () => {
  it("finds a person by their name in any order and script", () => {
    for (const q of ["Koo Ja Wook", "Ja Wook Koo", "koo", "구자욱", "자욱", "Koo, Ja-Wook", "ja koo"]) expect(matchesName(koo, q), q).toBe(true);
  });
  it("does not find someone else", () => {
    for (const q of ["Kim", "Koo Jeongseop", "김정섭", "wook ja kim"]) expect(matchesName(koo, q), q).toBe(false);
  });
});

describe("filterDirectory", () => {
  const entry = (slug: string, publications: number, unitIds: number[]): DirectoryEntry => ({
    slug,
    displayName: slug,
    nameVariants: [],
    position: null,
    altPosition: null,
    hasPhoto: false,
    unitIds,
    primaryUnitId: unitIds[0] ?? null,
    publications,
  });
  const all = [entry("a", 3, [1]), entry("b", 9, [2]), entry("c", 5, [1, 2])];
  it("filters by unit and sorts by output", () => {
    const r = filterDirectory(all, { unitIds: new Set([2]), sort: "output" });
    expect(r.entries.map((e) => e.slug)).toEqual(["b", "c"]);
    expect(r.total).toBe(2);
  });
  it("keeps the page within range", () => {
    expect(filterDirectory(all, { page: 99 }).page).toBe(1);
  });
});
