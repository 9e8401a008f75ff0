// The model record (data/seed-item.json, a real KBRI ScholarWorks item page), read at run time and
// turned into the item, contributors and metrics the demonstration data carries verbatim.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { ContributorSeed, ItemSeed, MetricSeed } from "./items";
import type { ResearcherSeed } from "./researchers";

/** Next to this module; from the project folder when a bundler has moved the module elsewhere. */
export const SEED_ITEM_PATH = (() => {
  const beside = fileURLToPath(new URL("./data/seed-item.json", import.meta.url));
  return fs.existsSync(beside) ? beside : path.resolve(process.cwd(), "lib/seed/data/seed-item.json");
})();

const ZSeedRecord = z.object({
  handle: z.string().regex(/^[^/]+\/\d+$/),
  uri: z.string(),
  type: z.literal("Journal Article"),
  title: z.string(),
  authors: z.array(z.string()).min(1),
  issueDate: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  publisher: z.string(),
  citation: z.string(),
  pages: z.number().int(),
  journalTitle: z.string(),
  volume: z.string(),
  number: z.string(),
  startPage: z.string(),
  endPage: z.string(),
  issn: z.string(),
  abstract: z.string(),
  files: z.array(z.unknown()),
  collections: z.array(z.object({ path: z.array(z.string()) })).min(1),
  externalMetrics: z.array(z.object({ source: z.string(), value: z.number().int() })),
  relatedResearchers: z.array(z.object({ name: z.string(), hasPhoto: z.boolean() })),
  rights: z.string(),
});

export type SeedRecord = z.infer<typeof ZSeedRecord>;

export function readSeedRecord(file = SEED_ITEM_PATH): SeedRecord {
  return ZSeedRecord.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

export function seedHandleParts(record: SeedRecord): { prefix: string; number: number } {
  const [prefix, n] = record.handle.split("/");
  return { prefix, number: Number(n) };
}

/** "Web of Science" → "webofscience", as external_metric.source names sources. */
export function metricSourceName(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function buildSeedItem(
  record: SeedRecord,
  ids: { itemId: number; collectionId: number },
  researchersByName: Map<string, ResearcherSeed>,
  times: { publishedAt: Date; refreshedAt: Date },
): { item: ItemSeed; contributors: ContributorSeed[]; metrics: MetricSeed[] } {
  const item: ItemSeed = {
    id: ids.itemId,
    handle: record.handle,
    uri: record.uri,
    type: "JOURNAL_ARTICLE",
    status: "PUBLISHED",
    title: record.title,
    alternativeTitle: null,
    alternativeTitleLang: null,
    issueDate: record.issueDate,
    issueYear: Number(record.issueDate.slice(0, 4)),
    publisher: record.publisher,
    citation: record.citation,
    journalTitle: record.journalTitle,
    bookTitle: null,
    conferenceName: null,
    conferencePlace: null,
    placeOfPublication: null,
    edition: null,
    volume: record.volume,
    number: record.number,
    startPage: record.startPage,
    endPage: record.endPage,
    pageCount: record.pages,
    issn: record.issn,
    eissn: null,
    isbn: null,
    doi: null,
    degree: null,
    reportNumber: null,
    patentNumber: null,
    abstract: record.abstract,
    altAbstract: null,
    altAbstractLang: null,
    keywords: [],
    subjects: [],
    language: "en",
    license: null,
    rights: null,
    funding: null,
    embargoUntil: null,
    withdrawnReason: null,
    withdrawnAt: null,
    publishedAt: times.publishedAt,
    collectionId: ids.collectionId,
    createdAt: new Date(times.publishedAt.getTime() - 2 * 86_400_000),
    updatedAt: times.publishedAt,
  };
  const contributors: ContributorSeed[] = record.authors.map((name, position) => {
    const researcher = researchersByName.get(name);
    return {
      itemId: ids.itemId,
      position,
      name,
      role: "AUTHOR",
      affiliation: researcher ? "Korea Brain Research Institute" : null,
      orcid: researcher?.orcid ?? null,
      researcherId: researcher?.id ?? null,
    };
  });
  const metrics: MetricSeed[] = record.externalMetrics.map((m) => ({
    itemId: ids.itemId,
    source: metricSourceName(m.source),
    value: m.value,
    url: null,
    refreshedAt: times.refreshedAt,
  }));
  return { item, contributors, metrics };
}
