// The running totals of usage_item_cumulative (kept by a trigger on usage_daily) and the top-item
// lists that read them for long ranges: after the worker (batches out of order, across month
// boundaries), a full rebuild and a one-day rebuild, the table holds exactly each item's usage
// before each month; and for ranges of any length, in three time zones and every kind of scope,
// the lists equal counts taken straight from the events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../db/connection";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { getTopEntries, nearestMonth, RUNNING_TOTALS_MIN_DAYS } from "./breakdowns";
import { writeEventBatch, type UsageEventInput } from "./ingest";
import { resolveRange, type ScopeRef } from "./query";
import { rebuildUsageRollups } from "./rollup";
import { insertFixture } from "./test-fixture";
import { drainPendingUsage } from "./worker";

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = Date.UTC(2025, 0, 1);
const SPAN_DAYS = 540; // to the end of June 2026
const DAY = 86_400_000;
const ITEM_FILES: Record<number, number[]> = { 1: [1, 2], 2: [3], 3: [] };

function generateEvents(count: number): UsageEventInput[] {
  const next = random(20261128);
  const pick = <T,>(list: T[]) => list[Math.floor(next() * list.length)];
  return Array.from({ length: count }, () => {
    const itemId = pick([1, 1, 1, 2, 2, 3]);
    const files = ITEM_FILES[itemId];
    const download = files.length > 0 && next() < 0.3;
    return {
      kind: download ? "FILE_DOWNLOAD" : "ITEM_VIEW",
      itemId,
      fileId: download ? pick(files) : null,
      researcherId: null,
      unitId: null,
      // Visitors repeat, so that the double-click rule folds some events.
      visitorHash: next() < 0.1 ? null : `v${Math.floor(next() * 40)}`,
      country: pick(["KR", "US", null]),
      isRobot: next() < 0.1,
      referrerHost: null,
      at: new Date(FIRST + Math.floor(next() * SPAN_DAYS * DAY)),
    } satisfies UsageEventInput;
  });
}

let db: TestDatabase;
let sql: Sql;

beforeAll(async () => {
  db = await createTestDatabase();
  sql = db.sql;
  await insertFixture(sql, { events: false });
}, 180_000);
afterAll(async () => {
  await db?.close();
});

type Counted = { item: number; at: number; download: boolean };

/** The events that count (COUNTER: counted and not a robot), as stored. */
async function countedEvents(): Promise<Counted[]> {
  const rows = await sql.query<{ item_id: number; at: Date; kind: string }>(
    `SELECT item_id, occurred_at AS at, kind::text FROM usage_event WHERE counted AND NOT is_robot AND item_id IS NOT NULL`,
  );
  return rows.map((r) => ({ item: Number(r.item_id), at: new Date(r.at).getTime(), download: r.kind === "FILE_DOWNLOAD" }));
}

