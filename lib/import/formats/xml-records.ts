// XML formats: ORCID v3.0 records (full /record, /works, /work, /person) and OAI-PMH pages with
// oai_dc metadata (DSpace and others). Parsed with @xmldom/xmldom; elements are found by local
// name so that prefixes and namespace declarations in any style are accepted.
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import type { ImportItemType, ParsedRecord, TImportRecordInput } from "../record";
import { cleanText, displayName, languageCode, normaliseDoi, normaliseIsbn, normaliseIssn, parseDateParts } from "../normalise";
import { ImportInputError } from "../input";
import { workRecords, type OrcidWork } from "./json-records";

export function parseXml(text: string): Document {
  const warnings: string[] = [];
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") warnings.push(message);
      },
    }).parseFromString(text, "text/xml");
    if (!doc.documentElement) throw new Error("no root element");
    return doc;
  } catch (err) {
    const msg = (err as Error).message.split("\n")[0];
    const truncated = /unclosed|end of|missing/i.test(msg);
    throw new ImportInputError(`The file is not well-formed XML${truncated ? " — it looks truncated" : ""}: ${msg}.`, "unparseable");
  }
}

export function children(el: Element | null | undefined, localName?: string): Element[] {
  const out: Element[] = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (!localName || (n as Element).localName === localName)) out.push(n as Element);
  }
  return out;
}

export function child(el: Element | null | undefined, ...path: string[]): Element | undefined {
  let cur: Element | undefined = el ?? undefined;
  for (const name of path) {
    cur = children(cur, name)[0];
    if (!cur) return undefined;
  }
  return cur;
}

export function textOf(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  const t = cleanText(el.textContent ?? "");
  return t || undefined;
}

/** Text keeping paragraph breaks (abstracts), for CRLF and LF alike. */
function paragraphs(el: Element): string {
  return (el.textContent ?? "")
    .split(/(?:\r?\n|\r)\s*(?:\r?\n|\r)/)
    .map((p) => cleanText(p))
    .filter(Boolean)
    .join("\n\n");
}

function descendants(el: Element | Document, localName: string): Element[] {
  const all = el.getElementsByTagName("*");
  const out: Element[] = [];
  for (let i = 0; i < all.length; i++) if (all[i].localName === localName) out.push(all[i] as Element);
  return out;
}

// ---------------------------------------------------------------------------------------------
// ORCID XML

function xmlWork(w: Element): OrcidWork {
  const title = child(w, "title");
  const date = child(w, "publication-date");
  const translated = child(title, "translated-title");
  return {
    putCode: w.getAttribute("put-code") ?? undefined,
    type: textOf(child(w, "type")),
    title: textOf(child(title, "title")),
    subtitle: textOf(child(title, "subtitle")),
    translatedTitle: textOf(translated),
    translatedTitleLang: translated?.getAttribute("language-code") ?? undefined,
    journalTitle: textOf(child(w, "journal-title")),
    shortDescription: child(w, "short-description")?.textContent ?? undefined,
    year: textOf(child(date, "year")),
    month: textOf(child(date, "month")),
    day: textOf(child(date, "day")),
    externalIds: children(child(w, "external-ids"), "external-id").map((x) => ({
      type: textOf(child(x, "external-id-type")) ?? "",
      value: textOf(child(x, "external-id-value")) ?? "",
      relationship: textOf(child(x, "external-id-relationship")),
    })),
    url: textOf(child(w, "url")),
    language: textOf(child(w, "language-code")),
    contributors: children(child(w, "contributors"), "contributor").map((c) => ({
      name: textOf(child(c, "credit-name")),
      orcid: textOf(child(c, "contributor-orcid", "path")),
      role: textOf(child(c, "contributor-attributes", "contributor-role")),
    })),
  };
}

