// The referrer rollup (rebuild and worker, every scope, exact rows) and the dashboard lists over a
// range in a time zone (whole UTC days from the rollups, the partial days from the events), on
// the hand-made structure of ./test-fixture.ts with events of their own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../db/connection";
import { migrate, readMigrations } from "../db/migrate";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { getPageViews, getReferrers, getTopEntries } from "./breakdowns";
import { writeEventBatch } from "./ingest";
import { resolveRange, type ScopeRef } from "./query";
import { rebuildUsageRollups } from "./rollup";
import { D1, D2, insertEvents, insertFixture, type EventSpec } from "./test-fixture";
import { drainPendingUsage } from "./worker";

const D3 = "2026-03-04";
const SCHOLAR = "scholar.google.com";
const NAVER = "www.naver.com";
const KBRI = "www.kbri.re.kr";

// Items: 1 in collections 1, 2 (unit 3) and 4 (unit 6); 2 in collection 3 (unit 4); 3 in
// collection 4 (unit 6). Units: 1 › 2 › 3, 4; 1 › 5 › 6. Researcher 1 on items 1 and 2, 2 on item 3.
const EVENTS: EventSpec[] = [
  { kind: "ITEM_VIEW", at: `${D1}T10:00:00Z`, item: 1, visitor: "v1", referrer: SCHOLAR },
  { kind: "ITEM_VIEW", at: `${D1}T10:00:10Z`, item: 1, visitor: "v1", referrer: SCHOLAR, counted: false }, // double click
  { kind: "FILE_DOWNLOAD", at: `${D1}T11:00:00Z`, item: 1, file: 1, visitor: "v1", referrer: SCHOLAR },
  { kind: "ITEM_VIEW", at: `${D1}T13:00:00Z`, item: 1, visitor: "v7", referrer: "" }, // counts as a view, has no referrer
  { kind: "ITEM_VIEW", at: `${D1}T12:00:00Z`, item: 2, visitor: "v2", referrer: NAVER },
  { kind: "ITEM_VIEW", at: `${D1}T23:30:00Z`, item: 3, visitor: "v3", referrer: NAVER }, // 08:30 on D2 in Seoul
  { kind: "ITEM_VIEW", at: `${D2}T01:00:00Z`, item: 3, visitor: "r1", referrer: "bot.example", robot: true },
  { kind: "RESEARCHER_VIEW", at: `${D1}T09:00:00Z`, researcher: 1, visitor: "v4", referrer: "orcid.org" },
  { kind: "UNIT_VIEW", at: `${D2}T14:00:00Z`, unit: 3, visitor: "v5", referrer: KBRI }, // 23:00 on D2 in Seoul
  { kind: "UNIT_VIEW", at: `${D2}T16:00:00Z`, unit: 1, visitor: "v6", referrer: KBRI }, // 01:00 on D3 in Seoul
  { kind: "ITEM_VIEW", at: `${D2}T15:30:00Z`, item: 2, visitor: "v8", referrer: SCHOLAR }, // 00:30 on D3 in Seoul
];

