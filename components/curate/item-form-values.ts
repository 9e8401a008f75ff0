// The editor's view of an item: every field as the text the inputs hold, so that the saved
// version, the curator's edits and someone else's newer version compare field by field.
import type { ItemSnapshot } from "@/lib/curate/items/store";

export type ContributorValues = { key: string; name: string; role: string; affiliation: string; orcid: string; researcherId: string; researcherName: string };

export type ItemFormValues = {
  type: string;
  title: string;
  alternativeTitle: string;
  alternativeTitleLang: string;
  issueDate: string;
  publisher: string;
  journalTitle: string;
  volume: string;
  number: string;
  startPage: string;
  endPage: string;
  pageCount: string;
  issn: string;
  eissn: string;
  isbn: string;
  doi: string;
  abstract: string;
  keywords: string;
  subjects: string;
  language: string;
  license: string;
  funding: string;
  embargoUntil: string;
  collectionId: string;
  mappedCollectionIds: string[];
  contributors: ContributorValues[];
};

export const SCALAR_FIELDS = [
  "type",
  "title",
  "alternativeTitle",
  "alternativeTitleLang",
  "issueDate",
  "publisher",
  "journalTitle",
  "volume",
  "number",
  "startPage",
  "endPage",
  "pageCount",
  "issn",
  "eissn",
  "isbn",
  "doi",
  "abstract",
  "keywords",
  "subjects",
  "language",
  "license",
  "funding",
  "embargoUntil",
  "collectionId",
] as const satisfies readonly (keyof ItemFormValues)[];

export const ALL_FIELDS = [...SCALAR_FIELDS, "mappedCollectionIds", "contributors"] as const;

let counter = 0;
export const newKey = () => `c${++counter}-${Math.random().toString(36).slice(2, 8)}`;

export function toFormValues(s: Partial<ItemSnapshot>, researcherNames: Record<number, string> = {}): ItemFormValues {
  const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  return {
    type: str(s.type ?? "JOURNAL_ARTICLE"),
    title: str(s.title),
    alternativeTitle: str(s.alternativeTitle),
    alternativeTitleLang: str(s.alternativeTitleLang),
    issueDate: str(s.issueDate),
    publisher: str(s.publisher),
    journalTitle: str(s.journalTitle),
    volume: str(s.volume),
    number: str(s.number),
    startPage: str(s.startPage),
    endPage: str(s.endPage),
    pageCount: str(s.pageCount),
    issn: str(s.issn),
    eissn: str(s.eissn),
    isbn: str(s.isbn),
    doi: str(s.doi),
    abstract: str(s.abstract),
    keywords: (s.keywords ?? []).join("\n"),
    subjects: (s.subjects ?? []).join("\n"),
    language: str(s.language),
    license: str(s.license),
    funding: (s.funding ?? []).map((f) => (f.awardNumber ? `${f.funder}; ${f.awardNumber}` : f.funder)).join("\n"),
    embargoUntil: str(s.embargoUntil),
    collectionId: str(s.collectionId),
    mappedCollectionIds: (s.mappedCollectionIds ?? []).map(String),
    contributors: (s.contributors ?? []).map((c) => ({
      key: newKey(),
      name: c.name,
      role: c.role,
      affiliation: str(c.affiliation),
      orcid: str(c.orcid),
      researcherId: str(c.researcherId),
      researcherName: c.researcherId ? (researcherNames[c.researcherId] ?? "") : "",
    })),
  };
}

/** A comparable text of one field (contributor keys and display names left out). */
export function fieldText(values: ItemFormValues, field: (typeof ALL_FIELDS)[number]): string {
  if (field === "contributors") return values.contributors.map((c) => [c.name, c.role, c.affiliation, c.orcid, c.researcherId].join(" · ")).join("\n");
  if (field === "mappedCollectionIds") return [...values.mappedCollectionIds].sort().join(", ");
  return values[field];
}

/** The curator's edits (fields that differ from what they opened) put onto the newer version. */
export function reapply(base: ItemFormValues, mine: ItemFormValues, current: ItemFormValues): ItemFormValues {
  const out = { ...current } as Record<string, unknown>;
  for (const f of ALL_FIELDS) if (fieldText(mine, f) !== fieldText(base, f)) out[f] = mine[f];
  return out as ItemFormValues;
}

export function toFormData(values: ItemFormValues, extra: Record<string, string | number> = {}): FormData {
  const form = new FormData();
  for (const f of SCALAR_FIELDS) form.set(f, values[f]);
  for (const c of values.mappedCollectionIds) form.append("mappedCollectionIds", c);
  form.set(
    "contributors",
    JSON.stringify(values.contributors.map((c) => ({ name: c.name, role: c.role, affiliation: c.affiliation, orcid: c.orcid, researcherId: c.researcherId || null }))),
  );
  for (const [k, v] of Object.entries(extra)) form.set(k, String(v));
  return form;
}
