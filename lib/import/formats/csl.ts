// BibTeX and RIS through Citation.js (its parsers, its CSL-JSON output), then CSL-JSON to the
// import record. Atrium only cuts a file into entries — so that each one is parsed, reported and
// rejected on its own, with its line number — and leaves reading the fields to the library.
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import type { ImportItemType, ParsedRecord, TImportRecordInput } from "../record";
import { cleanText, displayName, normaliseDoi, parseDateParts, parseMonth, splitPages, stripMarkup } from "../normalise";

type CslName = { family?: string; given?: string; literal?: string };
type CslDate = { "date-parts"?: (number | string)[][]; raw?: string; literal?: string };
export type CslRecord = Record<string, unknown> & {
  type?: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: CslDate;
};

const CSL_TYPES: Record<string, ImportItemType> = {
  "article-journal": "JOURNAL_ARTICLE",
  article: "JOURNAL_ARTICLE",
  "article-magazine": "JOURNAL_ARTICLE",
  "article-newspaper": "JOURNAL_ARTICLE",
  review: "JOURNAL_ARTICLE",
  "review-book": "JOURNAL_ARTICLE",
  "paper-conference": "CONFERENCE_PAPER",
  book: "BOOK",
  chapter: "BOOK_CHAPTER",
  "entry-encyclopedia": "BOOK_CHAPTER",
  "entry-dictionary": "BOOK_CHAPTER",
  thesis: "THESIS",
  report: "REPORT",
  dataset: "DATASET",
  patent: "PATENT",
  speech: "PRESENTATION",
};

function text(value: unknown): string | undefined {
  if (value == null) return undefined;
  const v = Array.isArray(value) ? value[0] : value;
  if (v == null) return undefined;
  const s = cleanText(String(v));
  return s || undefined;
}

function names(list: CslName[] | undefined, role: "AUTHOR" | "EDITOR") {
  return (list ?? [])
    .map((n) => ({ name: displayName(n.family, n.given, n.literal), role }))
    .filter((c) => c.name);
}

