-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "unaccent";

-- AlterTable
ALTER TABLE "item" ADD COLUMN     "search_text" TEXT,
ADD COLUMN     "search_vector" tsvector;

-- CreateIndex
CREATE INDEX "item_search_vector_idx" ON "item" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "item_search_text_idx" ON "item" USING GIN ("search_text" gin_trgm_ops);

-- ---------------------------------------------------------------------------------------------
-- The search document. Written by hand below this line: Prisma describes the two columns and their
-- indexes (schema.prisma), but has no notation for functions and triggers.
--
-- The document is computed in the database, from the item and the rows around it, so that every
-- writer — Prisma, the seed's bulk SQL, imports, psql — keeps it right without thinking about it:
--   weight A  title, alternative title
--   weight B  contributors as printed, their researchers' display names and name variants
--             (Hangul, romanisations), keywords, subjects
--   weight C  abstract (both languages)
--   weight D  journal / book / conference title, publisher, and the names (both languages) of the
--             units that hold the item's collections
-- search_text holds the same text plus the identifiers, lower-cased and accent-folded, for
-- trigram (substring) matching of Korean terms that are not separated by spaces.

CREATE FUNCTION item_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  names text;
  places text;
  subjects text := concat_ws(' ', array_to_string(NEW.keywords, ' '), array_to_string(NEW.subjects, ' '));
  venue text := concat_ws(' ', NEW.journal_title, NEW.book_title, NEW.conference_name, NEW.publisher);
BEGIN
  SELECT string_agg(concat_ws(' ', c.name, r.display_name, array_to_string(r.name_variants, ' ')), ' ' ORDER BY c.position)
    INTO names
    FROM contributor c LEFT JOIN researcher r ON r.id = c.researcher_id
   WHERE c.item_id = NEW.id;
  SELECT string_agg(DISTINCT concat_ws(' ', u.name, u.alt_name), ' ')
    INTO places
    FROM collection col JOIN unit u ON u.id = col.unit_id
   WHERE col.id = NEW.collection_id
      OR col.id IN (SELECT ic.collection_id FROM item_collection ic WHERE ic.item_id = NEW.id);

  NEW.search_vector :=
       setweight(to_tsvector('simple', unaccent(concat_ws(' ', NEW.title, NEW.alternative_title))), 'A')
    || setweight(to_tsvector('simple', unaccent(concat_ws(' ', names, subjects))), 'B')
    || setweight(to_tsvector('simple', unaccent(concat_ws(' ', NEW.abstract, NEW.alt_abstract))), 'C')
    || setweight(to_tsvector('simple', unaccent(concat_ws(' ', venue, places))), 'D');
  NEW.search_text := lower(unaccent(concat_ws(' ',
    NEW.title, NEW.alternative_title, names, subjects, NEW.abstract, NEW.alt_abstract, venue, places,
    NEW.handle, NEW.doi, NEW.issn, NEW.eissn, NEW.isbn)));
  RETURN NEW;
END $$;

CREATE TRIGGER item_search_refresh BEFORE INSERT OR UPDATE ON item
  FOR EACH ROW EXECUTE FUNCTION item_search_refresh();

-- Rows the document is made from live in other tables; a change there rewrites the items it
-- concerns (once per statement, so bulk inserts of contributors cost one pass over their items).
CREATE FUNCTION item_search_touch_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME IN ('contributor', 'item_collection') THEN
    IF TG_OP <> 'DELETE' THEN
      UPDATE item SET search_text = NULL WHERE id IN (SELECT item_id FROM new_rows);
    END IF;
    IF TG_OP <> 'INSERT' THEN
      UPDATE item SET search_text = NULL WHERE id IN (SELECT item_id FROM old_rows);
    END IF;
  ELSIF TG_TABLE_NAME = 'researcher' THEN
    UPDATE item SET search_text = NULL WHERE id IN (
      SELECT c.item_id FROM contributor c JOIN new_rows n ON n.id = c.researcher_id JOIN old_rows o ON o.id = n.id
       WHERE (n.display_name, n.name_variants) IS DISTINCT FROM (o.display_name, o.name_variants));
  ELSIF TG_TABLE_NAME = 'unit' THEN
    UPDATE item SET search_text = NULL WHERE id IN (
      SELECT i.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        JOIN collection col ON col.unit_id = n.id
        JOIN item i ON i.collection_id = col.id
       WHERE (n.name, n.alt_name) IS DISTINCT FROM (o.name, o.alt_name)
      UNION
      SELECT ic.item_id FROM new_rows n JOIN old_rows o ON o.id = n.id
        JOIN collection col ON col.unit_id = n.id
        JOIN item_collection ic ON ic.collection_id = col.id
       WHERE (n.name, n.alt_name) IS DISTINCT FROM (o.name, o.alt_name));
  ELSIF TG_TABLE_NAME = 'collection' THEN
    UPDATE item SET search_text = NULL WHERE id IN (
      SELECT i.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN item i ON i.collection_id = n.id
       WHERE n.unit_id IS DISTINCT FROM o.unit_id
      UNION
      SELECT ic.item_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN item_collection ic ON ic.collection_id = n.id
       WHERE n.unit_id IS DISTINCT FROM o.unit_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER contributor_search_insert AFTER INSERT ON contributor
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION item_search_touch_items();
CREATE TRIGGER contributor_search_update AFTER UPDATE ON contributor
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION item_search_touch_items();
CREATE TRIGGER contributor_search_delete AFTER DELETE ON contributor
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION item_search_touch_items();
CREATE TRIGGER item_collection_search_insert AFTER INSERT ON item_collection
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION item_search_touch_items();
CREATE TRIGGER item_collection_search_delete AFTER DELETE ON item_collection
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION item_search_touch_items();
CREATE TRIGGER researcher_search_update AFTER UPDATE ON researcher
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION item_search_touch_items();
CREATE TRIGGER unit_search_update AFTER UPDATE ON unit
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION item_search_touch_items();
CREATE TRIGGER collection_search_update AFTER UPDATE ON collection
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION item_search_touch_items();
