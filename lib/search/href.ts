// The parts of a search URL that pages and client components share, free of the validation
// library (lib/search/params.ts validates; this only reads and writes URLs), so that the browser
// bundle of the search page stays small.
import type { TSearchParams } from "./params";

export const SEARCH_SORTS = ["relevance", "date", "title", "views"] as const;
export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const MAX_PAGE = 500;
/** The most records one list download holds (search results, a collection, a unit; stated in the README). */
export const LIST_EXPORT_MAX = 10_000;

/** The facet filters, in the order the page lists them. */
export const FILTER_KEYS = ["type", "year", "unit", "collection", "author", "subject", "language", "file"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The effective sort: relevance when there is a query, newest first when there is none. */
export function effectiveSort(params: TSearchParams): (typeof SEARCH_SORTS)[number] {
  return params.sort ?? (params.q ? "relevance" : "date");
}

/**
 * The URL of a search with some parameters changed (undefined removes one). Changing anything
 * but the page goes back to page 1. Defaults are left out so that URLs stay short.
 */
export function searchHref(params: TSearchParams, change: Partial<Record<keyof TSearchParams, string | number | undefined>>, base = "/search"): string {
  const next: Record<string, string | number | undefined> = { ...params, ...change };
  if (!("page" in change)) next.page = undefined;
  const query = new URLSearchParams();
  for (const key of ["q", ...FILTER_KEYS, "sort", "size", "page"] as const) {
    const value = next[key];
    if (value === undefined || value === "") continue;
    if (key === "page" && Number(value) === 1) continue;
    if (key === "size" && Number(value) === 20) continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

/** The download of a search's results in a list format (every page, see lib/search/export.ts). */
export function searchExportHref(params: TSearchParams, format: string): string {
  const query = new URLSearchParams();
  for (const key of ["q", ...FILTER_KEYS, "sort"] as const) {
    const value = params[key];
    if (value !== undefined && value !== "") query.set(key, String(value));
  }
  query.set("format", format);
  return `/search/export?${query}`;
}

/**
 * The download of a collection's (filtered) item list: the search filtered by the collection, with
 * the list's type and years (a search takes one type), newest first or by title.
 */
export function collectionExportHref(slug: string, q: { types: readonly string[]; from: number | null; to: number | null; sort: string }, format: string): string {
  const query = new URLSearchParams({ collection: slug });
  if (q.types.length === 1) query.set("type", q.types[0]);
  if (q.from !== null || q.to !== null) query.set("year", `${q.from ?? 1000}-${q.to ?? 9999}`);
  if (q.sort === "title") query.set("sort", "title");
  query.set("format", format);
  return `/search/export?${query}`;
}
