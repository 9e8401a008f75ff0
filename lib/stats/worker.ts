// The rollup worker: moves queued events (usage_pending) into usage_daily, usage_hourly and
// usage_referrer_daily by additive upserts, in the same transaction that deletes them from the
// queue — so each event is added exactly once, whichever process runs the worker and however
// often it crashes. One runner at a time across every process (an advisory lock; a busy lock
// means someone else is on it).
import type { Sql } from "../db/connection";
import { dropRollupTemporaries, referrerRows, ROLLUP_LOCK, writeScopeRows } from "./rollup";

export type WorkerRun = { ran: boolean; events: number };

/** Takes up to `limit` queued events and adds them to the rollups. */
export async function applyPendingUsage(sql: Sql, limit = 50_000): Promise<WorkerRun> {
  return sql.transaction(async (tx) => {
    const [{ locked }] = await tx.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [ROLLUP_LOCK]);
    if (!locked) return { ran: false, events: 0 };
    await dropRollupTemporaries(tx);
    await tx.exec(`DROP TABLE IF EXISTS pg_temp.rollup_batch; CREATE TEMP TABLE rollup_batch (LIKE usage_pending) ON COMMIT DROP`);
    const [{ events }] = await tx.query<{ events: number }>(
      `WITH taken AS (
         DELETE FROM usage_pending WHERE id IN (SELECT id FROM usage_pending ORDER BY id LIMIT $1) RETURNING *
       ), kept AS (INSERT INTO rollup_batch SELECT * FROM taken RETURNING 1)
       SELECT count(*)::int AS events FROM kept`,
      [limit],
    );
    if (events > 0) {
      await tx.exec(`
        CREATE TEMP TABLE rollup_item ON COMMIT DROP AS
        SELECT item_id, date_trunc('hour', occurred_at, 'UTC') AS hour, coalesce(country, '--') AS country,
               (count(*) FILTER (WHERE counted AND NOT is_robot))::int AS views,
               (count(*) FILTER (WHERE unique_view))::int AS unique_views,
               (count(*) FILTER (WHERE counted AND NOT is_robot AND kind = 'FILE_DOWNLOAD'))::int AS downloads,
               (count(*) FILTER (WHERE unique_download))::int AS unique_downloads,
               (count(*) FILTER (WHERE is_robot))::int AS robot_hits
          FROM rollup_batch WHERE item_id IS NOT NULL AND kind IN ('ITEM_VIEW', 'FILE_DOWNLOAD')
         GROUP BY 1, 2, 3;

        CREATE TEMP TABLE rollup_file ON COMMIT DROP AS
        SELECT file_id, date_trunc('hour', occurred_at, 'UTC') AS hour, coalesce(country, '--') AS country,
               (count(*) FILTER (WHERE counted AND NOT is_robot))::int AS downloads,
               (count(*) FILTER (WHERE unique_file_download))::int AS unique_downloads,
               (count(*) FILTER (WHERE is_robot))::int AS robot_hits
          FROM rollup_batch WHERE file_id IS NOT NULL AND kind = 'FILE_DOWNLOAD'
         GROUP BY 1, 2, 3;

        CREATE TEMP TABLE rollup_page ON COMMIT DROP AS
        SELECT kind, CASE WHEN kind = 'RESEARCHER_VIEW' THEN researcher_id ELSE unit_id END AS target_id,
               date_trunc('hour', occurred_at, 'UTC') AS hour, coalesce(country, '--') AS country,
               (count(*) FILTER (WHERE counted AND NOT is_robot))::int AS page_views,
               (count(*) FILTER (WHERE is_robot))::int AS robot_hits
          FROM rollup_batch WHERE kind IN ('RESEARCHER_VIEW', 'UNIT_VIEW')
         GROUP BY 1, 2, 3, 4;

        CREATE TEMP TABLE rollup_referrer ON COMMIT DROP AS ${referrerRows("rollup_batch")};
      `);
      await writeScopeRows(tx, "upsert");
      await dropRollupTemporaries(tx);
    }
    await tx.exec(`DROP TABLE pg_temp.rollup_batch`);
    return { ran: true, events };
  });
}

/** Runs the worker until the queue is empty (or another process holds it). */
export async function drainPendingUsage(sql: Sql): Promise<number> {
  let total = 0;
  for (;;) {
    const run = await applyPendingUsage(sql);
    total += run.events;
    if (!run.ran || run.events === 0) return total;
  }
}

const workerHolder = globalThis as unknown as { __atriumRollupWorker?: { timer: NodeJS.Timeout | null; running: boolean; again: boolean } };

/**
 * Asks this process's worker to run soon (within a second); runs coalesce, so a burst of events
 * costs one pass per second, not one per event.
 */
export function scheduleRollup(getSql: () => Promise<Sql>, delayMs = 1000): void {
  const w = (workerHolder.__atriumRollupWorker ??= { timer: null, running: false, again: false });
  if (w.running) {
    w.again = true;
    return;
  }
  if (w.timer) return;
  w.timer = setTimeout(async () => {
    w.timer = null;
    w.running = true;
    try {
      await drainPendingUsage(await getSql());
    } catch (error) {
      console.error(`[stats] rollup worker: ${(error as Error).message}`);
      w.again = true;
    } finally {
      w.running = false;
      if (w.again) {
        w.again = false;
        scheduleRollup(getSql, delayMs);
      }
    }
  }, delayMs);
  w.timer.unref?.();
}
