-- CreateIndex
CREATE INDEX "item_language_idx" ON "item"("language");