// "SCOPE:id:day:host" → visits. Unit pages count for that unit only; items reach every ancestor once.
const EXPECTED: Record<string, number> = {
  [`ITEM:1:${D1}:${SCHOLAR}`]: 2,
  [`ITEM:2:${D1}:${NAVER}`]: 1,
  [`ITEM:2:${D2}:${SCHOLAR}`]: 1,
  [`ITEM:3:${D1}:${NAVER}`]: 1,
  [`COLLECTION:1:${D1}:${SCHOLAR}`]: 2,
  [`COLLECTION:2:${D1}:${SCHOLAR}`]: 2,
  [`COLLECTION:3:${D1}:${NAVER}`]: 1,
  [`COLLECTION:3:${D2}:${SCHOLAR}`]: 1,
  [`COLLECTION:4:${D1}:${NAVER}`]: 1,
  [`COLLECTION:4:${D1}:${SCHOLAR}`]: 2,
  [`UNIT:1:${D1}:${NAVER}`]: 2,
  [`UNIT:1:${D1}:${SCHOLAR}`]: 2,
  [`UNIT:1:${D2}:${KBRI}`]: 1,
  [`UNIT:1:${D2}:${SCHOLAR}`]: 1,
  [`UNIT:2:${D1}:${NAVER}`]: 1,
  [`UNIT:2:${D1}:${SCHOLAR}`]: 2,
  [`UNIT:2:${D2}:${SCHOLAR}`]: 1,
  [`UNIT:3:${D1}:${SCHOLAR}`]: 2,
  [`UNIT:3:${D2}:${KBRI}`]: 1,
  [`UNIT:4:${D1}:${NAVER}`]: 1,
  [`UNIT:4:${D2}:${SCHOLAR}`]: 1,
  [`UNIT:5:${D1}:${NAVER}`]: 1,
  [`UNIT:5:${D1}:${SCHOLAR}`]: 2,
  [`UNIT:6:${D1}:${NAVER}`]: 1,
  [`UNIT:6:${D1}:${SCHOLAR}`]: 2,
  [`RESEARCHER:1:${D1}:${NAVER}`]: 1,
  [`RESEARCHER:1:${D1}:orcid.org`]: 1,
  [`RESEARCHER:1:${D1}:${SCHOLAR}`]: 2,
  [`RESEARCHER:1:${D2}:${SCHOLAR}`]: 1,
  [`RESEARCHER:2:${D1}:${NAVER}`]: 1,
  [`SITE:0:${D1}:${NAVER}`]: 2,
  [`SITE:0:${D1}:orcid.org`]: 1,
  [`SITE:0:${D1}:${SCHOLAR}`]: 2,
  [`SITE:0:${D2}:${KBRI}`]: 2,
  [`SITE:0:${D2}:${SCHOLAR}`]: 1,
};

async function readReferrerRows(sql: Sql): Promise<Record<string, number>> {
  const rows = await sql.query<{ key: string; visits: number }>(
    `SELECT scope::text || ':' || scope_id || ':' || to_char(day, 'YYYY-MM-DD') || ':' || host AS key, visits
       FROM usage_referrer_daily ORDER BY scope, scope_id, day, host`,
  );
  return Object.fromEntries(rows.map((r) => [r.key, Number(r.visits)]));
}

let db: TestDatabase;
let sql: Sql;

beforeAll(async () => {
  db = await createTestDatabase();
  sql = db.sql;
  await insertFixture(sql, { events: false });
});
afterAll(async () => {
  await db?.close();
});

const SITE: ScopeRef = { kind: "SITE", id: 0 };
const lists = async (ref: ScopeRef, from: string, to: string, tz: string) => {
  const range = await resolveRange(sql, from, to, tz);
  const [top, referrers] = await Promise.all([getTopEntries(sql, ref, range), getReferrers(sql, ref, range)]);
  return { top: top.map((t) => [t.label, t.views, t.downloads]), referrers: referrers.map((r) => [r.host, r.visits]) };
};

