// Downloads of a researcher's (filtered) publication list: BibTeX and RIS made item by item by
// lib/export — the same records the item pages export — a CSV table for spreadsheets, and JSON.
import "server-only";
import { problem } from "../api/problem";
import type { ExportOptions } from "../export/csl";
import { isListFormat, LIST_CSV_HEADER, LIST_FORMATS, LIST_MEDIA, listBody, type ListFormat } from "../export/lists";
import { attachmentDisposition } from "../export/respond";
import { getPrisma, getSql } from "../db";
import { listPublicationsForExport, type ExportedPublication, type PublicationQuery } from "./publications";

/** A researcher's publications in the state `query` names, for a download (owns the connection). */
export async function getPublicationsForExport(researcherId: number, query: PublicationQuery) {
  return listPublicationsForExport(await getSql(), await getPrisma(), researcherId, query);
}

export const LIST_EXPORT_FORMATS = LIST_FORMATS;
export type ListExportFormat = ListFormat;
const MEDIA = LIST_MEDIA;

export function isListExportFormat(value: unknown): value is ListExportFormat {
  return isListFormat(value);
}

export const CSV_HEADER = LIST_CSV_HEADER;

/** The list in a format: CSV (one row per publication, authors in order separated by "; "), JSON, BibTeX or RIS. */
export function publicationListBody(items: readonly ExportedPublication[], format: ListExportFormat, options: ExportOptions = {}): string {
  return listBody(items, format, options);
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
