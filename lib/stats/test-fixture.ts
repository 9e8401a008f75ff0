// Test fixture for the usage rollups: a hand-made set of units, collections, items,
// contributors and events whose every rollup row is worked out below.
import type { Sql } from "../db/connection";

// Unit tree:  1 institute › 2 division A › 3 group A1, 4 group A2;  1 › 5 division B › 6 group B1
// Collections: 1, 2 in unit 3; 3 in unit 4; 4 in unit 6.
// Items: 1 owned by collection 1, mapped into 2 (same unit) and 4 (other branch);
//        2 owned by 3; 3 owned by 4.   Files: 1, 2 of item 1; 3 of item 2.
// Researchers: 1 is contributor twice on item 1 and once on item 2; 2 on item 3.
export const D1 = "2026-03-02";
export const D2 = "2026-03-03";

export type EventSpec = {
  kind: "ITEM_VIEW" | "FILE_DOWNLOAD" | "RESEARCHER_VIEW" | "UNIT_VIEW";
  at: string;
  item?: number;
  file?: number;
  researcher?: number;
  unit?: number;
  visitor?: string | null;
  country?: string | null;
  robot?: boolean;
  counted?: boolean;
  referrer?: string | null;
};

export const EVENTS: EventSpec[] = [
  // Item 1, day 1, KR: visitor v1 in hours 10 and 11.
  { kind: "ITEM_VIEW", at: `${D1}T10:05:00Z`, item: 1, visitor: "v1", country: "KR" },
  { kind: "ITEM_VIEW", at: `${D1}T10:05:10Z`, item: 1, visitor: "v1", country: "KR", counted: false }, // double click
  { kind: "ITEM_VIEW", at: `${D1}T10:40:00Z`, item: 1, visitor: "v1", country: "KR" },
  { kind: "ITEM_VIEW", at: `${D1}T11:10:00Z`, item: 1, visitor: "v1", country: "KR" },
  { kind: "FILE_DOWNLOAD", at: `${D1}T11:12:00Z`, item: 1, file: 1, visitor: "v1", country: "KR" },
  { kind: "FILE_DOWNLOAD", at: `${D1}T11:20:00Z`, item: 1, file: 2, visitor: "v1", country: "KR" },
  // Item 1, day 1, US: one visitor and two events without a visitor hash (a session each).
  { kind: "ITEM_VIEW", at: `${D1}T10:30:00Z`, item: 1, visitor: "v2", country: "US" },
  { kind: "ITEM_VIEW", at: `${D1}T10:31:00Z`, item: 1, visitor: null, country: "US" },
  { kind: "ITEM_VIEW", at: `${D1}T10:32:00Z`, item: 1, visitor: null, country: "US" },
  // Robots: counted apart.
  { kind: "ITEM_VIEW", at: `${D1}T12:00:00Z`, item: 1, visitor: "r1", country: "US", robot: true },
  { kind: "FILE_DOWNLOAD", at: `${D1}T12:01:00Z`, item: 1, file: 1, visitor: "r1", country: "US", robot: true },
  // Unknown country.
  { kind: "ITEM_VIEW", at: `${D1}T13:00:00Z`, item: 1, visitor: "v3", country: null },
  // Item 2, day 1, KR: the same visitor v1, same hour as on item 1 — a session of its own item.
  { kind: "ITEM_VIEW", at: `${D1}T10:20:00Z`, item: 2, visitor: "v1", country: "KR" },
  { kind: "FILE_DOWNLOAD", at: `${D1}T10:25:00Z`, item: 2, file: 3, visitor: "v1", country: "KR" },
  { kind: "FILE_DOWNLOAD", at: `${D1}T10:25:05Z`, item: 2, file: 3, visitor: "v1", country: "KR", counted: false },
  // Item 3 across the UTC day boundary, and an uncounted robot (still a robot hit).
  { kind: "ITEM_VIEW", at: `${D1}T23:59:59.999Z`, item: 3, visitor: "v4", country: "JP" },
  { kind: "ITEM_VIEW", at: `${D2}T00:00:40.000Z`, item: 3, visitor: "v4", country: "JP" }, // 40 s later: no double click
  { kind: "ITEM_VIEW", at: `${D2}T01:00:00Z`, item: 3, visitor: "r2", country: null, robot: true, counted: false },
  // Profile pages.
  { kind: "RESEARCHER_VIEW", at: `${D1}T09:00:00Z`, researcher: 1, visitor: "v5", country: "KR" },
  { kind: "RESEARCHER_VIEW", at: `${D1}T09:00:03Z`, researcher: 1, visitor: "v5", country: "KR", counted: false },
  { kind: "RESEARCHER_VIEW", at: `${D1}T09:30:00Z`, researcher: 1, visitor: "r1", country: "US", robot: true },
  { kind: "UNIT_VIEW", at: `${D1}T14:00:00Z`, unit: 3, visitor: "v2", country: "US" },
  { kind: "UNIT_VIEW", at: `${D2}T15:00:00Z`, unit: 1, visitor: "v6", country: "DE" },
];

