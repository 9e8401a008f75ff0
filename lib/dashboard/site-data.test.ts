import { describe, expect, it } from "vitest";
import { fillSeries, periodOf } from "./site-data";

const point = (period: string, views: number, downloads = 0) => ({ period, views, uniqueViews: views, downloads, uniqueDownloads: downloads });

describe("periodOf", () => {
  it("starts weeks on Monday and months on the first", () => {
    expect(periodOf("2026-11-28", "day")).toBe("2026-11-28");
    expect(periodOf("2026-11-28", "week")).toBe("2026-11-23"); // a Saturday
    expect(periodOf("2026-11-23", "week")).toBe("2026-11-23");
    expect(periodOf("2026-11-29", "week")).toBe("2026-11-23"); // a Sunday
    expect(periodOf("2026-11-28", "month")).toBe("2026-11-01");
  });
});

describe("fillSeries", () => {
  it("gives every period of the range, zeros included", () => {
    expect(fillSeries([point("2026-11-02", 3)], "2026-11-01", "2026-11-03", "day").map((p) => [p.period, p.views])).toEqual([
      ["2026-11-01", 0],
      ["2026-11-02", 3],
      ["2026-11-03", 0],
    ]);
  });

  it("adds days up into weeks and months, across a year's end", () => {
    const days = [point("2026-12-30", 1, 1), point("2027-01-02", 2), point("2027-01-04", 4)];
    expect(fillSeries(days, "2026-12-30", "2027-01-05", "week").map((p) => [p.period, p.views, p.downloads])).toEqual([
      ["2026-12-28", 3, 1],
      ["2027-01-04", 4, 0],
    ]);
    expect(fillSeries(days, "2026-12-30", "2027-01-05", "month").map((p) => [p.period, p.views])).toEqual([
      ["2026-12-01", 1],
      ["2027-01-01", 6],
    ]);
  });
});
