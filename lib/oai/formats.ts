// The metadata formats the OAI-PMH endpoint disseminates: oai_dc (required by the protocol; the
// same Dublin Core mapping as the item's dc-xml download) and MODS 3.7 (the Library of Congress's
// richer bibliographic schema: structured names with roles and ORCIDs, the host journal with
// volume/issue/pages, COAR resource types, and links to the item's open files).
import { dublinCoreElements, DC_NS, OAI_DC_NS } from "../export/dc-xml";
import { bareDoi, canonicalItemUrl, clean, cleanParagraphs, parseContributorName } from "../export/csl";
import { decideFileAccess } from "../files/access";
import type { ItemType } from "../generated/prisma/enums";
import type { OaiRecord } from "./repository";
import { addChild, element, type XmlNode } from "./xml";

export const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
export const MODS_NS = "http://www.loc.gov/mods/v3";

export type MetadataFormat = {
  prefix: string;
  schema: string;
  namespace: string;
  /** The record's metadata: one root element, as the content of OAI-PMH's metadata element. */
  write: (record: OaiRecord, context: FormatContext) => XmlNode;
};

export type FormatContext = { baseUrl: string; now: Date; oaiIdentifier: string };

export const METADATA_FORMATS: MetadataFormat[] = [
  { prefix: "oai_dc", schema: "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", namespace: OAI_DC_NS, write: writeOaiDc },
  { prefix: "mods", schema: "http://www.loc.gov/standards/mods/v3/mods-3-7.xsd", namespace: MODS_NS, write: writeMods },
];

export function findFormat(prefix: string): MetadataFormat | undefined {
  return METADATA_FORMATS.find((f) => f.prefix === prefix);
}