// [views, uniqueViews, downloads, uniqueDownloads, pageViews, robotHits]
export type Counts = [number, number, number, number, number, number];
export type Expected = Record<string, Counts>; // "SCOPE:id:day:country"

export const I1_D1_KR: Counts = [5, 2, 2, 1, 0, 0];
export const I1_D1_US: Counts = [3, 3, 0, 0, 0, 2];
export const I1_D1_XX: Counts = [1, 1, 0, 0, 0, 0];
export const I2_D1_KR: Counts = [2, 1, 1, 1, 0, 0];
export const I3_D1_JP: Counts = [1, 1, 0, 0, 0, 0];
export const I3_D2_JP: Counts = [1, 1, 0, 0, 0, 0];
export const I3_D2_XX: Counts = [0, 0, 0, 0, 0, 1];
const add = (...cs: Counts[]): Counts => cs.reduce((a, c) => a.map((v, i) => v + c[i]) as Counts, [0, 0, 0, 0, 0, 0]);

function rowsOf(scope: string, id: number, byDayCountry: Record<string, Counts>): Expected {
  return Object.fromEntries(Object.entries(byDayCountry).map(([k, v]) => [`${scope}:${id}:${k}`, v]));
}

export const EXPECTED: Expected = {
  ...rowsOf("ITEM", 1, { [`${D1}:KR`]: I1_D1_KR, [`${D1}:US`]: I1_D1_US, [`${D1}:--`]: I1_D1_XX }),
  ...rowsOf("ITEM", 2, { [`${D1}:KR`]: I2_D1_KR }),
  ...rowsOf("ITEM", 3, { [`${D1}:JP`]: I3_D1_JP, [`${D2}:JP`]: I3_D2_JP, [`${D2}:--`]: I3_D2_XX }),
  // Files: downloads only (a download is also a view).
  ...rowsOf("FILE", 1, { [`${D1}:KR`]: [1, 1, 1, 1, 0, 0], [`${D1}:US`]: [0, 0, 0, 0, 0, 1] }),
  ...rowsOf("FILE", 2, { [`${D1}:KR`]: [1, 1, 1, 1, 0, 0] }),
  ...rowsOf("FILE", 3, { [`${D1}:KR`]: [1, 1, 1, 1, 0, 0] }),
  // Collections: item 1 in 1 (owning), 2 and 4 (mapped); item 2 in 3; item 3 in 4.
  ...rowsOf("COLLECTION", 1, { [`${D1}:KR`]: I1_D1_KR, [`${D1}:US`]: I1_D1_US, [`${D1}:--`]: I1_D1_XX }),
  ...rowsOf("COLLECTION", 2, { [`${D1}:KR`]: I1_D1_KR, [`${D1}:US`]: I1_D1_US, [`${D1}:--`]: I1_D1_XX }),
  ...rowsOf("COLLECTION", 3, { [`${D1}:KR`]: I2_D1_KR }),
  ...rowsOf("COLLECTION", 4, {
    [`${D1}:KR`]: I1_D1_KR,
    [`${D1}:US`]: I1_D1_US,
    [`${D1}:--`]: I1_D1_XX,
    [`${D1}:JP`]: I3_D1_JP,
    [`${D2}:JP`]: I3_D2_JP,
    [`${D2}:--`]: I3_D2_XX,
  }),
  // Units: item 1 once in unit 3 although in two of its collections; unit pages do not roll up.
  ...rowsOf("UNIT", 3, {
    [`${D1}:KR`]: I1_D1_KR,
    [`${D1}:US`]: add(I1_D1_US, [0, 0, 0, 0, 1, 0]),
    [`${D1}:--`]: I1_D1_XX,
  }),
  ...rowsOf("UNIT", 4, { [`${D1}:KR`]: I2_D1_KR }),
  ...rowsOf("UNIT", 2, { [`${D1}:KR`]: add(I1_D1_KR, I2_D1_KR), [`${D1}:US`]: I1_D1_US, [`${D1}:--`]: I1_D1_XX }),
  ...rowsOf("UNIT", 6, {
    [`${D1}:KR`]: I1_D1_KR,
    [`${D1}:US`]: I1_D1_US,
    [`${D1}:--`]: I1_D1_XX,
    [`${D1}:JP`]: I3_D1_JP,
    [`${D2}:JP`]: I3_D2_JP,
    [`${D2}:--`]: I3_D2_XX,
  }),
  ...rowsOf("UNIT", 5, {
    [`${D1}:KR`]: I1_D1_KR,
    [`${D1}:US`]: I1_D1_US,
    [`${D1}:--`]: I1_D1_XX,
    [`${D1}:JP`]: I3_D1_JP,
    [`${D2}:JP`]: I3_D2_JP,
    [`${D2}:--`]: I3_D2_XX,
  }),
  // The institute: item 1 reaches it along two branches and still counts once.
  ...rowsOf("UNIT", 1, {
    [`${D1}:KR`]: add(I1_D1_KR, I2_D1_KR),
    [`${D1}:US`]: I1_D1_US,
    [`${D1}:--`]: I1_D1_XX,
    [`${D1}:JP`]: I3_D1_JP,
    [`${D2}:JP`]: I3_D2_JP,
    [`${D2}:--`]: I3_D2_XX,
    [`${D2}:DE`]: [0, 0, 0, 0, 1, 0],
  }),
  // Researcher 1: item 1 once (two author slots), item 2, own page views and robot hits.
  ...rowsOf("RESEARCHER", 1, {
    [`${D1}:KR`]: add(I1_D1_KR, I2_D1_KR, [0, 0, 0, 0, 1, 0]),
    [`${D1}:US`]: add(I1_D1_US, [0, 0, 0, 0, 0, 1]),
    [`${D1}:--`]: I1_D1_XX,
  }),
  ...rowsOf("RESEARCHER", 2, { [`${D1}:JP`]: I3_D1_JP, [`${D2}:JP`]: I3_D2_JP, [`${D2}:--`]: I3_D2_XX }),
  ...rowsOf("SITE", 0, {
    [`${D1}:KR`]: add(I1_D1_KR, I2_D1_KR, [0, 0, 0, 0, 1, 0]),
    [`${D1}:US`]: add(I1_D1_US, [0, 0, 0, 0, 1, 1]),
    [`${D1}:--`]: I1_D1_XX,
    [`${D1}:JP`]: I3_D1_JP,
    [`${D2}:JP`]: I3_D2_JP,
    [`${D2}:--`]: I3_D2_XX,
    [`${D2}:DE`]: [0, 0, 0, 0, 1, 0],
  }),
};

