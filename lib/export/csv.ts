// CSV (RFC 4180) for lists people open in spreadsheets, written by csv-stringify: CRLF line ends,
// fields quoted when they hold a comma, quote or line break, quotes doubled. A text cell that a
// spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) gets a
// leading apostrophe — the OWASP advice against CSV injection — so text stays text; numbers are
// written as numbers. Files start with a UTF-8 byte order mark, without which Excel reads
// Hangul as Latin-1.
import { stringify } from "csv-stringify/sync";

export type CsvValue = string | number | null | undefined;

export const UTF8_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as it is written: with an apostrophe in front when it would run as a formula. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return guardFormula(value);
}

/** Rows as CSV lines (no byte order mark): for writing a long list in pieces. */
export function csvRows(rows: readonly (readonly CsvValue[])[]): string {
  if (rows.length === 0) return "";
  return stringify(
    rows.map((r) => r.map(cell)),
    { record_delimiter: "\r\n", quoted_match: /[\r\n]/ },
  );
}

/** One field, quoted and guarded as needed. */
export function csvField(value: CsvValue): string {
  return csvRows([[value]]).replace(/\r\n$/, "");
}

/** A whole file: the byte order mark, a header row, then one row per record, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return UTF8_BOM + csvRows([header, ...rows]);
}