// Ties are listed by host name.
describe(`referrer rollup and dashboard lists (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it("the worker builds exactly the worked-out referrer rows, and a rebuild gives the same", async () => {
    await writeEventBatch(
      sql,
      EVENTS.filter((e) => e.counted !== false).map((e) => ({
        kind: e.kind,
        itemId: e.item ?? null,
        fileId: e.file ?? null,
        researcherId: e.researcher ?? null,
        unitId: e.unit ?? null,
        visitorHash: e.visitor ?? null,
        country: "KR",
        isRobot: e.robot ?? false,
        referrerHost: e.referrer ?? null,
        at: new Date(e.at),
      })),
    );
    // The double click, stored as it arrives: the ingest rules fold it.
    const [click] = await writeEventBatch(sql, [
      { kind: "ITEM_VIEW", itemId: 1, visitorHash: "v1", country: "KR", isRobot: false, referrerHost: SCHOLAR, at: new Date(`${D1}T10:00:10Z`) },
    ]);
    expect(click.counted).toBe(false);
    expect(await drainPendingUsage(sql)).toBe(EVENTS.length);
    expect(await readReferrerRows(sql)).toEqual(EXPECTED);
    await rebuildUsageRollups(sql);
    expect(await readReferrerRows(sql)).toEqual(EXPECTED);
  });

  it("a rebuild from the events alone gives the worked-out rows, and a rebuild of one day keeps the others", async () => {
    await sql.exec(`TRUNCATE usage_event, usage_pending, usage_daily, usage_hourly, usage_referrer_daily`);
    await insertEvents(sql, EVENTS);
    await rebuildUsageRollups(sql);
    expect(await readReferrerRows(sql)).toEqual(EXPECTED);
    await sql.query(`DELETE FROM usage_referrer_daily WHERE day = $1`, [D2]);
    await sql.query(`UPDATE usage_referrer_daily SET visits = 99 WHERE day = $1 AND scope = 'SITE' AND host = $2`, [D1, NAVER]);
    const day2 = new Date(`${D2}T12:00:00Z`);
    await rebuildUsageRollups(sql, { from: day2, to: day2 });
    expect(await readReferrerRows(sql)).toEqual({ ...EXPECTED, [`SITE:0:${D1}:${NAVER}`]: 99 });
    await rebuildUsageRollups(sql);
    expect(await readReferrerRows(sql)).toEqual(EXPECTED);
  });

  it("referrers and top items cover the range in the viewer's time zone", async () => {
    // UTC: D1 alone.
    expect(await lists(SITE, D1, D1, "UTC")).toEqual({
      top: [["Item 1", 3, 1], ["Item 2", 1, 0], ["Item 3", 1, 0]],
      referrers: [[SCHOLAR, 2], [NAVER, 2], ["orcid.org", 1]],
    });
    // Seoul (UTC+9): D1 is [D0 15:00, D1 15:00) UTC — item 3's view at 23:30 UTC is on D2 there.
    expect(await lists(SITE, D1, D1, "Asia/Seoul")).toEqual({
      top: [["Item 1", 3, 1], ["Item 2", 1, 0]],
      referrers: [[SCHOLAR, 2], ["orcid.org", 1], [NAVER, 1]],
    });
    // Seoul D2..D3 = [D1 15:00, D3 15:00) UTC: the whole UTC day D2 from the rollups, the evening
    // of D1 and the morning of D3 from the events.
    expect(await lists(SITE, D2, D3, "Asia/Seoul")).toEqual({
      top: [["Item 2", 1, 0], ["Item 3", 1, 0]],
      referrers: [[KBRI, 2], [SCHOLAR, 1], [NAVER, 1]],
    });
    // New York (UTC−5): D2 is [D2 05:00, D3 05:00) UTC — both unit pages and item 2's last view.
    expect(await lists(SITE, D2, D2, "America/New_York")).toEqual({ top: [["Item 2", 1, 0]], referrers: [[KBRI, 2], [SCHOLAR, 1]] });
  });

  it("each scope reads its own referrers and items", async () => {
    expect(await lists({ kind: "UNIT", id: 3 }, D1, D3, "Asia/Seoul")).toEqual({ top: [["Item 1", 3, 1]], referrers: [[SCHOLAR, 2], [KBRI, 1]] });
    expect(await lists({ kind: "UNIT", id: 1 }, D2, D2, "UTC")).toEqual({ top: [["Item 2", 1, 0]], referrers: [[SCHOLAR, 1], [KBRI, 1]] });
    expect(await lists({ kind: "RESEARCHER", id: 1 }, D1, D1, "Asia/Seoul")).toEqual({
      top: [["Item 1", 3, 1], ["Item 2", 1, 0]],
      referrers: [[SCHOLAR, 2], ["orcid.org", 1], [NAVER, 1]],
    });
    expect(await lists({ kind: "COLLECTION", id: 4 }, D1, D2, "UTC")).toEqual({ top: [["Item 1", 3, 1], ["Item 3", 1, 0]], referrers: [[SCHOLAR, 2], [NAVER, 1]] });
    // An item: its files, and its own referrers.
    expect(await lists({ kind: "ITEM", id: 1 }, D1, D1, "Asia/Seoul")).toEqual({ top: [["f1.pdf", 1, 1]], referrers: [[SCHOLAR, 2]] });
    expect(await lists({ kind: "ITEM", id: 3 }, D1, D1, "Asia/Seoul")).toEqual({ top: [], referrers: [] });
    expect(await lists({ kind: "ITEM", id: 3 }, D2, D2, "Asia/Seoul")).toEqual({ top: [], referrers: [[NAVER, 1]] });
  });

  it("page views: a researcher's or unit's own page, every such page for the site, none for items", async () => {
    const pageViews = async (ref: ScopeRef, from: string, to: string, tz: string) => getPageViews(sql, ref, await resolveRange(sql, from, to, tz));
    expect(await pageViews({ kind: "RESEARCHER", id: 1 }, D1, D1, "Asia/Seoul")).toBe(1);
    expect(await pageViews({ kind: "RESEARCHER", id: 1 }, D2, D3, "UTC")).toBe(0);
    expect(await pageViews({ kind: "UNIT", id: 1 }, D2, D2, "UTC")).toBe(1); // its own page, not unit 3's
    expect(await pageViews({ kind: "UNIT", id: 1 }, D2, D2, "Asia/Seoul")).toBe(0); // 01:00 on D3 there
    expect(await pageViews({ kind: "UNIT", id: 3 }, D2, D2, "Asia/Seoul")).toBe(1);
    expect(await pageViews(SITE, D1, D3, "Asia/Seoul")).toBe(3);
    expect(await pageViews(SITE, D2, D2, "Asia/Seoul")).toBe(1);
    expect(await pageViews({ kind: "ITEM", id: 1 }, D1, D3, "UTC")).toBeNull();
    expect(await pageViews({ kind: "COLLECTION", id: 4 }, D1, D3, "UTC")).toBeNull();
  });
});

describe(`the migration that adds the referrer rollup (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it("fills it from the events already rolled up and hands the queued ones to the worker", async () => {
    const old = await createTestDatabase({ migrated: false });
    try {
      const all = readMigrations();
      const at = all.findIndex((m) => m.name.endsWith("_add_usage_referrer_daily"));
      await migrate(old.sql, all.slice(0, at));
      await insertFixture(old.sql, { events: false });
      await insertEvents(old.sql, EVENTS);
      // One more event, still queued for the worker when the migration runs.
      const [{ id }] = await old.sql.query<{ id: string }>(
        `INSERT INTO usage_event (kind, occurred_at, item_id, visitor_hash, referrer_host) VALUES ('ITEM_VIEW', $1, 2, 'v9', $2) RETURNING id`,
        [`${D2}T20:00:00Z`, SCHOLAR],
      );
      await old.sql.query(
        `INSERT INTO usage_pending (event_id, kind, occurred_at, item_id, is_robot, counted, unique_view, unique_download, unique_file_download)
         VALUES ($1, 'ITEM_VIEW', $2, 2, false, true, true, false, false)`,
        [id, `${D2}T20:00:00Z`],
      );
      expect((await migrate(old.sql)).applied.length).toBe(all.length - at);
      expect(await readReferrerRows(old.sql)).toEqual(EXPECTED);
      expect(await drainPendingUsage(old.sql)).toBe(1);
      const withQueued = { ...EXPECTED };
      for (const key of [`ITEM:2`, `COLLECTION:3`, `UNIT:4`, `UNIT:2`, `UNIT:1`, `RESEARCHER:1`, `SITE:0`]) withQueued[`${key}:${D2}:${SCHOLAR}`] = (withQueued[`${key}:${D2}:${SCHOLAR}`] ?? 0) + 1;
      expect(await readReferrerRows(old.sql)).toEqual(withQueued);
      await rebuildUsageRollups(old.sql);
      expect(await readReferrerRows(old.sql)).toEqual(withQueued);
    } finally {
      await old.close();
    }
  });
});
