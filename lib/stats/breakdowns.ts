// The lists of a usage dashboard beside the statistics of query.ts: the most used items of a scope
// (for an item: its files) and the referring sites, over the same range in the viewer's time zone.
//
// Like the country table of query.ts, each list adds the daily rollups of the whole UTC days inside
// the range (usage_daily's ITEM and FILE rows, usage_referrer_daily) to the raw events of the
// partial days at its two ends, read by the occurred_at index up to "data as of". So a list covers
// exactly the range the totals cover, in any zone, and never reads more than two days of events.
//
// Items' whole days come a month at a time from usage_item_monthly where the range covers most of
// a month (less the month's other days), so a range of any length reads at most about half a month
// of daily rows at each end. And only items that can reach the list are added up at all: the
// monthly sums bound what any item can have in the range (see topItems).
import type { Sql } from "../db/connection";
import { scopeEventFilter, scopeItemsSql, type ResolvedRange, type ScopeRef } from "./query";

export type TopEntry = { label: string; href: string; views: number; downloads: number };
export type Referrer = { host: string; visits: number };

const TOP = 10;
const counted = `e.counted AND NOT e.is_robot`;

const DAY_MS = 86_400_000;

/** A placeholder for a parameter's value; the SQL parts of a statement share one list. */
type Next = (value: unknown) => string;
type WholeDays = (next: Next, from: Date, to: Date) => string[];
type RawDays = (from: string, to: string, next: Next) => string;

/** The whole-day rollup rows and the raw events of the partial days, as SQL parts and parameters. */
function parts(ref: ScopeRef, range: ResolvedRange, wholeDays: WholeDays, raw: RawDays) {
  const params: unknown[] = [ref.kind, ref.id];
  const out: string[] = [];
  const next: Next = (v) => `$${params.push(v)}`;
  if (range.wholeDays) out.push(...wholeDays(next, range.fullLo, range.fullHi));
  for (const [a, b] of range.rawParts) out.push(raw(next(a), next(b), next));
  // $1 and $2 must appear in every statement, whichever parts it has.
  out.push(`SELECT NULL, 0, 0 WHERE $1::text IS NULL AND $2::int IS NULL`);
  return { sql: out.join(" UNION ALL "), params };
}

/** Most viewed published items of the scope in the range; for an item, its most downloaded files. */
export async function getTopEntries(sql: Sql, ref: ScopeRef, range: ResolvedRange): Promise<TopEntry[]> {
  if (ref.kind === "ITEM") {
    const files = `SELECT id FROM file WHERE item_id = $2`;
    const { sql: union, params } = parts(
      ref,
      range,
      (next, from, to) => [
        `SELECT scope_id, downloads, 0 FROM usage_daily
          WHERE scope = 'FILE' AND day >= ${next(utcDay(from))}::date AND day < ${next(utcDay(to))}::date AND scope_id IN (${files})`,
      ],
      (a, b) =>
        `SELECT e.file_id, count(*)::int, 0 FROM usage_event e
          WHERE e.occurred_at >= ${a} AND e.occurred_at < ${b} AND e.kind = 'FILE_DOWNLOAD' AND ${counted} AND e.file_id IN (${files})
          GROUP BY e.file_id`,
    );
    const rows = await sql.query<{ id: number; name: string; downloads: number }>(
      `SELECT f.id, f.file_name AS name, t.downloads FROM (
         SELECT file_id, sum(downloads)::int AS downloads FROM (${union}) s (file_id, downloads, unused)
          GROUP BY file_id HAVING sum(downloads) > 0) t
       JOIN file f ON f.id = t.file_id ORDER BY t.downloads DESC, f.position, f.id LIMIT ${TOP}`,
      params,
    );
    return rows.map((r) => ({ label: r.name, href: `/files/${r.id}/${encodeURIComponent(r.name)}`, views: r.downloads, downloads: r.downloads }));
  }
  const { rows } = await topItems(sql, ref, range);
  return rows.map((r) => ({ label: r.title, href: `/handle/${r.handle}`, views: r.views, downloads: r.downloads }));
}

type ItemRow = { item_id: number; handle: string; title: string; views: number; downloads: number };

/** Items counted exactly to find the ten; beyond this many, every item of the scope is added up. */
const MAX_CANDIDATES = 2000;