/** "month:item" → [views, downloads] before that month, for every month after the first with usage up to the last. */
function expectedRunningTotals(events: Counted[]): Record<string, [number, number]> {
  const months = events.map((e) => new Date(e.at)).map((d) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const first = Math.min(...months);
  const last = Math.max(...months);
  const out: Record<string, [number, number]> = {};
  for (let m = new Date(first); m.getTime() <= last; m.setUTCMonth(m.getUTCMonth() + 1)) {
    if (m.getTime() === first) continue;
    for (const e of events.filter((x) => x.at < m.getTime())) {
      const key = `${m.toISOString().slice(0, 10)}:${e.item}`;
      const [views, downloads] = out[key] ?? [0, 0];
      out[key] = [views + 1, downloads + (e.download ? 1 : 0)];
    }
  }
  return out;
}

async function runningTotals(): Promise<Record<string, [number, number]>> {
  const rows = await sql.query<{ month: string; item_id: number; views: number; downloads: number }>(
    `SELECT to_char(month, 'YYYY-MM-DD') AS month, item_id, views, downloads FROM usage_item_cumulative ORDER BY month, item_id`,
  );
  return Object.fromEntries(rows.map((r) => [`${r.month}:${r.item_id}`, [Number(r.views), Number(r.downloads)]]));
}

// The fixture's membership (./test-fixture.ts): which items each scope holds.
const SCOPES: [ScopeRef, number[]][] = [
  [{ kind: "SITE", id: 0 }, [1, 2, 3]],
  [{ kind: "UNIT", id: 2 }, [1, 2]],
  [{ kind: "UNIT", id: 5 }, [1, 3]],
  [{ kind: "COLLECTION", id: 4 }, [1, 3]],
  [{ kind: "RESEARCHER", id: 1 }, [1, 2]],
  [{ kind: "RESEARCHER", id: 2 }, [3]],
];

describe(`running totals for long ranges (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  let events: Counted[];

  it("hold each item's usage before each month, after the worker, a full rebuild and a one-day rebuild", async () => {
    const generated = generateEvents(900);
    // The later half first: the earlier batch then changes months that already have totals.
    const split = FIRST + 300 * DAY;
    for (const part of [generated.filter((e) => e.at!.getTime() >= split), generated.filter((e) => e.at!.getTime() < split)]) {
      for (let i = 0; i < part.length; i += 150) await writeEventBatch(sql, part.slice(i, i + 150));
      await drainPendingUsage(sql);
    }
    events = await countedEvents();
    expect(events.length).toBeGreaterThan(600);
    const expected = expectedRunningTotals(events);
    expect(Object.keys(expected).length).toBeGreaterThan(40);
    expect(await runningTotals()).toEqual(expected);

    await rebuildUsageRollups(sql);
    expect(await runningTotals()).toEqual(expected);
    const middle = new Date("2025-07-15T12:00:00Z");
    await rebuildUsageRollups(sql, { from: middle, to: middle });
    expect(await runningTotals()).toEqual(expected);
    // Emptied with the rollups, rebuilt with them.
    await sql.exec(`TRUNCATE usage_daily`);
    expect(await runningTotals()).toEqual({});
    await rebuildUsageRollups(sql);
    expect(await runningTotals()).toEqual(expected);
  });

  it("give top-item lists equal to counts taken from the events, for ranges of any length", async () => {
    const next = random(7);
    const day = (offset: number) => new Date(FIRST - 40 * DAY + offset * DAY).toISOString().slice(0, 10);
    const cases: [string | null, string, string][] = [
      [null, "2026-11-28", "Asia/Seoul"],
      ["2025-01-01", "2026-06-30", "UTC"],
      ["2025-02-14", "2026-02-13", "America/Los_Angeles"],
    ];
    for (let i = 0; i < 24; i++) {
      const a = Math.floor(next() * 620);
      const b = a + Math.floor(next() * (i % 3 === 0 ? 40 : 500));
      cases.push([day(a), day(b), ["UTC", "Asia/Seoul", "America/Los_Angeles"][i % 3]]);
    }
    let long = 0;
    for (const [from, to, tz] of cases) {
      const range = await resolveRange(sql, from, to, tz);
      if (range.fullHi.getTime() - range.fullLo.getTime() >= RUNNING_TOTALS_MIN_DAYS * DAY) long++;
      const inRange = events.filter((e) => e.at >= range.lo.getTime() && e.at < range.hi.getTime());
      for (const [ref, items] of SCOPES) {
        const expected = items
          .map((item) => {
            const mine = inRange.filter((e) => e.item === item);
            return { label: `Item ${item}`, item, views: mine.length, downloads: mine.filter((e) => e.download).length };
          })
          .filter((e) => e.views > 0)
          .sort((x, y) => y.views - x.views || x.item - y.item)
          .map(({ label, views, downloads }) => [label, views, downloads]);
        const top = await getTopEntries(sql, ref, range);
        expect(top.map((t) => [t.label, t.views, t.downloads]), `${ref.kind} ${ref.id} ${from}…${to} ${tz}`).toEqual(expected);
      }
    }
    expect(long).toBeGreaterThan(10);
  });
});

describe("the month a running total is read at", () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  it("is the nearer month boundary that has totals", () => {
    const covered = d("2026-06-01");
    expect(nearestMonth(d("2025-03-05"), covered)).toEqual(d("2025-03-01"));
    expect(nearestMonth(d("2025-03-25"), covered)).toEqual(d("2025-04-01"));
    expect(nearestMonth(d("2025-03-01"), covered)).toEqual(d("2025-03-01"));
    // Past the last month with totals: that month.
    expect(nearestMonth(d("2026-05-28"), covered)).toEqual(d("2026-06-01"));
    expect(nearestMonth(d("2026-06-20"), covered)).toEqual(d("2026-06-01"));
    expect(nearestMonth(d("2026-11-28"), covered)).toEqual(d("2026-06-01"));
  });
});
