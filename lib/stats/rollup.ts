// Daily usage rollups (usage_daily) derived from the append-only usage_event table, following
// COUNTER R5.1 as DESIGN.md §4 states it:
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
// `day` is the UTC date of occurred_at; `country` is '--' when unknown.
//
// Membership (collections, unit tree, contributors) is read as it is now: a rebuild re-files past
// usage under the current structure, which is what a dashboard of "this unit's items" expects.
// Everything is set-based SQL in one transaction: an aggregate per item, file and page per
// day and country is computed once into temporary tables, and every scope sums from those.
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
};

/** Taken for the whole rebuild, so two rebuilds never interleave their delete and insert. */
const ROLLUP_LOCK = 0x5553_4147; // "USAG"

/**
 * Deletes the usage_daily rows of the given days (all rows without a range) and recomputes them
 * from usage_event. Safe to repeat: the same events always give the same rows.
 */
export async function rebuildUsageDaily(sql: Sql, range: RollupRange = {}): Promise<RollupResult> {
  const fromDay = range.from ? utcDay(range.from) : null;
  const toDay = range.to ? utcDay(range.to) : null;
  if (fromDay && toDay && fromDay > toDay) throw new RangeError(`rollup range ends (${toDay}) before it starts (${fromDay})`);

  // Events are selected by whole UTC days: [from 00:00, to+1 00:00).
  const eventFilter: string[] = [];
  const dayFilter: string[] = [];
  const params: string[] = [];
  if (fromDay) {
    params.push(fromDay);
    eventFilter.push(`occurred_at >= ($${params.length}::date)::timestamp AT TIME ZONE 'UTC'`);
    dayFilter.push(`day >= $${params.length}::date`);
  }
  if (toDay) {
    params.push(toDay);
    eventFilter.push(`occurred_at < ($${params.length}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
    dayFilter.push(`day <= $${params.length}::date`);
  }
  const inRange = eventFilter.length ? eventFilter.join(" AND ") : "true";
  const daysInRange = dayFilter.length ? dayFilter.join(" AND ") : "true";

  return sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [ROLLUP_LOCK]);
    // Large hash aggregates stay in memory on a server (hash nodes may use twice this);
    // PGlite's memory is the process's own.
    if (tx.kind === "postgres") await tx.exec(`SET LOCAL work_mem = '256MB'`);

    // The temporary tables go at commit; dropped by hand too, since a caller's outer transaction
    // (the seed's) may run more than one rebuild before it commits.
    const temporary = ["rollup_item_day", "rollup_file_day", "rollup_page_day", "rollup_item_collection", "rollup_item_unit", "rollup_item_researcher"];
    const dropTemporary = () => tx.exec(`DROP TABLE IF EXISTS ${temporary.map((t) => `pg_temp.${t}`).join(", ")}`);
    await dropTemporary();

    await tx.query(`DELETE FROM usage_daily WHERE ${daysInRange}`, params);

    // Per item, day and country. A "session" row is one visitor in one UTC hour on one item.
    await tx.query(
      `CREATE TEMP TABLE rollup_item_day ON COMMIT DROP AS
       WITH sessions AS (
         SELECT item_id,
                (occurred_at AT TIME ZONE 'UTC')::date AS day,
                coalesce(country, '--') AS country,
                visitor_hash,
                -- an event without a visitor is a session of its own
                CASE WHEN visitor_hash IS NULL THEN id END AS lone_event,
                date_trunc('hour', occurred_at AT TIME ZONE 'UTC') AS hour,
                count(*) FILTER (WHERE counted AND NOT is_robot) AS investigations,
                count(*) FILTER (WHERE counted AND NOT is_robot AND kind = 'FILE_DOWNLOAD') AS requests,
                count(*) FILTER (WHERE is_robot) AS robots
           FROM usage_event
          WHERE ${inRange} AND item_id IS NOT NULL AND kind IN ('ITEM_VIEW', 'FILE_DOWNLOAD')
          GROUP BY 1, 2, 3, 4, 5, 6
       )
       SELECT item_id, day, country,
              sum(investigations)::int AS views,
              (count(*) FILTER (WHERE investigations > 0))::int AS unique_views,
              sum(requests)::int AS downloads,
              (count(*) FILTER (WHERE requests > 0))::int AS unique_downloads,
              sum(robots)::int AS robot_hits
         FROM sessions
        GROUP BY item_id, day, country`,
      params,
    );
    // Per file: the same rules over download events only.
    await tx.query(
      `CREATE TEMP TABLE rollup_file_day ON COMMIT DROP AS
       WITH sessions AS (
         SELECT file_id,
                (occurred_at AT TIME ZONE 'UTC')::date AS day,
                coalesce(country, '--') AS country,
                visitor_hash,
                CASE WHEN visitor_hash IS NULL THEN id END AS lone_event,
                date_trunc('hour', occurred_at AT TIME ZONE 'UTC') AS hour,
                count(*) FILTER (WHERE counted AND NOT is_robot) AS requests,
                count(*) FILTER (WHERE is_robot) AS robots
           FROM usage_event
          WHERE ${inRange} AND file_id IS NOT NULL AND kind = 'FILE_DOWNLOAD'
          GROUP BY 1, 2, 3, 4, 5, 6
       )
       SELECT file_id, day, country,
              sum(requests)::int AS downloads,
              (count(*) FILTER (WHERE requests > 0))::int AS unique_downloads,
              sum(robots)::int AS robot_hits
         FROM sessions
        GROUP BY file_id, day, country`,
      params,
    );
    // Researcher and unit profile pages.
    await tx.query(
      `CREATE TEMP TABLE rollup_page_day ON COMMIT DROP AS
       SELECT kind,
              CASE WHEN kind = 'RESEARCHER_VIEW' THEN researcher_id ELSE unit_id END AS target_id,
              (occurred_at AT TIME ZONE 'UTC')::date AS day,
              coalesce(country, '--') AS country,
              (count(*) FILTER (WHERE counted AND NOT is_robot))::int AS page_views,
              (count(*) FILTER (WHERE is_robot))::int AS robot_hits
         FROM usage_event
        WHERE ${inRange} AND kind IN ('RESEARCHER_VIEW', 'UNIT_VIEW')
        GROUP BY 1, 2, 3, 4`,
      params,
    );

    // Which scopes each item belongs to, each pair once.
    await tx.exec(`
      CREATE TEMP TABLE rollup_item_collection ON COMMIT DROP AS
        SELECT id AS item_id, collection_id FROM item
        UNION
        SELECT item_id, collection_id FROM item_collection;

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
        SELECT DISTINCT item_id, researcher_id FROM contributor WHERE researcher_id IS NOT NULL;

      ANALYZE rollup_item_day;
      ANALYZE rollup_file_day;
      ANALYZE rollup_page_day;
      ANALYZE rollup_item_collection;
      ANALYZE rollup_item_unit;
      ANALYZE rollup_item_researcher;
    `);

    const columns = `(scope, scope_id, day, country, views, unique_views, downloads, unique_downloads, page_views, robot_hits)`;
    const sums = `sum(views)::int, sum(unique_views)::int, sum(downloads)::int, sum(unique_downloads)::int, sum(page_views)::int, sum(robot_hits)::int`;
    // A group whose events were all folded double clicks would be a row of zeros: leave it out.
    const notEmpty = `HAVING sum(views) + sum(downloads) + sum(page_views) + sum(robot_hits) > 0`;

    // Rows go in in primary-key order: the index then grows at its right edge instead of taking
    // random inserts all over a tree much larger than memory, and the table ends up clustered by
    // scope, id and day — the order dashboards read it in.
    const order = `ORDER BY 2, 3, 4`;
    const inserts = [
      `INSERT INTO usage_daily ${columns}
       SELECT 'ITEM', item_id, day, country, views, unique_views, downloads, unique_downloads, 0, robot_hits
         FROM rollup_item_day
        WHERE views + robot_hits > 0 ${order}`,
      `INSERT INTO usage_daily ${columns}
       SELECT 'FILE', file_id, day, country, downloads, unique_downloads, downloads, unique_downloads, 0, robot_hits
         FROM rollup_file_day
        WHERE downloads + robot_hits > 0 ${order}`,
      `INSERT INTO usage_daily ${columns}
       SELECT 'SITE', 0, day, country, ${sums}
         FROM (SELECT day, country, views, unique_views, downloads, unique_downloads, 0 AS page_views, robot_hits
                 FROM rollup_item_day
               UNION ALL
               SELECT day, country, 0, 0, 0, 0, page_views, robot_hits
                 FROM rollup_page_day) s
        GROUP BY day, country ${notEmpty} ${order}`,
      `INSERT INTO usage_daily ${columns}
       SELECT 'COLLECTION', ic.collection_id, d.day, d.country,
              sum(d.views)::int, sum(d.unique_views)::int, sum(d.downloads)::int, sum(d.unique_downloads)::int, 0,
              sum(d.robot_hits)::int
         FROM rollup_item_day d JOIN rollup_item_collection ic ON ic.item_id = d.item_id
        GROUP BY ic.collection_id, d.day, d.country
       HAVING sum(d.views) + sum(d.robot_hits) > 0 ${order}`,
      `INSERT INTO usage_daily ${columns}
       SELECT 'UNIT', unit_id, day, country, ${sums}
         FROM (SELECT iu.unit_id, d.day, d.country, d.views, d.unique_views, d.downloads, d.unique_downloads,
                      0 AS page_views, d.robot_hits
                 FROM rollup_item_day d JOIN rollup_item_unit iu ON iu.item_id = d.item_id
               UNION ALL
               SELECT target_id, day, country, 0, 0, 0, 0, page_views, robot_hits
                 FROM rollup_page_day WHERE kind = 'UNIT_VIEW' AND target_id IS NOT NULL) s
        GROUP BY unit_id, day, country ${notEmpty} ${order}`,
      `INSERT INTO usage_daily ${columns}
       SELECT 'RESEARCHER', researcher_id, day, country, ${sums}
         FROM (SELECT ir.researcher_id, d.day, d.country, d.views, d.unique_views, d.downloads, d.unique_downloads,
                      0 AS page_views, d.robot_hits
                 FROM rollup_item_day d JOIN rollup_item_researcher ir ON ir.item_id = d.item_id
               UNION ALL
               SELECT target_id, day, country, 0, 0, 0, 0, page_views, robot_hits
                 FROM rollup_page_day WHERE kind = 'RESEARCHER_VIEW' AND target_id IS NOT NULL) s
        GROUP BY researcher_id, day, country ${notEmpty} ${order}`,
    ];
    for (const statement of inserts) await tx.exec(statement);
    await dropTemporary();

    const [{ rows }] = await tx.query<{ rows: number }>(
      `SELECT count(*)::int AS rows FROM usage_daily WHERE ${daysInRange}`,
      params,
    );
    return { from: fromDay, to: toDay, rows };
  });
}

/** "YYYY-MM-DD" of an instant, in UTC. */
function utcDay(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new RangeError("rollup range has an invalid date");
  return d.toISOString().slice(0, 10);
}
