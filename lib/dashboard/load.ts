// The figures of a usage dashboard, asked of the database: the statistics for the range, the
// period before it when compared, the most used items (for an item: its files), referring sites and
// page views. lib/dashboard/data.ts caches them for the pages; the benchmark measures this.
import type { Sql } from "../db/connection";
import { getPageViews, getReferrers, getTopEntries, type Referrer, type TopEntry } from "../stats/breakdowns";
import { getUsageStatistics, resolveRange, type Granularity, type ScopeRef, type UsageStatistics } from "../stats/query";
import { previousPeriod } from "./range";

export type Dashboard = UsageStatistics & {
  /** The first day shown: `from`, or for "all time" the first day with data (or `to`). */
  firstDay: string;
  previous?: UsageStatistics;
  /** Most viewed items of the scope; for an item, its most downloaded files. */
  top: TopEntry[];
  referrers: Referrer[];
  /** Views of the researcher's or unit's own page (the site: all such pages); null for items and collections. */
  pageViews: number | null;
};

export type DashboardRequest = { scope: string; from: string | null; to: string; granularity: Granularity; tz: string; compare: boolean };

/** The dashboard of `ref` (which `request.scope` names), uncached. */
export async function loadDashboard(sql: Sql, ref: ScopeRef, request: DashboardRequest): Promise<Dashboard> {
  const query = { from: request.from, to: request.to, granularity: request.granularity, tz: request.tz };
  const stats = await getUsageStatistics(sql, request.scope, ref, query);
  const firstDay = request.from ?? stats.series[0]?.period ?? request.to;
  const before = previousPeriod(firstDay, request.to);
  // The lists cover the range the totals cover, in the same time zone.
  const range = await resolveRange(sql, firstDay, request.to, request.tz);
  const [previous, top, referrers, pageViews] = await Promise.all([
    request.compare && request.from ? getUsageStatistics(sql, request.scope, ref, { ...query, ...before }) : undefined,
    getTopEntries(sql, ref, range),
    getReferrers(sql, ref, range),
    getPageViews(sql, ref, range),
  ]);
  return { ...stats, firstDay, previous, top, referrers, pageViews };
}