export async function insertFixture(sql: Sql, options: { events?: boolean } = {}) {
  const t = "2026-01-01T00:00:00Z";
  await sql.query(
    `INSERT INTO unit (id, slug, name, parent_id, updated_at)
     SELECT * FROM unnest($1::int[], $2::text[], $2::text[], $3::int[], $4::timestamptz[])`,
    [[1, 2, 3, 4, 5, 6], ["inst", "div-a", "grp-a1", "grp-a2", "div-b", "grp-b1"], [null, 1, 2, 2, 1, 5], Array(6).fill(t)],
  );
  await sql.query(
    `INSERT INTO collection (id, slug, name, unit_id, updated_at)
     SELECT * FROM unnest($1::int[], $2::text[], $2::text[], $3::int[], $4::timestamptz[])`,
    [[1, 2, 3, 4], ["a1-articles", "a1-data", "a2-articles", "b1-articles"], [3, 3, 4, 6], Array(4).fill(t)],
  );
  await sql.query(
    `INSERT INTO item (id, handle, type, status, title, collection_id, updated_at)
     SELECT u.id, 'test/' || u.id, 'JOURNAL_ARTICLE', 'PUBLISHED', 'Item ' || u.id, u.c, $3::timestamptz
       FROM unnest($1::int[], $2::int[]) AS u(id, c)`,
    [[1, 2, 3], [1, 3, 4], t],
  );
  await sql.query(`INSERT INTO item_collection (item_id, collection_id) VALUES (1, 2), (1, 4)`);
  await sql.query(
    `INSERT INTO file (id, item_id, file_name, mime_type, size, sha256, storage_key, updated_at)
     SELECT u.id, u.item, 'f' || u.id || '.pdf', 'application/pdf', 1, repeat('0', 64), 'k' || u.id, $3::timestamptz
       FROM unnest($1::int[], $2::int[]) AS u(id, item)`,
    [[1, 2, 3], [1, 1, 2], t],
  );
  await sql.query(
    `INSERT INTO researcher (id, slug, display_name, updated_at)
     VALUES (1, 'one', 'One, Researcher', $1), (2, 'two', 'Two, Researcher', $1)`,
    [t],
  );
  await sql.query(
    `INSERT INTO contributor (item_id, position, name, role, researcher_id) VALUES
       (1, 0, 'One, Researcher', 'AUTHOR', 1), (1, 1, 'Other, Person', 'AUTHOR', NULL),
       (1, 2, 'One, R.', 'EDITOR', 1), (2, 0, 'One, Researcher', 'AUTHOR', 1), (3, 0, 'Two, Researcher', 'AUTHOR', 2)`,
  );
  if (options.events !== false) await insertEvents(sql, EVENTS);
}