/**
 * The ten most viewed published items of a scope (not an item) in the range, and how many items
 * were counted to find them (null: all of the scope's).
 *
 * An item's views in the range are at most the sum of its monthly views over the months the range
 * touches (S). Some items are counted exactly first — each month's ten most viewed — and the tenth
 * of them sets a bar τ that the list's tenth place reaches at least. An item below τ / |S| in every
 * month of S has less than τ in all, so it cannot be on the list; the others (an index range of
 * each month, few where usage is as uneven as it is) are counted exactly, and the ten are among
 * them. Where too many items pass, all are added up.
 */
export async function topItems(
  sql: Sql,
  ref: ScopeRef,
  range: ResolvedRange,
  { maxCandidates = MAX_CANDIDATES } = {},
): Promise<{ rows: ItemRow[]; counted: number | null }> {
  // Only the months with usage are read (an open range starts in 1900).
  const [held] = await sql.query<{ first: string | null; last: string | null }>(
    `SELECT to_char(min(month), 'YYYY-MM-DD') AS first, to_char(max(month), 'YYYY-MM-DD') AS last FROM usage_item_monthly`,
  );
  if (!held.first || !held.last || !range.asOf) return { rows: [], counted: 0 };
  const usage: Span = [new Date(`${held.first}T00:00:00Z`), addMonths(new Date(`${held.last}T00:00:00Z`), 1)];
  const dataEnd = dayAfter(range.hi < range.asOf ? range.hi : range.asOf);
  const months = monthsBetween(...clamp([range.lo, range.hi], usage));
  if (months.length === 0) return { rows: [], counted: 0 };
  const scope = await scopeMembers(sql, ref, maxCandidates);
  if (scope.items) return { rows: await countItems(sql, ref, range, usage, dataEnd, scope.items), counted: scope.items.length };
  const member = scope.member("u.item_id");
  const seeds = await sql.query<{ item_id: number }>(
    `SELECT DISTINCT t.item_id FROM unnest($1::date[]) AS m (month) CROSS JOIN LATERAL (
       SELECT u.item_id FROM usage_item_monthly u
        WHERE u.month = m.month AND ${member} AND EXISTS (SELECT 1 FROM item i WHERE i.id = u.item_id AND i.status = 'PUBLISHED')
        ORDER BY u.views DESC, u.item_id LIMIT ${TOP}) t`,
    [months, scope.param],
  );
  const first = await countItems(sql, ref, range, usage, dataEnd, seeds.map((r) => r.item_id));
  const bar = first.length < TOP ? 1 : first[TOP - 1].views;
  const passing = await sql.query<{ item_id: number }>(
    `SELECT DISTINCT u.item_id FROM usage_item_monthly u WHERE u.month = ANY ($1::date[]) AND u.views >= $3 AND ${member}
      LIMIT ${maxCandidates + 1}`,
    [months, scope.param, Math.ceil(bar / months.length)],
  );
  if (passing.length > maxCandidates) return { rows: await countItems(sql, ref, range, usage, dataEnd, null), counted: null };
  const candidates = [...new Set([...seeds, ...passing].map((r) => r.item_id))];
  return { rows: await countItems(sql, ref, range, usage, dataEnd, candidates), counted: candidates.length };
}

/**
 * Who belongs to a scope, for topItems: `member(column)` tests one item by index lookups (with
 * `param` as $2), for the few items the list tests; `items` are the scope's published items when
 * there are at most `limit`, which are then simply all counted.
 */
async function scopeMembers(
  sql: Sql,
  ref: ScopeRef,
  limit: number,
): Promise<{ member: (column: string) => string; param: number[]; items: number[] | null }> {
  // $2 must appear in every statement, also where the test is trivial.
  if (ref.kind === "SITE") return { member: () => `$2::int[] IS NOT NULL`, param: [], items: null };
  if (ref.kind === "ITEM") return { member: (column) => `${column} = ANY ($2::int[])`, param: [ref.id], items: [ref.id] };
  let member: (column: string) => string;
  let list: string;
  let param: number[];
  if (ref.kind === "RESEARCHER") {
    param = [ref.id];
    member = (column) => `EXISTS (SELECT 1 FROM contributor c WHERE c.item_id = ${column} AND c.researcher_id = ANY ($2::int[]))`;
    list = `SELECT DISTINCT c.item_id FROM contributor c WHERE c.researcher_id = ANY ($1::int[])`;
  } else {
    // A unit holds the collections of it and of every unit below it.
    const collections =
      ref.kind === "COLLECTION"
        ? [ref.id]
        : (
            await sql.query<{ id: number }>(
              `WITH RECURSIVE sub (id) AS (SELECT id FROM unit WHERE id = $1 UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id)
               SELECT c.id FROM collection c JOIN sub ON sub.id = c.unit_id`,
              [ref.id],
            )
          ).map((r) => r.id);
    param = collections;
    // A scalar subquery: looked up item by item, never planned as a hash of every item in the unit.
    member = (column) =>
      `((SELECT i.collection_id FROM item i WHERE i.id = ${column}) = ANY ($2::int[])
        OR EXISTS (SELECT 1 FROM item_collection ic WHERE ic.item_id = ${column} AND ic.collection_id = ANY ($2::int[])))`;
    // Items in the collections' own list first: a large scope stops there after limit + 1.
    list = `(SELECT id FROM item WHERE collection_id = ANY ($1::int[]) AND status = 'PUBLISHED' LIMIT ${limit + 1})
            UNION SELECT item_id FROM item_collection WHERE collection_id = ANY ($1::int[])`;
  }
  const rows = await sql.query<{ id: number }>(
    `SELECT s.id FROM (${list}) s (id) WHERE EXISTS (SELECT 1 FROM item i WHERE i.id = s.id AND i.status = 'PUBLISHED') LIMIT ${limit + 1}`,
    [param],
  );
  return { member, param, items: rows.length <= limit ? rows.map((r) => r.id) : null };
}

