// The full item record: every stored field under its qualified Dublin Core name, as DSpace shows
// it ("dc.contributor.author", "dc.date.issued", …), with the language of each value.
import { DC_TYPES } from "../export/dc-xml";
import { doiUrl } from "./format";
import type { ItemPageRecord } from "./get-item-page";

export type QualifiedField = { element: string; value: string; lang?: string; href?: string };

const ROLE_ELEMENTS: Record<string, string> = {
  AUTHOR: "dc.contributor.author",
  EDITOR: "dc.contributor.editor",
  ADVISOR: "dc.contributor.advisor",
  TRANSLATOR: "dc.contributor.translator",
  INVENTOR: "dc.contributor.inventor",
  OTHER: "dc.contributor.other",
};

type Funding = { funder?: unknown; awardNumber?: unknown };

export function qualifiedFields(item: ItemPageRecord, base: string): QualifiedField[] {
  const fields: QualifiedField[] = [];
  const add = (element: string, value: string | number | null | undefined, extra: Omit<QualifiedField, "element" | "value"> = {}) => {
    if (value === null || value === undefined || value === "") return;
    fields.push({ element, value: String(value), ...extra });
  };
  const contentLang = item.language ?? undefined;
  for (const c of item.contributors) add(ROLE_ELEMENTS[c.role] ?? "dc.contributor", c.name);
  for (const c of item.contributors) if (c.orcid) add("dc.identifier.orcid", `${c.name}: ${c.orcid}`, { href: `https://orcid.org/${c.orcid}` });
  add("dc.date.accessioned", item.createdAt.toISOString());
  add("dc.date.available", item.publishedAt?.toISOString());
  add("dc.date.issued", item.issueDate);
  add("dc.identifier.uri", item.uri ?? `${base}/handle/${item.handle}`, { href: item.uri ?? `${base}/handle/${item.handle}` });
  if (item.uri) add("dc.identifier.uri", `${base}/handle/${item.handle}`, { href: `${base}/handle/${item.handle}` });
  add("dc.identifier.doi", item.doi, { href: item.doi ? doiUrl(item.doi) : undefined });
  add("dc.identifier.issn", item.issn);
  add("dc.identifier.eissn", item.eissn);
  add("dc.identifier.isbn", item.isbn);
  add("dc.identifier.bibliographicCitation", item.citation);
  add("dc.description.abstract", item.abstract, { lang: contentLang });
  add("dc.description.abstract", item.altAbstract, { lang: item.altAbstractLang ?? undefined });
  add("dc.description.sponsorship", fundingText(item.funding));
  add("dc.description.degree", item.degree);
  add("dc.format.extent", item.pageCount);
  add("dc.language.iso", item.language);
  add("dc.publisher", item.publisher);
  add("dc.publisher.place", item.placeOfPublication);
  add("dc.relation.ispartof", item.journalTitle ?? item.bookTitle);
  add("dc.relation.conference", [item.conferenceName, item.conferencePlace].filter(Boolean).join(", "));
  add("dc.relation.ispartofseries", item.reportNumber);
  add("dc.identifier.patentNumber", item.patentNumber);
  add("dc.rights", item.rights);
  add("dc.rights.uri", item.license, { href: item.license && /^https?:\/\//.test(item.license) ? item.license : undefined });
  for (const k of item.keywords) add("dc.subject", k, { lang: contentLang });
  for (const s of item.subjects) add("dc.subject.classification", s);
  add("dc.title", item.title, { lang: contentLang });
  add("dc.title.alternative", item.alternativeTitle, { lang: item.alternativeTitleLang ?? undefined });
  add("dc.type", DC_TYPES[item.type]);
  add("dc.citation.title", item.journalTitle);
  add("dc.citation.volume", item.volume);
  add("dc.citation.number", item.number);
  add("dc.citation.startPage", item.startPage);
  add("dc.citation.endPage", item.endPage);
  add("dc.citation.edition", item.edition);
  return fields;
}

function fundingText(funding: unknown): string | undefined {
  if (!Array.isArray(funding) || funding.length === 0) return undefined;
  return (funding as Funding[])
    .map((f) => [f.funder, f.awardNumber].filter((v) => typeof v === "string" && v).join(" "))
    .filter(Boolean)
    .join("; ");
}
