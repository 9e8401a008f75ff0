// RIS (.ris) for one item. Citation.js maps the CSL record to RIS tags; the record is written out
// here because its own writer has quirks that other readers trip over:
// - it wraps values every 70 characters, mid-word (readers join the pieces with a space);
// - it passes line breaks inside a value through, so an abstract could start a new tag or record;
// - it writes a page range into SP alone and the date as "2023/8//" (RIS wants "2023/08//");
// - it splits keywords at commas and drops the DOI for some types.
// RIS has no escaping: values are one line each, control characters removed.
import { citationJsOutput } from "./citation-js";
import { clean, type CslItem, type ExportableItem, type ExportableItemType } from "./csl";

type RisRecord = Record<string, string | string[]>;

/** Tags in the order of the RIS specification's examples; anything else follows, then ER. */
const TAG_ORDER = ["TY", "TI", "AU", "A2", "A3", "A4", "PY", "DA", "T2", "T3", "C3", "VL", "IS", "SP", "EP", "ET", "PB", "CY", "SN", "DO", "UR", "AB", "KW", "LA", "ID"];

/** Where Citation.js's type mapping misses: it writes CSL "speech" as SOUND (an audio recording). */
const TYPE_OVERRIDES: Partial<Record<ExportableItemType, string>> = { PRESENTATION: "SLIDE" };

function risDate(parts: number[]): string {
  const [year, month, day] = parts;
  const pad = (n: number | undefined) => (n ? String(n).padStart(2, "0") : "");
  return `${year}/${pad(month)}/${pad(day)}/`;
}

function values(value: string | string[] | undefined): string[] {
  return ([] as string[]).concat(value ?? []).map((v) => clean(String(v))).filter(Boolean);
}

/** The RIS record for an item and the CSL record made from it by toCsl(). */
export function cslToRis(item: ExportableItem, csl: CslItem): string {
  const [mapped] = citationJsOutput(csl, "ris", { format: "object" }) as RisRecord[];
  const record: RisRecord = { ...mapped };
  record.TY = TYPE_OVERRIDES[item.type] ?? record.TY;

  const parts = csl.issued && "date-parts" in csl.issued ? csl.issued["date-parts"][0] : undefined;
  if (parts) {
    record.PY = String(parts[0]);
    if (parts.length > 1) record.DA = risDate(parts);
    else delete record.DA;
  } else if (csl.issued && "literal" in csl.issued) {
    const year = /\b(\d{4})\b/.exec(csl.issued.literal);
    if (year) record.PY = year[1];
  }
  // Start and end page as recorded, rather than split again from CSL's "429-446".
  delete record.SP;
  delete record.EP;
  if (clean(item.startPage)) record.SP = clean(item.startPage);
  if (clean(item.endPage) && clean(item.endPage) !== clean(item.startPage)) record.EP = clean(item.endPage);
  if (csl.DOI) record.DO = csl.DOI;
  if (item.keywords.length) record.KW = item.keywords.map(clean).filter(Boolean);
  else delete record.KW;
  // No TT for the alternative title: readers such as Citation.js take TT ("translated title") as the
  // title to show and demote TI to the original title, which inverts ours.
  delete record.TT;

  const rank = (tag: string) => {
    const i = TAG_ORDER.indexOf(tag);
    return i < 0 ? TAG_ORDER.length : i;
  };
  const tags = Object.keys(record)
    .filter((tag) => /^[A-Z][A-Z0-9]$/.test(tag) && tag !== "ER")
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const lines: string[] = [];
  for (const tag of tags) {
    for (const value of values(record[tag])) lines.push(`${tag}  - ${value}`);
  }
  lines.push("ER  - ");
  // The RIS specification ends every line with CR LF.
  return `${lines.join("\r\n")}\r\n`;
}
