// Demonstration data: an institute modelled on the seed record's (Korea Brain Research Institute)
// with its units, collections, researchers, items, files, external metrics and two years of usage
// events, plus the seed item itself verbatim. `seedDemo` fills an empty, migrated database;
// `seedIfEmpty` is what the start script calls; scripts/seed.ts is the command line.
//
// Everything is deterministic: a seeded generator, times relative to a reference "today", explicit
// ids — the same options give the same rows and the same stored files. Rows are written in
// batches with set-based SQL inside one transaction, so an interrupted seed leaves no half data set.
import fs from "node:fs/promises";
import path from "node:path";
import type { Sql } from "../db/connection";
import { rebuildUsageDaily } from "../stats/rollup";
import { createLocalStorage, type Storage } from "../storage";
import { insertRows, syncSequence, type Column } from "./bulk";
import { generateEvents, insertEventBatch, type EventItem, type EventTargets } from "./events";
import { assemblePng, pdfMarker, renderAvatarSvg, renderCsv, renderFigure, renderPdf, restampPdf, type FigurePixels } from "./files";
import {
  generateItem,
  planItems,
  type ContributorSeed,
  type GeneratedItem,
  type ItemPlan,
  type ItemSeed,
  type MetricSeed,
} from "./items";
import { seedDemoAccounts } from "./accounts";
import { Random } from "./random";
import { generateResearchers, type ResearcherSeed } from "./researchers";
import { buildSeedItem, readSeedRecord, seedHandleParts, SEED_ITEM_PATH } from "./seed-item";
import { buildStructure, type CollectionRuntime, type GroupRuntime, type UnitRuntime } from "./structure";

export const SITE_NAME = "KBRI ScholarWorks (demo)";
export const DEFAULT_ITEMS = 600;
/** Events per item when --events is not given (150,000 for the default 600 items), at most 10M. */
export const EVENTS_PER_ITEM = 250;
export const MAX_DEFAULT_EVENTS = 10_000_000;
/** Distinct PDFs rendered with pdf-lib; beyond this, rendered PDFs are re-stamped per item. */
export const PDF_RENDER_LIMIT = 2000;
const FIGURE_RENDER_LIMIT = 300;
const ITEM_CHUNK = 1000;
const PUT_CONCURRENCY = 16;
const RANDOM_SEED = "atrium-demo-v1";
const DAY = 86_400_000;

export type SeedOptions = {
  /** Items in all, the seed item included (default 600). */
  items?: number;
  /** Usage events (default 250 per item, at most 10,000,000). */
  events?: number;
  /** Researchers (default max(60, items / 10)). */
  researchers?: number;
  /** The reference day, "YYYY-MM-DD" or a Date (default: the current UTC date). */
  today?: string | Date;
  storage: Storage;
  log?: (line: string) => void;
  /** The model record; defaults to lib/seed/data/seed-item.json. */
  seedItemPath?: string;
};

export type ResolvedSeedOptions = { items: number; events: number; researchers: number; today: Date };

export type SeedSummary = ResolvedSeedOptions & {
  units: number;
  collections: number;
  contributors: number;
  files: number;
  metrics: number;
  usageDailyRows: number;
  robotEvents: number;
  seconds: number;
};

/** Options a person typed that cannot work; the message says which and why. */
export class SeedOptionsError extends Error {}

/** The database already holds content; seeding would mix demonstration data into it. */
export class SeedRefusedError extends Error {}

