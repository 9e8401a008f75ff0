// The /api/v1 contract as zod schemas: request parameters (parsed by the handlers) and response
// bodies (the handlers' return types). The OpenAPI document is generated from these same schemas,
// so the documentation cannot drift from what is validated. Write endpoints will add their input
// schemas here and share them with the curator forms.
import { z } from "zod";
import { ItemType } from "../generated/prisma/enums";
import { SEARCH_SORTS } from "../search/href";

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 25;

export const ZLimit = z.coerce
  .number({ error: "must be a whole number" })
  .int({ error: "must be a whole number" })
  .min(1, { error: "must be at least 1" })
  .max(MAX_LIMIT, { error: `must be at most ${MAX_LIMIT}` })
  .default(DEFAULT_LIMIT)
  .meta({ description: `Page size (1–${MAX_LIMIT}).`, example: 25 });

export const ZCursor = z
  .string()
  .min(1)
  .max(2000)
  .optional()
  .meta({ description: "Opaque cursor from the previous page's `next` link; omit for the first page." });

export const ZPageQuery = z.strictObject({ limit: ZLimit, cursor: ZCursor });
/** Endpoints that take no query parameters refuse unknown ones (a typo should not pass silently). */
export const ZNoQuery = z.strictObject({});
export type TPageQuery = z.infer<typeof ZPageQuery>;

const itemTypes = Object.values(ItemType) as [ItemType, ...ItemType[]];
export const ZItemType = z.enum(itemTypes);

export const ZItemListQuery = z.strictObject({
  limit: ZLimit,
  cursor: ZCursor,
  type: ZItemType.optional().meta({ description: "Only items of this type." }),
  year: z.coerce.number().int().min(1000).max(9999).optional().meta({ description: "Only items issued in this year.", example: 2023 }),
});
export type TItemListQuery = z.infer<typeof ZItemListQuery>;

export const ZResearcherListQuery = ZPageQuery;

export const ZSearchQuery = z.strictObject({
  q: z.string().trim().max(300).default("").meta({ description: "Search words; quotes for phrases, -word to exclude.", example: "amyloid" }),
  type: ZItemType.optional(),
  year: z.string().regex(/^\d{4}(-\d{4})?$/, { error: "must be YYYY or YYYY-YYYY" }).optional().meta({ example: "2020-2024" }),
  unit: z.string().max(120).optional().meta({ description: "Unit slug (includes the units below it)." }),
  collection: z.string().max(120).optional().meta({ description: "Collection slug." }),
  author: z.string().max(120).optional().meta({ description: "Researcher slug." }),
  subject: z.string().max(200).optional(),
  language: z.string().max(20).optional().meta({ example: "en" }),
  file: z.literal("open").optional().meta({ description: "`open`: only items with a file anyone may download now." }),
  sort: z.enum(SEARCH_SORTS).optional(),
  limit: z.coerce
    .number({ error: "must be 10, 20, 50 or 100" })
    .refine((n) => [10, 20, 50, 100].includes(n), { error: "must be 10, 20, 50 or 100" })
    .default(20)
    .meta({ description: "Page size: 10, 20, 50 or 100." }),
  cursor: ZCursor,
});
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

export const ZHandleParams = z.strictObject({
  prefix: z.string().min(1).max(100).regex(/^[\w.-]+$/, { error: "must be a handle prefix such as 2023.sw.kbri" }),
  n: z.string().regex(/^\d{1,9}$/, { error: "must be a number" }),
});
export const ZIdParams = z.strictObject({
  id: z.coerce.number({ error: "must be a positive whole number" }).int({ error: "must be a positive whole number" }).min(1).max(2147483647),
});
export const ZSlugParams = z.strictObject({
  slug: z.string().min(1).max(120).regex(/^[\p{L}\p{N}._-]+$/u, { error: "must be a slug" }),
});

// ---------------------------------------------------------------------------------------------
// Response bodies

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

export const ZLinks = z.object({ self: z.string(), next: z.string().nullable().optional(), html: z.string().optional() });

export const ZFile = z
  .object({
    id: z.number().int(),
    fileName: z.string(),
    mimeType: z.string(),
    size: z.number().int(),
    description: z.string().nullable(),
    access: z.enum(["open", "embargoed", "restricted"]).meta({ description: "Whether anyone may download the file now." }),
    embargoUntil: isoDate.nullable().meta({ description: "First day an embargoed file opens." }),
    downloadUrl: z.string().nullable().meta({ description: "Only for files anyone may download now." }),
  })
  .meta({ id: "File" });

export const ZContributor = z
  .object({
    name: z.string(),
    role: z.enum(["author", "editor", "advisor", "translator", "inventor", "other"]),
    orcid: z.string().nullable(),
    affiliation: z.string().nullable(),
    researcher: z.string().nullable().meta({ description: "Slug of the linked researcher." }),
  })
  .meta({ id: "Contributor" });

export const ZItemSummary = z
  .object({
    id: z.number().int(),
    handle: z.string(),
    type: ZItemType,
    title: z.string(),
    issueDate: z.string().nullable().meta({ description: "As precise as known: YYYY, YYYY-MM or YYYY-MM-DD." }),
    authors: z.array(z.string()),
    publishedAt: isoDateTime.nullable(),
    updatedAt: isoDateTime,
    links: ZLinks,
  })
  .meta({ id: "ItemSummary" });

