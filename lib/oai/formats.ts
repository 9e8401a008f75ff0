// The metadata formats the OAI-PMH endpoint disseminates: oai_dc (required by the protocol; the
// same Dublin Core mapping as the item's dc-xml download) and MODS 3.7 (the Library of Congress's
// richer bibliographic schema: structured names with roles and ORCIDs, the host journal with
// volume/issue/pages, COAR resource types, and links to the item's open files).
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import { dublinCoreElements, DC_NS, OAI_DC_NS } from "../export/dc-xml";
import { bareDoi, canonicalItemUrl, clean, cleanParagraphs, parseContributorName } from "../export/csl";
import { decideFileAccess } from "../files/access";
import type { ItemType } from "../generated/prisma/enums";
import type { OaiRecord } from "./repository";

export const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
export const MODS_NS = "http://www.loc.gov/mods/v3";

export type MetadataFormat = {
  prefix: string;
  schema: string;
  namespace: string;
  write: (parent: XMLBuilder, record: OaiRecord, context: FormatContext) => void;
};

export type FormatContext = { baseUrl: string; now: Date; oaiIdentifier: string };

export const METADATA_FORMATS: MetadataFormat[] = [
  { prefix: "oai_dc", schema: "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", namespace: OAI_DC_NS, write: writeOaiDc },
  { prefix: "mods", schema: "http://www.loc.gov/standards/mods/v3/mods-3-7.xsd", namespace: MODS_NS, write: writeMods },
];

export function findFormat(prefix: string): MetadataFormat | undefined {
  return METADATA_FORMATS.find((f) => f.prefix === prefix);
}

function writeOaiDc(parent: XMLBuilder, record: OaiRecord, context: FormatContext) {
  const dc = parent
    .ele(OAI_DC_NS, "oai_dc:dc")
    .att("xmlns:dc", DC_NS)
    .att(XSI_NS, "xsi:schemaLocation", `${OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd`);
  for (const { name, text, attributes } of dublinCoreElements(record, { baseUrl: context.baseUrl })) {
    const el = dc.ele(DC_NS, `dc:${name}`);
    for (const [k, v] of Object.entries(attributes)) el.att(k, v);
    el.txt(text);
  }
}

/** An item's files that anyone may download now; embargoed and restricted files are never linked. */
export function openFiles(record: OaiRecord, now: Date) {
  return record.files.filter((f) => decideFileAccess(f, record, now, null).kind === "open");
}

export function fileUrl(baseUrl: string, file: { id: number; fileName: string }): string {
  return `${baseUrl}/files/${file.id}/${encodeURIComponent(file.fileName)}`;
}

/** COAR Resource Types (http://purl.org/coar/resource_type/), the vocabulary OpenAIRE and BASE read. */
const COAR: Record<ItemType, [string, string]> = {
  JOURNAL_ARTICLE: ["c_6501", "journal article"],
  CONFERENCE_PAPER: ["c_5794", "conference paper"],
  BOOK: ["c_2f33", "book"],
  BOOK_CHAPTER: ["c_3248", "book part"],
  THESIS: ["c_46ec", "thesis"],
  REPORT: ["c_93fc", "report"],
  DATASET: ["c_ddb1", "dataset"],
  PATENT: ["c_15cd", "patent"],
  PRESENTATION: ["c_8544", "lecture"],
  OTHER: ["c_1843", "other"],
};

const MARC_ROLES: Record<OaiRecord["contributors"][number]["role"], [string, string]> = {
  AUTHOR: ["aut", "author"],
  EDITOR: ["edt", "editor"],
  ADVISOR: ["ths", "thesis advisor"],
  TRANSLATOR: ["trl", "translator"],
  INVENTOR: ["inv", "inventor"],
  OTHER: ["ctb", "contributor"],
};

const LANG_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

