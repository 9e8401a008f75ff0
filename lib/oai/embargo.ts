// Embargoes that end by themselves change what a record shows (its files become linked) without
// anyone editing the item, so nothing moves updated_at. The OAI-PMH datestamp is therefore the
// later of updated_at and item.embargo_lifted_at: the last moment one of the item's files opened
// (00:00 UTC of the embargo's end day, as lib/files/access.ts decides), recorded here before any
// datestamp is read. Harvesters that harvested before that moment find the record again in their
// next incremental harvest (from their last responseDate, which is earlier than the opening).
//
// A file opens at the later of its own embargo end (EMBARGOED files) and its item's embargo end;
// RESTRICTED files and EMBARGOED files without a date never open. Only openings later than the
// current datestamp are recorded: one that came before the item's last edit is already in it.
import type { Sql } from "../db/connection";

/** The OAI-PMH datestamp of item `i`, as SQL: the expression the harvest index is built on. */
export const DATESTAMP = `greatest(i.updated_at, i.embargo_lifted_at)`;

/**
 * The UTC day each database handle last recorded openings for. Files open at 00:00 UTC, and an edit
 * made later in the day dates its record itself: one pass per day and process is enough.
 */
const liftedOn = new WeakMap<Sql, string>();

/**
 * Records the openings that have come by `now` and are later than their item's datestamp, once a
 * day (the rest of the day's calls return 0 at once): two index range scans over the embargo dates
 * that have passed. Idempotent, so concurrent callers (any server process) may run it at once.
 */
export async function liftEndedEmbargoes(sql: Sql, now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  if (liftedOn.get(sql) === today) return 0;
  const rows = await sql.query<{ id: number }>(
    `WITH candidate AS (
       SELECT item_id AS id FROM file WHERE access = 'EMBARGOED' AND embargo_until <= $1::date
       UNION
       SELECT id FROM item WHERE embargo_until <= $1::date
     ), opening AS (
       SELECT f.item_id AS id,
              max(greatest(CASE WHEN f.access = 'EMBARGOED' THEN f.embargo_until END, it.embargo_until)) AS day
         FROM candidate c
         JOIN item it ON it.id = c.id
         JOIN file f ON f.item_id = c.id
        WHERE f.access <> 'RESTRICTED' AND NOT (f.access = 'EMBARGOED' AND f.embargo_until IS NULL)
          AND greatest(CASE WHEN f.access = 'EMBARGOED' THEN f.embargo_until END, it.embargo_until) <= $1::date
        GROUP BY f.item_id
     )
     UPDATE item i SET embargo_lifted_at = o.day::timestamp AT TIME ZONE 'UTC'
       FROM opening o
      WHERE i.id = o.id AND o.day::timestamp AT TIME ZONE 'UTC' > ${DATESTAMP}
     RETURNING i.id`,
    [today],
  );
  liftedOn.set(sql, today);
  return rows.length;
}
