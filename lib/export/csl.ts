// An item as CSL-JSON: the one mapping from Atrium's fields to bibliographic data that every export
// format and formatted citation starts from. Pure; no database, no Next.js.
import { siteUrl } from "../env";
import type { ContributorRole, ItemType } from "../generated/prisma/enums";

export type ExportableItemType = ItemType;

export type ExportableContributorRole = ContributorRole;

export type ExportableContributor = {
  /** The name as printed, "Family, Given"; a name without a comma is kept whole (an organisation). */
  name: string;
  role: ExportableContributorRole;
  /** Order in the list; contributors are sorted by it when given. */
  position?: number;
};

/**
 * What the exports read from an item. `ItemPageRecord` (lib/items/get-item-page.ts) satisfies it as
 * it is; tests build it by hand.
 */
export type ExportableItem = {
  handle: string;
  /** The persistent URI as registered elsewhere (dc.identifier.uri), when it differs from this site's URL. */
  uri: string | null;
  type: ExportableItemType;
  title: string;
  alternativeTitle: string | null;
  /** Language of the alternative title (ISO 639-1), e.g. "en" for the English title of a Korean article. */
  alternativeTitleLang?: string | null;
  contributors: readonly ExportableContributor[];
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  issueDate: string | null;
  publisher: string | null;
  journalTitle: string | null;
  bookTitle: string | null;
  conferenceName: string | null;
  conferencePlace?: string | null;
  placeOfPublication?: string | null;
  edition?: string | null;
  volume: string | null;
  number: string | null;
  startPage: string | null;
  endPage: string | null;
  pageCount: number | null;
  issn: string | null;
  eissn: string | null;
  isbn: string | null;
  doi: string | null;
  /** Thesis degree ("Ph.D.", "Master", "박사"…). */
  degree?: string | null;
  reportNumber?: string | null;
  patentNumber?: string | null;
  abstract: string | null;
  keywords: readonly string[];
  /** ISO 639-1 code of the content's language. */
  language: string | null;
  /** License URL or statement. */
  license: string | null;
  rights?: string | null;
  /** The bibliographic citation as recorded (DSpace's dc.identifier.bibliographicCitation). */
  citation?: string | null;
};

export type CslName = { family: string; given?: string; suffix?: string } | { literal: string };

export type CslDate = { "date-parts": [number[]] } | { literal: string };

/** The CSL-JSON variables Atrium fills (CSL 1.0.2). */
export type CslItem = {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  editor?: CslName[];
  translator?: CslName[];
  contributor?: CslName[];
  issued?: CslDate;
  publisher?: string;
  "publisher-place"?: string;
  "container-title"?: string;
  "event-title"?: string;
  "event-place"?: string;
  edition?: string;
  volume?: string;
  issue?: string;
  number?: string;
  page?: string;
  "number-of-pages"?: string;
  ISSN?: string;
  ISBN?: string;
  DOI?: string;
  URL?: string;
  abstract?: string;
  keyword?: string;
  language?: string;
  license?: string;
  genre?: string;
};

export type ExportOptions = {
  /** Base URL of the site, without a trailing slash; defaults to the configured SITE_URL. */
  baseUrl?: string;
};

const CSL_TYPES: Record<ExportableItemType, string> = {
  JOURNAL_ARTICLE: "article-journal",
  CONFERENCE_PAPER: "paper-conference",
  BOOK: "book",
  BOOK_CHAPTER: "chapter",
  THESIS: "thesis",
  REPORT: "report",
  DATASET: "dataset",
  PATENT: "patent",
  PRESENTATION: "speech",
  OTHER: "document",
};

/** Which CSL name variable a contributor role fills. Inventors are a patent's authors. */
const CSL_NAME_ROLES: Record<ExportableContributorRole, "author" | "editor" | "translator" | "contributor"> = {
  AUTHOR: "author",
  INVENTOR: "author",
  EDITOR: "editor",
  TRANSLATOR: "translator",
  ADVISOR: "contributor",
  OTHER: "contributor",
};

const ISSUE_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function cslType(type: ExportableItemType): string {
  return CSL_TYPES[type];
}

/** The item page's canonical URL: `${siteUrl()}/handle/{prefix}/{n}`. */
export function canonicalItemUrl(handle: string, options: ExportOptions = {}): string {
  const base = (options.baseUrl ?? siteUrl()).replace(/\/+$/, "");
  return `${base}/handle/${handle.split("/").map(encodeURIComponent).join("/")}`;
}

/** A DOI as stored ("10.9758/cpn.2023.21.3.429"), whatever resolver prefix it was entered with. */
export function bareDoi(doi: string): string {
  return doi
    .trim()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, "")
    .replace(/^doi:\s*/i, "");
}

/** "Kim, Jeongseop" → family/given; "King, Martin Luther, Jr." adds a suffix; no comma → literal. */
export function parseContributorName(name: string): CslName {
  const printed = clean(name);
  const comma = printed.indexOf(",");
  if (comma < 0) return { literal: printed };
  const family = printed.slice(0, comma).trim();
  const [given = "", suffix = ""] = printed
    .slice(comma + 1)
    .split(",")
    .map((part) => part.trim());
  if (!family || !given) return { literal: printed.replace(/^,|,$/g, "").trim() };
  return suffix ? { family, given, suffix } : { family, given };
}