/** Maps one CSL-JSON record (as Citation.js produces it) to the import record's fields. */
export function cslToRecord(csl: CslRecord): Partial<TImportRecordInput> {
  const type = CSL_TYPES[csl.type ?? ""] ?? "OTHER";
  const parts = csl.issued?.["date-parts"]?.[0];
  const date =
    parts && parts.length && parts[0] !== undefined && parts[0] !== ""
      ? { year: Number(parts[0]), month: parts[1] ? Number(parts[1]) : undefined, day: parts[2] ? Number(parts[2]) : undefined }
      : parseDateParts(csl.issued?.raw ?? csl.issued?.literal);
  const container = text(csl["container-title"]);
  const issns = ([] as unknown[]).concat(csl.ISSN ?? []).flatMap((v) => String(v).split(/[,;\s]+(?=\d)/)).filter(Boolean);
  const abstract = text(csl.abstract);
  const doi =
    normaliseDoi(String(csl.DOI ?? "")) ??
    (typeof csl.URL === "string" && /doi\.org\//i.test(csl.URL) ? normaliseDoi(csl.URL) : null) ??
    (typeof csl.note === "string" && /^\s*(doi:?\s*)?10\.\d{4,9}\/\S+\s*$/i.test(csl.note) ? normaliseDoi(csl.note) : null);
  const keywordText = text(csl.keyword);
  const data: Partial<TImportRecordInput> = {
    type,
    title: text(csl.title),
    contributors: [...names(csl.author, "AUTHOR"), ...names(csl.editor, "EDITOR")],
    year: date.year,
    month: date.month,
    day: date.day,
    publisher: text(csl.publisher),
    placeOfPublication: text(csl["publisher-place"]),
    volume: text(csl.volume),
    number: text(csl.issue),
    ...splitPages(text(csl.page)),
    pageCount: csl["number-of-pages"] && /^\d+$/.test(String(csl["number-of-pages"])) ? Number(csl["number-of-pages"]) : undefined,
    issn: issns[0] ? String(issns[0]) : undefined,
    eissn: issns[1] ? String(issns[1]) : undefined,
    isbn: text(csl.ISBN),
    doi: doi ?? undefined,
    abstract: abstract && !/^abstract\.?$/i.test(abstract) ? stripMarkup(String(csl.abstract)) : undefined,
    keywords: keywordText ? keywordText.split(/\s*[,;]\s*/) : [],
    language: text(csl.language),
    license: text(csl.license),
    conferenceName: text(csl["event-title"]) ?? text(csl.event),
    reportNumber: type === "REPORT" ? text(csl.number) : undefined,
  };
  if (type === "JOURNAL_ARTICLE" || type === "OTHER") data.journalTitle = container;
  else if (type === "BOOK_CHAPTER" || type === "CONFERENCE_PAPER") data.bookTitle = container;
  else if (container) data.journalTitle = container;
  return data;
}

/** The RIS plugin's own reading of a record: its tags and values, before the CSL mapping. */
function risTags(textOfRecord: string): Record<string, unknown>[] {
  const input = plugins.input as unknown as { chainLink(data: unknown, options: { forceType: string }): unknown };
  return input.chainLink(textOfRecord, { forceType: "@ris/file" }) as Record<string, unknown>[];
}

/** Runs Citation.js on one entry's text; throws its message when it cannot read it. */
function citationJs(textOfEntry: string, forceType: "@ris/file" | "@biblatex/text"): CslRecord[] {
  return plugins.input.chain(textOfEntry, { generateGraph: false, forceType }) as CslRecord[];
}

// ---------------------------------------------------------------------------------------------
// RIS

type RisChunk = { line: number; text: string; complete: boolean };

/** Cuts RIS text into records at TY/ER lines, keeping each record's first line number. */
export function splitRis(text: string): { chunks: RisChunk[]; stray: number } {
  const lines = text.split(/\r\n|\r|\n/);
  const chunks: RisChunk[] = [];
  let current: { line: number; lines: string[] } | null = null;
  let stray = 0;
  lines.forEach((raw, i) => {
    // "TY  -" with nothing after the dash (EndNote writes that) is still a tag line.
    const line = raw.replace(/^([A-Z][A-Z0-9]) {2}-$/, "$1  - ");
    if (/^TY {2}- /.test(line)) {
      if (current) chunks.push({ line: current.line, text: current.lines.join("\n"), complete: false });
      current = { line: i + 1, lines: [line] };
    } else if (/^ER {2}-/.test(line)) {
      if (current) {
        current.lines.push("ER  - ");
        chunks.push({ line: current.line, text: current.lines.join("\n"), complete: true });
        current = null;
      } else stray++;
    } else if (current) current.lines.push(line);
    else if (line.trim()) stray++;
  });
  if (current) {
    const c = current as { line: number; lines: string[] };
    chunks.push({ line: c.line, text: c.lines.join("\n"), complete: false });
  }
  return { chunks, stray };
}

export function parseRis(source: string): { records: ParsedRecord[]; notes: string[] } {
  const { chunks, stray } = splitRis(source);
  const notes: string[] = [];
  if (stray) notes.push(`${stray} line(s) outside any TY … ER record were ignored.`);
  const records = chunks.map((chunk, index): ParsedRecord => {
    const record: ParsedRecord = { position: index + 1, locator: `line ${chunk.line}`, data: {}, errors: [], warnings: [] };
    if (!chunk.complete) {
      record.errors.push(
        index === chunks.length - 1
          ? "truncated: the file ends inside this record (no ER line)"
          : "unparseable: the record has no ER line before the next TY",
      );
      return record;
    }
    try {
      const [raw] = risTags(chunk.text);
      const [csl] = citationJs(chunk.text, "@ris/file");
      if (!raw || !csl || Object.keys(raw).length <= 1) {
        record.errors.push("empty record: it has a type line but no fields");
        return record;
      }
      record.data = cslToRecord(csl);
      // Web of Science writes the year in PY and only "SEP" or "JUN 19" in DA; Citation.js then loses the year.
      const tagDate = risDate(raw);
      if (tagDate.year !== undefined) Object.assign(record.data, { year: tagDate.year, month: tagDate.month, day: tagDate.day });
      // Citation.js keeps PB only for some reference types; Web of Science writes the publisher in PU.
      record.data.publisher ??= text(raw.PB) ?? text(raw.PU);
      if (typeof raw.AN === "string") record.sourceId = raw.AN;
    } catch (err) {
      record.errors.push(`unparseable: ${(err as Error).message}`);
    }
    return record;
  });
  return { records, notes };
}

/** The issue date from a RIS record's PY, Y1 and DA tags ("2016/12//", "2018" + "SEP", "2023" + "JUN 19"). */
function risDate(raw: Record<string, unknown>): { year?: number; month?: number; day?: number } {
  const tag = (name: string) => (raw[name] == null ? "" : String(Array.isArray(raw[name]) ? (raw[name] as unknown[])[0] : raw[name]).trim());
  const py = parseDateParts(tag("PY") || tag("Y1"));
  const da = tag("DA");
  const full = parseDateParts(da);
  if (py.year === undefined || Number.isNaN(py.year)) return full.year !== undefined && !Number.isNaN(full.year) ? full : {};
  if (full.year === py.year) return { ...py, ...full };
  const m = /^([A-Za-z]{3})[a-z]*\.?(?:\s+(\d{1,2}))?$/.exec(da);
  if (!py.month && m && parseMonth(m[1])) return { year: py.year, month: parseMonth(m[1]), day: m[2] ? Number(m[2]) : undefined };
  return py;
}

// ---------------------------------------------------------------------------------------------
// BibTeX

type BibChunk = { line: number; kind: string; text: string; complete: boolean };

/** Cuts BibTeX text into top-level @entries by matching braces (or parentheses). */
export function splitBibtex(text: string): BibChunk[] {
  const chunks: BibChunk[] = [];
  const re = /@([A-Za-z][\w-]*)\s*([{(])/g;
  let m: RegExpExecArray | null;
  let line = 1;
  let lineCountedTo = 0;
  while ((m = re.exec(text))) {
    for (let i = lineCountedTo; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    lineCountedTo = m.index;
    const open = m[2];
    const close = open === "{" ? "}" : ")";
    let depth = 0;
    let end = -1;
    for (let i = m.index + m[0].length - 1; i < text.length; i++) {
      const ch = text[i];
      if (ch === "\\") {
        i++;
        continue;
      }
      if (ch === "{" || (open === "(" && ch === "(")) depth++;
      else if (ch === "}" || (open === "(" && ch === close)) {
        depth--;
        if (depth === 0) {
          end = i + 1;
          break;
        }
      }
    }
    const kind = m[1].toLowerCase();
    if (end < 0) {
      chunks.push({ line, kind, text: text.slice(m.index), complete: false });
      break;
    }
    chunks.push({ line, kind, text: text.slice(m.index, end), complete: true });
    re.lastIndex = end;
  }
  return chunks;
}

export function parseBibtex(text: string): { records: ParsedRecord[]; notes: string[] } {
  const chunks = splitBibtex(text);
  const notes: string[] = [];
  const definitions = chunks.filter((c) => c.complete && (c.kind === "string" || c.kind === "preamble"));
  if (definitions.length) notes.push(`${definitions.length} @string/@preamble definition(s) applied to the entries.`);
  const prefix = definitions.map((c) => c.text).join("\n");
  const entries = chunks.filter((c) => !["string", "preamble", "comment"].includes(c.kind));
  const records = entries.map((chunk, index): ParsedRecord => {
    const key = /^@[\w-]+\s*[{(]\s*([^,\s]*)\s*,/.exec(chunk.text)?.[1];
    const record: ParsedRecord = {
      position: index + 1,
      locator: `line ${chunk.line}${key ? ` (${key})` : ""}`,
      sourceId: key,
      data: {},
      errors: [],
      warnings: [],
    };
    if (!chunk.complete) {
      record.errors.push("truncated: the entry's closing brace is missing (the file ends inside it)");
      return record;
    }
    try {
      const [csl] = citationJs(`${prefix}\n${chunk.text}`, "@biblatex/text");
      if (!csl) {
        record.errors.push("unparseable: Citation.js found no entry here");
        return record;
      }
      record.data = cslToRecord(csl);
      if (csl.type === "document" || !CSL_TYPES[csl.type ?? ""]) record.warnings.push(`entry type @${chunk.kind} imported as "other"`);
    } catch (err) {
      record.errors.push(`unparseable: ${(err as Error).message}`);
    }
    return record;
  });
  return { records, notes };
}
