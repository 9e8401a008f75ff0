// Small, pure normalisations shared by every import format: identifiers (DOI, ISSN, ISBN, ORCID),
// text clean-up, dates, pages, and the keys used to find duplicates and to match names.

/** Collapses whitespace (including NBSP and line breaks) and drops control characters. */
export function cleanText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad]/g, "")
    .replace(/[\s\u00a0\u2000-\u200b\u3000]+/g, " ")
    .trim();
}

/**
 * A bare, lower-cased DOI ("10.1016/j.actamat.2016.09.028") from any of the forms sources use:
 * https://doi.org/…, http://dx.doi.org/…, doi:…, "DOI 10.…", percent-encoded URLs. Null when the
 * value holds no DOI.
 */
export function normaliseDoi(value: string): string | null {
  let v = value.trim();
  try {
    if (/%2F/i.test(v)) v = decodeURIComponent(v);
  } catch {
    // keep as is
  }
  const m = /(10\.\d{4,9}\/\S+)/.exec(v);
  if (!m) return null;
  return m[1].replace(/[.,;]+$/, "").toLowerCase();
}

/** "0306-4530" from "03064530 (ISSN)", "0306 4530" …; null when it is not eight ISSN characters. */
export function normaliseIssn(value: string): string | null {
  const m = /\b(\d{4})[\s-]?(\d{3}[\dXx])\b/.exec(value);
  return m ? `${m[1]}-${m[2].toUpperCase()}` : null;
}

/** Digits (and a final X) of an ISBN-10 or ISBN-13; null when the value holds neither. */
export function normaliseIsbn(value: string): string | null {
  const compact = value.replace(/[\s-]/g, "");
  const m = /(97[89]\d{10}|\d{9}[\dXx])/.exec(compact);
  return m ? m[1].toUpperCase() : null;
}

/** "0000-0002-1825-0097" from a bare iD or an orcid.org URL (http or https, sandbox or not). */
export function normaliseOrcid(value: string): string | null {
  const m = /(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dXx])\s*$/.exec(value.trim().replace(/\/+$/, ""));
  return m ? `${m[1]}-${m[2]}-${m[3]}-${m[4].toUpperCase()}` : null;
}

/** Removes XML/HTML markup (JATS abstracts, <sub>, <i>) and decodes the common entities. */
export function stripMarkup(value: string): string {
  const text = value
    .replace(/<jats:title>[^<]*<\/jats:title>/gi, (t) => (/^<jats:title>\s*abstract\s*</i.test(t) ? " " : ` ${t} `))
    .replace(/<\/(jats:)?(p|sec|title)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
  return text
    .split(/\n+/)
    .map((p) => cleanText(p))
    .filter(Boolean)
    .join("\n\n");
}

const MOJIBAKE = /[\u00c2\u00c3\u00c5\u00ce\u00cf][\u0080-\u00bf]|\u00e2\u20ac[\u0080-\u00bf\u2018-\u201e\u2122\u0161\u0153\u017e]/;

/** Whether a string looks like UTF-8 that was decoded as Latin-1 / Windows-1252 ("CÃ³rdoba"). */
export function looksLikeMojibake(value: string): boolean {
  return MOJIBAKE.test(value);
}

const CP1252_REVERSE: Record<string, number> = {
  "\u20ac": 0x80, "\u201a": 0x82, "\u0192": 0x83, "\u201e": 0x84, "\u2026": 0x85, "\u2020": 0x86, "\u2021": 0x87,
  "\u02c6": 0x88, "\u2030": 0x89, "\u0160": 0x8a, "\u2039": 0x8b, "\u0152": 0x8c, "\u017d": 0x8e, "\u2018": 0x91,
  "\u2019": 0x92, "\u201c": 0x93, "\u201d": 0x94, "\u2022": 0x95, "\u2013": 0x96, "\u2014": 0x97, "\u02dc": 0x98,
  "\u2122": 0x99, "\u0161": 0x9a, "\u203a": 0x9b, "\u0153": 0x9c, "\u017e": 0x9e, "\u0178": 0x9f,
};

/**
 * Undoes one round of UTF-8-read-as-Latin-1 ("CÃ³rdoba" → "Córdoba"). Returns the value unchanged
 * when it does not look like mojibake or when the repair would not give valid UTF-8.
 */
export function repairMojibake(value: string): string {
  if (!looksLikeMojibake(value)) return value;
  const bytes: number[] = [];
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (code <= 0xff) bytes.push(code);
    else if (CP1252_REVERSE[ch] !== undefined) bytes.push(CP1252_REVERSE[ch]);
    else return value;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return value;
  }
}

/**
 * The key two titles share when they are the same title: Unicode NFKC, case-folded, punctuation
 * and markup dropped, whitespace collapsed.
 */
