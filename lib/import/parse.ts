// Step 1 of an import: bytes (or a harvest) in, parsed records out — each with its position, what
// could be read, and why it cannot be imported when it cannot. File-wide problems (size, encoding,
// wrong format, not parseable at all) throw ImportInputError before anything reaches the database.
import { checkFormat, decodeText, DEFAULT_MAX_BYTES, ImportInputError, tooLarge, type ImportFormat } from "./input";
import { languageCode, looksLikeMojibake, repairMojibake } from "./normalise";
import type { ParsedRecord } from "./record";
import { parseBibtex, parseRis } from "./formats/csl";
import { parseCsv } from "./formats/csv";
import { parseCrossref, parseOrcidJson } from "./formats/json-records";
import { parseOaiFile, parseOrcidXml } from "./formats/xml-records";
import { harvestOaiDc, type HarvestOptions } from "./oai-harvest";

export type ParseResult = {
  format: ImportFormat;
  /** Where the records came from: a file name or a harvest URL. */
  source: string;
  encoding?: string;
  records: ParsedRecord[];
  /** File-wide remarks: encoding, ignored columns, definitions applied, pages harvested. */
  notes: string[];
};

export type ParseOptions = { maxBytes?: number; encoding?: "utf-8" | "latin1" };

export function parseImportBytes(bytes: Uint8Array, format: ImportFormat, source: string, options: ParseOptions = {}): ParseResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
  const decoded = decodeText(bytes, { encoding: options.encoding });
  const result = parseImportText(decoded.text, format, source);
  return { ...result, encoding: decoded.encoding, notes: [...decoded.notes, ...result.notes] };
}

export function parseImportText(text: string, format: ImportFormat, source: string): ParseResult {
  if (!text.trim()) throw new ImportInputError("The file is empty.", "empty");
  checkFormat(text, format);
  const parsed = PARSERS[format](text);
  for (const record of parsed.records) {
    repairRecordText(record);
    normaliseLanguage(record);
  }
  const repaired = parsed.records.filter((r) => r.warnings.some((w) => w.startsWith("repaired mojibake"))).length;
  const notes = [...parsed.notes];
  if (repaired) notes.push(`${repaired} record(s) held UTF-8 text that had been read as Latin-1 ("Ã³" for "ó"); it was repaired.`);
  if (/^%\s*Encoding:\s*(ISO-8859-1|latin1|windows-1252)/im.test(text.slice(0, 2000)))
    notes.push("The file declares a Latin-1 encoding but is valid UTF-8; it was read as UTF-8.");
  return { format, source, records: parsed.records, notes };
}

const PARSERS: Record<ImportFormat, (text: string) => { records: ParsedRecord[]; notes: string[] }> = {
  csv: parseCsv,
  bibtex: parseBibtex,
  ris: parseRis,
  crossref: parseCrossref,
  orcid: (text) => (text.trimStart().startsWith("<") ? parseOrcidXml(text) : parseOrcidJson(text)),
  "oai-dc": parseOaiFile,
};

/** Harvests an OAI-PMH repository (oai_dc) into parsed records. */
export async function harvestImport(options: HarvestOptions): Promise<ParseResult> {
  const result = await harvestOaiDc(options);
  for (const record of result.records) {
    repairRecordText(record);
    normaliseLanguage(record);
  }
  return { format: "oai-dc", source: options.baseUrl + (options.set ? ` (set ${options.set})` : ""), records: result.records, notes: result.notes };
}

/** The item stores ISO 639-1 codes: names and three-letter codes are mapped, anything else left out. */
function normaliseLanguage(record: ParsedRecord) {
  const value = record.data.language;
  if (!value) return;
  const code = languageCode(value);
  if (code) record.data.language = code;
  else {
    record.data.language = null;
    record.warnings.push(`language "${value}" is not a language code Atrium knows; left out`);
  }
}

/** Undoes UTF-8-read-as-Latin-1 in every text field of a record, noting which fields. */
function repairRecordText(record: ParsedRecord) {
  const fixed = new Set<string>();
  const visit = (value: unknown, field: string): unknown => {
    if (typeof value === "string") {
      if (!looksLikeMojibake(value)) return value;
      const repaired = repairMojibake(value);
      if (repaired !== value) fixed.add(field);
      return repaired;
    }
    if (Array.isArray(value)) return value.map((v) => visit(v, field));
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, field === "" ? k : field)]));
    }
    return value;
  };
  record.data = visit(record.data, "") as ParsedRecord["data"];
  if (fixed.size) record.warnings.push(`repaired mojibake in ${[...fixed].join(", ")}`);
}
