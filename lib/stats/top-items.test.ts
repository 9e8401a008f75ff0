// The monthly sums of usage_item_monthly (kept by a trigger on usage_daily) and the top-item lists
// that read them: after the worker (batches out of order, across month boundaries), a full rebuild
// and a one-day rebuild, the table holds exactly each item's usage in each month; for ranges of any
// length, in three time zones and every kind of scope, the lists equal counts taken straight from
// the events; and where usage is uneven, a list counts only a few of the items to find its ten.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../db/connection";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { getTopEntries, topItems } from "./breakdowns";
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

/** `count` events of the items `pickItem` chooses, at random times over SPAN_DAYS from FIRST. */
function generateEvents(count: number, seed: number, pickItem: (next: () => number) => number): UsageEventInput[] {
  const next = random(seed);
  const pick = <T,>(list: T[]) => list[Math.floor(next() * list.length)];
  return Array.from({ length: count }, () => {
    const itemId = pickItem(next);
    const files = ITEM_FILES[itemId] ?? [];
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

/** Writes events in batches, the later half first (earlier months then change after later ones), rolling up after each half. */
async function ingest(events: UsageEventInput[]) {
  const split = FIRST + 300 * DAY;
  for (const part of [events.filter((e) => e.at!.getTime() >= split), events.filter((e) => e.at!.getTime() < split)]) {
    for (let i = 0; i < part.length; i += 150) await writeEventBatch(sql, part.slice(i, i + 150));
    await drainPendingUsage(sql);
  }
}

type Counted = { item: number; at: number; download: boolean };

/** The events that count (COUNTER: counted and not a robot), as stored. */
async function countedEvents(): Promise<Counted[]> {
  const rows = await sql.query<{ item_id: number; at: Date; kind: string }>(
    `SELECT item_id, occurred_at AS at, kind::text FROM usage_event WHERE counted AND NOT is_robot AND item_id IS NOT NULL`,
  );
  return rows.map((r) => ({ item: Number(r.item_id), at: new Date(r.at).getTime(), download: r.kind === "FILE_DOWNLOAD" }));
}

/** "month:item" → [views, downloads] in that month, for every month and item with usage. */
function expectedMonthly(events: Counted[]): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const e of events) {
    const key = `${new Date(e.at).toISOString().slice(0, 7)}-01:${e.item}`;
    const [views, downloads] = out[key] ?? [0, 0];
    out[key] = [views + 1, downloads + (e.download ? 1 : 0)];
  }
  return out;
}

async function monthlySums(): Promise<Record<string, [number, number]>> {
  const rows = await sql.query<{ month: string; item_id: number; views: number; downloads: number }>(
    `SELECT to_char(month, 'YYYY-MM-DD') AS month, item_id, views, downloads FROM usage_item_monthly ORDER BY month, item_id`,
  );
  return Object.fromEntries(rows.map((r) => [`${r.month}:${r.item_id}`, [Number(r.views), Number(r.downloads)]]));
}

/** The list the events give: the first ten of `items` by views in [lo, hi), then by id. */
function expectedTop(events: Counted[], items: number[], lo: Date, hi: Date) {
  const inRange = events.filter((e) => e.at >= lo.getTime() && e.at < hi.getTime());
  return items
    .map((item) => {
      const mine = inRange.filter((e) => e.item === item);
      return { item, views: mine.length, downloads: mine.filter((e) => e.download).length };
    })
    .filter((e) => e.views > 0)
    .sort((x, y) => y.views - x.views || x.item - y.item)
    .slice(0, 10)
    .map(({ item, views, downloads }) => [`Item ${item}`, views, downloads]);
}

/** Ranges from a few days to all time (some open-ended), in three time zones. */
function randomRanges(seed: number, count: number): [string | null, string, string][] {
  const next = random(seed);
  const day = (offset: number) => new Date(FIRST - 40 * DAY + offset * DAY).toISOString().slice(0, 10);
  const cases: [string | null, string, string][] = [
    [null, "2026-11-28", "Asia/Seoul"],
    ["2025-01-01", "2026-06-30", "UTC"],
    ["2025-02-14", "2026-02-13", "America/Los_Angeles"],
  ];
  for (let i = 0; i < count; i++) {
    const a = Math.floor(next() * 620);
    const b = a + Math.floor(next() * (i % 3 === 0 ? 40 : 500));
    cases.push([day(a), day(b), ["UTC", "Asia/Seoul", "America/Los_Angeles"][i % 3]]);
  }
  return cases;
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

describe(`top-item lists (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  let events: Counted[];

  it("read monthly sums that follow the worker, a full rebuild and a one-day rebuild", async () => {
    await ingest(generateEvents(900, 20261128, (next) => [1, 1, 1, 2, 2, 3][Math.floor(next() * 6)]));
    events = await countedEvents();
    expect(events.length).toBeGreaterThan(600);
    const expected = expectedMonthly(events);
    expect(Object.keys(expected).length).toBeGreaterThan(40);
    expect(await monthlySums()).toEqual(expected);

    await rebuildUsageRollups(sql);
    expect(await monthlySums()).toEqual(expected);
    const middle = new Date("2025-07-15T12:00:00Z");
    await rebuildUsageRollups(sql, { from: middle, to: middle });
    expect(await monthlySums()).toEqual(expected);
    // Emptied with the rollups, rebuilt with them.
    await sql.exec(`TRUNCATE usage_daily`);
    expect(await monthlySums()).toEqual({});
    await rebuildUsageRollups(sql);
    expect(await monthlySums()).toEqual(expected);
  });

  it("equal counts taken from the events, for ranges of any length, in every kind of scope", async () => {
    for (const [from, to, tz] of randomRanges(7, 24)) {
      const range = await resolveRange(sql, from, to, tz);
      for (const [ref, items] of SCOPES) {
        const top = await getTopEntries(sql, ref, range);
        expect(top.map((t) => [t.label, t.views, t.downloads]), `${ref.kind} ${ref.id} ${from}…${to} ${tz}`).toEqual(
          expectedTop(events, items, range.lo, range.hi),
        );
      }
    }
  });

  it("count only the items that can reach the list where usage is uneven, and the same ten as counting all", async () => {
    // Sixty more items in collection 1 (unit 3, below unit 2), popular as in a real repository:
    // the k-th about 1/k as much as the first. One popular item is a draft, never listed.
    const extra = Array.from({ length: 60 }, (_, k) => 101 + k);
    await sql.query(
      `INSERT INTO item (id, handle, type, status, title, collection_id, updated_at)
       SELECT id, 'test/' || id, 'JOURNAL_ARTICLE', CASE WHEN id = 102 THEN 'DRAFT' ELSE 'PUBLISHED' END::item_status,
              'Item ' || id, 1, now()
         FROM unnest($1::int[]) AS id`,
      [extra],
    );
    const weights = extra.map((_, k) => 1 / (k + 1));
    const sum = weights.reduce((a, b) => a + b, 0);
    await ingest(
      generateEvents(4000, 99, (next) => {
        let x = next() * sum;
        for (let k = 0; k < extra.length; k++) if ((x -= weights[k]) < 0) return extra[k];
        return extra[0];
      }),
    );
    events = await countedEvents();
    const published = [1, 2, 3, ...extra.filter((id) => id !== 102)];
    const unit2 = [1, 2, ...extra.filter((id) => id !== 102)];
    let pruned = 0;
    let cases = 0;
    for (const [from, to, tz] of randomRanges(11, 21)) {
      const range = await resolveRange(sql, from, to, tz);
      for (const [ref, items] of [
        [{ kind: "SITE", id: 0 }, published],
        [{ kind: "UNIT", id: 2 }, unit2],
      ] as [ScopeRef, number[]][]) {
        const expected = expectedTop(events, items, range.lo, range.hi);
        const label = `${ref.kind} ${from}…${to} ${tz}`;
        // As if the scope were large (more than 30 items), as it is by default (all counted), and counting all.
        const found = await topItems(sql, ref, range, { maxCandidates: 30 });
        const asIs = await topItems(sql, ref, range);
        const all = await topItems(sql, ref, range, { maxCandidates: 0 });
        for (const list of [found, asIs, all]) expect(list.rows.map((r) => [r.title, r.views, r.downloads]), label).toEqual(expected);
        if (ref.kind === "UNIT") expect(asIs.counted, label).toBe(items.length);
        expect(all.counted, label).toBeNull();
        cases++;
        if (found.counted !== null && found.counted < items.length / 2) pruned++;
      }
    }
    // Most lists counted fewer than half of the items.
    expect(pruned).toBeGreaterThan(cases / 2);
  });
});