export const ZItem = z
  .object({
    id: z.number().int(),
    handle: z.string(),
    status: z.literal("published"),
    type: ZItemType,
    title: z.string(),
    alternativeTitle: z.string().nullable(),
    alternativeTitleLang: z.string().nullable(),
    issueDate: z.string().nullable(),
    publisher: z.string().nullable(),
    citation: z.string().nullable(),
    journalTitle: z.string().nullable(),
    bookTitle: z.string().nullable(),
    volume: z.string().nullable(),
    number: z.string().nullable(),
    startPage: z.string().nullable(),
    endPage: z.string().nullable(),
    issn: z.string().nullable(),
    isbn: z.string().nullable(),
    doi: z.string().nullable(),
    uri: z.string().nullable(),
    abstract: z.string().nullable(),
    keywords: z.array(z.string()),
    subjects: z.array(z.string()),
    language: z.string().nullable(),
    license: z.string().nullable(),
    contributors: z.array(ZContributor),
    files: z.array(ZFile),
    collection: z.object({ slug: z.string(), name: z.string() }),
    publishedAt: isoDateTime.nullable(),
    updatedAt: isoDateTime,
    links: ZLinks,
  })
  .meta({ id: "Item" });

export const ZTombstone = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.literal(410),
    detail: z.string(),
    item: z.object({
      id: z.number().int(),
      handle: z.string(),
      status: z.literal("withdrawn"),
      title: z.string(),
      withdrawnAt: isoDateTime.nullable(),
      withdrawnReason: z.string().nullable(),
    }),
  })
  .meta({ id: "Tombstone", description: "A withdrawn item: problem details (410) with the item's citation data." });

export const page = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ data: z.array(item), links: ZLinks }).meta({ id });

export const ZItemPage = page(ZItemSummary, "ItemPage");

export const ZResearcherSummary = z
  .object({
    slug: z.string(),
    displayName: z.string(),
    familyName: z.string().nullable(),
    givenName: z.string().nullable(),
    nameVariants: z.array(z.string()),
    position: z.string().nullable(),
    orcid: z.string().nullable(),
    primaryUnit: z.string().nullable().meta({ description: "Slug of the researcher's primary unit." }),
    links: ZLinks,
  })
  .meta({ id: "ResearcherSummary" });
export const ZResearcherPage = page(ZResearcherSummary, "ResearcherPage");

export const ZResearcher = ZResearcherSummary.extend({
  altPosition: z.string().nullable(),
  email: z.string().nullable().meta({ description: "Only when the researcher chose to show it." }),
  scopusId: z.string().nullable(),
  researcherIdWos: z.string().nullable(),
  biography: z.string().nullable(),
  researchInterests: z.array(z.string()),
  units: z.array(z.string()),
  updatedAt: isoDateTime,
  publications: ZItemPage,
}).meta({ id: "Researcher" });

export const ZUnitNode: z.ZodType<{ slug: string; name: string; altName: string | null; children: unknown[] }> = z
  .object({
    slug: z.string(),
    name: z.string(),
    altName: z.string().nullable(),
    get children() {
      return z.array(ZUnitNode);
    },
  })
  .meta({ id: "UnitNode" });
export const ZUnitTree = z.object({ data: z.array(ZUnitNode), links: ZLinks }).meta({ id: "UnitTree" });

const ZCollectionRef = z.object({ slug: z.string(), name: z.string(), altName: z.string().nullable() });

export const ZUnit = z
  .object({
    slug: z.string(),
    handle: z.string().nullable(),
    name: z.string(),
    altName: z.string().nullable(),
    altLang: z.string().nullable(),
    description: z.string().nullable(),
    parent: z.string().nullable(),
    children: z.array(z.object({ slug: z.string(), name: z.string(), altName: z.string().nullable() })),
    collections: z.array(ZCollectionRef),
    updatedAt: isoDateTime,
    links: ZLinks,
  })
  .meta({ id: "Unit" });

export const ZCollection = z
  .object({
    slug: z.string(),
    handle: z.string().nullable(),
    name: z.string(),
    altName: z.string().nullable(),
    description: z.string().nullable(),
    unit: z.string(),
    updatedAt: isoDateTime,
    items: ZItemPage,
    links: ZLinks,
  })
  .meta({ id: "Collection" });

export const ZSearchResult = z
  .object({
    total: z.number().int(),
    estimated: z.boolean(),
    data: z.array(ZItemSummary.omit({ publishedAt: true, updatedAt: true }).extend({ hasOpenFile: z.boolean() })),
    facets: z.record(z.string(), z.unknown()),
    links: ZLinks,
  })
  .meta({ id: "SearchResult" });

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .meta({ id: "Problem" });

export type TItem = z.infer<typeof ZItem>;
export type TItemSummary = z.infer<typeof ZItemSummary>;
export type TResearcherSummary = z.infer<typeof ZResearcherSummary>;
export type TResearcher = z.infer<typeof ZResearcher>;
export type TUnit = z.infer<typeof ZUnit>;
export type TCollection = z.infer<typeof ZCollection>;
export type TLinks = z.infer<typeof ZLinks>;
