import { describe, expect, it } from "vitest";
import { formatPeriod } from "./series";

describe("formatPeriod", () => {
  it("names days and weeks by their first day, months by month and year", () => {
    expect(formatPeriod("2026-11-03", "day", "en-US", true)).toBe("Nov 3");
    expect(formatPeriod("2026-11-03", "week", "en-US", false)).toBe("Nov 3, 2026");
    expect(formatPeriod("2026-11-01", "month", "en-US", true)).toBe("Nov 2026");
    expect(formatPeriod("2026-11-01", "month", "ko-KR", true)).toBe("2026년 11월");
    expect(formatPeriod("2026-11-03", "day", "ko-KR", true)).toBe("11월 3일");
  });

  it("leaves what is not a date alone", () => {
    expect(formatPeriod("total", "day", "en-US", true)).toBe("total");
  });
});
