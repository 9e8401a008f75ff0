// Ingestion against a real database: each COUNTER rule with exact numbers, the hand-made fixture
// ingested event by event and rolled up by the worker (must equal both the worked-out rows and a
// rebuild), and a burst of thousands of concurrent events across a restart of the ingester.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../db/connection";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { decideEvents, UsageIngester, type UsageEventInput } from "./ingest";
import { rebuildUsageRollups } from "./rollup";
import { EVENTS, EXPECTED, insertFixture, readDaily } from "./test-fixture";
import { drainPendingUsage } from "./worker";

const at = (s: string) => new Date(`2026-05-04T${s}Z`);
const view = (visitor: string | null, item: number, time: string, extra: Partial<UsageEventInput> = {}): UsageEventInput => ({
  kind: "ITEM_VIEW",
  itemId: item,
  visitorHash: visitor,
  country: "KR",
  isRobot: false,
  at: at(time),
  ...extra,
});
const download = (visitor: string, item: number, file: number, time: string): UsageEventInput => ({
  kind: "FILE_DOWNLOAD",
  itemId: item,
  fileId: file,
  visitorHash: visitor,
  country: "KR",
  isRobot: false,
  at: at(time),
});

/** Sums the decisions the way the rollups do: [views, uniqueViews, downloads, uniqueDownloads]. */
function tally(events: UsageEventInput[]) {
  const d = decideEvents([], events, new Date());
  const human = d.filter((e) => !e.isRobot && e.counted);
  return {
    views: human.filter((e) => e.kind === "ITEM_VIEW" || e.kind === "FILE_DOWNLOAD").length,
    uniqueViews: d.filter((e) => e.uniqueView).length,
    downloads: human.filter((e) => e.kind === "FILE_DOWNLOAD").length,
    uniqueDownloads: d.filter((e) => e.uniqueDownload).length,
    robots: d.filter((e) => e.isRobot).length,
  };
}

describe("COUNTER rules (decideEvents)", () => {
  it("double click: 10:01:00 + 10:01:29 is one view", () => {
    expect(tally([view("v", 1, "10:01:00"), view("v", 1, "10:01:29")]).views).toBe(1);
  });
  it("double click: 10:01:00 + 10:01:35 is two views", () => {
    expect(tally([view("v", 1, "10:01:00"), view("v", 1, "10:01:35")]).views).toBe(2);
  });
  it("double click is per visitor and per target", () => {
    expect(tally([view("v", 1, "10:01:00"), view("w", 1, "10:01:05"), view("v", 2, "10:01:10")]).views).toBe(3);
  });
  it("unique views: once per item per visitor-session (visitor + date + hour)", () => {
    const t = tally([view("v", 1, "10:05:00"), view("v", 1, "10:40:00"), view("v", 1, "11:10:00"), view("v", 2, "11:15:00")]);
    expect(t).toMatchObject({ views: 4, uniqueViews: 3 });
  });
  it("a download is also an investigation", () => {
    const t = tally([view("v", 1, "10:00:00"), download("v", 1, 7, "10:02:00"), download("w", 1, 7, "10:03:00")]);
    expect(t).toEqual({ views: 3, uniqueViews: 2, downloads: 2, uniqueDownloads: 2, robots: 0 });
  });
  it("a download within 30 s of the item view is not a double click (another target)", () => {
    expect(tally([view("v", 1, "10:00:00"), download("v", 1, 7, "10:00:05")])).toMatchObject({ views: 2, downloads: 1 });
  });
  it("robots are counted apart, never as views", () => {
    const t = tally([view("bot", 1, "10:00:00", { isRobot: true }), view("bot", 1, "10:00:01", { isRobot: true })]);
    expect(t).toEqual({ views: 0, uniqueViews: 0, downloads: 0, uniqueDownloads: 0, robots: 2 });
  });
  it("an event without a visitor hash (Do Not Track) is a session of its own", () => {
    expect(tally([view(null, 1, "10:00:00"), view(null, 1, "10:00:05")])).toMatchObject({ views: 2, uniqueViews: 2 });
  });
});