function writeMods(parent: XMLBuilder, record: OaiRecord, context: FormatContext) {
  const mods = parent
    .ele(MODS_NS, "mods")
    .att("version", "3.7")
    .att(XSI_NS, "xsi:schemaLocation", `${MODS_NS} http://www.loc.gov/standards/mods/v3/mods-3-7.xsd`);
  const text = (el: XMLBuilder, name: string, value: string | null | undefined, attributes: Record<string, string> = {}) => {
    const v = clean(value);
    if (!v) return;
    const child = el.ele(MODS_NS, name);
    for (const [k, a] of Object.entries(attributes)) child.att(k, a);
    child.txt(v);
  };

  mods.ele(MODS_NS, "titleInfo").ele(MODS_NS, "title").txt(clean(record.title));
  if (clean(record.alternativeTitle)) {
    const alt = mods.ele(MODS_NS, "titleInfo").att("type", "translated");
    const lang = clean(record.alternativeTitleLang);
    if (LANG_TAG.test(lang)) alt.att("xml:lang", lang);
    alt.ele(MODS_NS, "title").txt(clean(record.alternativeTitle));
  }

  for (const c of record.contributors) {
    const parsed = parseContributorName(c.name);
    const name = mods.ele(MODS_NS, "name").att("type", "literal" in parsed ? "corporate" : "personal");
    if ("literal" in parsed) {
      text(name, "namePart", parsed.literal);
    } else {
      text(name, "namePart", parsed.family, { type: "family" });
      text(name, "namePart", parsed.given, { type: "given" });
    }
    text(name, "displayForm", c.name);
    text(name, "affiliation", c.affiliation);
    if (clean(c.orcid)) text(name, "nameIdentifier", `https://orcid.org/${clean(c.orcid)}`, { type: "orcid" });
    const [code, term] = MARC_ROLES[c.role];
    const role = name.ele(MODS_NS, "role");
    role.ele(MODS_NS, "roleTerm").att("type", "code").att("authority", "marcrelator").txt(code);
    role.ele(MODS_NS, "roleTerm").att("type", "text").att("authority", "marcrelator").txt(term);
  }

  mods.ele(MODS_NS, "typeOfResource").txt(record.type === "DATASET" ? "software, multimedia" : "text");
  const [coarId, coarLabel] = COAR[record.type];
  mods
    .ele(MODS_NS, "genre")
    .att("authority", "coar")
    .att("authorityURI", "http://purl.org/coar/resource_type/")
    .att("valueURI", `http://purl.org/coar/resource_type/${coarId}`)
    .txt(coarLabel);

  const origin = mods.ele(MODS_NS, "originInfo");
  text(origin, "publisher", record.publisher);
  if (clean(record.placeOfPublication)) origin.ele(MODS_NS, "place").ele(MODS_NS, "placeTerm").att("type", "text").txt(clean(record.placeOfPublication));
  text(origin, "dateIssued", record.issueDate, { encoding: "w3cdtf", keyDate: "yes" });
  text(origin, "edition", record.edition);

  if (clean(record.language)) {
    mods.ele(MODS_NS, "language").ele(MODS_NS, "languageTerm").att("type", "code").att("authority", "rfc5646").txt(clean(record.language));
  }
  if (record.pageCount) mods.ele(MODS_NS, "physicalDescription").ele(MODS_NS, "extent").att("unit", "pages").txt(String(record.pageCount));

  const abstract = cleanParagraphs(record.abstract);
  if (abstract) mods.ele(MODS_NS, "abstract").txt(abstract);
  const altAbstract = cleanParagraphs(record.altAbstract);
  if (altAbstract) {
    const el = mods.ele(MODS_NS, "abstract");
    if (LANG_TAG.test(clean(record.altAbstractLang))) el.att("xml:lang", clean(record.altAbstractLang));
    el.txt(altAbstract);
  }
  for (const keyword of record.keywords) if (clean(keyword)) mods.ele(MODS_NS, "subject").ele(MODS_NS, "topic").txt(clean(keyword));
  for (const subject of record.subjects) if (clean(subject)) mods.ele(MODS_NS, "classification").txt(clean(subject));

  // The journal, book or proceedings the item appeared in, with its place inside it.
  const host = clean(record.journalTitle) || clean(record.bookTitle) || clean(record.conferenceName);
  if (host || record.volume || record.number || record.startPage) {
    const related = mods.ele(MODS_NS, "relatedItem").att("type", "host");
    if (host) related.ele(MODS_NS, "titleInfo").ele(MODS_NS, "title").txt(host);
    text(related, "identifier", record.issn, { type: "issn" });
    text(related, "identifier", record.eissn !== record.issn ? record.eissn : null, { type: "eissn" });
    const part = related.ele(MODS_NS, "part");
    if (clean(record.volume)) part.ele(MODS_NS, "detail").att("type", "volume").ele(MODS_NS, "number").txt(clean(record.volume));
    if (clean(record.number)) part.ele(MODS_NS, "detail").att("type", "issue").ele(MODS_NS, "number").txt(clean(record.number));
    if (clean(record.startPage)) {
      const extent = part.ele(MODS_NS, "extent").att("unit", "pages");
      text(extent, "start", record.startPage);
      text(extent, "end", record.endPage);
    }
    text(part, "date", record.issueDate, { encoding: "w3cdtf" });
  }

  const pageUrl = canonicalItemUrl(record.handle, { baseUrl: context.baseUrl });
  text(mods, "identifier", record.handle, { type: "hdl" });
  text(mods, "identifier", pageUrl, { type: "uri" });
  if (clean(record.uri) && clean(record.uri) !== pageUrl) text(mods, "identifier", record.uri, { type: "uri" });
  if (clean(record.doi)) text(mods, "identifier", bareDoi(clean(record.doi)), { type: "doi" });
  text(mods, "identifier", record.isbn, { type: "isbn" });
  text(mods, "identifier", record.reportNumber, { type: "report number" });
  text(mods, "identifier", record.patentNumber, { type: "patent number" });

  const location = mods.ele(MODS_NS, "location");
  location.ele(MODS_NS, "url").att("usage", "primary display").att("access", "object in context").txt(pageUrl);
  for (const file of openFiles(record, context.now)) {
    location.ele(MODS_NS, "url").att("access", "raw object").att("note", file.mimeType).txt(fileUrl(context.baseUrl, file));
  }

  text(mods, "accessCondition", record.license, { type: "use and reproduction" });
  text(mods, "accessCondition", record.rights, { type: "use and reproduction" });

  const info = mods.ele(MODS_NS, "recordInfo");
  info.ele(MODS_NS, "recordIdentifier").txt(context.oaiIdentifier);
  info.ele(MODS_NS, "recordChangeDate").att("encoding", "iso8601").txt(record.updatedAt.toISOString());
}
