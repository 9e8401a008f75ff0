-- DropIndex
DROP INDEX "item_updated_at_idx";

-- CreateIndex
CREATE INDEX "item_updated_at_id_status_published_at_idx" ON "item"("updated_at", "id", "status", "published_at");
