// GET /api/v1/statistics's answers against a real database holding the rollup fixture: figures,
// time zones, countries, CSV, and every kind of bad request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../db/connection";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { answerStatistics, todayIn } from "./api";
import { periodStarts } from "./query";
import { rebuildUsageRollups } from "./rollup";
import { D1, D2, EXPECTED, insertFixture } from "./test-fixture";

let db: TestDatabase;
let sql: Sql;
beforeAll(async () => {
  db = await createTestDatabase();
  sql = db.sql;
  await insertFixture(sql);
  await rebuildUsageRollups(sql);
});
afterAll(async () => {
  await db?.close();
});

const ask = (query: Record<string, string>) => answerStatistics(sql, new URLSearchParams(query), new Date(`${D2}T12:00:00Z`));
type Json = { totals: Record<string, number>; series: Record<string, number | string>[]; countries: { country: string | null; views: number; downloads: number }[]; asOf: string | null; scope: string; from: string; to: string };
async function json(query: Record<string, string>): Promise<Json> {
  const answer = await ask(query);
  if (answer.kind !== "json") throw new Error(JSON.stringify(answer));
  return answer.body as Json;
}
/** The fixture's worked-out daily rows of one scope, summed over countries and days. */
function expectedTotals(prefix: string) {
  const sum = [0, 0, 0, 0, 0, 0];
  for (const [key, counts] of Object.entries(EXPECTED)) if (key.startsWith(prefix)) counts.forEach((c, i) => (sum[i] += c));
  return { views: sum[0], uniqueViews: sum[1], downloads: sum[2], uniqueDownloads: sum[3], robotHits: sum[5] };
}

describe(`statistics API (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it("answers DESIGN §4's JSON for the site, with totals equal to the rollups", async () => {
    const body = await json({ scope: "site", from: D1, to: D2 });
    expect(Object.keys(body)).toEqual(["scope", "from", "to", "asOf", "totals", "series", "countries"]);
    expect(body.totals).toEqual(expectedTotals("SITE:0:"));
    expect(body.series.map((s) => s.period)).toEqual([D1, D2]);
    expect(Object.keys(body.series[0])).toEqual(["period", "views", "uniqueViews", "downloads", "uniqueDownloads"]);
    expect(body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("groups days in the viewer's time zone", async () => {
    // Item 3 (test/3) was viewed at D1 23:59:59.999 UTC and D2 00:00:40 UTC: one UTC day each,
    // but both on D2 in Seoul (08:59 and 09:00).
    const utc = await json({ scope: "item:test/3", from: D2, to: D2, tz: "UTC" });
    const seoul = await json({ scope: "item:test/3", from: D2, to: D2, tz: "Asia/Seoul" });
    expect(utc.totals.views).toBe(1);
    expect(seoul.totals.views).toBe(2);
    expect(seoul.series).toEqual([{ period: D2, views: 2, uniqueViews: 2, downloads: 0, uniqueDownloads: 0 }]);
    // Countries are exact at partial days too.
    expect(seoul.countries).toEqual([{ country: "JP", views: 2, downloads: 0 }]);
    expect(utc.countries).toEqual([{ country: "JP", views: 1, downloads: 0 }]);
  });

  it("gives countries for whole days from the rollups and partial days from the events", async () => {
    const body = await json({ scope: "item:test/1", from: D1, to: D1, tz: "America/New_York" });
    // New York's D1 is D1 05:00 UTC – D2 05:00 UTC: every item-1 event of D1 falls inside.
    const views = body.countries.reduce((n, c) => n + c.views, 0);
    expect(views).toBe(body.totals.views);
    expect(body.countries.find((c) => c.country === null)).toEqual({ country: null, views: 1, downloads: 0 });
  });

  it("sums a unit's items, weeks starting on Monday, months", async () => {
    const unit = await json({ scope: "unit:inst", from: D1, to: D2, granularity: "week" });
    expect(unit.totals).toEqual(expectedTotals("UNIT:1:"));
    expect(unit.series.map((s) => s.period)).toEqual(["2026-03-02"]);
    const month = await json({ scope: "collection:a1-articles", from: "2026-01-15", to: D2, granularity: "month" });
    expect(month.series.map((s) => s.period)).toEqual(["2026-01-01", "2026-02-01", "2026-03-01"]);
    expect(month.totals).toEqual(expectedTotals("COLLECTION:1:"));
    const researcher = await json({ scope: "researcher:one", from: D1, to: D2 });
    expect(researcher.totals).toEqual(expectedTotals("RESEARCHER:1:"));
  });

  it("defaults to the last 30 days in the time zone", async () => {
    const body = await json({ scope: "site" });
    expect(body.to).toBe(D2);
    expect(body.from).toBe("2026-02-02");
    expect(body.series).toHaveLength(30);
  });

  it("serves the series as CSV", async () => {
    const answer = await ask({ scope: "site", from: D1, to: D2, format: "csv" });
    expect(answer.kind).toBe("csv");
    if (answer.kind !== "csv") return;
    const lines = answer.body.trim().split("\r\n");
    expect(lines[0]).toBe("period,views,uniqueViews,downloads,uniqueDownloads");
    expect(lines).toHaveLength(3);
    expect(answer.fileName).toBe(`statistics-site-${D1}-${D2}.csv`);
  });

  it.each([
    [{ scope: "planet" }, 404],
    [{ scope: "item:test/999" }, 404],
    [{ scope: "unit:nowhere" }, 404],
    [{ scope: "site", from: "2026-02-30" }, 400],
    [{ scope: "site", from: "yesterday" }, 400],
    [{ scope: "site", from: D2, to: D1 }, 400],
    [{ scope: "site", tz: "Mars/Olympus" }, 400],
    [{ scope: "site", granularity: "hour" }, 400],
    [{ scope: "site", colour: "red" }, 400],
  ])("refuses %o with %i", async (query, status) => {
    const answer = await ask(query as Record<string, string>);
    expect(answer).toMatchObject({ kind: "error", status });
  });
});

describe("periods", () => {
  it("fills every period of the range", () => {
    expect(periodStarts("2026-03-01", "2026-03-03", "day")).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
    expect(periodStarts("2026-03-04", "2026-03-17", "week")).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
    expect(periodStarts("2025-12-31", "2026-02-01", "month")).toEqual(["2025-12-01", "2026-01-01", "2026-02-01"]);
  });
  it("knows today in a time zone", () => {
    expect(todayIn("Asia/Seoul", new Date("2026-03-02T16:00:00Z"))).toBe("2026-03-03");
    expect(todayIn("UTC", new Date("2026-03-02T16:00:00Z"))).toBe("2026-03-02");
  });
});
