-- (No change to the Prisma schema.)

-- ---------------------------------------------------------------------------------------------
-- Written by hand below this line: every item has an item_popularity row (0 views until a rollup
-- says otherwise), so that the "most viewed" order can be read from item_popularity's index alone.
CREATE FUNCTION item_popularity_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO item_popularity (item_id, views) SELECT id, 0 FROM new_rows ON CONFLICT (item_id) DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER item_popularity_add AFTER INSERT ON item
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION item_popularity_add();

INSERT INTO item_popularity (item_id, views) SELECT id, 0 FROM item ON CONFLICT (item_id) DO NOTHING;

-- Broad searches read their page of hits in sort order and stop when it is full
-- (lib/search/search-items.ts): newest first and by title, over published items.
CREATE INDEX item_published_date_expr_idx ON item (issue_date DESC NULLS LAST, id DESC) WHERE status = 'PUBLISHED';
CREATE INDEX item_published_title_expr_idx ON item (lower(title), id) WHERE status = 'PUBLISHED';