export function resolveSeedOptions(options: Pick<SeedOptions, "items" | "events" | "researchers" | "today">): ResolvedSeedOptions {
  const items = options.items ?? DEFAULT_ITEMS;
  const researchers = options.researchers ?? Math.max(60, Math.round(items / 10));
  const events = options.events ?? Math.min(items * EVENTS_PER_ITEM, MAX_DEFAULT_EVENTS);
  const check = (name: string, value: number, min: number, max: number) => {
    if (!Number.isSafeInteger(value) || value < min || value > max)
      throw new SeedOptionsError(`--${name} must be a whole number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")} (got ${value})`);
  };
  check("items", items, 20, 5_000_000);
  check("events", events, 0, 500_000_000);
  check("researchers", researchers, 20, 1_000_000);
  if (researchers > items * 3) throw new SeedOptionsError(`--researchers (${researchers}) cannot exceed three per item (--items ${items})`);

  let today: Date;
  if (options.today === undefined) {
    const now = new Date();
    today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  } else if (options.today instanceof Date) {
    today = new Date(Date.UTC(options.today.getUTCFullYear(), options.today.getUTCMonth(), options.today.getUTCDate()));
  } else {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(options.today);
    today = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(NaN);
    if (!m || today.toISOString().slice(0, 10) !== options.today) throw new SeedOptionsError(`--today must be a date YYYY-MM-DD (got ${options.today})`);
  }
  // The seed item is from August 2023; the institute's fifteen years must include it.
  if (today.getTime() < Date.UTC(2023, 9, 1) || today.getTime() > Date.UTC(2100, 0, 1))
    throw new SeedOptionsError(`--today must lie between 2023-10-01 and 2100-01-01 (got ${today.toISOString().slice(0, 10)})`);
  return { items, events, researchers, today };
}

export type ContentCounts = { units: number; collections: number; items: number; researchers: number };

export async function countContent(sql: Sql): Promise<ContentCounts> {
  const [row] = await sql.query<Record<keyof ContentCounts, number | string>>(
    `SELECT (SELECT count(*) FROM unit) AS units, (SELECT count(*) FROM collection) AS collections,
            (SELECT count(*) FROM item) AS items, (SELECT count(*) FROM researcher) AS researchers`,
  );
  return { units: Number(row.units), collections: Number(row.collections), items: Number(row.items), researchers: Number(row.researchers) };
}

/** Empties every table but the migration history, restarting ids (`--reset`). */
export async function emptyDatabase(sql: Sql): Promise<void> {
  const tables = await sql.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  if (tables.length === 0) return;
  await sql.exec(`TRUNCATE ${tables.map((t) => t.name).join(", ")} RESTART IDENTITY CASCADE`);
}

/** Removes everything inside a storage folder, keeping the folder itself. */
export async function emptyStorageFolder(dir: string): Promise<void> {
  const resolved = path.resolve(dir);
  if (resolved === path.parse(resolved).root) throw new Error(`refusing to empty ${resolved}`);
  const entries = await fs.readdir(resolved).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return [] as string[];
    throw err;
  });
  await Promise.all(entries.map((name) => fs.rm(path.join(resolved, name), { recursive: true, force: true })));
}

/**
 * Seeds the demonstration data when the database holds no content (no units, collections, items
 * or researchers). Returns whether it seeded.
 */
export async function seedIfEmpty(sql: Sql, options: { storageDir: string; log?: (line: string) => void }): Promise<boolean> {
  const counts = await countContent(sql);
  if (counts.units + counts.collections + counts.items + counts.researchers > 0) return false;
  const summary = await seedDemo(sql, { storage: createLocalStorage(options.storageDir), log: options.log });
  options.log?.(describeSummary(summary));
  await seedDemoAccounts(sql, options.log);
  return true;
}

export function describeSummary(s: SeedSummary): string {
  const n = (x: number) => x.toLocaleString("en");
  return (
    `Seeded ${n(s.items)} items, ${n(s.researchers)} researchers, ${n(s.units)} units, ${n(s.collections)} collections, ` +
    `${n(s.files)} files, ${n(s.events)} usage events (${n(s.usageDailyRows)} daily rollup rows) ` +
    `as of ${s.today.toISOString().slice(0, 10)} in ${s.seconds.toFixed(1)} s.`
  );
}

// ---------------------------------------------------------------------------------------------
// Column lists

const timestamps = <R extends { createdAt: Date }>(updated: (r: R) => Date = (r) => r.createdAt): Column<R>[] => [
  { name: "created_at", type: "timestamptz", value: (r) => r.createdAt },
  { name: "updated_at", type: "timestamptz", value: updated },
];

