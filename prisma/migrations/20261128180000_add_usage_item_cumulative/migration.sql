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
-- months). Rows of months that start after a changed day are rebuilt from the month before them.

-- The dashboard lists add up the ITEM rows of a range of days (lib/stats/breakdowns.ts), and so
-- does the rebuild below. usage_daily is laid out by scope, id and day, so those rows lie all over
-- the table; this index holds them in day order with the figures needed, read without the table.
CREATE INDEX usage_daily_item_day_expr_idx ON usage_daily (day, scope_id) INCLUDE (views, downloads) WHERE scope = 'ITEM';

-- Rebuilds the rows of every month after `base` (the first day of a month) from base's own rows
-- and usage_daily, a month at a time: each month's rows are the month before's plus that month's
-- days (read through usage_daily_item_day_expr_idx), so the work grows with the months rebuilt, not
-- with their square.
CREATE FUNCTION usage_item_cumulative_rebuild(base date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  last_month date;
  m date := base;
BEGIN
  DELETE FROM usage_item_cumulative WHERE month > base;
  SELECT date_trunc('month', max(day))::date INTO last_month FROM usage_daily WHERE scope = 'ITEM';
  WHILE m < last_month LOOP
    INSERT INTO usage_item_cumulative (month, item_id, views, downloads)
    SELECT (m + interval '1 month')::date, item_id, sum(views)::int, sum(downloads)::int FROM (
      SELECT item_id, views, downloads FROM usage_item_cumulative WHERE month = m
      UNION ALL
      SELECT scope_id, views, downloads FROM usage_daily WHERE scope = 'ITEM' AND day >= m AND day < m + interval '1 month'
    ) s
    GROUP BY item_id HAVING sum(views) > 0 OR sum(downloads) > 0
    ORDER BY item_id;
    m := (m + interval '1 month')::date;
  END LOOP;
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
