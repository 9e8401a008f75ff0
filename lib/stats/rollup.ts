// Usage rollups derived from the append-only usage_event table, following COUNTER R5.1 as
// DESIGN.md §4 states it:
//   - only events with counted = true AND is_robot = false count; robot events of any kind are
//     counted apart as robot_hits;
//   - views (investigations) = ITEM_VIEW + FILE_DOWNLOAD; downloads (requests) = FILE_DOWNLOAD;
//   - unique views / downloads count once per item per session, a session being one visitor in
//     one UTC hour (an event without visitor_hash is a session of its own) — COUNTER's
//     Unique_Item_Investigations / Unique_Item_Requests. Collection, unit, researcher and site
//     figures are sums over their items, each item counted once per scope however many paths
//     lead to it (owning + mapped collections, two collections of one unit, two author slots);
//   - page_views = RESEARCHER_VIEW (researcher scope) and UNIT_VIEW (unit scope) events; the site
//     scope carries both.
// Scopes: SITE (scope_id 0), ITEM, FILE (download events only, so views = downloads there),
// COLLECTION (owning and mapped), UNIT (units of those collections and all their ancestors),
// RESEARCHER (items with a contributor linked to the researcher, plus profile page views).
//
// Two grains: usage_daily (UTC day × country; country '--' when unknown) and usage_hourly (UTC
// hour, all countries; the grain of time series in any time zone); beside them
// usage_referrer_daily (UTC day × referring host, counted non-robot events). Sessions are UTC hours, so
// unique counts add up exactly over hours, days and countries.
//
// The same fan-out (writeScopeRows) serves the full rebuild here and the continuous worker in
// lib/stats/worker.ts: both first reduce events to per item / file / page, hour and country
// temporary tables (rollup_item, rollup_file, rollup_page), the rebuild by grouping sessions, the
// worker by summing the flags decided at ingest. Membership (collections, unit tree,
// contributors) is read as it is now: a rebuild re-files past usage under the current structure.
import type { Sql } from "../db/connection";

export type RollupRange = {
  /** First UTC day to rebuild (the UTC date of this instant). */
  from?: Date;
  /** Last UTC day to rebuild, inclusive. */
  to?: Date;
};

export type RollupResult = {
  /** The days rebuilt, "YYYY-MM-DD", inclusive; null for an open end. */
  from: string | null;
  to: string | null;
  /** usage_daily rows written. */
  rows: number;
  /** usage_hourly rows written. */
  hourlyRows: number;
};

/** Held by the rebuild and by the worker, so they never interleave. */
export const ROLLUP_LOCK = 0x5553_4147; // "USAG"

const TEMPORARY = ["rollup_item", "rollup_file", "rollup_page", "rollup_referrer", "rollup_item_collection", "rollup_item_unit", "rollup_item_researcher"];

export async function dropRollupTemporaries(tx: Sql): Promise<void> {
  await tx.exec(`DROP TABLE IF EXISTS ${TEMPORARY.map((t) => `pg_temp.${t}`).join(", ")}`);
}

/**
 * Deletes the rollup rows of the given days (all rows without a range) and recomputes them from
 * usage_event. Safe to repeat: the same events always give the same rows. Events still waiting
 * in usage_pending are taken over (their queue rows deleted) when they fall in the range; events
 * that arrive while the rebuild runs stay queued for the worker and are left out here.
 */
