// The one record type every import format is mapped to, close to the item model in
// prisma/schema.prisma, and the zod schema that decides whether a parsed record can be imported.
import { z } from "zod";
import { ITEM_TYPES, type ItemTypeKey } from "../items/types";
import { cleanText, normaliseDoi, normaliseIsbn, normaliseIssn, normaliseOrcid } from "./normalise";

export type ImportItemType = ItemTypeKey;

export const CONTRIBUTOR_ROLES = ["AUTHOR", "EDITOR", "ADVISOR", "TRANSLATOR", "INVENTOR", "OTHER"] as const;
export type ImportContributorRole = (typeof CONTRIBUTOR_ROLES)[number];

const MAX_YEAR = () => new Date().getUTCFullYear() + 2;

const optionalText = (max: number) =>
  z
    .string()
    .max(max, `longer than ${max} characters`)
    .nullish()
    .transform((v) => (v == null ? null : cleanText(v) || null));

export const ZImportContributor = z.object({
  name: z.string().trim().min(1, "a contributor without a name").max(500),
  role: z.enum(CONTRIBUTOR_ROLES).default("AUTHOR"),
  affiliation: optionalText(1000),
  orcid: z
    .string()
    .nullish()
    .transform((v) => (v ? normaliseOrcid(v) : null)),
});
export type TImportContributor = z.output<typeof ZImportContributor>;

export const ZFunding = z.object({ funder: z.string().trim().min(1).max(500), awardNumber: z.string().trim().max(200).nullish() });

export const ZImportRecord = z
  .object({
    type: z.enum(ITEM_TYPES).default("OTHER"),
    title: z
      .string({ error: "missing title" })
      .transform((v) => cleanText(v))
      .pipe(z.string().min(1, "missing title").max(4000, "title longer than 4000 characters")),
    alternativeTitle: optionalText(4000),
    alternativeTitleLang: optionalText(20),
    contributors: z.array(ZImportContributor).max(5000).default([]),
    year: z
      .number({ error: "bad year" })
      .int("bad year")
      .min(1000, "bad year (before 1000)")
      .refine((y) => y <= MAX_YEAR(), "bad year (in the future)")
      .nullish(),
    month: z.number().int().min(1, "bad month").max(12, "bad month").nullish(),
    day: z.number().int().min(1, "bad day").max(31, "bad day").nullish(),
    journalTitle: optionalText(1000),
    bookTitle: optionalText(2000),
    conferenceName: optionalText(1000),
    publisher: optionalText(1000),
    placeOfPublication: optionalText(500),
    volume: optionalText(100),
    number: optionalText(100),
    startPage: optionalText(50),
    endPage: optionalText(50),
    pageCount: z.number().int().positive().nullish(),
    issn: z.string().nullish().transform((v) => (v ? normaliseIssn(v) : null)),
    eissn: z.string().nullish().transform((v) => (v ? normaliseIssn(v) : null)),
    isbn: z.string().nullish().transform((v) => (v ? normaliseIsbn(v) : null)),
    doi: z.string().nullish().transform((v) => (v ? normaliseDoi(v) : null)),
    /** A handle the source gave the record ("1234/5678"): used to find duplicates, kept as the item's uri. */
    handle: optionalText(200),
    uri: optionalText(2000),
    abstract: optionalText(100_000),
    keywords: z.array(z.string()).default([]).transform(cleanList),
    subjects: z.array(z.string()).default([]).transform(cleanList),
    language: optionalText(20),
    license: optionalText(1000),
    funding: z.array(ZFunding).default([]),
    thesisDegree: optionalText(200),
    reportNumber: optionalText(200),
  })
  .superRefine((r, ctx) => {
    if ((r.month || r.day) && !r.year) ctx.addIssue({ code: "custom", message: "bad date (month or day without a year)" });
    if (r.day && !r.month) ctx.addIssue({ code: "custom", message: "bad date (day without a month)" });
    if (r.year && r.month && r.day) {
      const d = new Date(Date.UTC(r.year, r.month - 1, r.day));
      if (d.getUTCMonth() !== r.month - 1) ctx.addIssue({ code: "custom", message: `bad date (${r.year}-${r.month}-${r.day} does not exist)` });
    }
  });

export type TImportRecordInput = z.input<typeof ZImportRecord>;
export type TImportRecord = z.output<typeof ZImportRecord>;

function cleanList(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const c = cleanText(v);
    if (!c || seen.has(c.toLowerCase())) continue;
    seen.add(c.toLowerCase());
    out.push(c.slice(0, 500));
  }
  return out;
}

/** "2023", "2023-08" or "2023-08-14", as the item's issue_date column holds it. */
export function issueDateOf(r: Pick<TImportRecord, "year" | "month" | "day">): string | null {
  if (!r.year) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (!r.month) return String(r.year);
  if (!r.day) return `${r.year}-${pad(r.month)}`;
  return `${r.year}-${pad(r.month)}-${pad(r.day)}`;
}

/** One record as a parser found it: what it could read, where it was, and what was wrong. */
export type ParsedRecord = {
  /** 1-based position in the file (or harvest). */
  position: number;
  /** Where a person finds it: "line 12", "entry Chau2020", "oai:…". */
  locator: string;
  /** The source's identifier for the record when it has one (citation key, OAI identifier, put-code). */
  sourceId?: string;
  data: Partial<TImportRecordInput>;
  /** Reasons the record cannot be imported, found while parsing (it is rejected with them). */
  errors: string[];
  /** Things a curator should know that do not stop the import (repaired mojibake, ignored values). */
  warnings: string[];
  /** An OAI-PMH deleted record: nothing to import. */
  deleted?: boolean;
};

export type ValidatedRecord =
  | { ok: true; record: TImportRecord }
  | { ok: false; reasons: string[] };

export function validateRecord(parsed: ParsedRecord): ValidatedRecord {
  if (parsed.errors.length) return { ok: false, reasons: parsed.errors };
  const result = ZImportRecord.safeParse(parsed.data);
  if (result.success) return { ok: true, record: result.data };
  const reasons = result.error.issues.map((i) => {
    const field = i.path.join(".");
    return i.message.startsWith("missing") || i.message.startsWith("bad") || !field ? i.message : `${field}: ${i.message}`;
  });
  return { ok: false, reasons: [...new Set(reasons)] };
}
