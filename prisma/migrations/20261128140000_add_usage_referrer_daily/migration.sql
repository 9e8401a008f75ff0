-- AlterTable
ALTER TABLE "usage_pending" ADD COLUMN     "referrer_host" TEXT;

-- CreateTable
CREATE TABLE "usage_referrer_daily" (
    "scope" "usage_scope" NOT NULL,
    "scope_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "host" TEXT NOT NULL,
    "visits" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "usage_referrer_daily_pkey" PRIMARY KEY ("scope","scope_id","day","host")
);

-- Events still queued for the rollup worker carry their referrer from now on.
UPDATE "usage_pending" p SET "referrer_host" = e."referrer_host" FROM "usage_event" e WHERE e."id" = p."event_id";

-- The referrer rollup of every event already rolled up (the queued ones are the worker's), by the
-- rules of lib/stats/rollup.ts; `npm run stats:rebuild` gives the same rows.
WITH RECURSIVE ref AS (
  SELECT CASE WHEN kind IN ('ITEM_VIEW', 'FILE_DOWNLOAD') THEN item_id END AS item_id,
         CASE WHEN kind = 'RESEARCHER_VIEW' THEN researcher_id END AS researcher_id,
         CASE WHEN kind = 'UNIT_VIEW' THEN unit_id END AS unit_id,
         (occurred_at AT TIME ZONE 'UTC')::date AS day, referrer_host AS host, count(*)::int AS visits
    FROM "usage_event" e
   WHERE counted AND NOT is_robot AND referrer_host IS NOT NULL AND referrer_host <> ''
     AND ((kind IN ('ITEM_VIEW', 'FILE_DOWNLOAD') AND item_id IS NOT NULL) OR kind IN ('RESEARCHER_VIEW', 'UNIT_VIEW'))
     AND NOT EXISTS (SELECT 1 FROM "usage_pending" p WHERE p.event_id = e.id)
   GROUP BY 1, 2, 3, 4, 5
), item_collection_pair AS (
  SELECT id AS item_id, collection_id FROM "item" UNION SELECT item_id, collection_id FROM "item_collection"
), unit_ancestor(unit_id, ancestor_id) AS (
  SELECT id, id FROM "unit"
  UNION
  SELECT a.unit_id, u.parent_id FROM unit_ancestor a JOIN "unit" u ON u.id = a.ancestor_id WHERE u.parent_id IS NOT NULL
), item_unit AS (
  SELECT DISTINCT ic.item_id, a.ancestor_id AS unit_id
    FROM item_collection_pair ic JOIN "collection" c ON c.id = ic.collection_id JOIN unit_ancestor a ON a.unit_id = c.unit_id
), item_researcher AS (
  SELECT DISTINCT item_id, researcher_id FROM "contributor" WHERE researcher_id IS NOT NULL
), contribution AS (
  SELECT 'ITEM'::"usage_scope" AS scope, item_id AS scope_id, day, host, visits FROM ref WHERE item_id IS NOT NULL
  UNION ALL SELECT 'SITE', 0, day, host, visits FROM ref
  UNION ALL SELECT 'COLLECTION', ic.collection_id, r.day, r.host, r.visits FROM ref r JOIN item_collection_pair ic ON ic.item_id = r.item_id
  UNION ALL SELECT 'UNIT', iu.unit_id, r.day, r.host, r.visits FROM ref r JOIN item_unit iu ON iu.item_id = r.item_id
  UNION ALL SELECT 'UNIT', unit_id, day, host, visits FROM ref WHERE unit_id IS NOT NULL
  UNION ALL SELECT 'RESEARCHER', ir.researcher_id, r.day, r.host, r.visits FROM ref r JOIN item_researcher ir ON ir.item_id = r.item_id
  UNION ALL SELECT 'RESEARCHER', researcher_id, day, host, visits FROM ref WHERE researcher_id IS NOT NULL
)
INSERT INTO "usage_referrer_daily" (scope, scope_id, day, host, visits)
SELECT scope, scope_id, day, host, sum(visits)::int FROM contribution GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;