export async function rebuildUsageRollups(sql: Sql, range: RollupRange = {}): Promise<RollupResult> {
  const fromDay = range.from ? utcDay(range.from) : null;
  const toDay = range.to ? utcDay(range.to) : null;
  if (fromDay && toDay && fromDay > toDay) throw new RangeError(`rollup range ends (${toDay}) before it starts (${fromDay})`);

  // Events are selected by whole UTC days: [from 00:00, to+1 00:00).
  const eventFilter: string[] = [];
  const dayFilter: string[] = [];
  const hourFilter: string[] = [];
  const params: string[] = [];
  if (fromDay) {
    params.push(fromDay);
    eventFilter.push(`occurred_at >= ($${params.length}::date)::timestamp AT TIME ZONE 'UTC'`);
    dayFilter.push(`day >= $${params.length}::date`);
    hourFilter.push(`hour >= ($${params.length}::date)::timestamp AT TIME ZONE 'UTC'`);
  }
  if (toDay) {
    params.push(toDay);
    eventFilter.push(`occurred_at < ($${params.length}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
    dayFilter.push(`day <= $${params.length}::date`);
    hourFilter.push(`hour < ($${params.length}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
  }
  const inRange = eventFilter.length ? eventFilter.join(" AND ") : "true";
  const daysInRange = dayFilter.length ? dayFilter.join(" AND ") : "true";
  const hoursInRange = hourFilter.length ? hourFilter.join(" AND ") : "true";
  // An event whose queue row is still there arrived after the queue was taken over below.
  const settled = `NOT EXISTS (SELECT 1 FROM usage_pending p WHERE p.event_id = e.id)`;

  return sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [ROLLUP_LOCK]);
    // Large hash aggregates stay in memory on a server (hash nodes may use twice this);
    // PGlite's memory is the process's own.
    if (tx.kind === "postgres") await tx.exec(`SET LOCAL work_mem = '256MB'`);
    await dropRollupTemporaries(tx);

    await tx.query(`DELETE FROM usage_pending e WHERE ${inRange}`, params);
    await tx.query(`DELETE FROM usage_daily WHERE ${daysInRange}`, params);
    await tx.query(`DELETE FROM usage_hourly WHERE ${hoursInRange}`, params);
    await tx.query(`DELETE FROM usage_referrer_daily WHERE ${daysInRange}`, params);

    // Per item, hour and country. A "session" row is one visitor in one UTC hour on one item.
    await tx.query(
      `CREATE TEMP TABLE rollup_item ON COMMIT DROP AS
       WITH sessions AS (
         SELECT item_id,
                date_trunc('hour', occurred_at, 'UTC') AS hour,
                coalesce(country, '--') AS country,
                visitor_hash,
                -- an event without a visitor is a session of its own
                CASE WHEN visitor_hash IS NULL THEN id END AS lone_event,
                count(*) FILTER (WHERE counted AND NOT is_robot) AS investigations,
                count(*) FILTER (WHERE counted AND NOT is_robot AND kind = 'FILE_DOWNLOAD') AS requests,
                count(*) FILTER (WHERE is_robot) AS robots
           FROM usage_event e
          WHERE ${inRange} AND ${settled} AND item_id IS NOT NULL AND kind IN ('ITEM_VIEW', 'FILE_DOWNLOAD')
          GROUP BY 1, 2, 3, 4, 5
       )
       SELECT item_id, hour, country,
              sum(investigations)::int AS views,
              (count(*) FILTER (WHERE investigations > 0))::int AS unique_views,
              sum(requests)::int AS downloads,
              (count(*) FILTER (WHERE requests > 0))::int AS unique_downloads,
              sum(robots)::int AS robot_hits
         FROM sessions
        GROUP BY item_id, hour, country`,
      params,
    );
    // Per file: the same rules over download events only.
    await tx.query(
      `CREATE TEMP TABLE rollup_file ON COMMIT DROP AS
       WITH sessions AS (
         SELECT file_id,
                date_trunc('hour', occurred_at, 'UTC') AS hour,
                coalesce(country, '--') AS country,
                visitor_hash,
                CASE WHEN visitor_hash IS NULL THEN id END AS lone_event,
                count(*) FILTER (WHERE counted AND NOT is_robot) AS requests,
                count(*) FILTER (WHERE is_robot) AS robots
           FROM usage_event e
          WHERE ${inRange} AND ${settled} AND file_id IS NOT NULL AND kind = 'FILE_DOWNLOAD'
          GROUP BY 1, 2, 3, 4, 5
       )
       SELECT file_id, hour, country,
              sum(requests)::int AS downloads,
              (count(*) FILTER (WHERE requests > 0))::int AS unique_downloads,
              sum(robots)::int AS robot_hits
         FROM sessions
        GROUP BY file_id, hour, country`,
      params,
    );
    // Researcher and unit profile pages.
    await tx.query(
      `CREATE TEMP TABLE rollup_page ON COMMIT DROP AS
       SELECT kind,
              CASE WHEN kind = 'RESEARCHER_VIEW' THEN researcher_id ELSE unit_id END AS target_id,
              date_trunc('hour', occurred_at, 'UTC') AS hour,
              coalesce(country, '--') AS country,
              (count(*) FILTER (WHERE counted AND NOT is_robot))::int AS page_views,
              (count(*) FILTER (WHERE is_robot))::int AS robot_hits
         FROM usage_event e
        WHERE ${inRange} AND ${settled} AND kind IN ('RESEARCHER_VIEW', 'UNIT_VIEW')
        GROUP BY 1, 2, 3, 4`,
      params,
    );
    await tx.query(`CREATE TEMP TABLE rollup_referrer ON COMMIT DROP AS ${referrerRows("usage_event e", `${inRange} AND ${settled}`)}`, params);

    await writeScopeRows(tx, "insert");
    await dropRollupTemporaries(tx);

    const [{ rows }] = await tx.query<{ rows: number }>(`SELECT count(*)::int AS rows FROM usage_daily WHERE ${daysInRange}`, params);
    const [{ hourly }] = await tx.query<{ hourly: number }>(`SELECT count(*)::int AS hourly FROM usage_hourly WHERE ${hoursInRange}`, params);
    return { from: fromDay, to: toDay, rows, hourlyRows: hourly };
  });
}

