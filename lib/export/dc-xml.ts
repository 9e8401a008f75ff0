// Simple Dublin Core as OAI-PMH's oai_dc record (http://www.openarchives.org/OAI/2.0/oai_dc.xsd):
// the same element set harvesters read, offered as a download.
import { citationLine } from "../items/format";
import {
  bareDoi,
  canonicalItemUrl,
  clean,
  cleanParagraphs,
  orderedContributors,
  type ExportableItem,
  type ExportableItemType,
  type ExportOptions,
} from "./csl";

export const OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/";
export const DC_NS = "http://purl.org/dc/elements/1.1/";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
const OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";

/** dc:type values, as the item page names the types. */
export const DC_TYPES: Record<ExportableItemType, string> = {
  JOURNAL_ARTICLE: "Journal Article",
  CONFERENCE_PAPER: "Conference Paper",
  BOOK: "Book",
  BOOK_CHAPTER: "Book Chapter",
  THESIS: "Thesis",
  REPORT: "Report",
  DATASET: "Dataset",
  PATENT: "Patent",
  PRESENTATION: "Presentation",
  OTHER: "Other",
};

/** Text for XML character data or a double-quoted attribute (control characters already removed). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}

/** One Dublin Core element: its local name in the dc namespace, its text and attributes (xml:lang). */
export type DublinCoreElement = { name: string; text: string; attributes: Record<string, string> };

/** The item's simple Dublin Core elements in record order; shared by this download and OAI-PMH. */
export function dublinCoreElements(item: ExportableItem, options: ExportOptions = {}): DublinCoreElement[] {
  const elements: DublinCoreElement[] = [];
  const add = (name: string, value: string | null | undefined, attributes: Record<string, string> = {}) => {
    const text = name === "description" ? cleanParagraphs(value) : clean(value);
    if (!text) return;
    elements.push({ name, text, attributes });
  };

  add("title", item.title);
  const altLang = clean(item.alternativeTitleLang);
  add("title", item.alternativeTitle, /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(altLang) ? { "xml:lang": altLang } : {});
  const contributors = orderedContributors(item);
  for (const c of contributors) if (c.role === "AUTHOR" || c.role === "INVENTOR") add("creator", c.name);
  for (const c of contributors) if (c.role !== "AUTHOR" && c.role !== "INVENTOR") add("contributor", c.name);
  add("date", item.issueDate);
  add("publisher", item.publisher);
  add("type", DC_TYPES[item.type]);
  add("identifier", canonicalItemUrl(item.handle, options));
  const uri = clean(item.uri);
  if (uri && uri !== canonicalItemUrl(item.handle, options)) add("identifier", uri);
  if (clean(item.doi)) add("identifier", `https://doi.org/${bareDoi(clean(item.doi))}`);
  // URN forms (RFC 3044, RFC 3187) say which kind of number each identifier is.
  if (clean(item.issn)) add("identifier", `urn:ISSN:${clean(item.issn)}`);
  if (clean(item.eissn) && clean(item.eissn) !== clean(item.issn)) add("identifier", `urn:ISSN:${clean(item.eissn)}`);
  if (clean(item.isbn)) add("identifier", `urn:ISBN:${clean(item.isbn)}`);
  add("description", item.abstract);
  for (const keyword of item.keywords) add("subject", keyword);
  add("language", item.language);
  add("rights", item.license);
  add("rights", item.rights);
  add("source", citationLine(item));
  return elements;
}

/** The item's oai_dc record as a standalone XML document. */
export function toDublinCoreXml(item: ExportableItem, options: ExportOptions = {}): string {
  const elements = dublinCoreElements(item, options).map(({ name, text, attributes }) => {
    const attrs = Object.entries(attributes)
      .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
      .join("");
    return `  <dc:${name}${attrs}>${escapeXml(text)}</dc:${name}>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<oai_dc:dc xmlns:oai_dc="${OAI_DC_NS}" xmlns:dc="${DC_NS}" xmlns:xsi="${XSI_NS}" xsi:schemaLocation="${OAI_DC_NS} ${OAI_DC_SCHEMA}">`,
    ...elements,
    "</oai_dc:dc>",
    "",
  ].join("\n");
}
