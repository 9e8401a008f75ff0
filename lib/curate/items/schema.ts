// The one description of an item as a curator writes it: used by the editor (to show messages
// next to each field), by the server actions (the boundary) and by API writes. Messages are codes
// ("tooLong", "invalidDoi" …) that lib/i18n/messages-edit.ts turns into English or Korean text.
import { z } from "zod";
import { isValidIssn, isValidOrcid } from "../../seed/identifiers";
import { normaliseDoi, normaliseOrcid } from "../../import/normalise";
import { ITEM_TYPES } from "../../items/types";
import { CONTROL, fieldErrors, id, idList, LIMITS, lines, optionalId, optionalText, parseRecordId, text } from "../fields";

export { CONTROL, fieldErrors, LIMITS };

export const CONTRIBUTOR_ROLES = ["AUTHOR", "EDITOR", "ADVISOR", "TRANSLATOR", "INVENTOR", "OTHER"] as const;
export const ITEM_STATUSES = ["DRAFT", "IN_REVIEW", "PUBLISHED", "WITHDRAWN"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ISSUE_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** "2023", "2023-08" or "2023-08-14" that exists in the calendar. */
export function isValidIssueDate(value: string): boolean {
  const m = ISSUE_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1000 || year > 2999) return false;
  if (!m[3]) return true;
  const d = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]);
}

function isValidIsbn(value: string): boolean {
  const c = value.replace(/[\s-]/g, "").toUpperCase();
  if (/^\d{9}[\dX]$/.test(c)) {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (c[i] === "X" ? 10 : Number(c[i])) * (10 - i);
    return sum % 11 === 0;
  }
  if (/^97[89]\d{10}$/.test(c)) {
    let sum = 0;
    for (let i = 0; i < 13; i++) sum += Number(c[i]) * (i % 2 ? 3 : 1);
    return sum % 10 === 0;
  }
  return false;
}

const issn = optionalText(20)
  .transform((v) => (v ? v.toUpperCase() : v))
  .refine((v) => v === null || isValidIssn(v), { message: "invalidIssn" });

export const ZContributor = z.object({
  name: text(LIMITS.short).refine((v) => v !== "", { message: "required" }),
  role: z.enum(CONTRIBUTOR_ROLES).default("AUTHOR"),
  affiliation: optionalText(LIMITS.short),
  orcid: optionalText(60)
    .transform((v) => (v === null ? null : (normaliseOrcid(v) ?? v)))
    .refine((v) => v === null || isValidOrcid(v), { message: "invalidOrcid" }),
  researcherId: optionalId,
});
export type TContributor = z.infer<typeof ZContributor>;

export const ZFunding = z.object({ funder: text(LIMITS.short).refine((v) => v !== "", { message: "required" }), awardNumber: optionalText(200) });

/** "Funder; award" one per line, or an array of { funder, awardNumber }. */
const funding = z.preprocess((v) => {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  return String(v)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const i = l.indexOf(";");
      return i < 0 ? { funder: l, awardNumber: "" } : { funder: l.slice(0, i), awardNumber: l.slice(i + 1) };
    });
}, z.array(ZFunding).max(LIMITS.list));

/** A JSON-encoded list from the editor's hidden field, or an array from the API. */
const jsonList = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => {
    if (v === undefined || v === null || v === "") return [];
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v);
    } catch {
      return "not json";
    }
  }, z.array(item).max(max, { message: "tooMany" }));

const langCode = optionalText(10)
  .transform((v) => (v ? v.toLowerCase() : v))
  .refine((v) => v === null || /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(v), { message: "invalidLanguage" });

const pageText = optionalText(40);

/** Every field of an item a curator sets (DESIGN.md §2). Status and handle have their own actions. */
export const ZItemFields = z
  .object({
    type: z.enum(ITEM_TYPES, { message: "required" }),
    title: text(LIMITS.title).refine((v) => v !== "", { message: "required" }),
    alternativeTitle: optionalText(LIMITS.title),
    alternativeTitleLang: langCode,
    issueDate: optionalText(10).refine((v) => v === null || isValidIssueDate(v), { message: "invalidDate" }),
    publisher: optionalText(LIMITS.short),
    journalTitle: optionalText(LIMITS.short),
    volume: optionalText(100),
    number: optionalText(100),
    startPage: pageText,
    endPage: pageText,
    pageCount: z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), z.coerce.number({ message: "invalidNumber" }).int({ message: "invalidNumber" }).min(1, { message: "invalidNumber" }).max(1_000_000, { message: "invalidNumber" }).nullable()),
    issn,
    eissn: issn,
    isbn: optionalText(30).refine((v) => v === null || isValidIsbn(v), { message: "invalidIsbn" }),
    doi: optionalText(500)
      .transform((v) => (v === null ? null : (normaliseDoi(v) ?? `invalid:${v}`)))
      .refine((v) => v === null || !v.startsWith("invalid:"), { message: "invalidDoi" }),
    abstract: optionalText(LIMITS.long),
    keywords: lines(LIMITS.short),
    subjects: lines(LIMITS.short),
    language: langCode,
    license: optionalText(LIMITS.short),
    funding,
    embargoUntil: optionalText(10).refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && isValidIssueDate(v)), { message: "invalidDate" }),
    collectionId: z.coerce.number({ message: "required" }).int().positive({ message: "required" }),
    mappedCollectionIds: idList,
    contributors: jsonList(ZContributor, LIMITS.contributors),
  })
  .superRefine((v, ctx) => {
    if (v.alternativeTitle && !v.alternativeTitleLang) ctx.addIssue({ code: "custom", path: ["alternativeTitleLang"], message: "required" });
    const s = Number(v.startPage);
    const e = Number(v.endPage);
    if (v.startPage && v.endPage && /^\d+$/.test(v.startPage) && /^\d+$/.test(v.endPage) && e < s) ctx.addIssue({ code: "custom", path: ["endPage"], message: "pageOrder" });
  })
  .transform((v) => ({ ...v, mappedCollectionIds: [...new Set(v.mappedCollectionIds)].filter((c) => c !== v.collectionId).sort((a, b) => a - b) }));

export type TItemFields = z.infer<typeof ZItemFields>;

/** The editor's save: the fields plus the version the curator started from. */
export const ZUpdateItem = ZItemFields.and(z.object({ id, version: z.coerce.number().int().positive() }));
export type TUpdateItem = z.infer<typeof ZUpdateItem>;

export const ZCreateItem = ZItemFields;

export const ZChangeStatus = z
  .object({ id, version: z.coerce.number().int().positive(), status: z.enum(ITEM_STATUSES), reason: optionalText(LIMITS.short) })
  .refine((v) => v.status !== "WITHDRAWN" || v.reason !== null, { path: ["reason"], message: "reasonRequired" });

export const ZRestoreVersion = z.object({ id, version: z.coerce.number().int().positive(), restore: z.coerce.number().int().positive() });

/** An item id from a URL segment: a positive 32-bit integer written in digits, or null. */
export const parseItemId = parseRecordId;