describe(`ingestion (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  let db: TestDatabase;
  let sql: Sql;
  beforeAll(async () => {
    db = await createTestDatabase();
    sql = db.sql;
  });
  afterAll(async () => {
    await db?.close();
  });

  it("stores the rules' decisions, and the worker's rollups equal the worked-out rows and a rebuild", async () => {
    await insertFixture(sql, { events: false });
    const ingester = new UsageIngester(sql);
    for (const e of EVENTS) {
      await ingester.record({
        kind: e.kind,
        itemId: e.item,
        fileId: e.file,
        researcherId: e.researcher,
        unitId: e.unit,
        visitorHash: e.visitor ?? null,
        country: e.country ?? null,
        isRobot: e.robot ?? false,
        at: new Date(e.at),
      });
    }
    await ingester.close();
    // The double clicks the fixture marks are exactly the ones ingestion decided.
    const counted = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM usage_event WHERE NOT counted AND NOT is_robot`);
    expect(counted[0].n).toBe(EVENTS.filter((e) => e.counted === false && !e.robot).length);

    expect(await drainPendingUsage(sql)).toBe(EVENTS.length);
    const incremental = await readDaily(sql);
    expect(incremental).toEqual(EXPECTED);
    const hourly = await readHourly(sql);

    await rebuildUsageRollups(sql);
    expect(await readDaily(sql)).toEqual(incremental);
    expect(await readHourly(sql)).toEqual(hourly);
    const [{ pending }] = await sql.query<{ pending: number }>(`SELECT count(*)::int AS pending FROM usage_pending`);
    expect(pending).toBe(0);
  });

  it("a burst of 4,000 concurrent events across an ingester restart: every acknowledged event stored and counted exactly", async () => {
    await sql.exec(`TRUNCATE usage_event, usage_pending, usage_daily, usage_hourly`);
    // A visitor is one address, so one country: all of them KR here.
    // 1,000 visitors × items 1–3 (3,000 counted views), 500 repeats of a visitor's item-1 view
    // (double clicks), 300 downloads of file 1 by the first 300 visitors, 200 robot hits.
    const events: UsageEventInput[] = [];
    for (let v = 0; v < 1000; v++) for (const item of [1, 2, 3]) events.push({ kind: "ITEM_VIEW", itemId: item, visitorHash: `b${v}`, country: "KR", isRobot: false });
    for (let v = 0; v < 500; v++) events.push({ kind: "ITEM_VIEW", itemId: 1, visitorHash: `b${v * 2}`, country: "KR", isRobot: false });
    for (let v = 0; v < 300; v++) events.push({ kind: "FILE_DOWNLOAD", itemId: 1, fileId: 1, visitorHash: `b${v}`, country: "KR", isRobot: false });
    for (let v = 0; v < 200; v++) events.push({ kind: "ITEM_VIEW", itemId: 2, visitorHash: `robot${v % 7}`, country: null, isRobot: true });
    // A fixed shuffle.
    let seed = 7;
    for (let i = events.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [events[i], events[j]] = [events[j], events[i]];
    }

    let acknowledged = 0;
    const retry: UsageEventInput[] = [];
    let ingester = new UsageIngester(sql, { maxBatch: 500 });
    const first = events.map((e, i) => {
      // The "server" restarts half-way: events sent after it began closing are refused (the client
      // sees an error and sends them again to the new process).
      if (i === 2000) void ingester.close();
      return ingester.record(e).then(
        () => void acknowledged++,
        () => void retry.push(e),
      );
    });
    // The worker runs while events are still arriving.
    const worker = drainPendingUsage(sql);
    await Promise.all(first);
    await worker;
    expect(retry.length).toBe(2000);
    ingester = new UsageIngester(sql, { maxBatch: 500 });
    await Promise.all(retry.map((e) => ingester.record(e).then(() => void acknowledged++)));
    await ingester.close();

    const [{ stored }] = await sql.query<{ stored: number }>(`SELECT count(*)::int AS stored FROM usage_event`);
    expect(acknowledged).toBe(4000);
    expect(stored).toBe(acknowledged);

    await drainPendingUsage(sql);
    const site = async () =>
      (
        await sql.query<{ v: number; uv: number; d: number; ud: number; r: number }>(
          `SELECT sum(views)::int AS v, sum(unique_views)::int AS uv, sum(downloads)::int AS d, sum(unique_downloads)::int AS ud,
                  sum(robot_hits)::int AS r FROM usage_hourly WHERE scope = 'SITE'`,
        )
      )[0];
    const expected = { v: 3300, uv: 3000, d: 300, ud: 300, r: 200 };
    // Unless the burst straddled an hour boundary, every (visitor, item) pair is one session.
    const [{ hours }] = await sql.query<{ hours: number }>(`SELECT count(DISTINCT date_trunc('hour', occurred_at, 'UTC'))::int AS hours FROM usage_event`);
    if (hours === 1) expect(await site()).toEqual(expected);
    else expect((await site()).v).toBe(expected.v);

    const before = { daily: await readDaily(sql), hourly: await readHourly(sql) };
    await rebuildUsageRollups(sql);
    const after = { daily: await readDaily(sql), hourly: await readHourly(sql) };
    expect(after).toEqual(before);
  }, 60_000);

  it("a database that cannot be reached rejects the event instead of acknowledging it", async () => {
    const broken: Sql = {
      ...sql,
      transaction: async () => {
        throw new Error("connection refused");
      },
    };
    await expect(new UsageIngester(broken).record(view("v", 1, "10:00:00"))).rejects.toThrow("connection refused");
  });
});

async function readHourly(sql: Sql) {
  return sql.query(
    `SELECT scope::text, scope_id, hour, views, unique_views, downloads, unique_downloads, page_views, robot_hits
       FROM usage_hourly ORDER BY scope, scope_id, hour`,
  );
}
