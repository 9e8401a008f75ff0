// From bytes to text an import can trust: size limit, encoding (BOMs, UTF-16, text that is not
// UTF-8, binary garbage) and a check that the file is the format the curator said it is.
import fs from "node:fs";

export const IMPORT_FORMATS = ["csv", "bibtex", "ris", "crossref", "orcid", "oai-dc"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  csv: "CSV",
  bibtex: "BibTeX",
  ris: "RIS",
  crossref: "Crossref work JSON",
  orcid: "ORCID record (JSON or XML)",
  "oai-dc": "OAI-PMH oai_dc XML",
};

/** Default upper limit of one import file: larger files are refused before they are read. */
export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

/** A problem with the whole input: nothing was imported, and the message says why. */
export class ImportInputError extends Error {
  constructor(
    message: string,
    readonly code: "too-large" | "encoding" | "binary" | "wrong-format" | "unparseable" | "empty" | "fetch",
  ) {
    super(message);
    this.name = "ImportInputError";
  }
}

export type DecodedText = { text: string; encoding: string; notes: string[] };

/** Reads a file, refusing it before reading when it exceeds maxBytes. */
export async function readImportFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  const stat = await fs.promises.stat(path);
  if (!stat.isFile()) throw new ImportInputError(`${path} is not a file.`, "unparseable");
  if (stat.size > maxBytes) throw tooLarge(stat.size, maxBytes);
  return new Uint8Array(await fs.promises.readFile(path));
}

export function tooLarge(size: number, maxBytes: number): ImportInputError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new ImportInputError(
    `The file is ${mb(size)}; imports take at most ${mb(maxBytes)}. Split it into smaller files (or raise the limit with --max-size).`,
    "too-large",
  );
}

/**
 * Decodes bytes as text. UTF-8 (with or without BOM) and UTF-16 with a BOM (or with the zero bytes
 * of plain ASCII in UTF-16) are read; anything else is refused with the encoding it most likely
 * is, because guessing wrong would store garbled names.
 */
export function decodeText(bytes: Uint8Array, options: { encoding?: "utf-8" | "latin1" } = {}): DecodedText {
  if (bytes.length === 0) throw new ImportInputError("The file is empty.", "empty");
  const notes: string[] = [];
  if (options.encoding === "latin1") {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252 (Latin-1), as asked", notes };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    notes.push("The file is UTF-16 (little-endian, with a byte order mark); it was read as such.");
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16LE", notes };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    notes.push("The file is UTF-16 (big-endian, with a byte order mark); it was read as such.");
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16BE", notes };
  }
  const head = bytes.subarray(0, Math.min(bytes.length, 4096));
  const zeros = countZeros(head);
  if (zeros > head.length / 4) {
    const evenZeros = head.filter((b, i) => b === 0 && i % 2 === 0).length;
    const oddZeros = zeros - evenZeros;
    if (oddZeros > head.length / 3 && evenZeros === 0) {
      notes.push("The file is UTF-16 (little-endian, without a byte order mark); it was read as such.");
      return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "UTF-16LE", notes };
    }
    if (evenZeros > head.length / 3 && oddZeros === 0) {
      notes.push("The file is UTF-16 (big-endian, without a byte order mark); it was read as such.");
      return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "UTF-16BE", notes };
    }
    throw binary();
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    if (looksBinary(bytes)) throw binary();
    throw new ImportInputError(
      `The file is not UTF-8 (the first invalid byte is 0x${bytes[at]?.toString(16).toUpperCase().padStart(2, "0")} at byte ${at + 1}); ` +
        `it looks like Windows-1252 / Latin-1 (ISO-8859-1). Save it as UTF-8 and import it again, or pass --encoding latin1.`,
      "encoding",
    );
  }
  let encoding = "UTF-8";
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    encoding = "UTF-8 with BOM";
    notes.push("The file starts with a UTF-8 byte order mark; it was skipped.");
  }
  if (looksBinary(bytes)) throw binary();
  if (/\r\n/.test(text.slice(0, 10000))) notes.push("The file has Windows (CRLF) line endings.");
  return { text, encoding, notes };
}

function binary(): ImportInputError {
  return new ImportInputError(
    "The file is not text (it holds binary data: control characters or zero bytes). Check that you chose the export file, not a PDF, a ZIP or a database.",
    "binary",
  );
}

function countZeros(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 0) n++;
  return n;
}

/** Control characters other than tab, CR, LF and form feed in the first 64 KB. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, Math.min(bytes.length, 65536));
  let control = 0;
  for (const b of head) if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  return control > Math.max(8, head.length / 200);
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return 0;
}

/** The format a text most likely is, from its first few kilobytes; null when none fits. */
export function sniffFormat(text: string): ImportFormat | null {
  const head = text.slice(0, 20000).replace(/^\uFEFF/, "");
  const trimmed = head.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    if (/"orcid-identifier"|"put-code"|"activities-summary"|"work-summary"/.test(head)) return "orcid";
    if (/"message-type"\s*:\s*"work"|"DOI"\s*:|"container-title"\s*:/.test(head)) return "crossref";
    return null;
  }
  if (trimmed.startsWith("<")) {
    if (/<OAI-PMH\b|oai_dc:dc\b|openarchives\.org\/OAI/.test(head)) return "oai-dc";
    if (/orcid\.org\/ns\//.test(head)) return "orcid";
    return null;
  }
  if (/^TY {2}-/m.test(head) && /^(ER {2}-|[A-Z][A-Z0-9] {2}- )/m.test(head)) return "ris";
  if (/^\s*@[A-Za-z]+\s*[{(]/m.test(head)) return "bibtex";
  const firstLine = head.split(/\r?\n/, 1)[0].toLowerCase();
  if (/(^|[,;\t"])\s*"?title"?\s*([,;\t"]|$)/.test(firstLine)) return "csv";
  return null;
}

/**
 * Refuses a file that is clearly another format than the one chosen ("a RIS file given as
 * BibTeX"), naming the format it looks like.
 */
export function checkFormat(text: string, declared: ImportFormat): void {
  const likely = sniffFormat(text);
  if (likely === declared) return;
  if (likely) {
    throw new ImportInputError(
      `This does not look like ${FORMAT_NAMES[declared]}: it looks like ${FORMAT_NAMES[likely]}. Import it with --format ${likely}.`,
      "wrong-format",
    );
  }
  const sample = JSON.stringify(text.slice(0, 60));
  throw new ImportInputError(
    `This does not look like ${FORMAT_NAMES[declared]}, nor like any format Atrium imports (it starts with ${sample}).`,
    "wrong-format",
  );
}
