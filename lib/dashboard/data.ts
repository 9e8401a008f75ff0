// The figures of a usage dashboard (site, item, researcher, unit, collection): the statistics of
// DESIGN.md §4 for a range — the same function the API and the item page read — the period
// before it for comparison, the most used items (for an item: its files) and referring sites.
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "../cache";
import { getSql, isBuildPhase } from "../db";
import type { Sql } from "../db/connection";
import { getUsageStatistics, parseScope, resolveScope, type Granularity, type ScopeRef, type UsageStatistics } from "../stats/query";
import { addDays, previousPeriod } from "./range";

export type Totals = UsageStatistics["totals"];
export type CountryUsage = UsageStatistics["countries"][number];
export type TopEntry = { label: string; href: string; views: number; downloads: number };
export type Referrer = { host: string; visits: number };

/** What the dashboard is about: its name(s) and public page. */
export type DashboardSubject = { kind: ScopeRef["kind"]; name: string; altName: string | null; altLang: string | null; href: string };

export type Dashboard = UsageStatistics & {
  /** The first day shown: `from`, or for "all time" the first day with data (or `to`). */
  firstDay: string;
  previous?: UsageStatistics;
  /** Most viewed items of the scope; for an item, its most downloaded files. */
  top: TopEntry[];
  referrers: Referrer[];
  /** The first day the referrer table covers (at most REFERRER_DAYS before `to`). */
  referrersFrom: string;
};

export type DashboardRequest = { scope: string; from: string | null; to: string; granularity: Granularity; tz: string; compare: boolean };

const TOP = 10;
/** Referrers come from raw events: they are read for at most this many days. */
export const REFERRER_DAYS = 90;

/** Item ids of a scope, as an SQL condition on `column`; `id` is the placeholder of the scope's id. */
function inScope(kind: ScopeRef["kind"], column: string, id: string): string {
  switch (kind) {
    case "SITE":
      return `${column} IN (SELECT id FROM item WHERE status = 'PUBLISHED')`;
    case "ITEM":
      return `${column} = ${id}`;
    case "COLLECTION":
      return `${column} IN (SELECT id FROM item WHERE collection_id = ${id} UNION SELECT item_id FROM item_collection WHERE collection_id = ${id})`;
    case "RESEARCHER":
      return `${column} IN (SELECT item_id FROM contributor WHERE researcher_id = ${id})`;
    case "UNIT":
      return `${column} IN (
        WITH RECURSIVE sub(id) AS (SELECT id FROM unit WHERE id = ${id} UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id),
             cols AS (SELECT c.id FROM collection c JOIN sub ON sub.id = c.unit_id)
        SELECT id FROM item WHERE collection_id IN (SELECT id FROM cols)
        UNION SELECT item_id FROM item_collection WHERE collection_id IN (SELECT id FROM cols))`;
  }
}

/** Query parameters followed by the scope's id (the site has none, and SQL may not leave one unused). */
function withScope(ref: ScopeRef, params: unknown[]): { params: unknown[]; id: string } {
  return ref.kind === "SITE" ? { params, id: "" } : { params: [...params, ref.id], id: `$${params.length + 1}` };
}

/** Most viewed items of the scope in whole UTC days [from, to]; for an item, its files. */
async function topEntries(sql: Sql, ref: ScopeRef, from: string, to: string): Promise<TopEntry[]> {
  const { params, id } = withScope(ref, [from, to]);
  if (ref.kind === "ITEM") {
    const rows = await sql.query<{ id: number; name: string; downloads: number }>(
      `SELECT f.id, f.file_name AS name, t.downloads FROM (
         SELECT scope_id, sum(downloads)::int AS downloads FROM usage_daily
          WHERE scope = 'FILE' AND day BETWEEN $1::date AND $2::date AND scope_id IN (SELECT id FROM file WHERE item_id = ${id})
          GROUP BY scope_id) t
       JOIN file f ON f.id = t.scope_id ORDER BY t.downloads DESC, f.position, f.id LIMIT ${TOP}`,
      params,
    );
    return rows.map((r) => ({ label: r.name, href: `/files/${r.id}/${encodeURIComponent(r.name)}`, views: r.downloads, downloads: r.downloads }));
  }
  const rows = await sql.query<{ handle: string; title: string; views: number; downloads: number }>(
    `SELECT i.handle, i.title, t.views, t.downloads FROM (
       SELECT scope_id, sum(views)::int AS views, sum(downloads)::int AS downloads FROM usage_daily
        WHERE scope = 'ITEM' AND day BETWEEN $1::date AND $2::date AND ${inScope(ref.kind, "scope_id", id)}
        GROUP BY scope_id ORDER BY sum(views) DESC, scope_id LIMIT ${TOP}) t
     JOIN item i ON i.id = t.scope_id AND i.status = 'PUBLISHED'
     ORDER BY t.views DESC, i.id`,
    params,
  );
  return rows.map((r) => ({ label: r.title, href: `/handle/${r.handle}`, views: r.views, downloads: r.downloads }));
}

