// The lists of a usage dashboard beside the statistics of query.ts: the most used items of a scope
// (for an item: its files) and the referring sites, over the same range in the viewer's time zone.
//
// Like the country table of query.ts, each list adds the daily rollups of the whole UTC days inside
// the range (usage_daily's ITEM and FILE rows, usage_referrer_daily) to the raw events of the
// partial days at its two ends, read by the occurred_at index up to "data as of". So a list covers
// exactly the range the totals cover, in any zone, and never reads more than two days of events.
//
// A long range would add up a daily row for every item on every day. Its whole days are instead
// the difference of two running totals (usage_item_cumulative: each item's usage before the first
// day of a month), each moved to the exact day by the daily rows between it and the nearer month
// boundary — at most about half a month at each end, whatever the range's length.
import type { Sql } from "../db/connection";
import { scopeEventFilter, type ResolvedRange, type ScopeRef } from "./query";

export type TopEntry = { label: string; href: string; views: number; downloads: number };
export type Referrer = { host: string; visits: number };

const TOP = 10;
const counted = `e.counted AND NOT e.is_robot`;

/** Whole days from which the item lists read running totals instead of every day's rows. */
export const RUNNING_TOTALS_MIN_DAYS = 62;
const DAY_MS = 86_400_000;

/** A placeholder for a parameter's value; the SQL parts of a statement share one list. */
type Next = (value: unknown) => string;
type WholeDays = (next: Next, from: Date, to: Date) => string[];

/** The whole-day rollup rows and the raw events of the partial days, as SQL parts and parameters. */
function parts(ref: ScopeRef, range: ResolvedRange, wholeDays: WholeDays, raw: (from: string, to: string) => string) {
  const params: unknown[] = [ref.kind, ref.id];
  const out: string[] = [];
  const next: Next = (v) => `$${params.push(v)}`;
  if (range.wholeDays) out.push(...wholeDays(next, range.fullLo, range.fullHi));
  for (const [a, b] of range.rawParts) out.push(raw(next(a), next(b)));
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
  const inScope = scopeEventFilter(ref.kind, "scope_id");
  /** The ITEM rows of the days [from, to), negated when `negate`. */
  const days = (next: Next, from: Date, to: Date, negate = false) => {
    const sign = negate ? "-" : "";
    return `SELECT scope_id, ${sign}views, ${sign}downloads FROM usage_daily
             WHERE scope = 'ITEM' AND day >= ${next(utcDay(from))}::date AND day < ${next(utcDay(to))}::date AND ${inScope}`;
  };
  const long = range.wholeDays && range.fullHi.getTime() - range.fullLo.getTime() >= RUNNING_TOTALS_MIN_DAYS * DAY_MS;
  const covered = long ? await coveredMonth(sql) : null;
  /** Usage before `day` (negated when `negate`): the nearest running total and the days between. */
  const before = (next: Next, day: Date, negate: boolean, anchor: Date) => {
    const sign = negate ? "-" : "";
    const terms = [
      `SELECT item_id, ${sign}views, ${sign}downloads FROM usage_item_cumulative
        WHERE month = ${next(utcDay(anchor))}::date AND ${scopeEventFilter(ref.kind, "item_id")}`,
    ];
    if (anchor < day) terms.push(days(next, anchor, day, negate));
    if (anchor > day) terms.push(days(next, day, anchor, !negate));
    return terms;
  };
  const { sql: union, params } = parts(
    ref,
    range,
    (next, from, to) => {
      const [lo, hi] = covered ? [nearestMonth(from, covered), nearestMonth(to, covered)] : [];
      if (!lo || !hi || lo.getTime() === hi.getTime()) return [days(next, from, to)];
      return [...before(next, to, false, hi), ...before(next, from, true, lo)];
    },
    (a, b) =>
      `SELECT e.item_id, (count(*) FILTER (WHERE ${counted}))::int, (count(*) FILTER (WHERE ${counted} AND e.kind = 'FILE_DOWNLOAD'))::int
         FROM usage_event e
        WHERE e.occurred_at >= ${a} AND e.occurred_at < ${b} AND e.kind IN ('ITEM_VIEW', 'FILE_DOWNLOAD') AND ${scopeEventFilter(ref.kind, "e.item_id")}
        GROUP BY e.item_id`,
  );
  const rows = await largeAggregate(sql, (tx) =>
    tx.query<{ handle: string; title: string; views: number; downloads: number }>(
    // Items are looked up in order of their views until ten are published, not all of them first.
    `SELECT i.handle, i.title, t.views, t.downloads FROM (
       SELECT item_id, sum(views)::int AS views, sum(downloads)::int AS downloads FROM (${union}) s (item_id, views, downloads)
        GROUP BY item_id HAVING sum(views) > 0
        ORDER BY 2 DESC, 1) t
     CROSS JOIN LATERAL (SELECT handle, title FROM item WHERE id = t.item_id AND status = 'PUBLISHED') i
     ORDER BY t.views DESC, t.item_id LIMIT ${TOP}`,
    params,
  ));
  return rows.map((r) => ({ label: r.title, href: `/handle/${r.handle}`, views: r.views, downloads: r.downloads }));
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

/** The latest month with running totals (usage_item_cumulative), or null when there are none. */
async function coveredMonth(sql: Sql): Promise<Date | null> {
  const [row] = await sql.query<{ month: string | null }>(`SELECT to_char(max(month), 'YYYY-MM-DD') AS month FROM usage_item_cumulative`);
  return row?.month ? new Date(`${row.month}T00:00:00Z`) : null;
}

/**
 * The first day of a month nearest to `day` — its own month's or the next — among those with
 * running totals (none later than `covered`): the running total there is moved to `day` by the
 * daily rows in between.
 */
export function nearestMonth(day: Date, covered: Date): Date {
  const own = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1);
  const following = Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 1);
  const options = [own, following].filter((m) => m <= covered.getTime());
  if (options.length === 0) return covered;
  const t = day.getTime();
  return new Date(options.reduce((best, m) => (Math.abs(m - t) < Math.abs(best - t) ? m : best)));
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