function writeOaiDc(record: OaiRecord, context: FormatContext): XmlNode {
  const dc: XmlNode = {
    "@_xmlns:oai_dc": OAI_DC_NS,
    "@_xmlns:dc": DC_NS,
    "@_xmlns:xsi": XSI_NS,
    "@_xsi:schemaLocation": `${OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd`,
  };
  // oai_dc allows its elements in any order; elements of one name keep theirs.
  for (const { name, text, attributes } of dublinCoreElements(record, { baseUrl: context.baseUrl })) {
    addChild(dc, `dc:${name}`, element(attributes, text));
  }
  return { "oai_dc:dc": dc };
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

function writeMods(record: OaiRecord, context: FormatContext): XmlNode {
  // MODS allows its top-level elements in any order; elements of one name keep theirs.
  const mods: XmlNode = {
    "@_xmlns": MODS_NS,
    "@_xmlns:xsi": XSI_NS,
    "@_version": "3.7",
    "@_xsi:schemaLocation": `${MODS_NS} http://www.loc.gov/standards/mods/v3/mods-3-7.xsd`,
  };
  const text = (parent: XmlNode, name: string, value: string | null | undefined, attributes: Record<string, string> = {}) => {
    const v = clean(value);
    if (v) addChild(parent, name, element(attributes, v));
  };
  const lang = (value: string | null | undefined) => (LANG_TAG.test(clean(value)) ? clean(value) : undefined);

  addChild(mods, "titleInfo", { title: clean(record.title) });
  if (clean(record.alternativeTitle)) {
    addChild(mods, "titleInfo", { ...element({ type: "translated", "xml:lang": lang(record.alternativeTitleLang) }), title: clean(record.alternativeTitle) });
  }

  for (const c of record.contributors) {
    const parsed = parseContributorName(c.name);
    const name: XmlNode = element({ type: "literal" in parsed ? "corporate" : "personal" });
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
    name.role = {
      roleTerm: [element({ type: "code", authority: "marcrelator" }, code), element({ type: "text", authority: "marcrelator" }, term)],
    };
    addChild(mods, "name", name);
  }

  text(mods, "typeOfResource", record.type === "DATASET" ? "software, multimedia" : "text");
  const [coarId, coarLabel] = COAR[record.type];
  text(mods, "genre", coarLabel, {
    authority: "coar",
    authorityURI: "http://purl.org/coar/resource_type/",
    valueURI: `http://purl.org/coar/resource_type/${coarId}`,
  });

  const origin: XmlNode = {};
  text(origin, "publisher", record.publisher);
  if (clean(record.placeOfPublication)) origin.place = { placeTerm: element({ type: "text" }, clean(record.placeOfPublication)) };
  text(origin, "dateIssued", record.issueDate, { encoding: "w3cdtf", keyDate: "yes" });
  text(origin, "edition", record.edition);
  if (Object.keys(origin).length) mods.originInfo = origin;

  if (clean(record.language)) mods.language = { languageTerm: element({ type: "code", authority: "rfc5646" }, clean(record.language)) };
  if (record.pageCount) mods.physicalDescription = { extent: element({ unit: "pages" }, String(record.pageCount)) };

  const abstract = cleanParagraphs(record.abstract);
  if (abstract) addChild(mods, "abstract", abstract);
  const altAbstract = cleanParagraphs(record.altAbstract);
  if (altAbstract) addChild(mods, "abstract", element({ "xml:lang": lang(record.altAbstractLang) }, altAbstract));
  for (const keyword of record.keywords) if (clean(keyword)) addChild(mods, "subject", { topic: clean(keyword) });
  for (const subject of record.subjects) text(mods, "classification", subject);

  // The journal, book or proceedings the item appeared in, with its place inside it.
  const host = clean(record.journalTitle) || clean(record.bookTitle) || clean(record.conferenceName);
  if (host || clean(record.volume) || clean(record.number) || clean(record.startPage)) {
    const related: XmlNode = element({ type: "host" });
    if (host) related.titleInfo = { title: host };
    text(related, "identifier", record.issn, { type: "issn" });
    text(related, "identifier", record.eissn !== record.issn ? record.eissn : null, { type: "eissn" });
    const part: XmlNode = {};
    if (clean(record.volume)) addChild(part, "detail", { ...element({ type: "volume" }), number: clean(record.volume) });
    if (clean(record.number)) addChild(part, "detail", { ...element({ type: "issue" }), number: clean(record.number) });
    if (clean(record.startPage)) {
      const extent: XmlNode = element({ unit: "pages" });
      text(extent, "start", record.startPage);
      text(extent, "end", record.endPage);
      part.extent = extent;
    }
    text(part, "date", record.issueDate, { encoding: "w3cdtf" });
    if (Object.keys(part).length) related.part = part;
    mods.relatedItem = related;
  }

  const pageUrl = canonicalItemUrl(record.handle, { baseUrl: context.baseUrl });
  text(mods, "identifier", record.handle, { type: "hdl" });
  text(mods, "identifier", pageUrl, { type: "uri" });
  if (clean(record.uri) && clean(record.uri) !== pageUrl) text(mods, "identifier", record.uri, { type: "uri" });
  if (clean(record.doi)) text(mods, "identifier", bareDoi(clean(record.doi)), { type: "doi" });
  text(mods, "identifier", record.isbn, { type: "isbn" });
  text(mods, "identifier", record.reportNumber, { type: "report number" });
  text(mods, "identifier", record.patentNumber, { type: "patent number" });

  mods.location = {
    url: [
      element({ usage: "primary display", access: "object in context" }, pageUrl),
      ...openFiles(record, context.now).map((file) => element({ access: "raw object", note: file.mimeType }, fileUrl(context.baseUrl, file))),
    ],
  };

  text(mods, "accessCondition", record.license, { type: "use and reproduction" });
  text(mods, "accessCondition", record.rights, { type: "use and reproduction" });

  mods.recordInfo = {
    recordIdentifier: context.oaiIdentifier,
    recordChangeDate: element({ encoding: "iso8601" }, record.datestamp.toISOString()),
  };
  return { mods };
}
