-- CreateTable
CREATE TABLE "item_popularity" (
    "item_id" INTEGER NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "item_popularity_pkey" PRIMARY KEY ("item_id")
);

-- CreateIndex
CREATE INDEX "item_popularity_views_item_id_idx" ON "item_popularity"("views" DESC, "item_id");

-- ---------------------------------------------------------------------------------------------
-- Written by hand below this line: item_popularity follows usage_daily. The rollups
-- (lib/stats/rollup.ts) delete and insert usage_daily rows; after each such statement the items
-- whose ITEM rows changed get their 365-day view total recomputed, in one set-based statement.
-- An item without new usage keeps the total of its latest rollup until one touches it again.

CREATE FUNCTION item_popularity_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO item_popularity (item_id, views)
    SELECT t.scope_id, coalesce(sum(d.views), 0)::int
      FROM (SELECT DISTINCT scope_id FROM old_rows WHERE scope = 'ITEM') t
      LEFT JOIN usage_daily d ON d.scope = 'ITEM' AND d.scope_id = t.scope_id AND d.day > current_date - 365
     GROUP BY t.scope_id
    ON CONFLICT (item_id) DO UPDATE SET views = EXCLUDED.views;
  ELSE
    INSERT INTO item_popularity (item_id, views)
    SELECT t.scope_id, coalesce(sum(d.views), 0)::int
      FROM (SELECT DISTINCT scope_id FROM new_rows WHERE scope = 'ITEM') t
      LEFT JOIN usage_daily d ON d.scope = 'ITEM' AND d.scope_id = t.scope_id AND d.day > current_date - 365
     GROUP BY t.scope_id
    ON CONFLICT (item_id) DO UPDATE SET views = EXCLUDED.views;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER usage_daily_popularity_insert AFTER INSERT ON usage_daily
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION item_popularity_refresh();
CREATE TRIGGER usage_daily_popularity_update AFTER UPDATE ON usage_daily
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION item_popularity_refresh();
CREATE TRIGGER usage_daily_popularity_delete AFTER DELETE ON usage_daily
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION item_popularity_refresh();

-- What the rollups already hold.
INSERT INTO item_popularity (item_id, views)
SELECT scope_id, sum(views)::int FROM usage_daily WHERE scope = 'ITEM' AND day > current_date - 365 GROUP BY scope_id;
