// BibTeX (.bib) for one item. Citation.js maps the CSL record to BibTeX fields and escapes their
// values for LaTeX; this file fixes what its BibTeX output gets wrong for a Korean repository:
// - it drops every character it has no LaTeX command for (all Hangul, CJK, Cyrillic…): such runs
//   are swapped for ASCII placeholders before the conversion and put back, as UTF-8, after it;
// - its BibTeX mode leaves out abstract, keywords and language: they are taken from its BibLaTeX
//   mapping of the same record (both are plain fields that BibTeX styles ignore and managers read);
// - chapters become @incollection (a titled part of an edited book) rather than @inbook;
// - the month is written as BibTeX's month macro (`month = aug`) and the day as `day`;
// - the citation key is "Kim2023Role" when it can be made from ASCII, else the handle.
import { citationJsOutput, plugins } from "./citation-js";
import { clean, type CslItem, type CslName } from "./csl";

type BibtexEntry = { type: string; label: string; properties: Record<string, string> };

type BibtexConstants = {
  commands: Record<string, string>;
  diacritics: Record<string, string>;
  ligatures: Record<string, string>;
  mathCommands: Record<string, string>;
};

const MONTH_MACROS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Fields in the order people expect to read them; anything else follows alphabetically. */
const FIELD_ORDER = [
  "author",
  "editor",
  "title",
  "journal",
  "booktitle",
  "series",
  "edition",
  "volume",
  "number",
  "chapter",
  "pages",
  "year",
  "month",
  "day",
  "publisher",
  "school",
  "institution",
  "organization",
  "address",
  "type",
  "isbn",
  "issn",
  "doi",
  "url",
  "abstract",
  "keywords",
  "language",
  "note",
];

/** Fields Citation.js writes verbatim (no LaTeX escaping): only braces and backslashes can hurt there. */
const VERBATIM_FIELDS = new Set(["doi", "url", "eprint"]);

// Characters Citation.js can write in ASCII BibTeX: the ASCII it passes through or escapes itself,
// the combining marks it turns into accent commands, and whatever its unicode tables name.
const PASSED_THROUGH = /[\x20-\x7e\s\u0300-\u0308\u030a-\u030c\u0332\u0323\u0327\u0328\u0361\u0326]/;

let knownCharacters: Set<string> | undefined;

function representableCharacters(): Set<string> {
  if (knownCharacters) return knownCharacters;
  const config = plugins.config.get("@bibtex") as { constants: BibtexConstants };
  const { commands, diacritics, ligatures, mathCommands } = config.constants;
  knownCharacters = new Set([...Object.values(commands), ...Object.values(diacritics), ...Object.values(ligatures), ...Object.values(mathCommands)]);
  return knownCharacters;
}

function isRepresentable(char: string): boolean {
  const known = representableCharacters();
  return [...char.normalize("NFKD")].every((c) => PASSED_THROUGH.test(c) || known.has(c));
}

/**
 * Stand-ins for the runs of characters Citation.js would drop: lower-case letters and digits, which
 * it neither escapes nor case-protects, around a marker that occurs nowhere in the record.
 */
class Placeholders {
  private readonly runs: string[] = [];
  private readonly marker: string;
  private readonly pattern: RegExp;

  constructor(record: unknown) {
    const text = JSON.stringify(record).toLowerCase();
    let marker = "qjxz";
    while (text.includes(marker)) marker += "q";
    this.marker = marker;
    this.pattern = new RegExp(`${marker}(\\d+)z`, "g");
  }

  /** The value with each run of unrepresentable characters replaced by a placeholder. */
  protect(value: string): string {
    let out = "";
    let run = "";
    const flush = () => {
      if (run) out += `${this.marker}${this.runs.push(run) - 1}z`;
      run = "";
    };
    for (const char of value) {
      if (isRepresentable(char)) {
        flush();
        out += char;
      } else {
        run += char;
      }
    }
    flush();
    return out;
  }

  restore(text: string): string {
    return text.replace(this.pattern, (match, index: string) => this.runs[Number(index)] ?? match);
  }
}

function protectRecord(csl: CslItem, placeholders: Placeholders): CslItem {
  const walk = (value: unknown): unknown => {
    if (typeof value === "string") return placeholders.protect(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return { ...(walk(csl) as CslItem), id: csl.id };
}

const STOP_WORDS = new Set(["the", "a", "an"]);

function asciiWord(text: string | undefined, skipStopWords = false): string {
  if (!text) return "";
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return words.find((w) => !skipStopWords || !STOP_WORDS.has(w.toLowerCase())) ?? "";
}

function nameWord(name: CslName | undefined): string {
  if (!name) return "";
  return asciiWord("literal" in name ? name.literal : name.family);
}

/** "Kim2023Role" (first author's family name, year, first title word) or, failing ASCII, the handle. */
export function bibtexKey(csl: CslItem): string {
  const family = nameWord(csl.author?.[0] ?? csl.editor?.[0]);
  const year = csl.issued && "date-parts" in csl.issued ? csl.issued["date-parts"][0][0] : undefined;
  if (family && year) return `${family}${year}${asciiWord(csl.title, true)}`;
  return csl.id.replace(/[^A-Za-z0-9._:-]+/g, "-");
}

function bibtexType(csl: CslItem, mapped: string): string {
  if (csl.type === "chapter") return "incollection";
  return mapped;
}

function sanitiseVerbatim(value: string): string {
  return value.replace(/[{}\\]/g, (c) => encodeURIComponent(c));
}

function orderFields(properties: Record<string, string>): [string, string][] {
  const rank = (field: string) => {
    const i = FIELD_ORDER.indexOf(field);
    return i < 0 ? FIELD_ORDER.length : i;
  };
  return Object.entries(properties).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The BibTeX entry for a CSL record made by toCsl(). */
export function cslToBibtex(csl: CslItem): string {
  // One paragraph: a blank line is \par to LaTeX, fatal inside the macro arguments of many styles.
  const flat: CslItem = csl.abstract ? { ...csl, abstract: clean(csl.abstract) } : csl;
  const placeholders = new Placeholders(flat);
  const record = protectRecord(flat, placeholders);
  const [entry] = citationJsOutput(record, "bibtex", { format: "object" }) as BibtexEntry[];
  const [latex] = citationJsOutput(record, "biblatex", { format: "object" }) as BibtexEntry[];

  const fields: Record<string, string> = { ...entry.properties };
  for (const field of ["abstract", "keywords", "language"]) {
    if (latex.properties[field]) fields[field] = latex.properties[field];
  }
  const parts = csl.issued && "date-parts" in csl.issued ? csl.issued["date-parts"][0] : undefined;
  if (parts) {
    delete fields.month;
    delete fields.day;
    fields.year = String(parts[0]);
    if (parts[1]) fields.month = MONTH_MACROS[parts[1] - 1];
    if (parts[2]) fields.day = String(parts[2]);
  } else if (csl.issued && "literal" in csl.issued) {
    const year = /\b(\d{4})\b/.exec(csl.issued.literal);
    if (year) fields.year = year[1];
  }
  for (const field of VERBATIM_FIELDS) {
    if (fields[field]) fields[field] = sanitiseVerbatim(fields[field]);
  }

  const lines = orderFields(fields).map(([field, value]) =>
    field === "month" && MONTH_MACROS.includes(value) ? `\t${field} = ${value},` : `\t${field} = {${value}},`,
  );
  const text = `@${bibtexType(csl, entry.type)}{${bibtexKey(csl)},\n${lines.join("\n")}\n}\n`;
  return placeholders.restore(text);
}
