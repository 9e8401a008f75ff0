// What machines read in an item page's <head>: Highwire Press citation_* tags as Google Scholar's
// inclusion guidelines ask, and schema.org JSON-LD.
import { doiUrl } from "./format";
import type { ItemPageRecord } from "./get-item-page";

type MetaItem = Pick<
  ItemPageRecord,
  | "type"
  | "title"
  | "alternativeTitle"
  | "issueDate"
  | "journalTitle"
  | "bookTitle"
  | "conferenceName"
  | "publisher"
  | "volume"
  | "number"
  | "startPage"
  | "endPage"
  | "issn"
  | "eissn"
  | "isbn"
  | "doi"
  | "keywords"
  | "language"
  | "abstract"
  | "license"
  | "handle"
  | "degree"
  | "reportNumber"
  | "updatedAt"
> & {
  contributors: { name: string; role: string; orcid: string | null; researcher: { slug: string } | null }[];
  files: { id: number; fileName: string; mimeType: string; isOpen: boolean }[];
};

/** Scholar wants "YYYY/MM/DD" with as many parts as are known. */
function scholarDate(issueDate: string | null): string | undefined {
  if (!issueDate) return undefined;
  return /^\d{4}(-\d{2}){0,2}$/.test(issueDate) ? issueDate.replaceAll("-", "/") : undefined;
}

export function fileUrl(base: string, file: { id: number; fileName: string }): string {
  return `${base}/files/${file.id}/${encodeURIComponent(file.fileName)}`;
}

/** citation_* tags as name → values (a name may repeat, e.g. one citation_author per author). */
export function highwireTags(item: MetaItem, base: string): Record<string, string[]> {
  const tags: Record<string, string[]> = {};
  const add = (name: string, value: string | number | null | undefined) => {
    if (value === null || value === undefined || value === "") return;
    (tags[name] ??= []).push(String(value));
  };
  add("citation_title", item.title);
  for (const c of item.contributors) {
    if (c.role === "AUTHOR" || c.role === "INVENTOR") add("citation_author", c.name);
  }
  for (const c of item.contributors) if (c.role === "EDITOR") add("citation_editor", c.name);
  add("citation_publication_date", scholarDate(item.issueDate));
  switch (item.type) {
    case "CONFERENCE_PAPER":
      add("citation_conference_title", item.conferenceName ?? item.bookTitle);
      break;
    case "THESIS":
      add("citation_dissertation_institution", item.publisher);
      break;
    case "REPORT":
      add("citation_technical_report_institution", item.publisher);
      add("citation_technical_report_number", item.reportNumber);
      break;
    case "BOOK_CHAPTER":
      add("citation_inbook_title", item.bookTitle);
      break;
    default:
      add("citation_journal_title", item.journalTitle);
  }
  if (item.type !== "THESIS" && item.type !== "REPORT") add("citation_publisher", item.publisher);
  add("citation_issn", item.issn);
  add("citation_issn", item.eissn);
  add("citation_isbn", item.isbn);
  add("citation_volume", item.volume);
  add("citation_issue", item.number);
  add("citation_firstpage", item.startPage);
  add("citation_lastpage", item.endPage);
  add("citation_doi", item.doi);
  add("citation_abstract_html_url", `${base}/handle/${item.handle}`);
  for (const f of item.files) {
    if (f.mimeType === "application/pdf" && f.isOpen) add("citation_pdf_url", fileUrl(base, f));
  }
  if (item.keywords.length) add("citation_keywords", item.keywords.join("; "));
  add("citation_language", item.language);
  return tags;
}

const SCHEMA_TYPES: Record<string, string> = {
  JOURNAL_ARTICLE: "ScholarlyArticle",
  CONFERENCE_PAPER: "ScholarlyArticle",
  BOOK: "Book",
  BOOK_CHAPTER: "Chapter",
  THESIS: "Thesis",
  REPORT: "Report",
  DATASET: "Dataset",
  PATENT: "CreativeWork",
  PRESENTATION: "PresentationDigitalDocument",
  OTHER: "CreativeWork",
};

export function schemaOrgType(type: string): string {
  return SCHEMA_TYPES[type] ?? "CreativeWork";
}

/** "Kim, Jeongseop" → given "Jeongseop", family "Kim". */
function personName(name: string) {
  const [family, given] = name.split(",").map((s) => s.trim());
  return given ? { givenName: given, familyName: family } : {};
}

export function itemJsonLd(item: MetaItem, base: string): Record<string, unknown> {
  const url = `${base}/handle/${item.handle}`;
  const pagination = item.startPage ? [item.startPage, item.endPage].filter(Boolean).join("-") : undefined;
  const authors = item.contributors
    .filter((c) => c.role === "AUTHOR" || c.role === "INVENTOR")
    .map((c) => ({
      "@type": "Person",
      name: c.name,
      ...personName(c.name),
      ...(c.researcher ? { url: `${base}/researchers/${c.researcher.slug}` } : {}),
      ...(c.orcid ? { sameAs: `https://orcid.org/${c.orcid}` } : {}),
    }));
  const periodical = item.journalTitle
    ? {
        "@type": "Periodical",
        name: item.journalTitle,
        ...(item.issn || item.eissn ? { issn: [item.issn, item.eissn].filter(Boolean) } : {}),
      }
    : undefined;
  const volume = item.volume ? { "@type": "PublicationVolume", volumeNumber: item.volume, ...(periodical ? { isPartOf: periodical } : {}) } : periodical;
  const isPartOf = item.number ? { "@type": "PublicationIssue", issueNumber: item.number, ...(volume ? { isPartOf: volume } : {}) } : volume;
  const openFiles = item.files.filter((f) => f.isOpen);
  const ld: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": schemaOrgType(item.type),
    "@id": item.doi ? doiUrl(item.doi) : url,
    url,
    name: item.title,
    headline: item.title.length <= 110 ? item.title : undefined,
    alternativeHeadline: item.alternativeTitle ?? undefined,
    author: authors,
    datePublished: item.issueDate ?? undefined,
    dateModified: item.updatedAt.toISOString(),
    publisher: item.publisher ? { "@type": "Organization", name: item.publisher } : undefined,
    isPartOf: item.type === "BOOK_CHAPTER" && item.bookTitle ? { "@type": "Book", name: item.bookTitle, isbn: item.isbn ?? undefined } : isPartOf,
    pagination,
    pageStart: item.startPage ?? undefined,
    pageEnd: item.endPage ?? undefined,
    isbn: item.type === "BOOK" ? (item.isbn ?? undefined) : undefined,
    identifier: [
      ...(item.doi ? [{ "@type": "PropertyValue", propertyID: "DOI", value: item.doi }] : []),
      { "@type": "PropertyValue", propertyID: "handle", value: item.handle },
    ],
    sameAs: item.doi ? doiUrl(item.doi) : undefined,
    abstract: item.abstract ?? undefined,
    keywords: item.keywords.length ? item.keywords.join(", ") : undefined,
    inLanguage: item.language ?? undefined,
    license: item.license && /^https?:\/\//.test(item.license) ? item.license : undefined,
    encoding: openFiles.length
      ? openFiles.map((f) => ({ "@type": "MediaObject", contentUrl: fileUrl(base, f), encodingFormat: f.mimeType, name: f.fileName }))
      : undefined,
  };
  return JSON.parse(JSON.stringify(ld)); // drop undefined members
}

/** JSON for a <script> element: "<" escaped so that no string in the data can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
