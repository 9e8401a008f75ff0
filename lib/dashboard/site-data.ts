// The figures of the site dashboard: the statistics of DESIGN.md §4 for a range (totals, series,
// countries), the period before it for comparison, the most used items and the referring sites.
import { cacheLife, cacheTag } from "next/cache";
import type { Granularity, SeriesPoint } from "@/components/charts/series";
import { cacheTags } from "../cache";
import { getSql, isBuildPhase } from "../db";
import { addDays, previousPeriod } from "./range";

export type Totals = { views: number; uniqueViews: number; downloads: number; uniqueDownloads: number; robotHits: number };
export type CountryUsage = { country: string; views: number; downloads: number };
export type TopItem = { handle: string; title: string; views: number; downloads: number };
export type Referrer = { host: string; visits: number };

export type SiteDashboard = {
  from: string;
  to: string;
  asOf: string | null;
  totals: Totals;
  series: SeriesPoint[];
  countries: CountryUsage[];
  previous?: { from: string; to: string; totals: Totals; series: SeriesPoint[] };
  topItems: TopItem[];
  referrers: Referrer[];
};

const ZERO: Totals = { views: 0, uniqueViews: 0, downloads: 0, uniqueDownloads: 0, robotHits: 0 };

/** First day of the period a day belongs to: itself, its ISO week's Monday, its month's first. */
export function periodOf(day: string, granularity: Granularity): string {
  if (granularity === "day") return day;
  if (granularity === "month") return `${day.slice(0, 8)}01`;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Every period from `from` to `to`, with zeros where nothing happened. */
export function fillSeries(rows: SeriesPoint[], from: string, to: string, granularity: Granularity): SeriesPoint[] {
  const byPeriod = new Map<string, SeriesPoint>();
  for (const r of rows) {
    const period = periodOf(r.period, granularity);
    const p = byPeriod.get(period) ?? { period, views: 0, uniqueViews: 0, downloads: 0, uniqueDownloads: 0 };
    p.views += r.views;
    p.uniqueViews += r.uniqueViews;
    p.downloads += r.downloads;
    p.uniqueDownloads += r.uniqueDownloads;
    byPeriod.set(period, p);
  }
  const out: SeriesPoint[] = [];
  for (let day = periodOf(from, granularity); day <= to; ) {
    out.push(byPeriod.get(day) ?? { period: day, views: 0, uniqueViews: 0, downloads: 0, uniqueDownloads: 0 });
    day = granularity === "day" ? addDays(day, 1) : granularity === "week" ? addDays(day, 7) : nextMonth(day);
  }
  return out;
}

function nextMonth(day: string): string {
  const [y, m] = day.split("-").map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

export async function getSiteDashboard(range: { from: string | null; to: string; granularity: Granularity; compare: boolean }): Promise<SiteDashboard> {
  "use cache";
  cacheTag(cacheTags.site);
  cacheLife("minutes");
  if (isBuildPhase()) throw new Error("no database during the build");
  const sql = await getSql();
  const [first] = await sql.query<{ day: string | null; as_of: Date | null }>(
    `SELECT to_char(min(day), 'YYYY-MM-DD') AS day, (SELECT max(occurred_at) FROM usage_event) AS as_of FROM usage_daily WHERE scope = 'SITE'`,
  );
  const from = range.from ?? first.day ?? range.to;
  const before = previousPeriod(from, range.to);
  const [current, previous, countries, topItems, referrers] = await Promise.all([
    period(from, range.to, range.granularity),
    range.compare ? period(before.from, before.to, range.granularity) : undefined,
    sql.query<{ country: string; views: string; downloads: string }>(
      `SELECT country, sum(views) AS views, sum(downloads) AS downloads FROM usage_daily
        WHERE scope = 'SITE' AND day BETWEEN $1::date AND $2::date
        GROUP BY country HAVING sum(views) + sum(downloads) > 0 ORDER BY sum(views) DESC, country`,
      [from, range.to],
    ),
    sql.query<{ handle: string; title: string; views: string; downloads: string }>(
      `SELECT i.handle, i.title, t.views, t.downloads
         FROM (SELECT scope_id, sum(views) AS views, sum(downloads) AS downloads FROM usage_daily
                WHERE scope = 'ITEM' AND day BETWEEN $1::date AND $2::date
                GROUP BY scope_id ORDER BY sum(views) DESC, scope_id LIMIT 10) t
         JOIN item i ON i.id = t.scope_id AND i.status = 'PUBLISHED'
        ORDER BY t.views DESC, i.id`,
      [from, range.to],
    ),
    sql.query<{ host: string; visits: string }>(
      `SELECT referrer_host AS host, count(*) AS visits FROM usage_event
        WHERE referrer_host IS NOT NULL AND referrer_host <> '' AND NOT is_robot AND counted
          AND occurred_at >= $1::date AND occurred_at < $2::date + 1
        GROUP BY referrer_host ORDER BY visits DESC, host LIMIT 10`,
      [from, range.to],
    ),
  ]);
  return {
    from,
    to: range.to,
    asOf: first.as_of ? new Date(first.as_of).toISOString() : null,
    ...current,
    countries: countries.map((c) => ({ country: c.country, views: Number(c.views), downloads: Number(c.downloads) })),
    previous: previous ? { ...before, ...previous } : undefined,
    topItems: topItems.map((t) => ({ handle: t.handle, title: t.title, views: Number(t.views), downloads: Number(t.downloads) })),
    referrers: referrers.map((r) => ({ host: r.host, visits: Number(r.visits) })),
  };

  async function period(from: string, to: string, granularity: Granularity) {
    const rows = await sql.query<{ day: string; views: string; unique_views: string; downloads: string; unique_downloads: string; robot_hits: string }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(views) AS views, sum(unique_views) AS unique_views, sum(downloads) AS downloads,
              sum(unique_downloads) AS unique_downloads, sum(robot_hits) AS robot_hits
         FROM usage_daily WHERE scope = 'SITE' AND day BETWEEN $1::date AND $2::date GROUP BY day`,
      [from, to],
    );
    const days = rows.map((r) => ({ period: r.day, views: Number(r.views), uniqueViews: Number(r.unique_views), downloads: Number(r.downloads), uniqueDownloads: Number(r.unique_downloads) }));
    const totals = rows.reduce<Totals>(
      (t, r) => ({
        views: t.views + Number(r.views),
        uniqueViews: t.uniqueViews + Number(r.unique_views),
        downloads: t.downloads + Number(r.downloads),
        uniqueDownloads: t.uniqueDownloads + Number(r.unique_downloads),
        robotHits: t.robotHits + Number(r.robot_hits),
      }),
      ZERO,
    );
    return { totals, series: fillSeries(days, from, to, granularity) };
  }
}
