-- CreateEnum
CREATE TYPE "correction_status" AS ENUM ('OPEN', 'ACCEPTED', 'DECLINED');

-- CreateTable
CREATE TABLE "correction_request" (
    "id" SERIAL NOT NULL,
    "item_id" INTEGER NOT NULL,
    "changes" JSONB NOT NULL,
    "comment" TEXT,
    "status" "correction_status" NOT NULL DEFAULT 'OPEN',
    "item_version" INTEGER NOT NULL,
    "filed_by_id" INTEGER,
    "filed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_by_id" INTEGER,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,

    CONSTRAINT "correction_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "correction_request_item_id_status_idx" ON "correction_request"("item_id", "status");

-- CreateIndex
CREATE INDEX "correction_request_status_filed_at_idx" ON "correction_request"("status", "filed_at");

-- CreateIndex
CREATE INDEX "correction_request_filed_by_id_filed_at_idx" ON "correction_request"("filed_by_id", "filed_at");

-- AddForeignKey
ALTER TABLE "correction_request" ADD CONSTRAINT "correction_request_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "correction_request" ADD CONSTRAINT "correction_request_filed_by_id_fkey" FOREIGN KEY ("filed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "correction_request" ADD CONSTRAINT "correction_request_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
