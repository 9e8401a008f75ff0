// EndNote tagged import format (.enw, "Refer/BibIX" style): one "%X value" line per field, repeated
// tags for repeated values (%A per author, %K per keyword). Citation.js has no writer for it.
// Tags, from EndNote's "Creating a Tagged EndNote Import File":
//   %0 reference type   %A author          %E editor           %H translated author (translator)
//   %T title            %Q translated title %J journal name     %B secondary title (book, conference)
//   %D year             %8 date            %V volume           %N number (issue, report/patent no.)
//   %P pages            %7 edition         %I publisher        %C place published
//   %@ ISBN/ISSN        %R DOI             %U URL              %X abstract
//   %K keywords         %G language        %9 type of work     %Z notes
// The format has no escaping: each value is one line, with control characters removed.
import {
  bareDoi,
  canonicalItemUrl,
  clean,
  containerTitle,
  issueDateParts,
  orderedContributors,
  pageRange,
  type ExportableItem,
  type ExportableItemType,
  type ExportOptions,
} from "./csl";

const REFERENCE_TYPES: Record<ExportableItemType, string> = {
  JOURNAL_ARTICLE: "Journal Article",
  CONFERENCE_PAPER: "Conference Paper",
  BOOK: "Book",
  BOOK_CHAPTER: "Book Section",
  THESIS: "Thesis",
  REPORT: "Report",
  DATASET: "Dataset",
  PATENT: "Patent",
  // EndNote has no presentation type; "Generic" with the type of work named is what it suggests.
  PRESENTATION: "Generic",
  OTHER: "Generic",
};

function referenceType(item: ExportableItem): string {
  const hasAuthors = item.contributors.some((c) => c.role === "AUTHOR" || c.role === "INVENTOR");
  if (item.type === "BOOK" && !hasAuthors && item.contributors.some((c) => c.role === "EDITOR")) return "Edited Book";
  return REFERENCE_TYPES[item.type];
}

/** The EndNote tagged record of an item. */
export function toEndNote(item: ExportableItem, options: ExportOptions = {}): string {
  const lines: string[] = [];
  const add = (tag: string, value: string | number | null | undefined) => {
    const text = clean(value === null || value === undefined ? "" : String(value));
    if (text) lines.push(`%${tag} ${text}`);
  };

  add("0", referenceType(item));
  add("T", item.title);
  add("Q", item.alternativeTitle);
  for (const contributor of orderedContributors(item)) {
    const tag = { AUTHOR: "A", INVENTOR: "A", EDITOR: "E", TRANSLATOR: "H", ADVISOR: null, OTHER: null }[contributor.role];
    if (tag) add(tag, contributor.name);
  }
  // %D is the year; %8 the date as recorded when it says more than the year.
  const parts = issueDateParts(item.issueDate);
  const year = parts ? parts[0] : /\b(\d{4})\b/.exec(clean(item.issueDate))?.[1];
  add("D", year);
  if (clean(item.issueDate) && clean(item.issueDate) !== String(year)) add("8", item.issueDate);
  const container = containerTitle(item);
  if (item.type === "JOURNAL_ARTICLE") add("J", container);
  else add("B", container ?? (item.type === "CONFERENCE_PAPER" ? item.conferenceName : null));
  add("V", item.volume);
  add("N", item.type === "REPORT" ? (item.reportNumber ?? item.number) : item.type === "PATENT" ? (item.patentNumber ?? item.number) : item.number);
  add("P", pageRange(item));
  add("7", item.edition);
  add("I", item.publisher);
  add("C", item.placeOfPublication ?? item.conferencePlace);
  const standardNumber = item.type === "BOOK" || item.type === "BOOK_CHAPTER" ? (item.isbn ?? item.issn ?? item.eissn) : (item.issn ?? item.eissn ?? item.isbn);
  add("@", standardNumber);
  if (clean(item.doi)) add("R", bareDoi(clean(item.doi)));
  add("U", canonicalItemUrl(item.handle, options));
  add("X", item.abstract);
  for (const keyword of item.keywords) add("K", keyword);
  add("G", item.language);
  if (item.type === "THESIS") add("9", item.degree);
  if (item.type === "PRESENTATION") add("9", "Presentation");
  return `${lines.join("\n")}\n`;
}
