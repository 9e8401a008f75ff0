-- DropIndex
DROP INDEX "usage_event_occurred_at_idx";

-- CreateTable
CREATE TABLE "usage_pending" (
    "id" BIGSERIAL NOT NULL,
    "event_id" BIGINT NOT NULL,
    "kind" "usage_event_kind" NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "item_id" INTEGER,
    "file_id" INTEGER,
    "researcher_id" INTEGER,
    "unit_id" INTEGER,
    "country" CHAR(2),
    "is_robot" BOOLEAN NOT NULL,
    "counted" BOOLEAN NOT NULL,
    "unique_view" BOOLEAN NOT NULL,
    "unique_download" BOOLEAN NOT NULL,
    "unique_file_download" BOOLEAN NOT NULL,

    CONSTRAINT "usage_pending_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_salt" (
    "day" DATE NOT NULL,
    "salt" TEXT NOT NULL,

    CONSTRAINT "usage_salt_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "usage_hourly" (
    "scope" "usage_scope" NOT NULL,
    "scope_id" INTEGER NOT NULL,
    "hour" TIMESTAMPTZ(0) NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "unique_views" INTEGER NOT NULL DEFAULT 0,
    "downloads" INTEGER NOT NULL DEFAULT 0,
    "unique_downloads" INTEGER NOT NULL DEFAULT 0,
    "page_views" INTEGER NOT NULL DEFAULT 0,
    "robot_hits" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "usage_hourly_pkey" PRIMARY KEY ("scope","scope_id","hour")
);

-- CreateIndex
CREATE INDEX "usage_event_occurred_at_idx" ON "usage_event"("occurred_at");

-- CreateIndex
CREATE INDEX "usage_event_visitor_hash_occurred_at_idx" ON "usage_event"("visitor_hash", "occurred_at");