type UnitRow = UnitRuntime & { createdAt: Date };
const UNIT_COLUMNS: Column<UnitRow>[] = [
  { name: "id", type: "int", value: (u) => u.id },
  { name: "slug", type: "text", value: (u) => u.slug },
  { name: "handle", type: "text", value: (u) => u.handle },
  { name: "name", type: "text", value: (u) => u.name },
  { name: "alt_name", type: "text", value: (u) => u.altName },
  { name: "alt_lang", type: "text", value: () => "ko" },
  { name: "description", type: "text", value: (u) => u.description },
  { name: "alt_description", type: "text", value: (u) => u.altDescription },
  { name: "parent_id", type: "int", value: (u) => u.parentId },
  { name: "position", type: "int", value: (u) => u.position },
  ...timestamps<UnitRow>(),
];

type CollectionRow = CollectionRuntime & { createdAt: Date };
const COLLECTION_COLUMNS: Column<CollectionRow>[] = [
  { name: "id", type: "int", value: (c) => c.id },
  { name: "slug", type: "text", value: (c) => c.slug },
  { name: "handle", type: "text", value: (c) => c.handle },
  { name: "unit_id", type: "int", value: (c) => c.unitId },
  { name: "name", type: "text", value: (c) => c.name },
  { name: "alt_name", type: "text", value: (c) => c.altName },
  { name: "alt_lang", type: "text", value: () => "ko" },
  { name: "description", type: "text", value: (c) => c.description },
  { name: "alt_description", type: "text", value: (c) => c.altDescription },
  { name: "position", type: "int", value: (c) => c.position },
  ...timestamps<CollectionRow>(),
];

const RESEARCHER_COLUMNS: Column<ResearcherSeed>[] = [
  { name: "id", type: "int", value: (r) => r.id },
  { name: "slug", type: "text", value: (r) => r.slug },
  { name: "display_name", type: "text", value: (r) => r.displayName },
  { name: "family_name", type: "text", value: (r) => r.familyName },
  { name: "given_name", type: "text", value: (r) => r.givenName },
  { name: "name_variants", type: "text[]", value: (r) => r.nameVariants },
  { name: "position", type: "text", value: (r) => r.position },
  { name: "alt_position", type: "text", value: (r) => r.altPosition },
  { name: "primary_unit_id", type: "int", value: (r) => r.primaryUnitId },
  { name: "email", type: "text", value: (r) => r.email },
  { name: "show_email", type: "boolean", value: (r) => r.showEmail },
  { name: "orcid", type: "text", value: (r) => r.orcid },
  { name: "scopus_id", type: "text", value: (r) => r.scopusId },
  { name: "researcher_id_wos", type: "text", value: (r) => r.researcherIdWos },
  { name: "photo_key", type: "text", value: (r) => r.photoKey },
  { name: "biography", type: "text", value: (r) => r.biography },
  { name: "alt_biography", type: "text", value: (r) => r.altBiography },
  { name: "research_interests", type: "text[]", value: (r) => r.researchInterests },
  { name: "links", type: "jsonb", value: (r) => r.links },
  ...timestamps<ResearcherSeed>(),
];

type MembershipRow = { researcherId: number; unitId: number; role: string };
const MEMBERSHIP_COLUMNS: Column<MembershipRow>[] = [
  { name: "researcher_id", type: "int", value: (m) => m.researcherId },
  { name: "unit_id", type: "int", value: (m) => m.unitId },
  { name: "role", type: "text", value: (m) => m.role },
];

