import { describe, expect, it } from "vitest";
import { dayIn, previousPeriod, rangeQuery, resolveRange } from "./range";

const now = new Date("2026-11-28T20:30:00Z"); // already the 29th in Seoul

describe("resolveRange", () => {
  it("defaults to the last 30 days, by day, in the default time zone", () => {
    const r = resolveRange({}, now, "UTC");
    expect(r).toMatchObject({ preset: "30d", from: "2026-10-30", to: "2026-11-28", granularity: "day", tz: "UTC", compare: false, invalid: [] });
  });

  it("counts days in the viewer's time zone", () => {
    expect(dayIn(now, "Asia/Seoul")).toBe("2026-11-29");
    const r = resolveRange({ tz: "Asia/Seoul" }, now, "UTC");
    expect(r).toMatchObject({ from: "2026-10-31", to: "2026-11-29", tz: "Asia/Seoul" });
  });

  it("knows the presets and picks a granularity that suits their length", () => {
    expect(resolveRange({ range: "12m" }, now, "UTC")).toMatchObject({ from: "2025-11-29", to: "2026-11-28", granularity: "week" });
    expect(resolveRange({ range: "all" }, now, "UTC")).toMatchObject({ from: null, granularity: "month", compare: false });
    expect(resolveRange({ range: "12m", granularity: "month" }, now, "UTC").granularity).toBe("month");
  });

  it("takes a custom range and never goes past today", () => {
    expect(resolveRange({ from: "2026-01-01", to: "2026-03-31" }, now, "UTC")).toMatchObject({ preset: "custom", from: "2026-01-01", to: "2026-03-31", granularity: "week" });
    expect(resolveRange({ from: "2026-11-01", to: "2027-01-01" }, now, "UTC")).toMatchObject({ from: "2026-11-01", to: "2026-11-28" });
    expect(resolveRange({ to: "2026-06-30" }, now, "UTC")).toMatchObject({ from: "2026-06-01", to: "2026-06-30" });
  });

  it("reports unusable values and falls back to the defaults", () => {
    const r = resolveRange({ from: "2026-02-30", to: "yesterday", tz: "Mars/Olympus", granularity: "hour", range: "5y" }, now, "UTC");
    expect(r.invalid).toEqual(["from", "granularity", "range", "to", "tz"]);
    expect(r).toMatchObject({ preset: "30d", from: "2026-10-30", to: "2026-11-28", tz: "UTC", granularity: "day" });
    const reversed = resolveRange({ from: "2026-11-20", to: "2026-11-10" }, now, "UTC");
    expect(reversed.invalid).toEqual(["from"]);
    expect(reversed).toMatchObject({ from: "2026-10-12", to: "2026-11-10" });
  });

  it("compares only ranges that have a period before them", () => {
    expect(resolveRange({ compare: "1" }, now, "UTC").compare).toBe(true);
    expect(resolveRange({ compare: "1", range: "all" }, now, "UTC").compare).toBe(false);
  });
});

describe("previousPeriod", () => {
  it("is the period of the same length just before", () => {
    expect(previousPeriod("2026-10-30", "2026-11-28")).toEqual({ from: "2026-09-30", to: "2026-10-29" });
    expect(previousPeriod("2026-03-01", "2026-03-01")).toEqual({ from: "2026-02-28", to: "2026-02-28" });
  });
});

describe("rangeQuery", () => {
  it("writes only what differs from the defaults", () => {
    const r = resolveRange({}, now, "UTC");
    expect(rangeQuery(r, "UTC")).toBe("");
    expect(rangeQuery(r, "UTC", { preset: "12m" })).toBe("?range=12m");
    expect(rangeQuery(r, "UTC", { compare: true })).toBe("?compare=1");
    expect(rangeQuery(resolveRange({ tz: "Asia/Seoul", granularity: "week" }, now, "UTC"), "UTC", { preset: "12m" })).toBe("?range=12m&tz=Asia%2FSeoul");
    expect(rangeQuery(resolveRange({ from: "2026-01-01", to: "2026-02-01" }, now, "UTC"), "UTC", { granularity: "month" })).toBe("?from=2026-01-01&to=2026-02-01&granularity=month");
    expect(rangeQuery(resolveRange({ compare: "1" }, now, "UTC"), "UTC", { preset: "all" })).toBe("?range=all");
  });
});