export async function insertEvents(sql: Sql, events: EventSpec[]) {
  await sql.query(
    `INSERT INTO usage_event (kind, occurred_at, item_id, file_id, researcher_id, unit_id, visitor_hash, country, is_robot, counted, referrer_host)
     SELECT kind::usage_event_kind, at, item, file, researcher, unit, visitor, country, robot, counted, referrer
       FROM unnest($1::text[], $2::timestamptz[], $3::int[], $4::int[], $5::int[], $6::int[],
                   $7::text[], $8::text[], $9::boolean[], $10::boolean[], $11::text[])
            AS u(kind, at, item, file, researcher, unit, visitor, country, robot, counted, referrer)`,
    [
      events.map((e) => e.kind),
      events.map((e) => e.at),
      events.map((e) => e.item ?? null),
      events.map((e) => e.file ?? null),
      events.map((e) => e.researcher ?? null),
      events.map((e) => e.unit ?? null),
      events.map((e) => (e.visitor === undefined ? null : e.visitor)),
      events.map((e) => (e.country === undefined ? null : e.country)),
      events.map((e) => e.robot ?? false),
      events.map((e) => e.counted ?? true),
      events.map((e) => e.referrer ?? null),
    ],
  );
}

export type DailyRow = {
  scope: string;
  scope_id: number;
  day: string;
  country: string;
  views: number;
  unique_views: number;
  downloads: number;
  unique_downloads: number;
  page_views: number;
  robot_hits: number;
};

export async function readDaily(sql: Sql): Promise<Expected> {
  const rows = await sql.query<DailyRow>(
    `SELECT scope::text, scope_id, to_char(day, 'YYYY-MM-DD') AS day, country,
            views, unique_views, downloads, unique_downloads, page_views, robot_hits
       FROM usage_daily ORDER BY scope, scope_id, day, country`,
  );
  return Object.fromEntries(
    rows.map((r) => [
      `${r.scope}:${r.scope_id}:${r.day}:${r.country}`,
      [r.views, r.unique_views, r.downloads, r.unique_downloads, r.page_views, r.robot_hits].map(Number) as Counts,
    ]),
  );
}

