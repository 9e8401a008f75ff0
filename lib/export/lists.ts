// Downloads of item lists — search results (the query and facets as given, every page), a
// collection's or a unit's items (the same search, filtered), a researcher's publications — as
// CSV, JSON, BibTeX or RIS. The body is streamed: ids first (one query, in the list's order), then
// the records in chunks, so a long list never sits in memory as one string. At most
// LIST_EXPORT_MAX records; the response says how many matched (X-Total-Count) and how many it holds.
import "server-only";
import type { Sql } from "../db/connection";
import type { Prisma } from "../db/prisma";
import { siteUrl } from "../env";
import { LIST_EXPORT_MAX } from "../search/href";
import { loadExportableItems, type ExportedPublication } from "../researchers/publications";
import type { ExportOptions } from "./csl";
import { csvRows, UTF8_BOM, type CsvValue } from "./csv";
import { exportItem } from "./formats";
import { attachmentDisposition } from "./respond";

export const LIST_FORMATS = ["csv", "json", "bibtex", "ris"] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export { LIST_EXPORT_MAX };
const CHUNK = 250;

export const LIST_MEDIA: Record<ListFormat, { contentType: string; extension: string }> = {
  csv: { contentType: "text/csv; charset=utf-8; header=present", extension: "csv" },
  json: { contentType: "application/json; charset=utf-8", extension: "json" },
  bibtex: { contentType: "application/x-bibtex; charset=utf-8", extension: "bib" },
  ris: { contentType: "application/x-research-info-systems; charset=utf-8", extension: "ris" },
};

export function isListFormat(value: unknown): value is ListFormat {
  return typeof value === "string" && (LIST_FORMATS as readonly string[]).includes(value);
}

export const LIST_CSV_HEADER = [
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

export function listCsvRow(i: ExportedPublication, base: string): CsvValue[] {
  return [
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
  ];
}

/** One record of the JSON download: the item's public metadata and its page's URL. */
export function listJsonRecord(i: ExportedPublication, base: string) {
  const { contributors, ...rest } = i;
  return {
    url: `${base}/handle/${i.handle}`,
    ...rest,
    contributors: [...contributors].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((c) => ({ name: c.name, role: c.role })),
  };
}

/** The pieces of a list file in order: head, one piece per chunk of records, tail. */
export function listPieces(format: ListFormat, options: ExportOptions = {}) {
  const base = options.baseUrl ?? siteUrl();
  let first = true;
  return {
    head: format === "csv" ? UTF8_BOM + csvRows([[...LIST_CSV_HEADER]]) : format === "json" ? "[" : "",
    chunk(items: readonly ExportedPublication[]): string {
      if (!items.length) return "";
      let out: string;
      if (format === "csv") out = csvRows(items.map((i) => listCsvRow(i, base)));
      else if (format === "json") out = items.map((i, k) => `${first && k === 0 ? "" : ","}\n${JSON.stringify(listJsonRecord(i, base))}`).join("");
      // Records are separated by one blank line; each item's own export ends with a line break.
      else out = items.map((i, k) => `${first && k === 0 ? "" : "\n"}${exportItem(i, format, options).body.replace(/\s+$/, "\n")}`).join("");
      first = false;
      return out;
    },
    tail: format === "json" ? "\n]\n" : "",
  };
}

/** A whole list as one string (for small lists and tests). */
export function listBody(items: readonly ExportedPublication[], format: ListFormat, options: ExportOptions = {}): string {
  const pieces = listPieces(format, options);
  return pieces.head + items.map((i) => pieces.chunk([i])).join("") + pieces.tail;
}

/** Streams the records of these ids (in this order) in `format`. */
export function streamList(deps: { sql: Sql; prisma: Prisma }, ids: readonly number[], format: ListFormat, options: ExportOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pieces = listPieces(format, options);
  let at = 0;
  let started = false;
  // Each pull enqueues something (a stream whose pull enqueues nothing is not pulled again).
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let out = started ? "" : pieces.head;
      started = true;
      if (at < ids.length) {
        const chunk = ids.slice(at, at + CHUNK);
        at += CHUNK;
        out += pieces.chunk(await loadExportableItems(deps.prisma, chunk.map((id) => ({ id })), deps.sql));
      }
      if (at >= ids.length) {
        out += pieces.tail;
        if (out) controller.enqueue(encoder.encode(out));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(out));
    },
  });
}

/** The HTTP answer: the streamed file, with the list's size in headers. */
export function listResponse(
  deps: { sql: Sql; prisma: Prisma },
  found: { ids: readonly number[]; total: number },
  format: ListFormat,
  fileStem: string,
  options: ExportOptions = {},
): Response {
  return new Response(streamList(deps, found.ids, format, options), {
    status: 200,
    headers: {
      "Content-Type": LIST_MEDIA[format].contentType,
      "Content-Disposition": attachmentDisposition(`${fileStem}.${LIST_MEDIA[format].extension}`),
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
      "X-Total-Count": String(found.total),
      "X-Exported-Count": String(found.ids.length),
    },
  });
}
