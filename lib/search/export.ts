// Downloads of a search's results — and so of a collection's or a unit's items, which are the
// search filtered by collection or unit — in every list format (lib/export/lists.ts).
import "server-only";
import { problem } from "../api/problem";
import { getPrisma, getSql } from "../db";
import { isListFormat, LIST_EXPORT_MAX, LIST_FORMATS, listResponse } from "../export/lists";
import { parseSearchParams } from "./params";
import { searchItemIdsForExport } from "./search-items";

/** A file name that says what the list is: "collection-journal-articles", "unit-neuroscience", "search-ketamine". */
function fileStem(params: ReturnType<typeof parseSearchParams>): string {
  const clean = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").slice(0, 60);
  if (params.collection && !params.q) return `collection-${clean(params.collection)}`;
  if (params.unit && !params.q) return `unit-${clean(params.unit)}`;
  return params.q ? `search-${clean(params.q) || "results"}` : "search-results";
}

/** GET …/search/export?format=…&<the search's parameters>: every result, streamed, at most LIST_EXPORT_MAX. */
export async function searchExportResponse(search: URLSearchParams): Promise<Response> {
  const format = search.get("format");
  if (!isListFormat(format)) {
    return problem(400, "Bad Request", `${format ? `Unknown export format "${format.slice(0, 40)}".` : "The format parameter is missing."} Valid formats: ${LIST_FORMATS.join(", ")}.`);
  }
  const params = parseSearchParams(search);
  const sql = await getSql();
  const found = await searchItemIdsForExport(sql, params, LIST_EXPORT_MAX);
  return listResponse({ sql, prisma: await getPrisma() }, found, format, fileStem(params));
}