const ITEM_COLUMNS: Column<ItemSeed>[] = [
  { name: "id", type: "int", value: (i) => i.id },
  { name: "handle", type: "text", value: (i) => i.handle },
  { name: "uri", type: "text", value: (i) => i.uri },
  { name: "type", type: { enum: "item_type" }, value: (i) => i.type },
  { name: "status", type: { enum: "item_status" }, value: (i) => i.status },
  { name: "title", type: "text", value: (i) => i.title },
  { name: "alternative_title", type: "text", value: (i) => i.alternativeTitle },
  { name: "alternative_title_lang", type: "text", value: (i) => i.alternativeTitleLang },
  { name: "issue_date", type: "text", value: (i) => i.issueDate },
  { name: "issue_year", type: "int", value: (i) => i.issueYear },
  { name: "publisher", type: "text", value: (i) => i.publisher },
  { name: "citation", type: "text", value: (i) => i.citation },
  { name: "journal_title", type: "text", value: (i) => i.journalTitle },
  { name: "book_title", type: "text", value: (i) => i.bookTitle },
  { name: "conference_name", type: "text", value: (i) => i.conferenceName },
  { name: "conference_place", type: "text", value: (i) => i.conferencePlace },
  { name: "place_of_publication", type: "text", value: (i) => i.placeOfPublication },
  { name: "edition", type: "text", value: (i) => i.edition },
  { name: "volume", type: "text", value: (i) => i.volume },
  { name: "number", type: "text", value: (i) => i.number },
  { name: "start_page", type: "text", value: (i) => i.startPage },
  { name: "end_page", type: "text", value: (i) => i.endPage },
  { name: "page_count", type: "int", value: (i) => i.pageCount },
  { name: "issn", type: "text", value: (i) => i.issn },
  { name: "eissn", type: "text", value: (i) => i.eissn },
  { name: "isbn", type: "text", value: (i) => i.isbn },
  { name: "doi", type: "text", value: (i) => i.doi },
  { name: "degree", type: "text", value: (i) => i.degree },
  { name: "report_number", type: "text", value: (i) => i.reportNumber },
  { name: "patent_number", type: "text", value: (i) => i.patentNumber },
  { name: "abstract", type: "text", value: (i) => i.abstract },
  { name: "alt_abstract", type: "text", value: (i) => i.altAbstract },
  { name: "alt_abstract_lang", type: "text", value: (i) => i.altAbstractLang },
  { name: "keywords", type: "text[]", value: (i) => i.keywords },
  { name: "subjects", type: "text[]", value: (i) => i.subjects },
  { name: "language", type: "text", value: (i) => i.language },
  { name: "license", type: "text", value: (i) => i.license },
  { name: "rights", type: "text", value: (i) => i.rights },
  { name: "funding", type: "jsonb", value: (i) => i.funding },
  { name: "embargo_until", type: "date", value: (i) => i.embargoUntil },
  { name: "withdrawn_reason", type: "text", value: (i) => i.withdrawnReason },
  { name: "withdrawn_at", type: "timestamptz", value: (i) => i.withdrawnAt },
  { name: "published_at", type: "timestamptz", value: (i) => i.publishedAt },
  { name: "collection_id", type: "int", value: (i) => i.collectionId },
  ...timestamps<ItemSeed>((i) => i.updatedAt),
];

type ContributorRow = ContributorSeed & { id: number };
const CONTRIBUTOR_COLUMNS: Column<ContributorRow>[] = [
  { name: "id", type: "int", value: (c) => c.id },
  { name: "item_id", type: "int", value: (c) => c.itemId },
  { name: "position", type: "int", value: (c) => c.position },
  { name: "name", type: "text", value: (c) => c.name },
  { name: "role", type: { enum: "contributor_role" }, value: (c) => c.role },
  { name: "affiliation", type: "text", value: (c) => c.affiliation },
  { name: "orcid", type: "text", value: (c) => c.orcid },
  { name: "researcher_id", type: "int", value: (c) => c.researcherId },
];

type MappingRow = { itemId: number; collectionId: number; createdAt: Date };
const MAPPING_COLUMNS: Column<MappingRow>[] = [
  { name: "item_id", type: "int", value: (m) => m.itemId },
  { name: "collection_id", type: "int", value: (m) => m.collectionId },
  { name: "created_at", type: "timestamptz", value: (m) => m.createdAt },
];

