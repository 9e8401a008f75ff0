// GET /curate/imports/template — the CSV import template (header row with the documented columns
// and one example row), UTF-8 with a byte order mark so that spreadsheets read Hangul correctly.
import { attachmentDisposition } from "@/lib/export/respond";
import { csvTemplate } from "@/lib/import";

export function GET() {
  return new Response(`\uFEFF${csvTemplate()}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition("atrium-import-template.csv"),
      "X-Content-Type-Options": "nosniff",
    },
  });
}