/** Date parts at the precision recorded: [2023], [2023, 8] or [2023, 8, 14]. */
export function issueDateParts(issueDate: string | null | undefined): number[] | null {
  const m = issueDate ? ISSUE_DATE.exec(issueDate.trim()) : null;
  if (!m) return null;
  const parts = [Number(m[1])];
  if (m[2]) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    parts.push(month);
  }
  if (m[3]) {
    const day = Number(m[3]);
    if (day < 1 || day > 31) return null;
    parts.push(day);
  }
  return parts;
}

/** "429-446", "429" or undefined. */
export function pageRange(item: Pick<ExportableItem, "startPage" | "endPage">): string | undefined {
  const start = clean(item.startPage);
  const end = clean(item.endPage);
  if (start && end && start !== end) return `${start}-${end}`;
  return start || end || undefined;
}

/** Contributors in list order, whatever order they were handed over in. */
export function orderedContributors(item: Pick<ExportableItem, "contributors">): ExportableContributor[] {
  return [...item.contributors].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
}

/** The container an item appeared in: a journal for articles, a book or proceedings for chapters and papers. */
export function containerTitle(item: ExportableItem): string | undefined {
  switch (item.type) {
    case "JOURNAL_ARTICLE":
      return clean(item.journalTitle) || clean(item.bookTitle) || undefined;
    case "BOOK_CHAPTER":
    case "CONFERENCE_PAPER":
      return clean(item.bookTitle) || clean(item.journalTitle) || undefined;
    case "BOOK":
      return undefined;
    default:
      return clean(item.journalTitle) || clean(item.bookTitle) || undefined;
  }
}

/** Thesis degrees as CSL genres that BibTeX and citation styles recognise. */
function thesisGenre(degree: string | null | undefined): string | undefined {
  const value = clean(degree);
  if (!value) return undefined;
  if (/doct|ph\.?\s?d|박사/i.test(value)) return "PhD thesis";
  if (/master|m\.?\s?(a|s|sc|phil)\b|석사/i.test(value)) return "Master's thesis";
  return value;
}

/**
 * Text as it may travel in any export: no control characters (some would make XML ill-formed,
 * line breaks would break tagged formats), runs of white space as one space, trimmed.
 */
export function clean(value: string | null | undefined): string {
  if (!value) return "";
  return (
    value
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]/g, " ")
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** Like clean(), but keeps paragraph breaks (as "\n\n") for the formats that can carry them. */
export function cleanParagraphs(value: string | null | undefined): string {
  if (!value) return "";
  return value
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => clean(paragraph))
    .filter(Boolean)
    .join("\n\n");
}

/** The item as one CSL-JSON record; its id is the handle and its URL the canonical page URL. */
export function toCsl(item: ExportableItem, options: ExportOptions = {}): CslItem {
  const csl: CslItem = { id: item.handle, type: cslType(item.type), title: clean(item.title) };

  for (const contributor of orderedContributors(item)) {
    if (!clean(contributor.name)) continue;
    const role = CSL_NAME_ROLES[contributor.role];
    (csl[role] ??= []).push(parseContributorName(contributor.name));
  }

  const parts = issueDateParts(item.issueDate);
  if (parts) csl.issued = { "date-parts": [parts] };
  else if (clean(item.issueDate)) csl.issued = { literal: clean(item.issueDate) };

  const set = <K extends keyof CslItem>(key: K, value: string | null | undefined) => {
    const text = clean(value);
    if (text) (csl as Record<string, unknown>)[key] = text;
  };
  set("container-title", containerTitle(item));
  if (item.type === "CONFERENCE_PAPER" || item.type === "PRESENTATION") {
    set("event-title", item.conferenceName);
    set("event-place", item.conferencePlace);
  }
  set("publisher", item.publisher);
  set("publisher-place", item.placeOfPublication);
  set("edition", item.edition);
  set("volume", item.volume);
  if (item.type === "REPORT") set("number", item.reportNumber ?? item.number);
  else if (item.type === "PATENT") set("number", item.patentNumber ?? item.number);
  else set("issue", item.number);
  set("page", pageRange(item));
  if (item.pageCount && item.pageCount > 0) csl["number-of-pages"] = String(item.pageCount);
  set("ISSN", item.issn || item.eissn);
  set("ISBN", item.isbn);
  if (clean(item.doi)) csl.DOI = bareDoi(clean(item.doi));
  csl.URL = canonicalItemUrl(item.handle, options);
  const abstract = cleanParagraphs(item.abstract);
  if (abstract) csl.abstract = abstract;
  const keywords = item.keywords.map(clean).filter(Boolean);
  if (keywords.length) csl.keyword = keywords.join(", ");
  set("language", item.language);
  set("license", item.license);
  if (item.type === "THESIS") set("genre", thesisGenre(item.degree));
  return csl;
}
