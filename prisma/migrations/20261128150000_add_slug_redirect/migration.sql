-- CreateTable
CREATE TABLE "slug_redirect" (
    "entity_type" TEXT NOT NULL,
    "old_slug" TEXT NOT NULL,
    "entity_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "slug_redirect_pkey" PRIMARY KEY ("entity_type","old_slug")
);

-- CreateIndex
CREATE INDEX "slug_redirect_entity_type_entity_id_idx" ON "slug_redirect"("entity_type", "entity_id");

-- Slugs already changed in the workspace are in the audit trail: their old URLs redirect too (the
-- latest owner of an old slug wins).
INSERT INTO "slug_redirect" ("entity_type", "old_slug", "entity_id", "created_at")
SELECT DISTINCT ON (entity_type, changes->'slug'->>'before') entity_type, changes->'slug'->>'before', entity_id, at
  FROM "audit_entry"
 WHERE entity_type IN ('researcher', 'unit', 'collection') AND action <> 'create'
   AND jsonb_typeof(changes->'slug'->'before') = 'string'
 ORDER BY entity_type, changes->'slug'->>'before', at DESC, id DESC;
