-- The running totals (add_usage_item_cumulative) give way to monthly sums, which also bound what
-- an item can reach in a range; the covering index of usage_daily's item rows stays.
DROP TRIGGER usage_daily_cumulative_insert ON usage_daily;
DROP TRIGGER usage_daily_cumulative_update ON usage_daily;
DROP TRIGGER usage_daily_cumulative_delete ON usage_daily;
DROP TRIGGER usage_daily_cumulative_truncate ON usage_daily;
DROP FUNCTION usage_item_cumulative_follow();
DROP FUNCTION usage_item_cumulative_rebuild(date);

-- DropTable
DROP TABLE "usage_item_cumulative";

-- CreateTable
CREATE TABLE "usage_item_monthly" (
    "month" DATE NOT NULL,
    "item_id" INTEGER NOT NULL,
    "views" INTEGER NOT NULL,
    "downloads" INTEGER NOT NULL,

    CONSTRAINT "usage_item_monthly_pkey" PRIMARY KEY ("month","item_id")
);

-- CreateIndex
CREATE INDEX "usage_item_monthly_month_views_item_id_idx" ON "usage_item_monthly"("month", "views" DESC, "item_id");

-- ---------------------------------------------------------------------------------------------
-- Written by hand below this line: usage_item_monthly follows usage_daily's ITEM rows. Every
-- statement's change to those rows (the worker's upserts, a rebuild's deletes and inserts) is added
-- to the months it touches: the rows it wrote (TG_ARGV[0] = 'new_rows') are added, the rows it
-- removed or replaced ('old_rows') subtracted, one sum per month and item in key order. Rows left
-- at zero are removed. Every writer of usage_daily holds the rollup lock, so changes never
-- interleave.
CREATE FUNCTION usage_item_monthly_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sign int := CASE TG_ARGV[0] WHEN 'old_rows' THEN -1 ELSE 1 END;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM usage_item_monthly;
    RETURN NULL;
  END IF;
  EXECUTE format($q$
    INSERT INTO usage_item_monthly AS m (month, item_id, views, downloads)
    SELECT date_trunc('month', day)::date, scope_id, $1 * sum(views)::int, $1 * sum(downloads)::int
      FROM %I WHERE scope = 'ITEM'
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (month, item_id) DO UPDATE SET views = m.views + excluded.views, downloads = m.downloads + excluded.downloads
  $q$, TG_ARGV[0]) USING sign;
  IF sign < 0 THEN
    EXECUTE format($q$
      DELETE FROM usage_item_monthly
       WHERE month IN (SELECT DISTINCT date_trunc('month', day)::date FROM %I WHERE scope = 'ITEM') AND views = 0 AND downloads = 0
    $q$, TG_ARGV[0]);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER usage_daily_monthly_insert AFTER INSERT ON usage_daily
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION usage_item_monthly_follow('new_rows');
CREATE TRIGGER usage_daily_monthly_update_new AFTER UPDATE ON usage_daily
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION usage_item_monthly_follow('new_rows');
CREATE TRIGGER usage_daily_monthly_update_old AFTER UPDATE ON usage_daily
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION usage_item_monthly_follow('old_rows');
CREATE TRIGGER usage_daily_monthly_delete AFTER DELETE ON usage_daily
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION usage_item_monthly_follow('old_rows');
CREATE TRIGGER usage_daily_monthly_truncate AFTER TRUNCATE ON usage_daily
  FOR EACH STATEMENT EXECUTE FUNCTION usage_item_monthly_follow();

-- What the rollups already hold.
INSERT INTO usage_item_monthly (month, item_id, views, downloads)
SELECT date_trunc('month', day)::date, scope_id, sum(views)::int, sum(downloads)::int FROM usage_daily
 WHERE scope = 'ITEM'
 GROUP BY 1, 2 HAVING sum(views) > 0 OR sum(downloads) > 0;
