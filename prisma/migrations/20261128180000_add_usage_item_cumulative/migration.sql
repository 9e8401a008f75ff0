-- CreateTable
CREATE TABLE "usage_item_cumulative" (
    "month" DATE NOT NULL,
    "item_id" INTEGER NOT NULL,
    "views" INTEGER NOT NULL,
    "downloads" INTEGER NOT NULL,

    CONSTRAINT "usage_item_cumulative_pkey" PRIMARY KEY ("month","item_id")
);

-- ---------------------------------------------------------------------------------------------
-- Written by hand below this line: usage_item_cumulative follows usage_daily's ITEM rows.
-- Row (month m, item i) holds the item's views and downloads on every day before m, for each
-- month m after the first month with usage up to the latest month with usage (the "covered"
-- months). Rows of months that start after a changed day are rebuilt from the month before
-- them, in one set-based statement: a running sum over the months of the per-month totals.

-- Rebuilds the rows of every month after `base` (the first day of a month) from base's own rows
-- and usage_daily.
CREATE FUNCTION usage_item_cumulative_rebuild(base date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  last_month date;
BEGIN
  DELETE FROM usage_item_cumulative WHERE month > base;
  SELECT date_trunc('month', max(day))::date INTO last_month FROM usage_daily WHERE scope = 'ITEM';
  IF last_month IS NULL OR last_month <= base THEN
    RETURN;
  END IF;
  INSERT INTO usage_item_cumulative (month, item_id, views, downloads)
  SELECT month, item_id, views, downloads FROM (
    SELECT g.month, g.item_id,
           (g.base_views + sum(coalesce(m.views, 0)) OVER w)::int AS views,
           (g.base_downloads + sum(coalesce(m.downloads, 0)) OVER w)::int AS downloads
      FROM (
        SELECT i.item_id, s.month::date AS month, coalesce(b.views, 0) AS base_views, coalesce(b.downloads, 0) AS base_downloads
          FROM (SELECT item_id FROM usage_item_cumulative WHERE month = base
                UNION
                SELECT scope_id FROM usage_daily WHERE scope = 'ITEM' AND day >= base AND day < last_month) i
         CROSS JOIN generate_series(base + interval '1 month', last_month, interval '1 month') AS s(month)
          LEFT JOIN usage_item_cumulative b ON b.month = base AND b.item_id = i.item_id
      ) g
      LEFT JOIN (
        SELECT scope_id AS item_id, date_trunc('month', day)::date AS month, sum(views) AS views, sum(downloads) AS downloads
          FROM usage_daily WHERE scope = 'ITEM' AND day >= base AND day < last_month
         GROUP BY 1, 2
      ) m ON m.item_id = g.item_id AND m.month = (g.month - interval '1 month')::date
    WINDOW w AS (PARTITION BY g.item_id ORDER BY g.month)
  ) running
  WHERE views > 0 OR downloads > 0
  ORDER BY month, item_id;
END $$;

-- After a statement changed usage_daily's ITEM rows of the days lo..hi: rows of months after lo
-- are stale, and a first day in a new month adds that month. Usage of the latest covered month
-- itself (the worker's everyday case) changes nothing here.
CREATE FUNCTION usage_item_cumulative_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  lo date;
  hi date;
  covered date;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM usage_item_cumulative;
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT min(day), max(day) INTO lo, hi FROM old_rows WHERE scope = 'ITEM';
  ELSE
    SELECT min(day), max(day) INTO lo, hi FROM new_rows WHERE scope = 'ITEM';
  END IF;
  IF lo IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT max(month) INTO covered FROM usage_item_cumulative;
  IF covered IS NULL THEN
    -- No rows yet: every item's total before the first month with usage is zero.
    SELECT date_trunc('month', min(day))::date INTO covered FROM usage_daily WHERE scope = 'ITEM';
  END IF;
  IF covered IS NULL THEN
    RETURN NULL;
  END IF;
  IF date_trunc('month', lo)::date < covered THEN
    PERFORM usage_item_cumulative_rebuild(date_trunc('month', lo)::date);
  ELSIF date_trunc('month', hi)::date > covered THEN
    PERFORM usage_item_cumulative_rebuild(covered);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER usage_daily_cumulative_insert AFTER INSERT ON usage_daily
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION usage_item_cumulative_follow();
CREATE TRIGGER usage_daily_cumulative_update AFTER UPDATE ON usage_daily
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION usage_item_cumulative_follow();
CREATE TRIGGER usage_daily_cumulative_delete AFTER DELETE ON usage_daily
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION usage_item_cumulative_follow();
CREATE TRIGGER usage_daily_cumulative_truncate AFTER TRUNCATE ON usage_daily
  FOR EACH STATEMENT EXECUTE FUNCTION usage_item_cumulative_follow();

-- What the rollups already hold.
SELECT usage_item_cumulative_rebuild((SELECT date_trunc('month', min(day))::date FROM usage_daily WHERE scope = 'ITEM'));