/**
 * The ten most viewed published items of the scope in the range, counted exactly, among
 * `candidates` (null: every item of the scope). Whole days are read from the monthly sums where a
 * month is mostly inside the range (less its days outside it), else from the daily rows; the
 * partial days at the ends from the raw events. No day outside `usage` (the months with usage)
 * holds rows, nor, yet, any after `dataEnd` (the day after "data as of").
 */
async function countItems(
  sql: Sql,
  ref: ScopeRef,
  range: ResolvedRange,
  usage: Span,
  dataEnd: Date,
  candidates: number[] | null,
): Promise<ItemRow[]> {
  if (candidates?.length === 0) return [];
  let only: string | undefined;
  // Without candidates, the scope's items are found once for the statement, not in each part.
  const scopeItems = candidates ? null : scopeItemsSql(ref.kind);
  /** The candidates (all of the scope's) or the scope's items as a condition on `column`. */
  const items = (next: Next, column: string) =>
    candidates
      ? `${column} = ANY (${(only ??= next(candidates))}::int[])`
      : scopeItems
        ? `${column} IN (SELECT id FROM scope_items)`
        : `${column} IS NOT NULL`;
  const { sql: union, params } = parts(
    ref,
    range,
    (next, from, to) => {
      const days = (a: Date, b: Date, sign = "") =>
        `SELECT scope_id, ${sign}views, ${sign}downloads FROM usage_daily
          WHERE scope = 'ITEM' AND day >= ${next(utcDay(a))}::date AND day < ${next(utcDay(b))}::date AND ${items(next, "scope_id")}`;
      const out: string[] = [];
      [from, to] = clamp([from, to], usage);
      for (const month of monthsBetween(from, to)) {
        const monthEnd = addMonths(month, 1);
        const lo = from > month ? from : month;
        const hi = to < monthEnd ? to : monthEnd;
        const outside = ([[month, lo], [hi, monthEnd]] as [Date, Date][]).filter(([a, b]) => a < b);
        // The month's days outside the range, of those that hold data (none after dataEnd).
        const outsideDays = outside.reduce((n, [a, b]) => n + Math.max(0, (Math.min(b.getTime(), dataEnd.getTime()) - a.getTime()) / DAY_MS), 0);
        if (outsideDays < (hi.getTime() - lo.getTime()) / DAY_MS) {
          out.push(`SELECT item_id, views, downloads FROM usage_item_monthly WHERE month = ${next(utcDay(month))}::date AND ${items(next, "item_id")}`);
          for (const [a, b] of outside) out.push(days(a, b, "-"));
        } else {
          out.push(days(lo, hi));
        }
      }
      return out;
    },
    (a, b, next) =>
      `SELECT e.item_id, (count(*) FILTER (WHERE ${counted}))::int, (count(*) FILTER (WHERE ${counted} AND e.kind = 'FILE_DOWNLOAD'))::int
         FROM usage_event e
        WHERE e.occurred_at >= ${a} AND e.occurred_at < ${b} AND e.kind IN ('ITEM_VIEW', 'FILE_DOWNLOAD') AND ${items(next, "e.item_id")}
        GROUP BY e.item_id`,
  );
  const query = (tx: Sql) =>
    tx.query<ItemRow>(
      // Items are looked up in order of their views until ten are published, not all of them first.
      `${scopeItems ? `WITH scope_items (id) AS MATERIALIZED (${scopeItems})` : ""}
       SELECT t.item_id, i.handle, i.title, t.views, t.downloads FROM (
         SELECT item_id, sum(views)::int AS views, sum(downloads)::int AS downloads FROM (${union}) s (item_id, views, downloads)
          GROUP BY item_id HAVING sum(views) > 0
          ORDER BY 2 DESC, 1) t
       CROSS JOIN LATERAL (SELECT handle, title FROM item WHERE id = t.item_id AND status = 'PUBLISHED') i
       ORDER BY t.views DESC, t.item_id LIMIT ${TOP}`,
      params,
    );
  return candidates ? query(sql) : largeAggregate(sql, query);
}

