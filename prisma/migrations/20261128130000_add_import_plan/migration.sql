-- CreateTable
CREATE TABLE "import_plan" (
    "id" TEXT NOT NULL,
    "user_id" INTEGER,
    "collection_id" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'planned',
    "plan" JSONB NOT NULL,
    "result" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "committed_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_plan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_plan_user_id_created_at_idx" ON "import_plan"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "import_plan_expires_at_idx" ON "import_plan"("expires_at");

-- AddForeignKey
ALTER TABLE "import_plan" ADD CONSTRAINT "import_plan_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_plan" ADD CONSTRAINT "import_plan_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
