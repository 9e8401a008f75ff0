-- DropIndex
DROP INDEX "item_updated_at_id_status_published_at_idx";

-- AlterTable
ALTER TABLE "item" ADD COLUMN     "embargo_lifted_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "item_embargo_until_idx" ON "item"("embargo_until");

-- CreateIndex
CREATE INDEX "file_embargo_until_idx" ON "file"("embargo_until");

-- ---------------------------------------------------------------------------------------------
-- Written by hand below this line. An item's OAI-PMH datestamp is the later of its last change
-- (updated_at) and the moment one of its files last opened when an embargo ended
-- (embargo_lifted_at, see lib/oai/embargo.ts). Harvests walk records in (datestamp, id) order,
-- page by page; status and published_at make the walk and the list's count index-only scans.
-- greatest() ignores NULL, so an item whose files never opened by themselves sorts by updated_at.
CREATE INDEX item_oai_datestamp_expr_idx ON item ((greatest(updated_at, embargo_lifted_at)), id, status, published_at);
