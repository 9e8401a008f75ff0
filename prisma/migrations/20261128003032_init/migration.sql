-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "item_type" AS ENUM ('JOURNAL_ARTICLE', 'CONFERENCE_PAPER', 'BOOK', 'BOOK_CHAPTER', 'THESIS', 'REPORT', 'DATASET', 'PATENT', 'PRESENTATION', 'OTHER');

-- CreateEnum
CREATE TYPE "item_status" AS ENUM ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "contributor_role" AS ENUM ('AUTHOR', 'EDITOR', 'ADVISOR', 'TRANSLATOR', 'INVENTOR', 'OTHER');

-- CreateEnum
CREATE TYPE "file_access" AS ENUM ('OPEN', 'EMBARGOED', 'RESTRICTED');

-- CreateEnum
CREATE TYPE "usage_event_kind" AS ENUM ('ITEM_VIEW', 'FILE_DOWNLOAD', 'RESEARCHER_VIEW', 'UNIT_VIEW');

-- CreateEnum
CREATE TYPE "usage_scope" AS ENUM ('SITE', 'ITEM', 'FILE', 'COLLECTION', 'UNIT', 'RESEARCHER');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('ADMIN', 'CURATOR', 'RESEARCHER');

-- CreateTable
CREATE TABLE "unit" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "handle" TEXT,
    "name" TEXT NOT NULL,
    "alt_name" TEXT,
    "alt_lang" TEXT,
    "description" TEXT,
    "alt_description" TEXT,
    "parent_id" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "collection" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "handle" TEXT,
    "unit_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "alt_name" TEXT,
    "alt_lang" TEXT,
    "description" TEXT,
    "alt_description" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "collection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item" (
    "id" SERIAL NOT NULL,
    "handle" TEXT NOT NULL,
    "uri" TEXT,
    "type" "item_type" NOT NULL,
    "status" "item_status" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "alternative_title" TEXT,
    "alternative_title_lang" TEXT,
    "issue_date" TEXT,
    "issue_year" INTEGER,
    "publisher" TEXT,
    "citation" TEXT,
    "journal_title" TEXT,
    "book_title" TEXT,
    "conference_name" TEXT,
    "conference_place" TEXT,
    "place_of_publication" TEXT,
    "edition" TEXT,
    "volume" TEXT,
    "number" TEXT,
    "start_page" TEXT,
    "end_page" TEXT,
    "page_count" INTEGER,
    "issn" TEXT,
    "eissn" TEXT,
    "isbn" TEXT,
    "doi" TEXT,
    "degree" TEXT,
    "report_number" TEXT,
    "patent_number" TEXT,
    "abstract" TEXT,
    "alt_abstract" TEXT,
    "alt_abstract_lang" TEXT,
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "subjects" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "language" TEXT,
    "license" TEXT,
    "rights" TEXT,
    "funding" JSONB,
    "embargo_until" DATE,
    "withdrawn_reason" TEXT,
    "withdrawn_at" TIMESTAMPTZ(3),
    "published_at" TIMESTAMPTZ(3),
    "collection_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" INTEGER,
    "updated_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_collection" (
    "item_id" INTEGER NOT NULL,
    "collection_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "item_collection_pkey" PRIMARY KEY ("item_id","collection_id")
);

-- CreateTable
CREATE TABLE "contributor" (
    "id" SERIAL NOT NULL,
    "item_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "role" "contributor_role" NOT NULL DEFAULT 'AUTHOR',
    "affiliation" TEXT,
    "orcid" TEXT,
    "researcher_id" INTEGER,

    CONSTRAINT "contributor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "file" (
    "id" SERIAL NOT NULL,
    "item_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "file_name" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "description" TEXT,
    "access" "file_access" NOT NULL DEFAULT 'OPEN',
    "embargo_until" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "external_metric" (
    "id" SERIAL NOT NULL,
    "item_id" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "url" TEXT,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "external_metric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "researcher" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "family_name" TEXT,
    "given_name" TEXT,
    "name_variants" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "position" TEXT,
    "alt_position" TEXT,
    "primary_unit_id" INTEGER,
    "email" TEXT,
    "show_email" BOOLEAN NOT NULL DEFAULT false,
    "orcid" TEXT,
    "scopus_id" TEXT,
    "researcher_id_wos" TEXT,
    "photo_key" TEXT,
    "biography" TEXT,
    "alt_biography" TEXT,
    "research_interests" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "links" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "researcher_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "researcher_unit" (
    "researcher_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "role" TEXT,

    CONSTRAINT "researcher_unit_pkey" PRIMARY KEY ("researcher_id","unit_id")
);

-- CreateTable
CREATE TABLE "usage_event" (
    "id" BIGSERIAL NOT NULL,
    "kind" "usage_event_kind" NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "item_id" INTEGER,
    "file_id" INTEGER,
    "researcher_id" INTEGER,
    "unit_id" INTEGER,
    "visitor_hash" TEXT,
    "country" CHAR(2),
    "is_robot" BOOLEAN NOT NULL DEFAULT false,
    "counted" BOOLEAN NOT NULL DEFAULT true,
    "referrer_host" TEXT,

    CONSTRAINT "usage_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_daily" (
    "scope" "usage_scope" NOT NULL,
    "scope_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "country" CHAR(2) NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "unique_views" INTEGER NOT NULL DEFAULT 0,
    "downloads" INTEGER NOT NULL DEFAULT 0,
    "unique_downloads" INTEGER NOT NULL DEFAULT 0,
    "page_views" INTEGER NOT NULL DEFAULT 0,
    "robot_hits" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "usage_daily_pkey" PRIMARY KEY ("scope","scope_id","day","country")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "role" "role" NOT NULL DEFAULT 'RESEARCHER',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "researcher_id" INTEGER,
    "sessions_valid_after" TIMESTAMPTZ(3),
    "last_sign_in_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_assignment" (
    "user_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,

    CONSTRAINT "unit_assignment_pkey" PRIMARY KEY ("user_id","unit_id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" INTEGER,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" INTEGER NOT NULL,
    "version" INTEGER,
    "changes" JSONB,
    "snapshot" JSONB,
    "summary" TEXT,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "handle_sequence" (
    "prefix" TEXT NOT NULL,
    "next_number" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "handle_sequence_pkey" PRIMARY KEY ("prefix")
);

-- CreateTable
CREATE TABLE "site_setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "site_setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "unit_slug_key" ON "unit"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "unit_handle_key" ON "unit"("handle");

-- CreateIndex
CREATE INDEX "unit_parent_id_position_idx" ON "unit"("parent_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "collection_slug_key" ON "collection"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "collection_handle_key" ON "collection"("handle");

-- CreateIndex
CREATE INDEX "collection_unit_id_position_idx" ON "collection"("unit_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "item_handle_key" ON "item"("handle");

-- CreateIndex
CREATE INDEX "item_status_published_at_idx" ON "item"("status", "published_at" DESC);

-- CreateIndex
CREATE INDEX "item_collection_id_status_idx" ON "item"("collection_id", "status");

-- CreateIndex
CREATE INDEX "item_status_issue_year_idx" ON "item"("status", "issue_year");

-- CreateIndex
CREATE INDEX "item_type_status_idx" ON "item"("type", "status");

-- CreateIndex
CREATE INDEX "item_doi_idx" ON "item"("doi");

-- CreateIndex
CREATE INDEX "item_updated_at_idx" ON "item"("updated_at");

-- CreateIndex
CREATE INDEX "item_collection_collection_id_idx" ON "item_collection"("collection_id");

-- CreateIndex
CREATE INDEX "contributor_researcher_id_idx" ON "contributor"("researcher_id");

-- CreateIndex
CREATE INDEX "contributor_name_idx" ON "contributor"("name");

-- CreateIndex
CREATE UNIQUE INDEX "contributor_item_id_position_key" ON "contributor"("item_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "file_storage_key_key" ON "file"("storage_key");

-- CreateIndex
CREATE INDEX "file_item_id_position_idx" ON "file"("item_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "external_metric_item_id_source_key" ON "external_metric"("item_id", "source");

-- CreateIndex
CREATE UNIQUE INDEX "researcher_slug_key" ON "researcher"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "researcher_orcid_key" ON "researcher"("orcid");

-- CreateIndex
CREATE INDEX "researcher_primary_unit_id_idx" ON "researcher"("primary_unit_id");

-- CreateIndex
CREATE INDEX "researcher_display_name_idx" ON "researcher"("display_name");

-- CreateIndex
CREATE INDEX "researcher_unit_unit_id_idx" ON "researcher_unit"("unit_id");

-- CreateIndex
CREATE INDEX "usage_event_occurred_at_idx" ON "usage_event" USING BRIN ("occurred_at");

-- CreateIndex
CREATE INDEX "usage_event_item_id_occurred_at_idx" ON "usage_event"("item_id", "occurred_at");

-- CreateIndex
CREATE INDEX "usage_event_researcher_id_occurred_at_idx" ON "usage_event"("researcher_id", "occurred_at");

-- CreateIndex
CREATE INDEX "usage_event_unit_id_occurred_at_idx" ON "usage_event"("unit_id", "occurred_at");

-- CreateIndex
CREATE INDEX "usage_daily_scope_day_idx" ON "usage_daily"("scope", "day");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_researcher_id_key" ON "app_user"("researcher_id");

-- CreateIndex
CREATE INDEX "account_user_id_idx" ON "account"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "account_provider_provider_account_id_key" ON "account"("provider", "provider_account_id");

-- CreateIndex
CREATE INDEX "unit_assignment_unit_id_idx" ON "unit_assignment"("unit_id");

-- CreateIndex
CREATE INDEX "audit_entry_entity_type_entity_id_at_idx" ON "audit_entry"("entity_type", "entity_id", "at");

-- CreateIndex
CREATE INDEX "audit_entry_user_id_at_idx" ON "audit_entry"("user_id", "at");

-- CreateIndex
CREATE INDEX "audit_entry_at_idx" ON "audit_entry"("at");

-- AddForeignKey
ALTER TABLE "unit" ADD CONSTRAINT "unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collection" ADD CONSTRAINT "collection_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item" ADD CONSTRAINT "item_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item" ADD CONSTRAINT "item_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item" ADD CONSTRAINT "item_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_collection" ADD CONSTRAINT "item_collection_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_collection" ADD CONSTRAINT "item_collection_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contributor" ADD CONSTRAINT "contributor_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contributor" ADD CONSTRAINT "contributor_researcher_id_fkey" FOREIGN KEY ("researcher_id") REFERENCES "researcher"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "file" ADD CONSTRAINT "file_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_metric" ADD CONSTRAINT "external_metric_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "researcher" ADD CONSTRAINT "researcher_primary_unit_id_fkey" FOREIGN KEY ("primary_unit_id") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "researcher_unit" ADD CONSTRAINT "researcher_unit_researcher_id_fkey" FOREIGN KEY ("researcher_id") REFERENCES "researcher"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "researcher_unit" ADD CONSTRAINT "researcher_unit_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_researcher_id_fkey" FOREIGN KEY ("researcher_id") REFERENCES "researcher"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_assignment" ADD CONSTRAINT "unit_assignment_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_assignment" ADD CONSTRAINT "unit_assignment_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_entry" ADD CONSTRAINT "audit_entry_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
