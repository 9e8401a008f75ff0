-- AlterTable
ALTER TABLE "item" ADD COLUMN     "open_file_from" DATE;

-- CreateIndex
CREATE INDEX "item_open_file_from_idx" ON "item"("open_file_from");

-- ---------------------------------------------------------------------------------------------
-- Written by hand below this line: the day from which an item has a file anyone may download.
--
-- Search filters and counts items "with an open file" (lib/search/search-items.ts). Asked of the
-- file table row by row, that was an index probe per matching item, three times per search (the
-- filter, the facet, each hit). Kept on the item as a date, it is one comparison with today, and
-- its index joins the text indexes before any row is read. A date rather than a flag, so that it
-- stays right as time passes: an embargo that ends needs no write.
--
-- As the download route decides (lib/files/access.ts): an OPEN file is open (whatever date it
-- carries), an EMBARGOED file from its embargo_until (never without one), a RESTRICTED file never;
-- the item's own embargo holds back all its files. So the item is open from the later of its embargo's end and
-- its earliest-opening file's day: '-infinity' when nothing ever held it back, NULL when no file
-- ever opens (NULL <= current_date is not true).
CREATE FUNCTION item_open_file_from(item_id integer, item_embargo date) RETURNS date
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT greatest(first_file, coalesce(item_embargo, '-infinity'::date))
      FROM (SELECT min(CASE WHEN f.access = 'OPEN' THEN '-infinity'::date ELSE f.embargo_until END) AS first_file
              FROM public.file f
             WHERE f.item_id = item_open_file_from.item_id
               AND (f.access = 'OPEN' OR (f.access = 'EMBARGOED' AND f.embargo_until IS NOT NULL))) s
     WHERE first_file IS NOT NULL
  $$;

-- On the item: computed when it is inserted and when its embargo changes (or someone writes the
-- column: it is set right again).
CREATE FUNCTION item_open_file_from_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.open_file_from := item_open_file_from(NEW.id, NEW.embargo_until);
  RETURN NEW;
END $$;

CREATE TRIGGER item_open_file_from BEFORE INSERT OR UPDATE OF embargo_until, open_file_from ON item
  FOR EACH ROW EXECUTE FUNCTION item_open_file_from_refresh();

-- From the files: once per statement, only for the items whose day changes (an upload of many
-- files is one pass; editing a file's description touches no item). Writing NULL lets the item's
-- trigger above compute the day.
CREATE FUNCTION file_open_file_touch_items() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids integer[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    -- No file is left: every item's day is none.
    UPDATE item SET open_file_from = NULL WHERE open_file_from IS NOT NULL;
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT item_id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT item_id) INTO ids FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT x.item_id) INTO ids
      FROM new_rows n JOIN old_rows o ON o.id = n.id
           CROSS JOIN LATERAL (VALUES (n.item_id), (o.item_id)) AS x(item_id)
     WHERE (n.item_id, n.access, n.embargo_until) IS DISTINCT FROM (o.item_id, o.access, o.embargo_until);
  END IF;
  UPDATE item SET open_file_from = NULL
   WHERE id = ANY (ids) AND open_file_from IS DISTINCT FROM item_open_file_from(id, embargo_until);
  RETURN NULL;
END $$;

CREATE TRIGGER file_open_file_insert AFTER INSERT ON file
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION file_open_file_touch_items();
CREATE TRIGGER file_open_file_update AFTER UPDATE ON file
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION file_open_file_touch_items();
CREATE TRIGGER file_open_file_delete AFTER DELETE ON file
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION file_open_file_touch_items();
CREATE TRIGGER file_open_file_truncate AFTER TRUNCATE ON file
  FOR EACH STATEMENT EXECUTE FUNCTION file_open_file_touch_items();

-- The search document (add_item_search migration) is recomputed by a BEFORE UPDATE trigger on
-- every update of an item. An update from the files above changes open_file_from alone, which is
-- not part of the document: it must not cost the document's recomputation. The trigger is made
-- again, for inserts and for updates that change anything else (or nothing: an update that
-- changes no column still recomputes the document, as before).
DROP TRIGGER item_search_refresh ON item;
CREATE TRIGGER item_search_refresh BEFORE INSERT ON item
  FOR EACH ROW EXECUTE FUNCTION item_search_refresh();
CREATE TRIGGER item_search_refresh_update BEFORE UPDATE ON item
  FOR EACH ROW
  WHEN (OLD.open_file_from IS NOT DISTINCT FROM NEW.open_file_from
        OR to_jsonb(OLD) - 'open_file_from' IS DISTINCT FROM to_jsonb(NEW) - 'open_file_from')
  EXECUTE FUNCTION item_search_refresh();

-- Every existing item, without touching its search document (see above).
UPDATE item SET open_file_from = NULL
 WHERE open_file_from IS DISTINCT FROM item_open_file_from(id, embargo_until);

-- Broad searches limited to one language read their newest matches by walking the items of that
-- language in date order (testing each row's text), rather than every item in date order.
CREATE INDEX item_published_language_date_expr_idx ON item (language, issue_date DESC NULLS LAST, id DESC)
  WHERE status = 'PUBLISHED';