/**
 * Runs `query` with room to add up every item of the site in memory: a site's list groups up to a
 * row per item, which spills to disk (and is several times slower) at PostgreSQL's default work_mem.
 */
async function largeAggregate<T>(sql: Sql, query: (tx: Sql) => Promise<T>): Promise<T> {
  if (sql.kind !== "postgres") return query(sql);
  return sql.transaction(async (tx) => {
    await tx.exec(`SET LOCAL work_mem = '64MB'`);
    return query(tx);
  });
}

/** [from, to) instants. */
type Span = [Date, Date];

/** The part of `span` inside `within` (empty when from ≥ to). */
function clamp([from, to]: Span, [lo, hi]: Span): Span {
  return [from > lo ? from : lo, to < hi ? to : hi];
}

/** The first day of each UTC month from that of `from` to that of the day before `to`. */
function monthsBetween(from: Date, to: Date): Date[] {
  const out: Date[] = [];
  for (let m = addMonths(from, 0); m < to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The first day of the UTC month `n` months after that of `d`. */
function addMonths(d: Date, n: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
}

/** UTC midnight after the instant `d`'s day. */
function dayAfter(d: Date): Date {
  return new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS + DAY_MS);
}

/** "YYYY-MM-DD" of a UTC midnight. */
function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Referring sites of the scope's counted, non-robot events in the range: its items' views and
 * downloads and, for a researcher or unit, its own page's views (the site has every page's).
 */
export async function getReferrers(sql: Sql, ref: ScopeRef, range: ResolvedRange): Promise<Referrer[]> {
  const pages = {
    SITE: `e.kind IN ('RESEARCHER_VIEW', 'UNIT_VIEW')`,
    RESEARCHER: `e.kind = 'RESEARCHER_VIEW' AND e.researcher_id = $2`,
    UNIT: `e.kind = 'UNIT_VIEW' AND e.unit_id = $2`,
    ITEM: `false`,
    COLLECTION: `false`,
  }[ref.kind];
  const { sql: union, params } = parts(
    ref,
    range,
    (next, from, to) => [
      `SELECT host, visits, 0 FROM usage_referrer_daily
        WHERE scope = $1::usage_scope AND scope_id = $2 AND day >= ${next(utcDay(from))}::date AND day < ${next(utcDay(to))}::date`,
    ],
    (a, b) =>
      `SELECT e.referrer_host, count(*)::int, 0 FROM usage_event e
        WHERE e.occurred_at >= ${a} AND e.occurred_at < ${b} AND ${counted} AND e.referrer_host IS NOT NULL AND e.referrer_host <> ''
          AND ((e.kind IN ('ITEM_VIEW', 'FILE_DOWNLOAD') AND ${scopeEventFilter(ref.kind, "e.item_id")}) OR (${pages}))
        GROUP BY e.referrer_host`,
  );
  return sql.query<Referrer>(
    `SELECT host, sum(visits)::int AS visits FROM (${union}) s (host, visits, unused)
      WHERE host IS NOT NULL GROUP BY host ORDER BY visits DESC, host LIMIT ${TOP}`,
    params,
  );
}

/**
 * Views of a researcher's or unit's own page (for the site: of every such page) in the range, from
 * usage_hourly. Not part of `views`, which roll up from items (DESIGN.md §4); null for an item or
 * a collection, which have no such page.
 */
export async function getPageViews(sql: Sql, ref: ScopeRef, range: ResolvedRange): Promise<number | null> {
  if (ref.kind === "ITEM" || ref.kind === "COLLECTION") return null;
  const [row] = await sql.query<{ n: number }>(
    `SELECT coalesce(sum(page_views), 0)::int AS n FROM usage_hourly
      WHERE scope = $1::usage_scope AND scope_id = $2 AND hour >= $3 AND hour < $4`,
    [ref.kind, ref.id, range.lo, range.hi],
  );
  return row.n;
}