/**
 * Counted, non-robot events with a referring host, per target, UTC day and host, from `source`
 * (usage_event or the worker's batch): the rows of the referrer rollup before the fan-out.
 */
export function referrerRows(source: string, where = "true"): string {
  return `SELECT CASE WHEN kind IN ('ITEM_VIEW', 'FILE_DOWNLOAD') THEN item_id END AS item_id,
                 CASE WHEN kind = 'RESEARCHER_VIEW' THEN researcher_id END AS researcher_id,
                 CASE WHEN kind = 'UNIT_VIEW' THEN unit_id END AS unit_id,
                 (occurred_at AT TIME ZONE 'UTC')::date AS day, referrer_host AS host, count(*)::int AS visits
            FROM ${source}
           WHERE ${where} AND counted AND NOT is_robot AND referrer_host IS NOT NULL AND referrer_host <> ''
             AND ((kind IN ('ITEM_VIEW', 'FILE_DOWNLOAD') AND item_id IS NOT NULL) OR kind IN ('RESEARCHER_VIEW', 'UNIT_VIEW'))
           GROUP BY 1, 2, 3, 4, 5`;
}

/** The former name; the seed and older callers use it. */
export const rebuildUsageDaily = rebuildUsageRollups;

/**
 * From rollup_item / rollup_file / rollup_page (per target, UTC hour and country) and
 * rollup_referrer (per target, UTC day and host), writes every scope's rows into usage_daily,
 * usage_hourly and usage_referrer_daily: plain inserts after a rebuild has deleted its range, or
 * additive upserts for the worker's increments.
 */