export function parseOrcidXml(text: string): { records: ParsedRecord[]; notes: string[] } {
  const doc = parseXml(text);
  const root = doc.documentElement!;
  const person = root.localName === "person" ? root : descendants(doc, "person")[0];
  const name = child(person, "name");
  const owner = {
    orcid: textOf(child(root, "orcid-identifier", "path")) ?? (root.getAttribute("path") || undefined)?.replace(/^\//, "").split("/")[0],
    name: name ? displayName(textOf(child(name, "family-name")), textOf(child(name, "given-names")), textOf(child(name, "credit-name"))) || undefined : undefined,
  };
  if (root.localName === "work") return { records: workRecords([xmlWork(root)], owner), notes: [] };
  const worksEl = root.localName === "works" ? root : descendants(doc, "works")[0];
  if (worksEl) {
    const works = children(worksEl, "group").map((g) => xmlWork(children(g, "work-summary")[0] ?? children(g, "work")[0]));
    return { records: workRecords(works, owner), notes: works.length ? [] : ["The ORCID record lists no works."] };
  }
  if (root.localName === "person" || root.localName === "record") {
    return { records: [], notes: ["This is an ORCID person record: it holds no works to import."] };
  }
  throw new ImportInputError(`This XML is not an ORCID v3.0 record (its root element is <${root.tagName}>).`, "wrong-format");
}

// ---------------------------------------------------------------------------------------------
// OAI-PMH with oai_dc

const DC_TYPES: [RegExp, ImportItemType][] = [
  [/chapter|book part|bookpart|part of book/i, "BOOK_CHAPTER"],
  [/conference|proceeding|congress|symposium/i, "CONFERENCE_PAPER"],
  [/thesis|dissertation|th[eè]se|m[eé]moire|tez/i, "THESIS"],
  [/article|journal|periodical|makale/i, "JOURNAL_ARTICLE"],
  [/\bbook\b|monograph|livre|kitap/i, "BOOK"],
  [/report|working paper|technical|rapport/i, "REPORT"],
  [/dataset|data set|donn[eé]es/i, "DATASET"],
  [/patent|brevet/i, "PATENT"],
  [/presentation|lecture|poster|slides|talk/i, "PRESENTATION"],
];

const HANDLE_IN_URL = /(?:hdl\.handle\.net\/|\/handle\/)(\d[\w.]*\/[\w.-]+)/i;

export type OaiPage = {
  records: ParsedRecord[];
  resumptionToken?: string;
  completeListSize?: number;
  /** An OAI-PMH error the server answered with, e.g. { code: "noRecordsMatch" }. */
  error?: { code: string; message: string };
};

/** One ListRecords (or GetRecord) page; `offset` numbers records across pages. */
export function parseOaiPage(text: string, offset = 0): OaiPage {
  const doc = parseXml(text);
  const root = doc.documentElement!;
  if (root.localName !== "OAI-PMH") throw new ImportInputError(`This XML is not an OAI-PMH response (its root element is <${root.tagName}>).`, "wrong-format");
  const errorEl = children(root, "error")[0];
  if (errorEl) return { records: [], error: { code: errorEl.getAttribute("code") ?? "unknown", message: textOf(errorEl) ?? "" } };
  const verb = children(root).find((e) => e.localName === "ListRecords" || e.localName === "GetRecord");
  if (!verb) throw new ImportInputError("This OAI-PMH response holds no records (it is neither ListRecords nor GetRecord).", "wrong-format");
  const tokenEl = children(verb, "resumptionToken")[0];
  const records = children(verb, "record").map((rec, i) => oaiRecord(rec, offset + i + 1));
  const size = tokenEl?.getAttribute("completeListSize");
  return {
    records,
    resumptionToken: textOf(tokenEl),
    completeListSize: size ? Number(size) : undefined,
  };
}

function oaiRecord(rec: Element, position: number): ParsedRecord {
  const header = child(rec, "header");
  const identifier = textOf(child(header, "identifier")) ?? `record ${position}`;
  const record: ParsedRecord = { position, locator: identifier, sourceId: identifier, data: {}, errors: [], warnings: [] };
  if (header?.getAttribute("status") === "deleted") {
    record.deleted = true;
    return record;
  }
  const dc = children(child(rec, "metadata"))[0];
  if (!dc || dc.localName !== "dc") {
    record.errors.push(`unparseable: the record has no oai_dc metadata${dc ? ` (found <${dc.tagName}>)` : ""}`);
    return record;
  }
  const all = (name: string) => children(dc, name);
  const values = (name: string) => all(name).map(textOf).filter((v): v is string => !!v);
  const titles = values("title");
  const identifiers = values("identifier");
  const dates = values("date").filter((d) => /^\d{4}/.test(d));
  // DSpace writes accessioned/available timestamps and the issue date; the issue date is the one without a time.
  const issued = dates.find((d) => !/T\d\d:/.test(d)) ?? [...dates].sort()[0];
  const date = parseDateParts(issued);
  const doi = identifiers.map((v) => (/doi/i.test(v) || /^10\.\d{4,9}\//.test(v) ? normaliseDoi(v) : null)).find(Boolean);
  const handleUrl = identifiers.find((v) => HANDLE_IN_URL.test(v));
  const handle = handleUrl ? HANDLE_IN_URL.exec(handleUrl)![1] : /^oai:[^:]+:(\d[\w.]*\/[\w.-]+)$/.exec(identifier)?.[1];
  const issn = identifiers.map((v) => (/issn/i.test(v) ? normaliseIssn(v) : null)).find(Boolean);
  const isbn = identifiers.map((v) => (/isbn/i.test(v) ? normaliseIsbn(v) : null)).find(Boolean);
  const types = values("type");
  const type = types.map((t) => DC_TYPES.find(([re]) => re.test(t))?.[1]).find(Boolean) ?? "OTHER";
  const descriptions = all("description").map(paragraphs).filter(Boolean);
  const rights = values("rights");
  const data: Partial<TImportRecordInput> = {
    type,
    title: titles[0],
    alternativeTitle: titles[1],
    contributors: [
      ...values("creator").map((name) => ({ name, role: "AUTHOR" as const })),
      ...values("contributor").map((name) => ({ name, role: "OTHER" as const })),
    ],
    year: date.year,
    month: date.month,
    day: date.day,
    publisher: values("publisher")[0],
    doi: doi ?? undefined,
    handle,
    uri: handleUrl,
    issn: issn ?? undefined,
    isbn: isbn ?? undefined,
    abstract: descriptions.sort((a, b) => b.length - a.length)[0],
    keywords: values("subject"),
    language: languageCode(values("language")[0]),
    license: rights.find((r) => /^https?:\/\//.test(r)) ?? rights[0],
    journalTitle: type === "JOURNAL_ARTICLE" ? values("source")[0] : undefined,
  };
  if (titles.length > 2) record.warnings.push(`${titles.length - 2} further title(s) not imported`);
  record.data = data;
  return record;
}

export function parseOaiFile(text: string): { records: ParsedRecord[]; notes: string[] } {
  const page = parseOaiPage(text);
  if (page.error) {
    if (page.error.code === "noRecordsMatch") return { records: [], notes: ["The OAI-PMH response says no records match (noRecordsMatch)."] };
    throw new ImportInputError(`The OAI-PMH response is an error: ${page.error.code}${page.error.message ? ` — ${page.error.message}` : ""}.`, "unparseable");
  }
  const notes: string[] = [];
  if (page.resumptionToken)
    notes.push(
      `This page ends with a resumption token (${page.completeListSize ?? "?"} records in all): only its own records are imported. Harvest the repository's base URL to fetch every page.`,
    );
  return { records: page.records, notes };
}
