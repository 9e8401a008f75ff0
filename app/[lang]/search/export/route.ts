// GET /search/export?format=csv|json|bibtex|ris&q=…&type=…&unit=…&collection=… – every result of a
// search (all pages, in its sort order) as a file; also the download of a collection's or a
// unit's items. See lib/search/export.ts.
import { connection } from "next/server";
import { searchExportResponse } from "@/lib/search/export";

export async function GET(request: Request) {
  await connection();
  return searchExportResponse(new URL(request.url).searchParams);
}