export function titleKey(title: string): string {
  return title
    .normalize("NFKC")
    .replace(/<[^>]+>/g, "")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Words of a person's name, lower-cased, in any order ("Koo, J.W." → ["j", "koo", "w"]). */
export function nameWords(name: string): string[] {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .split(/\s+/)
    .filter(Boolean)
    .sort();
}

/** The key under which two spellings of a name are the same form: words sorted, no punctuation. */
export function nameKey(name: string): string {
  return nameWords(name).join(" ");
}

/** Family name and initials ("koo j w") — how "Koo, J.W." and "Koo, Ja Wook" meet. */
export function initialsKey(family: string, given: string): string {
  const initials = nameWords(given.replace(/([A-Za-z])(?=[A-Z])/g, "$1 ")).map((w) => w[0]);
  return [nameKey(family), ...initials.sort()].join(" ");
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

export type DateParts = { year?: number; month?: number; day?: number };

/**
 * Year, month and day from the date forms found in exports: "2023", "2023-08-14", "2016/12//",
 * "2016/12/05/", "Aug-2023", "14 Aug 2023", "2015-04-30T12:00:00Z". Unreadable parts are left out.
 */
export function parseDateParts(value: string | number | null | undefined): DateParts {
  if (value == null) return {};
  const v = String(value).trim();
  if (!v) return {};
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[-/T ]|$)/.exec(v);
  if (m) return dropEmpty({ year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined });
  m = /^(?:(\d{1,2})[\s-])?([A-Za-z]{3})[a-z]*\.?[\s,-]+(\d{4})$/.exec(v);
  if (m && MONTHS[m[2].toLowerCase()]) return dropEmpty({ year: Number(m[3]), month: MONTHS[m[2].toLowerCase()], day: m[1] ? Number(m[1]) : undefined });
  m = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(v);
  if (m && MONTHS[m[1].toLowerCase()]) return { year: Number(m[3]), month: MONTHS[m[1].toLowerCase()], day: Number(m[2]) };
  m = /\b(1\d{3}|20\d{2})\b/.exec(v);
  if (m) return { year: Number(m[1]) };
  return { year: Number.NaN };
}

/** A month name or number ("Aug", "aug", "8", "08") as 1–12. */
export function parseMonth(value: string | number | null | undefined): number | undefined {
  if (value == null) return undefined;
  const v = String(value).trim().toLowerCase();
  if (/^\d{1,2}$/.test(v)) return Number(v);
  return MONTHS[v.slice(0, 3)];
}

function dropEmpty(parts: DateParts): DateParts {
  const out: DateParts = {};
  if (parts.year !== undefined) out.year = parts.year;
  if (parts.month) out.month = parts.month;
  if (parts.day) out.day = parts.day;
  return out;
}

/** "310-324", "620 - 652", "e1234", "12–15" → start and end page. */
export function splitPages(value: string | null | undefined): { startPage?: string; endPage?: string } {
  if (!value) return {};
  const v = cleanText(value);
  const m = /^(\S+?)\s*[-–—]+\s*(\S+)$/.exec(v);
  if (m) return { startPage: m[1], endPage: m[2] };
  return v ? { startPage: v } : {};
}

/** "Family, Given" from a CSL-style name. */
export function displayName(family: string | null | undefined, given: string | null | undefined, literal?: string | null): string {
  const f = cleanText(family ?? "");
  const g = cleanText(given ?? "");
  if (f && g) return `${f}, ${g}`;
  return f || g || cleanText(literal ?? "");
}

/** Splits a multi-valued cell: on "||" when present, else on ";". */
export function splitMulti(value: string | null | undefined): string[] {
  if (!value) return [];
  const parts = value.includes("||") ? value.split("||") : value.split(";");
  return parts.map((p) => p.trim()).filter(Boolean);
}

const LANGUAGES: Record<string, string> = {
  eng: "en", english: "en", fre: "fr", fra: "fr", french: "fr", "français": "fr", ger: "de", deu: "de", german: "de",
  spa: "es", spanish: "es", tur: "tr", turkish: "tr", "türkçe": "tr", kor: "ko", korean: "ko", "한국어": "ko",
  jpn: "ja", japanese: "ja", chi: "zh", zho: "zh", chinese: "zh", ita: "it", italian: "it", por: "pt", portuguese: "pt",
  rus: "ru", russian: "ru", dut: "nl", nld: "nl", dutch: "nl", ukr: "uk", ukrainian: "uk", pol: "pl", polish: "pl",
};

/** An ISO 639-1 code from "en", "en_US", "eng", "English", "chinese"…; undefined when unknown. */
export function languageCode(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase();
  if (/^[a-z]{2}([_-][a-z]{2,4})?$/.test(v)) return v.slice(0, 2);
  return LANGUAGES[v];
}
