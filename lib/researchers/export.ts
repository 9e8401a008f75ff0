// Downloads of a researcher's (filtered) publication list: BibTeX and RIS made item by item by
// lib/export — the same records the item pages export — and a CSV table for spreadsheets.
import "server-only";
import { problem } from "../api/problem";
import { toCsv } from "../export/csv";
import type { ExportOptions } from "../export/csl";
import { exportItem } from "../export/formats";
import { attachmentDisposition } from "../export/respond";
import { siteUrl } from "../env";
import type { ExportedPublication, PublicationQuery } from "./publications";

export const LIST_EXPORT_FORMATS = ["bibtex", "ris", "csv"] as const;
export type ListExportFormat = (typeof LIST_EXPORT_FORMATS)[number];

const MEDIA: Record<ListExportFormat, { contentType: string; extension: string }> = {
  bibtex: { contentType: "application/x-bibtex; charset=utf-8", extension: "bib" },
  ris: { contentType: "application/x-research-info-systems; charset=utf-8", extension: "ris" },
  csv: { contentType: "text/csv; charset=utf-8; header=present", extension: "csv" },
};

export function isListExportFormat(value: unknown): value is ListExportFormat {
  return typeof value === "string" && (LIST_EXPORT_FORMATS as readonly string[]).includes(value);
}

export const CSV_HEADER = [
  "handle",
  "url",
  "type",
  "title",
  "alternative_title",
  "authors",
  "year",
  "issue_date",
  "venue",
  "volume",
  "number",
  "pages",
  "publisher",
  "doi",
  "issn",
  "isbn",
  "citations",
] as const;

function pages(item: ExportedPublication): string {
  if (item.startPage && item.endPage && item.endPage !== item.startPage) return `${item.startPage}-${item.endPage}`;
  return item.startPage ?? "";
}

/** The list as CSV, one row per publication, authors in order separated by "; ". */
export function publicationsToCsv(items: readonly ExportedPublication[], options: ExportOptions = {}): string {
  const base = options.baseUrl ?? siteUrl();
  return toCsv(
    CSV_HEADER,
    items.map((i) => [
      i.handle,
      `${base}/handle/${i.handle}`,
      i.type,
      i.title,
      i.alternativeTitle,
      [...i.contributors].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((c) => c.name).join("; "),
      /^\d{4}/.exec(i.issueDate ?? "")?.[0] ?? "",
      i.issueDate,
      i.journalTitle ?? i.bookTitle ?? i.conferenceName,
      i.volume,
      i.number,
      pages(i),
      i.publisher,
      i.doi,
      i.issn ?? i.eissn,
      i.isbn,
      i.citations,
    ]),
  );
}

export function publicationListBody(items: readonly ExportedPublication[], format: ListExportFormat, options: ExportOptions = {}): string {
  if (format === "csv") return publicationsToCsv(items, options);
  // Records are separated by one blank line; each item's own export ends with a line break.
  return items.map((i) => exportItem(i, format, options).body.replace(/\s+$/, "\n")).join("\n");
}

/** "koo-ja-wook-publications-2023-journal_article.bib": the researcher and the filters in the name. */
export function publicationListFileName(slug: string, q: PublicationQuery, format: ListExportFormat): string {
  const parts = [slug, "publications"];
  if (q.from !== null || q.to !== null) parts.push(q.from === q.to ? String(q.from) : `${q.from ?? ""}-${q.to ?? ""}`);
  if (q.types.length) parts.push(q.types.map((t) => t.toLowerCase()).join("+"));
  return `${parts.join("-")}.${MEDIA[format].extension}`;
}

/** 400 for a format the list cannot be downloaded in. */
export function unknownListFormat(format: string): Response {
  return problem(400, "Bad Request", `Unknown export format "${format.slice(0, 40)}". Valid formats: ${LIST_EXPORT_FORMATS.join(", ")}.`);
}

/** The HTTP answer for GET /researchers/{slug}/publications?format=…: the file, named after the researcher and filters. */
export function publicationListResponse(
  slug: string,
  q: PublicationQuery,
  format: ListExportFormat,
  result: { items: ExportedPublication[]; total: number },
  options: ExportOptions = {},
): Response {
  return new Response(publicationListBody(result.items, format, options), {
    status: 200,
    headers: {
      "Content-Type": MEDIA[format].contentType,
      "Content-Disposition": attachmentDisposition(publicationListFileName(slug, q, format)),
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
      // A list longer than the export limit is cut; say so to whoever reads headers.
      "X-Total-Count": String(result.total),
      "X-Exported-Count": String(result.items.length),
    },
  });
}