type FileRow = {
  id: number;
  itemId: number;
  position: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  storageKey: string;
  description: string;
  access: string;
  embargoUntil: string | null;
  createdAt: Date;
};
const FILE_COLUMNS: Column<FileRow>[] = [
  { name: "id", type: "int", value: (f) => f.id },
  { name: "item_id", type: "int", value: (f) => f.itemId },
  { name: "position", type: "int", value: (f) => f.position },
  { name: "file_name", type: "text", value: (f) => f.fileName },
  { name: "mime_type", type: "text", value: (f) => f.mimeType },
  { name: "size", type: "bigint", value: (f) => f.size },
  { name: "sha256", type: "text", value: (f) => f.sha256 },
  { name: "storage_key", type: "text", value: (f) => f.storageKey },
  { name: "description", type: "text", value: (f) => f.description },
  { name: "access", type: { enum: "file_access" }, value: (f) => f.access },
  { name: "embargo_until", type: "date", value: (f) => f.embargoUntil },
  ...timestamps<FileRow>(),
];

type MetricRow = MetricSeed & { id: number };
const METRIC_COLUMNS: Column<MetricRow>[] = [
  { name: "id", type: "int", value: (m) => m.id },
  { name: "item_id", type: "int", value: (m) => m.itemId },
  { name: "source", type: "text", value: (m) => m.source },
  { name: "value", type: "int", value: (m) => m.value },
  { name: "url", type: "text", value: (m) => m.url },
  { name: "refreshed_at", type: "timestamptz", value: (m) => m.refreshedAt },
];

// ---------------------------------------------------------------------------------------------