/** Referring sites of counted, non-robot events of the scope in [from, to] (days in tz). */
async function referrers(sql: Sql, ref: ScopeRef, from: string, to: string, tz: string): Promise<Referrer[]> {
  const { params, id } = withScope(ref, [from, to, tz]);
  const pages = { SITE: " OR researcher_id IS NOT NULL OR unit_id IS NOT NULL", RESEARCHER: ` OR researcher_id = ${id}`, UNIT: ` OR unit_id = ${id}`, ITEM: "", COLLECTION: "" }[ref.kind];
  return sql.query<Referrer>(
    `SELECT referrer_host AS host, count(*)::int AS visits FROM usage_event
      WHERE occurred_at >= ($1::date)::timestamp AT TIME ZONE $3 AND occurred_at < ($2::date + 1)::timestamp AT TIME ZONE $3
        AND referrer_host IS NOT NULL AND referrer_host <> '' AND counted AND NOT is_robot
        AND (${inScope(ref.kind, "item_id", id)}${pages})
      GROUP BY referrer_host ORDER BY visits DESC, host LIMIT ${TOP}`,
    params,
  );
}

/** The record a dashboard scope names; null when there is none the public may see. */
export async function getDashboardSubject(scope: string): Promise<DashboardSubject | null> {
  "use cache";
  cacheTag(cacheTags.site);
  cacheLife("hours");
  if (isBuildPhase()) return null;
  const parsed = parseScope(scope);
  const sql = await getSql();
  const ref = parsed ? await resolveScope(sql, parsed) : null;
  if (!parsed || !ref) return null;
  const key = parsed.key;
  const queries: Record<Exclude<ScopeRef["kind"], "SITE">, [string, string]> = {
    ITEM: [`SELECT title AS name, alternative_title AS alt_name, alternative_title_lang AS alt_lang FROM item WHERE id = $1`, `/handle/${key}`],
    RESEARCHER: [`SELECT display_name AS name, NULL AS alt_name, NULL AS alt_lang FROM researcher WHERE id = $1`, `/researchers/${key}`],
    UNIT: [`SELECT name, alt_name, alt_lang FROM unit WHERE id = $1`, `/units/${key}`],
    COLLECTION: [`SELECT name, alt_name, alt_lang FROM collection WHERE id = $1`, `/collections/${key}`],
  };
  if (ref.kind === "SITE") return { kind: "SITE", name: "", altName: null, altLang: null, href: "/" };
  const [text, href] = queries[ref.kind];
  const [row] = await sql.query<{ name: string; alt_name: string | null; alt_lang: string | null }>(text, [ref.id]);
  return { kind: ref.kind, name: row.name, altName: row.alt_name, altLang: row.alt_lang, href };
}

/** Null when the scope names nothing the public may see. */
export async function getDashboard(request: DashboardRequest): Promise<Dashboard | null> {
  "use cache";
  cacheTag(cacheTags.site);
  cacheLife("minutes");
  if (isBuildPhase()) throw new Error("no database during the build");
  const parsed = parseScope(request.scope);
  const sql = await getSql();
  const ref = parsed ? await resolveScope(sql, parsed) : null;
  if (!ref) return null;
  const query = { from: request.from, to: request.to, granularity: request.granularity, tz: request.tz };
  const stats = await getUsageStatistics(sql, request.scope, ref, query);
  const firstDay = request.from ?? stats.series[0]?.period ?? request.to;
  const before = previousPeriod(firstDay, request.to);
  const referrersFrom = [firstDay, addDays(request.to, -(REFERRER_DAYS - 1))].sort().at(-1)!;
  const [previous, top, refs] = await Promise.all([
    request.compare && request.from ? getUsageStatistics(sql, request.scope, ref, { ...query, ...before }) : undefined,
    topEntries(sql, ref, firstDay, request.to),
    referrers(sql, ref, referrersFrom, request.to, request.tz),
  ]);
  return { ...stats, firstDay, previous, top, referrers: refs, referrersFrom };
}

