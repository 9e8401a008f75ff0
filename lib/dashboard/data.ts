// The figures of a usage dashboard (site, item, researcher, unit, collection): the statistics of
// DESIGN.md §4 for a range — the same function the API and the item page read — the period
// before it for comparison, the most used items (for an item: its files) and referring sites.
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "../cache";
import { getSql, isBuildPhase } from "../db";
import { parseScope, resolveScope, type ScopeRef, type UsageStatistics } from "../stats/query";
import { loadDashboard, type Dashboard, type DashboardRequest } from "./load";

export type Totals = UsageStatistics["totals"];
export type CountryUsage = UsageStatistics["countries"][number];
export type { Referrer, TopEntry } from "../stats/breakdowns";
export type { Dashboard, DashboardRequest } from "./load";

/** What the dashboard is about: its name(s) and public page. */
export type DashboardSubject = { kind: ScopeRef["kind"]; name: string; altName: string | null; altLang: string | null; href: string };

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
  return loadDashboard(sql, ref, request);
}
