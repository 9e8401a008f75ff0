import { describe, expect, it } from "vitest";
import { hIndex } from "./profile";

describe("hIndex", () => {
  it("is the largest h with h papers cited at least h times", () => {
    expect(hIndex([])).toBe(0);
    expect(hIndex([0, 0])).toBe(0);
    expect(hIndex([10, 8, 5, 4, 3])).toBe(4);
    expect(hIndex([25, 8, 5, 3, 3])).toBe(3);
    expect(hIndex([1])).toBe(1);
    expect(hIndex([100, 100, 2])).toBe(2);
  });
});
