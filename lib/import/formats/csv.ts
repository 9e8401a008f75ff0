// CSV (and tab- or semicolon-separated) spreadsheets with the columns in csv-template.ts, read
// with csv-parse. Multi-valued cells are split on "||" when present, else on ";".
import { parse } from "csv-parse/sync";
import type { ImportItemType, ParsedRecord, TImportRecordInput } from "../record";
import { CSV_COLUMNS } from "../csv-template";
import { ImportInputError } from "../input";
import { parseDateParts, splitMulti, splitPages } from "../normalise";

const TYPE_WORDS: Record<string, ImportItemType> = {
  "journal article": "JOURNAL_ARTICLE",
  article: "JOURNAL_ARTICLE",
  "conference paper": "CONFERENCE_PAPER",
  book: "BOOK",
  "book chapter": "BOOK_CHAPTER",
  chapter: "BOOK_CHAPTER",
  thesis: "THESIS",
  report: "REPORT",
  dataset: "DATASET",
  patent: "PATENT",
  presentation: "PRESENTATION",
  other: "OTHER",
};

function parseType(value: string): ImportItemType | null {
  const v = value.trim().toLowerCase().replace(/[_-]+/g, " ");
  if (!v) return "OTHER";
  return TYPE_WORDS[v] ?? null;
}

function detectDelimiter(firstLine: string): string {
  const counts = [",", "\t", ";"].map((d) => ({ d, n: firstLine.split(d).length }));
  return counts.sort((a, b) => b.n - a.n)[0].d;
}

export function parseCsv(text: string): { records: ParsedRecord[]; notes: string[] } {
  const firstLine = text.split(/\r?\n/, 1)[0];
  const delimiter = detectDelimiter(firstLine);
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true, bom: true }) as unknown as typeof rows;
  } catch (err) {
    const msg = (err as Error).message;
    const truncated = /quote|Quote/.test(msg);
    throw new ImportInputError(`The CSV file cannot be read${truncated ? " — it looks truncated or has an unclosed quote" : ""}: ${msg}`, "unparseable");
  }
  if (!rows.length) throw new ImportInputError("The CSV file is empty.", "empty");
  const header = rows[0].record.map((h) => h.trim().toLowerCase().replace(/\s+/g, "_"));
  const known = new Set(CSV_COLUMNS.map((c) => c.name));
  const notes: string[] = [];
  const unknown = header.filter((h) => h && !known.has(h));
  if (unknown.length) notes.push(`Column(s) not imported: ${unknown.join(", ")}.`);
  if (!header.includes("title")) throw new ImportInputError(`The CSV file has no "title" column (its columns are: ${header.join(", ")}).`, "unparseable");
  const records = rows.slice(1).map(({ record: cells, info }, i): ParsedRecord => {
    const line = info.lines;
    const rec: ParsedRecord = { position: i + 1, locator: `line ${line}`, data: {}, errors: [], warnings: [] };
    if (cells.length !== header.length) {
      rec.errors.push(`unparseable: the row has ${cells.length} cells, the header ${header.length}`);
      return rec;
    }
    const get = (name: string) => {
      const at = header.indexOf(name);
      const v = at >= 0 ? cells[at].trim() : "";
      return v || undefined;
    };
    const type = parseType(get("type") ?? "");
    if (!type) rec.errors.push(`unknown type "${get("type")}" (use one of: ${Object.keys(TYPE_WORDS).join(", ")})`);
    const authors = splitMulti(get("authors"));
    const orcids = (get("author_orcids") ?? "").split(get("author_orcids")?.includes("||") ? "||" : ";").map((s) => s.trim());
    const affiliations = (get("author_affiliations") ?? "").split(get("author_affiliations")?.includes("||") ? "||" : ";").map((s) => s.trim());
    const date = parseDateParts(get("issue_date"));
    const pages = get("pages") ? splitPages(get("pages")) : { startPage: get("start_page"), endPage: get("end_page") };
    const data: Partial<TImportRecordInput> = {
      type: type ?? "OTHER",
      title: get("title"),
      alternativeTitle: get("alternative_title"),
      alternativeTitleLang: get("alternative_title_lang"),
      contributors: [
        ...authors.map((name, k) => ({ name, role: "AUTHOR" as const, orcid: orcids[k] || undefined, affiliation: affiliations[k] || undefined })),
        ...splitMulti(get("editors")).map((name) => ({ name, role: "EDITOR" as const })),
      ],
      year: date.year,
      month: date.month,
      day: date.day,
      journalTitle: get("journal"),
      bookTitle: get("book_title"),
      conferenceName: get("conference"),
      publisher: get("publisher"),
      volume: get("volume"),
      number: get("number"),
      ...pages,
      issn: get("issn"),
      eissn: get("eissn"),
      isbn: get("isbn"),
      doi: get("doi"),
      handle: get("handle"),
      abstract: get("abstract"),
      keywords: splitMulti(get("keywords")),
      subjects: splitMulti(get("subjects")),
      language: get("language"),
      license: get("license"),
      funding: splitMulti(get("funding")).map((f) => {
        const m = /^(.*?):\s*([^:]+)$/.exec(f);
        return m ? { funder: m[1].trim(), awardNumber: m[2].trim() } : { funder: f };
      }),
    };
    if (get("issue_date") && date.year === undefined) rec.errors.push(`bad year: "${get("issue_date")}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    if (get("doi") && !/10\.\d{4,9}\//.test(get("doi")!)) rec.errors.push(`bad DOI: "${get("doi")}"`);
    rec.data = data;
    return rec;
  });
  return { records, notes };
}
