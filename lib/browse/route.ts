// The browse indexes' URLs, parsed and built in one place. Everything a page shows is in the path
// (the page number too), so each page is one cacheable document with plain links — no query
// string, no request-time rendering, complete HTML without JavaScript:
//
//   /browse/date                      years           /browse/date/2023[/2]          items of a year
//   /browse/type                      types           /browse/type/journal-article[/2]
//   /browse/title                     letters         /browse/title/r[/2]            titles under R
//   /browse/author                    letters         /browse/author/k[/2]           names under K
//                                                     /browse/author/name/Koo%2C%20Ja%20Wook[/2]
//   /browse/subject                   letters         /browse/subject/ㄱ[/2]         terms under ㄱ
//                                                     /browse/subject/term/Hippocampus[/2]
// Page 1 has no number (one URL per page); "undated" collects items without a year.
import { ITEM_TYPES, type ItemTypeKey } from "../items/types";
import { isLetter, type Letter } from "./letters";

export type { ItemTypeKey };

export const BROWSE_INDEXES = ["date", "author", "title", "subject", "type"] as const;
export type BrowseIndex = (typeof BROWSE_INDEXES)[number];


export type BrowseView =
  | { index: BrowseIndex; kind: "overview" }
  | { index: "date"; kind: "year"; year: number | null; page: number }
  | { index: "type"; kind: "type"; type: ItemTypeKey; page: number }
  | { index: "title"; kind: "letter"; letter: Letter; page: number }
  | { index: "author" | "subject"; kind: "letter"; letter: Letter; page: number }
  | { index: "author" | "subject"; kind: "heading"; heading: string; page: number };

const HEADING_SEGMENT = { author: "name", subject: "term" } as const;

export function isBrowseIndex(value: string): value is BrowseIndex {
  return (BROWSE_INDEXES as readonly string[]).includes(value);
}

export function typeSlug(type: string): string {
  return type.toLowerCase().replaceAll("_", "-");
}

function typeFromSlug(slug: string): ItemTypeKey | undefined {
  return ITEM_TYPES.find((t) => typeSlug(t) === slug);
}

/** Page numbers after the first; "1" and anything else is not a page (404). */
function pageFrom(segment: string | undefined): number | undefined {
  if (segment === undefined) return 1;
  if (!/^[1-9][0-9]{0,5}$/.test(segment) || segment === "1") return undefined;
  return Number(segment);
}

/** Route segments arrive decoded from Next; decode again only what still looks encoded. */
function decodeSegment(segment: string): string {
  if (!/%[0-9a-f]{2}/i.test(segment)) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The view a browse URL names, or null when it names none (the page answers 404). */
export function parseBrowsePath(index: string, rest: readonly string[] = []): BrowseView | null {
  if (!isBrowseIndex(index)) return null;
  const segments = rest.map(decodeSegment);
  if (segments.length === 0) return { index, kind: "overview" };
  const [first, second, third] = segments;
  if (index === "date") {
    if (segments.length > 2) return null;
    const page = pageFrom(second);
    const year = first === "undated" ? null : /^[0-9]{4}$/.test(first) ? Number(first) : undefined;
    return page && year !== undefined ? { index, kind: "year", year, page } : null;
  }
  if (index === "type") {
    const type = typeFromSlug(first);
    const page = pageFrom(second);
    return segments.length <= 2 && type && page ? { index, kind: "type", type, page } : null;
  }
  if (index !== "title" && first === HEADING_SEGMENT[index]) {
    const page = pageFrom(third);
    return segments.length <= 3 && second && second.length <= 500 && page ? { index, kind: "heading", heading: second, page } : null;
  }
  const letter = first.toLowerCase();
  const page = pageFrom(second);
  if (segments.length > 2 || !isLetter(letter) || !page) return null;
  return index === "title" ? { index, kind: "letter", letter, page } : { index, kind: "letter", letter, page };
}

/** The URL of a view (unprefixed: the interface language comes from the visitor's choice). */
export function browsePath(view: BrowseView): string {
  const base = `/browse/${view.index}`;
  const paged = (path: string, page: number) => (page > 1 ? `${path}/${page}` : path);
  switch (view.kind) {
    case "overview":
      return base;
    case "year":
      return paged(`${base}/${view.year ?? "undated"}`, view.page);
    case "type":
      return paged(`${base}/${typeSlug(view.type)}`, view.page);
    case "letter":
      return paged(`${base}/${encodeURIComponent(view.letter)}`, view.page);
    case "heading":
      return paged(`${base}/${HEADING_SEGMENT[view.index]}/${encodeURIComponent(view.heading)}`, view.page);
  }
}

/** The same view on another page. */
export function withPage(view: Exclude<BrowseView, { kind: "overview" }>, page: number): BrowseView {
  return { ...view, page };
}