/** Runs tasks with at most `limit` in flight; results keep the tasks' order. */
async function runLimited<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** Fills an empty, migrated database with the demonstration data. */
export async function seedDemo(sql: Sql, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const opts = resolveSeedOptions(options);
  const log = options.log ?? (() => {});
  const { storage } = options;
  const root = new Random(RANDOM_SEED);
  const now = opts.today.getTime();
  const record = readSeedRecord(options.seedItemPath ?? SEED_ITEM_PATH);
  const { prefix, number: seedNumber } = seedHandleParts(record);

  const result = await sql.transaction(async (tx) => {
    const counts = await countContent(tx);
    if (counts.units + counts.collections + counts.items + counts.researchers > 0) {
      throw new SeedRefusedError(
        `The database already has content (${counts.items} items, ${counts.units} units, ${counts.researchers} researchers); ` +
          `seed only an empty database.`,
      );
    }

    // Units and collections take the handles after the items' (1…N, skipping the seed's).
    const generatedCount = opts.items - 1;
    const lastItemNumber = generatedCount >= seedNumber ? generatedCount + 1 : seedNumber;
    const structure = buildStructure(prefix, lastItemNumber + 1);
    const launch = new Date(now - 5 * 365 * DAY);
    await insertRows(tx, "unit", UNIT_COLUMNS, structure.units.map((u) => ({ ...u, createdAt: launch })));
    await insertRows(tx, "collection", COLLECTION_COLUMNS, structure.collections.map((c) => ({ ...c, createdAt: launch })));
    // The seed item's "Appears in Collections" path (division › group › collection) must exist as is.
    const seedPath = record.collections[0].path;
    const seedCollection = structure.seedGroup.collections.get("articles");
    const seedDivision = structure.units.find((u) => u.id === structure.seedGroup.parentId);
    const builtPath = [seedDivision?.altName, structure.seedGroup.altName, seedCollection?.name];
    if (!seedCollection || builtPath.join(" › ") !== seedPath.join(" › ")) {
      throw new Error(`the seed item's collection ${seedPath.join(" › ")} differs from the institute's ${builtPath.join(" › ")}`);
    }
    log(`units and collections: ${structure.units.length} and ${structure.collections.length}`);

    // Researchers, with their photos in storage.
    const researchers = generateResearchers(root.fork("researchers"), {
      count: opts.researchers,
      groups: structure.groups,
      divisions: structure.divisions,
      policyCenter: structure.policyCenter,
      seedGroup: structure.seedGroup,
      today: opts.today,
    });
    const photoRandom = root.fork("photos");
    const withPhoto = researchers.filter((r) => r.slug === "koo-ja-wook" || photoRandom.chance(0.92));
    const photos = await runLimited(withPhoto.map((r) => () => storage.put(renderAvatarSvg(r.displayName))), PUT_CONCURRENCY);
    withPhoto.forEach((r, i) => (r.photoKey = photos[i].key));
    await insertRows(tx, "researcher", RESEARCHER_COLUMNS, researchers);
    await insertRows(
      tx,
      "researcher_unit",
      MEMBERSHIP_COLUMNS,
      researchers.flatMap((r) => r.memberships.map((m) => ({ researcherId: r.id, ...m }))),
    );
    log(`researchers: ${researchers.length}`);

    // Items.
    const allGroups: GroupRuntime[] = [...structure.groups, structure.policyCenter];
    const researchersByGroup = new Map<number, ResearcherSeed[]>();
    const researcherGroups = new Map<number, GroupRuntime>();
    for (const r of researchers) {
      researcherGroups.set(r.id, r.groups[0]);
      for (const g of r.groups) {
        const list = researchersByGroup.get(g.id) ?? [];
        list.push(r);
        researchersByGroup.set(g.id, list);
      }
    }
    const seedPublishedAt = Math.min(Date.UTC(2023, 8, 12, 2, 31, 7), now - DAY);
    const plans = planItems(root.fork("plan"), {
      count: generatedCount,
      groups: allGroups,
      researchers,
      today: opts.today,
      seedHandleNumber: seedNumber,
      seedCollection,
      seedGroup: structure.seedGroup,
      seedPublishedAt,
    });
    const related = new Map(
      researchers.filter((r) => record.relatedResearchers.some((x) => x.name === r.displayName)).map((r) => [r.displayName, r]),
    );
    const genCtx = { handlePrefix: prefix, today: opts.today, researchersByGroup, researcherGroups };
    const popularity = root.fork("popularity");
    const eventItems: EventItem[] = [];
    const researcherItems = new Map<number, number[]>();
    const pdfPool: { bytes: Uint8Array; marker: string }[] = [];
    const figurePool: FigurePixels[] = [];
    let contributorId = 1;
    let fileId = 1;
    let metricId = 1;
    const totals = { contributors: 0, files: 0, metrics: 0 };

    for (let start = 0; start < plans.length; start += ITEM_CHUNK) {
      const chunk = plans.slice(start, start + ITEM_CHUNK);
      const generated: GeneratedItem[] = chunk.map((p) => {
        if (!p.isSeed) return generateItem(root.fork(`item:${p.handleNumber}`), p, genCtx);
        const seed = buildSeedItem(record, { itemId: p.id, collectionId: seedCollection.id }, related, {
          publishedAt: new Date(seedPublishedAt),
          refreshedAt: new Date(now - 3 * DAY + 4 * 3_600_000),
        });
        return { ...seed, mappedCollectionIds: [], files: [], pdf: { title: record.title, abstract: record.abstract, citation: record.citation }, measures: ["", ""] };
      });

      // File contents: rendered, re-stamped or generated, then stored (in parallel).
      const fileRows: FileRow[] = [];
      const contents: (() => Promise<Uint8Array | Buffer>)[] = [];
      for (const g of generated) {
        const fr = root.fork(`files:${g.item.id}`);
        g.files.forEach((f, position) => {
          const row: FileRow = {
            id: fileId++,
            itemId: g.item.id,
            position,
            fileName: f.fileName,
            mimeType: f.mimeType,
            size: 0,
            sha256: "",
            storageKey: "",
            description: f.description,
            access: f.access,
            embargoUntil: f.embargoUntil,
            createdAt: g.item.publishedAt ?? g.item.createdAt,
          };
          fileRows.push(row);
          const marker = pdfMarker(g.item.id);
          if (f.kind === "pdf") {
            if (pdfPool.length < PDF_RENDER_LIMIT) {
              const content = {
                title: g.pdf.title,
                authors: g.contributors.filter((c) => c.role === "AUTHOR" || c.role === "INVENTOR" || c.role === "EDITOR").map((c) => c.name),
                citation: g.pdf.citation,
                abstract: g.pdf.abstract,
                handleUrl: `Handle: ${g.item.handle}${g.item.doi ? `  |  DOI: ${g.item.doi}` : ""}`,
                year: g.item.issueYear ?? opts.today.getUTCFullYear(),
                marker,
                createdAt: g.item.createdAt,
              };
              const slot: (typeof pdfPool)[number] = { bytes: new Uint8Array(), marker };
              pdfPool.push(slot);
              contents.push(async () => (slot.bytes = await renderPdf(content)));
            } else {
              const base = pdfPool[(g.item.id * 7919) % pdfPool.length];
              contents.push(async () => restampPdf(base.bytes, base.marker, marker));
            }
          } else if (f.kind === "csv") {
            const bytes = renderCsv(fr.fork(`csv:${position}`), g.measures);
            contents.push(async () => bytes);
          } else {
            const pixels = figurePool.length < FIGURE_RENDER_LIMIT ? renderFigure(fr.fork(`png:${position}`)) : figurePool[g.item.id % figurePool.length];
            if (figurePool.length < FIGURE_RENDER_LIMIT) figurePool.push(pixels);
            const bytes = assemblePng(pixels, g.pdf.title, g.item.handle);
            contents.push(async () => bytes);
          }
        });
      }
      // Rendering first (in order, so the pool is filled before any re-stamp reads it), then storing.
      const bytes: (Uint8Array | Buffer)[] = [];
      for (const make of contents) bytes.push(await make());
      const stored = await runLimited(bytes.map((b) => () => storage.put(b)), PUT_CONCURRENCY);
      fileRows.forEach((row, i) => {
        row.size = stored[i].size;
        row.sha256 = stored[i].sha256;
        row.storageKey = stored[i].key;
      });

      const items = generated.map((g) => g.item);
      const contributors: ContributorRow[] = generated.flatMap((g) => g.contributors.map((c) => ({ ...c, id: contributorId++ })));
      const mappings: MappingRow[] = generated.flatMap((g) =>
        g.mappedCollectionIds.map((collectionId) => ({ itemId: g.item.id, collectionId, createdAt: g.item.publishedAt ?? g.item.createdAt })),
      );
      const metrics: MetricRow[] = generated.flatMap((g) => g.metrics.map((m) => ({ ...m, id: metricId++ })));
      await insertRows(tx, "item", ITEM_COLUMNS, items, 1000);
      await insertRows(tx, "contributor", CONTRIBUTOR_COLUMNS, contributors, 5000);
      await insertRows(tx, "item_collection", MAPPING_COLUMNS, mappings, 5000);
      await insertRows(tx, "file", FILE_COLUMNS, fileRows, 2000);
      await insertRows(tx, "external_metric", METRIC_COLUMNS, metrics, 5000);
      totals.contributors += contributors.length;
      totals.files += fileRows.length;
      totals.metrics += metrics.length;

      // What the usage events need to know about each public item.
      generated.forEach((g, i) => {
        const p: ItemPlan = chunk[i];
        if (g.item.status !== "PUBLISHED" || !g.item.publishedAt) return;
        const publishedAt = g.item.publishedAt.getTime();
        const files = fileRows
          .filter((f) => f.itemId === g.item.id && f.access !== "RESTRICTED")
          .map((f) => ({ id: f.id, openFrom: f.embargoUntil ? Math.max(publishedAt, Date.parse(f.embargoUntil)) : publishedAt }))
          .filter((f) => f.openFrom < now);
        const ageYears = (now - publishedAt) / (365 * DAY);
        const typeFactor = { JOURNAL_ARTICLE: 1, DATASET: 0.8, BOOK: 0.7, BOOK_CHAPTER: 0.5, THESIS: 0.6, REPORT: 0.4, CONFERENCE_PAPER: 0.4, PATENT: 0.3, PRESENTATION: 0.3, OTHER: 0.2 }[p.type];
        let weight = Math.min(popularity.pareto(1.15), 300) * typeFactor * (files.length ? 1.4 : 1) * (ageYears > 8 ? 0.6 : 1);
        if (p.isSeed) weight = 80;
        const index = eventItems.length;
        eventItems.push({ id: g.item.id, publishedAt, groupId: p.group.id, weight, files });
        for (const c of g.contributors) {
          if (c.researcherId === null) continue;
          const list = researcherItems.get(c.researcherId) ?? [];
          if (list[list.length - 1] !== index) list.push(index);
          researcherItems.set(c.researcherId, list);
        }
      });
      const done = Math.min(start + ITEM_CHUNK, plans.length);
      if (plans.length > 10 * ITEM_CHUNK && done % (10 * ITEM_CHUNK) === 0) log(`items: ${done.toLocaleString("en")} of ${plans.length.toLocaleString("en")}`);
    }
    log(`items: ${plans.length}, files: ${totals.files} (${pdfPool.length} PDFs rendered)`);

    // Usage events, then the rollups derived from them.
    const groupItemCounts = new Map<number, number>();
    for (const e of eventItems) groupItemCounts.set(e.groupId, (groupItemCounts.get(e.groupId) ?? 0) + 1);
    const targets: EventTargets = {
      items: eventItems,
      researchers: researchers.map((r) => ({
        id: r.id,
        weight: 2 + (researcherItems.get(r.id)?.length ?? 0) * (r.weight >= 3 ? 1.5 : 1),
        itemIndexes: researcherItems.get(r.id) ?? [],
      })),
      units: structure.units.map((u) => {
        const isGroup = allGroups.some((g) => g.id === u.id);
        return {
          id: u.id,
          weight: u.parentId === null ? 30 : isGroup ? 3 + (groupItemCounts.get(u.id) ?? 0) / 10 : 10,
          groupId: isGroup ? u.id : null,
        };
      }),
    };
    let lastLogged = 0;
    const eventStats = await generateEvents(root.fork("events"), targets, { total: opts.events, today: opts.today }, async (batch, firstId) => {
      await insertEventBatch(tx, batch, firstId);
      const done = firstId + batch.length - 1;
      if (done - lastLogged >= 1_000_000) {
        lastLogged = done;
        log(`usage events: ${done.toLocaleString("en")} of ${opts.events.toLocaleString("en")}`);
      }
    });
    log(`usage events: ${eventStats.total.toLocaleString("en")} (${eventStats.robots.toLocaleString("en")} robot, ${eventStats.uncounted.toLocaleString("en")} double clicks)`);
    if (tx.kind === "postgres") await tx.exec(`ANALYZE usage_event`);
    const rollup = await rebuildUsageDaily(tx);
    log(`usage rollups: ${rollup.rows.toLocaleString("en")} rows`);

    // Site settings, the handle counter, and sequences past the explicit ids.
    const settingsTime = new Date(now - 5 * 365 * DAY);
    await insertRows(
      tx,
      "site_setting",
      [
        { name: "key", type: "text", value: (s: { key: string; value: unknown }) => s.key },
        { name: "value", type: "jsonb", value: (s) => s.value },
        { name: "updated_at", type: "timestamptz", value: () => settingsTime },
      ],
      [
        { key: "siteName", value: SITE_NAME },
        { key: "handlePrefix", value: prefix },
        { key: "rightsStatement", value: record.rights },
      ],
    );
    await tx.query(`INSERT INTO handle_sequence (prefix, next_number) VALUES ($1, $2)`, [prefix, structure.nextHandle]);
    for (const table of ["unit", "collection", "researcher", "item", "contributor", "file", "external_metric", "usage_event"]) {
      await syncSequence(tx, table);
    }
    return {
      units: structure.units.length,
      collections: structure.collections.length,
      contributors: totals.contributors,
      files: totals.files,
      metrics: totals.metrics,
      usageDailyRows: rollup.rows,
      robotEvents: eventStats.robots,
      events: eventStats.total,
    };
  });

  // Fresh statistics for the planner: every table was just filled.
  await sql.exec("ANALYZE");
  return {
    ...opts,
    ...result,
    seconds: (performance.now() - started) / 1000,
  };
}
