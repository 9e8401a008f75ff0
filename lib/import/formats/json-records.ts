// Crossref work JSON (a single `{message: …}` response, a bare work, a works list or an array) and
// ORCID v3.0 JSON (a full /record, /works, or a single /work) to import records.
import type { ImportItemType, ParsedRecord, TImportRecordInput } from "../record";
import { cleanText, displayName, normaliseOrcid, splitPages, stripMarkup } from "../normalise";
import { ImportInputError } from "../input";

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v == null ? [] : [v]);
const str = (v: unknown): string | undefined => {
  if (v == null) return undefined;
  if (typeof v === "object" && !Array.isArray(v) && "value" in (v as Json)) return str((v as Json).value);
  const s = cleanText(String(Array.isArray(v) ? (v[0] ?? "") : v));
  return s || undefined;
};

const markupFree = (v: string | undefined) => (v && /<[a-z]/i.test(v) ? stripMarkup(v).replace(/\n+/g, " ") : v);

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const truncated = /end of (JSON )?input|Unterminated/i.test(msg);
    throw new ImportInputError(
      `The file is not valid JSON${truncated ? " — it looks truncated (it ends in the middle of a value)" : ""}: ${msg}.`,
      "unparseable",
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Crossref

const CROSSREF_TYPES: Record<string, ImportItemType> = {
  "journal-article": "JOURNAL_ARTICLE",
  "proceedings-article": "CONFERENCE_PAPER",
  book: "BOOK",
  monograph: "BOOK",
  "edited-book": "BOOK",
  "reference-book": "BOOK",
  "book-chapter": "BOOK_CHAPTER",
  "book-section": "BOOK_CHAPTER",
  "book-part": "BOOK_CHAPTER",
  "reference-entry": "BOOK_CHAPTER",
  dissertation: "THESIS",
  report: "REPORT",
  "report-component": "REPORT",
  dataset: "DATASET",
  standard: "REPORT",
};

export function crossrefWorkToRecord(work: Json): Partial<TImportRecordInput> {
  const type = CROSSREF_TYPES[String(work.type ?? "")] ?? "OTHER";
  const dateParts =
    arr(obj(work.issued)["date-parts"])[0] ??
    arr(obj(work["published-print"])["date-parts"])[0] ??
    arr(obj(work["published-online"])["date-parts"])[0];
  const [year, month, day] = arr(dateParts).map((n) => (n == null ? undefined : Number(n)));
  const issnTypes = arr(work["issn-type"]).map(obj);
  const print = issnTypes.find((t) => t.type === "print")?.value;
  const electronic = issnTypes.find((t) => t.type === "electronic")?.value;
  const issns = arr(work.ISSN).map(String);
  const licenses = arr(work.license).map(obj);
  const license = licenses.find((l) => l["content-version"] === "vor") ?? licenses.find((l) => /creativecommons/.test(String(l.URL))) ?? licenses[0];
  const container = str(work["container-title"]);
  const contributors = [
    ...arr(work.author).map((a) => ({ a: obj(a), role: "AUTHOR" as const })),
    ...arr(work.editor).map((a) => ({ a: obj(a), role: "EDITOR" as const })),
  ].map(({ a, role }) => ({
    name: displayName(str(a.family), str(a.given), str(a.name)),
    role,
    orcid: str(a.ORCID),
    affiliation: arr(a.affiliation).map((x) => str(obj(x).name)).filter(Boolean).join("; ") || undefined,
  }));
  const data: Partial<TImportRecordInput> = {
    type,
    // Crossref titles may carry <i>, <sub> and similar markup.
    title: markupFree(str(work.title)),
    alternativeTitle: markupFree(str(work["original-title"]) ?? str(work.subtitle)),
    contributors,
    year,
    month,
    day,
    publisher: str(work.publisher),
    placeOfPublication: str(work["publisher-location"]),
    volume: str(work.volume),
    number: str(work.issue),
    ...splitPages(str(work.page)),
    issn: str(print) ?? issns[0],
    eissn: str(electronic) ?? (issns[1] && issns[1] !== (print ?? issns[0]) ? issns[1] : undefined),
    isbn: str(work.ISBN),
    doi: str(work.DOI),
    abstract: typeof work.abstract === "string" ? stripMarkup(work.abstract) : undefined,
    // Crossref's "subject" holds the journal's subject categories, not the article's keywords.
    subjects: arr(work.subject).map(String),
    language: str(work.language),
    license: str(license?.URL),
    funding: arr(work.funder).flatMap((f) => {
      const funder = str(obj(f).name);
      if (!funder) return [];
      const awards = arr(obj(f).award).map(String);
      return awards.length ? awards.map((awardNumber) => ({ funder, awardNumber })) : [{ funder }];
    }),
    conferenceName: str(obj(work.event).name),
  };
  if (type === "BOOK_CHAPTER" || type === "CONFERENCE_PAPER") data.bookTitle = container;
  else data.journalTitle = container;
  return data;
}

export function parseCrossref(text: string): { records: ParsedRecord[]; notes: string[] } {
  const json = parseJsonText(text);
  const root = obj(json);
  let works: unknown[];
  if (Array.isArray(json)) works = json;
  else if (root.status && root.status !== "ok") throw new ImportInputError(`The Crossref response reports an error (status "${String(root.status)}").`, "unparseable");
  else if (root["message-type"] === "work-list" || Array.isArray(obj(root.message).items)) works = arr(obj(root.message).items);
  else if (root.message) works = [root.message];
  else works = [json];
  const records = works.map((w, i): ParsedRecord => {
    const work = obj(w);
    const record: ParsedRecord = { position: i + 1, locator: `work ${i + 1}`, data: {}, errors: [], warnings: [] };
    if (!Object.keys(work).length) {
      record.errors.push("unparseable: not a Crossref work object");
      return record;
    }
    record.sourceId = str(work.DOI);
    if (record.sourceId) record.locator = `work ${i + 1} (${record.sourceId})`;
    record.data = crossrefWorkToRecord(work);
    return record;
  });
  return { records, notes: [] };
}

// ---------------------------------------------------------------------------------------------
// ORCID (JSON)

export const ORCID_TYPES: Record<string, ImportItemType> = {
  "journal-article": "JOURNAL_ARTICLE",
  "magazine-article": "JOURNAL_ARTICLE",
  "newspaper-article": "JOURNAL_ARTICLE",
  review: "JOURNAL_ARTICLE",
  "conference-paper": "CONFERENCE_PAPER",
  "conference-abstract": "CONFERENCE_PAPER",
  "conference-poster": "PRESENTATION",
  "conference-presentation": "PRESENTATION",
  lecture: "PRESENTATION",
  book: "BOOK",
  "edited-book": "BOOK",
  "book-chapter": "BOOK_CHAPTER",
  "encyclopedia-entry": "BOOK_CHAPTER",
  "dictionary-entry": "BOOK_CHAPTER",
  "dissertation-thesis": "THESIS",
  dissertation: "THESIS",
  "supervised-student-publication": "THESIS",
  report: "REPORT",
  "working-paper": "REPORT",
  "data-set": "DATASET",
  patent: "PATENT",
};

type OrcidOwner = { orcid?: string; name?: string };

/** One ORCID work (summary or full) as plain values, shared by the JSON and XML readers. */
export type OrcidWork = {
  putCode?: string;
  type?: string;
  title?: string;
  subtitle?: string;
  translatedTitle?: string;
  translatedTitleLang?: string;
  journalTitle?: string;
  shortDescription?: string;
  year?: string;
  month?: string;
  day?: string;
  externalIds: { type: string; value: string; relationship?: string }[];
  url?: string;
  language?: string;
  contributors: { name?: string; orcid?: string; role?: string }[];
};

const ORCID_ROLES: Record<string, "AUTHOR" | "EDITOR" | "ADVISOR" | "TRANSLATOR" | "OTHER"> = {
  author: "AUTHOR",
  "principal-investigator": "AUTHOR",
  "co-investigator": "AUTHOR",
  "lead": "AUTHOR",
  editor: "EDITOR",
  "chair-or-translator": "TRANSLATOR",
  "graduate-student": "AUTHOR",
  "support-staff": "OTHER",
  assignee: "OTHER",
};

export function orcidWorkToRecord(work: OrcidWork, owner: OrcidOwner): Partial<TImportRecordInput> {
  const ids = work.externalIds.filter((id) => id.relationship !== "part-of");
  const id = (type: string) => ids.find((x) => x.type.toLowerCase() === type)?.value;
  let contributors = work.contributors
    .filter((c) => c.name || c.orcid)
    .map((c) => ({
      name: c.name ?? (c.orcid && c.orcid === normaliseOrcid(owner.orcid ?? "") ? (owner.name ?? "") : ""),
      orcid: c.orcid,
      role: ORCID_ROLES[(c.role ?? "author").toLowerCase()] ?? "AUTHOR",
    }));
  // Summaries in a /record carry no contributor list: the record's owner is then the one known author.
  if (!contributors.length && owner.name) contributors = [{ name: owner.name, orcid: owner.orcid, role: "AUTHOR" }];
  const type = ORCID_TYPES[work.type ?? ""] ?? "OTHER";
  const title = markupFree(work.title && work.subtitle ? `${work.title}: ${work.subtitle}` : work.title);
  return {
    type,
    title,
    alternativeTitle: work.translatedTitle,
    alternativeTitleLang: work.translatedTitleLang,
    contributors,
    year: work.year ? Number(work.year) : undefined,
    month: work.month ? Number(work.month) : undefined,
    day: work.day ? Number(work.day) : undefined,
    journalTitle: type === "BOOK_CHAPTER" || type === "CONFERENCE_PAPER" ? undefined : work.journalTitle,
    bookTitle: type === "BOOK_CHAPTER" || type === "CONFERENCE_PAPER" ? work.journalTitle : undefined,
    doi: id("doi"),
    isbn: id("isbn"),
    issn: id("issn"),
    handle: id("handle"),
    abstract: work.shortDescription ? stripMarkup(work.shortDescription) : undefined,
    language: work.language,
  };
}

function jsonWork(w: Json): OrcidWork {
  const title = obj(w.title);
  const date = obj(w["publication-date"]);
  return {
    putCode: str(w["put-code"]),
    type: str(w.type),
    title: str(title.title),
    subtitle: str(title.subtitle),
    translatedTitle: str(title["translated-title"]),
    translatedTitleLang: str(obj(title["translated-title"])["language-code"]),
    journalTitle: str(w["journal-title"]),
    shortDescription: typeof w["short-description"] === "string" ? w["short-description"] : undefined,
    year: str(date.year),
    month: str(date.month),
    day: str(date.day),
    externalIds: arr(obj(w["external-ids"])["external-id"]).map((x) => ({
      type: String(obj(x)["external-id-type"] ?? ""),
      value: String(obj(x)["external-id-value"] ?? ""),
      relationship: str(obj(x)["external-id-relationship"]),
    })),
    url: str(w.url),
    language: str(w["language-code"]),
    contributors: arr(obj(w.contributors).contributor).map((c) => ({
      name: str(obj(c)["credit-name"]),
      orcid: str(obj(obj(c)["contributor-orcid"]).path),
      role: str(obj(obj(c)["contributor-attributes"])["contributor-role"]),
    })),
  };
}

/** The works of a record or works list: the first (preferred) summary of each group. */
export function workRecords(works: OrcidWork[], owner: OrcidOwner): ParsedRecord[] {
  return works.map((work, i) => ({
    position: i + 1,
    locator: `work ${i + 1}${work.putCode ? ` (put-code ${work.putCode})` : ""}`,
    sourceId: work.putCode,
    data: orcidWorkToRecord(work, owner),
    errors: [],
    warnings: [],
  }));
}

export function parseOrcidJson(text: string): { records: ParsedRecord[]; notes: string[] } {
  const root = obj(parseJsonText(text));
  const person = obj(root.person ?? (root.name ? root : {}));
  const name = obj(person.name);
  const owner: OrcidOwner = {
    orcid: str(obj(root["orcid-identifier"]).path) ?? normaliseOrcid(String(root.path ?? "")) ?? undefined,
    name: displayName(str(name["family-name"]), str(name["given-names"]), str(name["credit-name"])) || undefined,
  };
  const worksSection = root["activities-summary"] ? obj(obj(root["activities-summary"]).works) : root.group ? root : null;
  if (worksSection) {
    const works = arr(worksSection.group).map((g) => jsonWork(obj(arr(obj(g)["work-summary"])[0])));
    const notes = works.length ? [] : ["The ORCID record lists no works."];
    return { records: workRecords(works, owner), notes };
  }
  if (root["put-code"] !== undefined && root.title) {
    const ownerOrcid = /\/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\//.exec(String(root.path ?? ""))?.[1];
    return { records: workRecords([jsonWork(root)], { orcid: ownerOrcid }), notes: [] };
  }
  if (root.bulk) {
    const works = arr(root.bulk).map((b) => jsonWork(obj(obj(b).work)));
    return { records: workRecords(works, owner), notes: [] };
  }
  if (root.person || root.name) {
    return { records: [], notes: ["This is an ORCID person record: it holds no works to import."] };
  }
  throw new ImportInputError("This JSON is not an ORCID v3.0 record, works list or work.", "wrong-format");
}
