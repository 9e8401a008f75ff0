-- DropIndex
DROP INDEX "item_updated_at_idx";

-- CreateIndex
CREATE INDEX "item_updated_at_id_idx" ON "item"("updated_at", "id");
