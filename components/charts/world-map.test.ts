import { describe, expect, it } from "vitest";
import { shadeStep } from "./world-map";

describe("shadeStep", () => {
  it("leaves countries without usage unshaded", () => {
    expect(shadeStep(0, 100)).toBe(0);
    expect(shadeStep(0, 0)).toBe(0);
  });

  it("steps on a log scale from 1 to the maximum", () => {
    expect(shadeStep(1, 10_000)).toBe(1);
    expect(shadeStep(9, 10_000)).toBe(1);
    expect(shadeStep(10, 10_000)).toBe(2);
    expect(shadeStep(100, 10_000)).toBe(3);
    expect(shadeStep(1_000, 10_000)).toBe(4);
    expect(shadeStep(9_999, 10_000)).toBe(4);
    expect(shadeStep(10_000, 10_000)).toBe(5);
  });

  it("gives the darkest shade when every country has one use", () => {
    expect(shadeStep(1, 1)).toBe(5);
  });
});