export async function writeScopeRows(tx: Sql, mode: "insert" | "upsert"): Promise<void> {
  // Which scopes each item belongs to, each pair once — only for the items at hand.
  await tx.exec(`
    CREATE TEMP TABLE rollup_item_collection ON COMMIT DROP AS
      SELECT id AS item_id, collection_id FROM item WHERE id IN (SELECT item_id FROM rollup_item)
      UNION
      SELECT item_id, collection_id FROM item_collection WHERE item_id IN (SELECT item_id FROM rollup_item);

    CREATE TEMP TABLE rollup_item_unit ON COMMIT DROP AS
      WITH RECURSIVE unit_ancestor(unit_id, ancestor_id) AS (
        SELECT id, id FROM unit
        UNION -- UNION, not UNION ALL: a cycle in the tree must not loop forever
        SELECT a.unit_id, u.parent_id
          FROM unit_ancestor a JOIN unit u ON u.id = a.ancestor_id
         WHERE u.parent_id IS NOT NULL
      )
      SELECT DISTINCT ic.item_id, a.ancestor_id AS unit_id
        FROM rollup_item_collection ic
        JOIN collection c ON c.id = ic.collection_id
        JOIN unit_ancestor a ON a.unit_id = c.unit_id;

    CREATE TEMP TABLE rollup_item_researcher ON COMMIT DROP AS
      SELECT DISTINCT item_id, researcher_id FROM contributor
       WHERE researcher_id IS NOT NULL AND item_id IN (SELECT item_id FROM rollup_item);

    ANALYZE rollup_item;
    ANALYZE rollup_file;
    ANALYZE rollup_page;
    ANALYZE rollup_referrer;
    ANALYZE rollup_item_collection;
    ANALYZE rollup_item_unit;
    ANALYZE rollup_item_researcher;
  `);

  // Every scope's contributions: (scope, scope_id, hour, country, views, unique_views, downloads,
  // unique_downloads, page_views, robot_hits).
  const item = `views, unique_views, downloads, unique_downloads, 0 AS page_views, robot_hits`;
  const itemD = `d.views, d.unique_views, d.downloads, d.unique_downloads, 0 AS page_views, d.robot_hits`;
  const page = `0, 0, 0, 0, page_views, robot_hits`;
  const contributions = `
    SELECT 'ITEM'::usage_scope AS scope, item_id AS scope_id, hour, country, ${item} FROM rollup_item
    UNION ALL
    SELECT 'FILE', file_id, hour, country, downloads, unique_downloads, downloads, unique_downloads, 0, robot_hits FROM rollup_file
    UNION ALL
    SELECT 'SITE', 0, hour, country, ${item} FROM rollup_item
    UNION ALL
    SELECT 'SITE', 0, hour, country, ${page} FROM rollup_page
    UNION ALL
    SELECT 'COLLECTION', ic.collection_id, d.hour, d.country, ${itemD}
      FROM rollup_item d JOIN rollup_item_collection ic ON ic.item_id = d.item_id
    UNION ALL
    SELECT 'UNIT', iu.unit_id, d.hour, d.country, ${itemD}
      FROM rollup_item d JOIN rollup_item_unit iu ON iu.item_id = d.item_id
    UNION ALL
    SELECT 'UNIT', target_id, hour, country, ${page} FROM rollup_page WHERE kind = 'UNIT_VIEW' AND target_id IS NOT NULL
    UNION ALL
    SELECT 'RESEARCHER', ir.researcher_id, d.hour, d.country, ${itemD}
      FROM rollup_item d JOIN rollup_item_researcher ir ON ir.item_id = d.item_id
    UNION ALL
    SELECT 'RESEARCHER', target_id, hour, country, ${page} FROM rollup_page WHERE kind = 'RESEARCHER_VIEW' AND target_id IS NOT NULL`;
  const sums = `sum(views)::int, sum(unique_views)::int, sum(downloads)::int, sum(unique_downloads)::int, sum(page_views)::int, sum(robot_hits)::int`;
  // A group whose events were all folded double clicks would be a row of zeros: leave it out.
  const notEmpty = `HAVING sum(views) + sum(downloads) + sum(page_views) + sum(robot_hits) > 0`;
  const add = (table: string) =>
    mode === "upsert"
      ? `DO UPDATE SET views = ${table}.views + excluded.views, unique_views = ${table}.unique_views + excluded.unique_views,
                      downloads = ${table}.downloads + excluded.downloads, unique_downloads = ${table}.unique_downloads + excluded.unique_downloads,
                      page_views = ${table}.page_views + excluded.page_views, robot_hits = ${table}.robot_hits + excluded.robot_hits`
      : `DO NOTHING`;
  const columns = `views, unique_views, downloads, unique_downloads, page_views, robot_hits`;

  await tx.exec(`CREATE TEMP TABLE rollup_contribution ON COMMIT DROP AS ${contributions}`);
  // Rows go in in primary-key order: the index then grows at its right edge, and the tables end
  // up clustered by scope, id and time — the order dashboards read them in.
  await tx.exec(
    `INSERT INTO usage_daily (scope, scope_id, day, country, ${columns})
     SELECT scope, scope_id, (hour AT TIME ZONE 'UTC')::date, country, ${sums}
       FROM rollup_contribution
      GROUP BY 1, 2, 3, 4 ${notEmpty}
      ORDER BY 1, 2, 3, 4
     ON CONFLICT (scope, scope_id, day, country) ${add("usage_daily")}`,
  );
  await tx.exec(
    `INSERT INTO usage_hourly (scope, scope_id, hour, ${columns})
     SELECT scope, scope_id, hour, ${sums}
       FROM rollup_contribution
      GROUP BY 1, 2, 3 ${notEmpty}
      ORDER BY 1, 2, 3
     ON CONFLICT (scope, scope_id, hour) ${add("usage_hourly")}`,
  );
  await tx.exec(`DROP TABLE pg_temp.rollup_contribution`);

  // Referrers fan out like the counts: an item's to its collections, units and researchers once
  // each; a researcher's or unit's page to that record only; everything to the site.
  await tx.exec(
    `INSERT INTO usage_referrer_daily (scope, scope_id, day, host, visits)
     SELECT scope, scope_id, day, host, sum(visits)::int FROM (
       SELECT 'ITEM'::usage_scope AS scope, item_id AS scope_id, day, host, visits FROM rollup_referrer WHERE item_id IS NOT NULL
       UNION ALL SELECT 'SITE', 0, day, host, visits FROM rollup_referrer
       UNION ALL SELECT 'COLLECTION', ic.collection_id, r.day, r.host, r.visits FROM rollup_referrer r JOIN rollup_item_collection ic ON ic.item_id = r.item_id
       UNION ALL SELECT 'UNIT', iu.unit_id, r.day, r.host, r.visits FROM rollup_referrer r JOIN rollup_item_unit iu ON iu.item_id = r.item_id
       UNION ALL SELECT 'UNIT', unit_id, day, host, visits FROM rollup_referrer WHERE unit_id IS NOT NULL
       UNION ALL SELECT 'RESEARCHER', ir.researcher_id, r.day, r.host, r.visits FROM rollup_referrer r JOIN rollup_item_researcher ir ON ir.item_id = r.item_id
       UNION ALL SELECT 'RESEARCHER', researcher_id, day, host, visits FROM rollup_referrer WHERE researcher_id IS NOT NULL
     ) s
      GROUP BY 1, 2, 3, 4
      ORDER BY 1, 2, 3, 4
     ON CONFLICT (scope, scope_id, day, host) ${mode === "upsert" ? "DO UPDATE SET visits = usage_referrer_daily.visits + excluded.visits" : "DO NOTHING"}`,
  );
}

/**
 * "Data as of": every event that occurred before this instant is in the rollups — the oldest
 * event still queued, or now less a margin for ingest transactions that are about to commit.
 * Computed when asked, so there is no state to keep.
 */
export const AS_OF_MARGIN_SECONDS = 2;
export const AS_OF_SQL = `least(clock_timestamp() - interval '${AS_OF_MARGIN_SECONDS} seconds', (SELECT min(occurred_at) FROM usage_pending))`;

/** "YYYY-MM-DD" of an instant, in UTC. */
function utcDay(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new RangeError("rollup range has an invalid date");
  return d.toISOString().slice(0, 10);
}
