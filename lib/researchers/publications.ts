// A researcher's publication list: every published item linked to the profile, filtered by type
// and year range, sorted, one page at a time — with the counts the filters show — in one SQL
// query; and the same list in full for the BibTeX, RIS and CSV downloads. The queries take the
// database handles as arguments so that tests run them on both databases; lib/researchers/data.ts
// wraps them in Next's cache for the pages.
import type { Sql } from "../db/connection";
import type { Prisma } from "../db/prisma";
import type { Lang } from "../i18n/config";
import type { ExportableItem } from "../export/csl";
import type { ItemType } from "../generated/prisma/enums";
import { ITEM_TYPES } from "../items/types";

export const PUBLICATION_SORTS = ["newest", "oldest", "title", "cited", "viewed"] as const;
export type PublicationSort = (typeof PUBLICATION_SORTS)[number];

export const PUBLICATIONS_PER_PAGE = 20;
/** The most a download holds; a longer list is cut (newest first unless sorted otherwise). */
export const EXPORT_LIMIT = 5000;
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

export type PublicationQuery = {
  /** Item types to keep; empty keeps every type. */
  types: ItemType[];
  from: number | null;
  to: number | null;
  sort: PublicationSort;
  page: number;
};

export const DEFAULT_PUBLICATION_QUERY: PublicationQuery = { types: [], from: null, to: null, sort: "newest", page: 1 };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function all(params: Params, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const v = params[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function year(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,4}$/.test(raw.trim())) return null;
  const n = Number(raw);
  return n >= MIN_YEAR && n <= MAX_YEAR ? n : null;
}

/**
 * The list's state from a URL's query: `type` (repeatable, or comma-separated), `year` (one year
 * or "2019-2023"), or `from`/`to`, `sort`, `page`. Anything unreadable falls back to the default
 * rather than failing: these URLs are shared and crawled.
 */
export function parsePublicationQuery(params: Params): PublicationQuery {
  const types = [...new Set(all(params, "type").flatMap((t) => t.split(",")).map((t) => t.trim().toUpperCase()))].filter(
    (t): t is ItemType => (ITEM_TYPES as readonly string[]).includes(t),
  );
  let from = year(all(params, "from")[0]);
  let to = year(all(params, "to")[0]);
  const range = /^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*$/.exec(all(params, "year")[0] ?? "");
  if (range) {
    from = year(range[1]);
    to = year(range[2] ?? range[1]);
  }
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  const sortRaw = all(params, "sort")[0];
  const sort = (PUBLICATION_SORTS as readonly string[]).includes(sortRaw ?? "") ? (sortRaw as PublicationSort) : "newest";
  const pageRaw = Number.parseInt(all(params, "page")[0] ?? "", 10);
  const page = Number.isSafeInteger(pageRaw) && pageRaw > 0 ? Math.min(pageRaw, 100_000) : 1;
  return { types: types.sort(), from, to, sort, page };
}

/** The query string of a list state, defaults left out ("" for the default list), stable for caching. */
export function publicationQueryString(q: PublicationQuery, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (q.types.length) p.set("type", q.types.join(","));
  if (q.from !== null && q.from === q.to) p.set("year", String(q.from));
  else {
    if (q.from !== null) p.set("from", String(q.from));
    if (q.to !== null) p.set("to", String(q.to));
  }
  if (q.sort !== "newest") p.set("sort", q.sort);
  if (q.page > 1) p.set("page", String(q.page));
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
}

// Pages of a list are named by their path — /researchers/{slug}/type/JOURNAL_ARTICLE/year/2019-2023/sort/cited/page/2 —
// rather than a query string, so that each renders whole from the cache and reads complete without
// JavaScript (a query string would make the list stream in after the page, into place by a script).
// The GET form posts its query string to a small route that redirects to the path.

const PATH_KEYS = ["type", "year", "sort", "page"] as const;

function yearSegment(q: PublicationQuery): string | null {
  if (q.from === null && q.to === null) return null;
  if (q.from !== null && q.from === q.to) return String(q.from);
  return `${q.from ?? ""}-${q.to ?? ""}`;
}

/** The path segments of a list state, defaults left out: [] for the first page, newest first, unfiltered. */
export function publicationPathSegments(q: PublicationQuery): string[] {
  const pairs: [string, string | null][] = [
    ["type", q.types.length ? q.types.join(",") : null],
    ["year", yearSegment(q)],
    ["sort", q.sort === "newest" ? null : q.sort],
    ["page", q.page > 1 ? String(q.page) : null],
  ];
  return pairs.flatMap(([k, v]) => (v === null ? [] : [k, v]));
}

export function publicationListPath(base: string, q: PublicationQuery): string {
  const segments = publicationPathSegments(q);
  return segments.length ? `${base}/${segments.map(encodeURIComponent).join("/")}` : base;
}

/**
 * The list state a path names, or null unless the path is exactly the canonical one for its state
 * (unknown keys, bad values, defaults spelled out, another order): one address per page of a list,
 * and no endless variants for crawlers.
 */
export function parsePublicationSegments(segments: readonly string[]): PublicationQuery | null {
  if (segments.length % 2 !== 0 || segments.length > PATH_KEYS.length * 2) return null;
  const values = new Map<string, string>();
  for (let i = 0; i < segments.length; i += 2) {
    const key = decodeURIComponent(segments[i]);
    if (!(PATH_KEYS as readonly string[]).includes(key) || values.has(key)) return null;
    values.set(key, decodeURIComponent(segments[i + 1]));
  }
  const params = new URLSearchParams();
  if (values.has("type")) params.set("type", values.get("type")!);
  if (values.has("sort")) params.set("sort", values.get("sort")!);
  if (values.has("page")) params.set("page", values.get("page")!);
  const year = values.get("year");
  if (year !== undefined) {
    const m = /^(\d{4})?(-)?(\d{4})?$/.exec(year);
    if (!m || (!m[1] && !m[3])) return null;
    if (m[1]) params.set("from", m[1]);
    if (m[3]) params.set("to", m[3]);
    if (m[1] && !m[2]) params.set("to", m[1]);
  }
  const q = parsePublicationQuery(params);
  const canonical = publicationPathSegments(q);
  return canonical.length === segments.length && canonical.every((c, i) => c === decodeURIComponent(segments[i])) ? q : null;
}

export type PublicationEntry = {
  id: number;
  handle: string;
  type: string;
  title: string;
  alternativeTitle: string | null;
  alternativeTitleLang: string | null;
  issueDate: string | null;
  issueYear: number | null;
  venue: string | null;
  authors: string[];
  authorCount: number;
  citations: number | null;
  views: number | null;
};

export type PublicationPage = {
  entries: PublicationEntry[];
  /** Items matching every filter. */
  total: number;
  /** The page actually shown (a page past the end shows the last one). */
  page: number;
  pages: number;
  /** Counts per type within the year range, and per year within the types: what each filter option would give. */
  types: { type: string; count: number }[];
  years: { year: number; count: number }[];
};

const CITATION_SOURCES = `('webofscience', 'scopus', 'crossref')`;

function orderBy(sort: PublicationSort, t: string): string {
  switch (sort) {
    case "oldest":
      return `${t}.issue_year ASC NULLS LAST, ${t}.issue_date ASC NULLS LAST, ${t}.id ASC`;
    case "title":
      return `${t}.sort_title COLLATE "C", ${t}.id`;
    case "cited":
      return `${t}.citations DESC NULLS LAST, ${t}.issue_date DESC NULLS LAST, ${t}.id DESC`;
    case "viewed":
      return `${t}.views DESC NULLS LAST, ${t}.issue_date DESC NULLS LAST, ${t}.id DESC`;
    case "newest":
      return `${t}.issue_year DESC NULLS LAST, ${t}.issue_date DESC NULLS LAST, ${t}.id DESC`;
  }
}

/** Whose items a list holds: a researcher's (linked contributions) or a collection's (owned or mapped). */
export type ItemListScope = { researcherId: number } | { collectionId: number };

/** The scope's items as rows of item i (before the published filter); $1 is the scope's id. */
function scopeSql(scope: ItemListScope): string {
  if ("researcherId" in scope) return `item i WHERE i.id IN (SELECT c.item_id FROM contributor c WHERE c.researcher_id = $1)`;
  // Owned items, then mapped ones not owned here: each part uses its own index, and the owned rows
  // are read once (an OR over both would scan every item).
  return `(SELECT * FROM item o WHERE o.collection_id = $1
           UNION ALL
           SELECT m.* FROM item_collection ic JOIN item m ON m.id = ic.item_id WHERE ic.collection_id = $1 AND m.collection_id <> $1) i
          WHERE true`;
}

const citationsOf = (t: string) => `(SELECT max(m.value) FROM external_metric m WHERE m.item_id = ${t}.id AND m.source IN ${CITATION_SOURCES})`;
const viewsOf = (t: string) => `(SELECT sum(d.views)::int FROM usage_daily d WHERE d.scope = 'ITEM' AND d.scope_id = ${t}.id AND d.day > current_date - 365)`;

/**
 * The scope's published items with the columns the filters and sorts need; $1 is the scope's id.
 * Citations (the highest count among the citation sources we hold, null when none) and views (last
 * 12 months) are looked up for every item only when sorting by them, otherwise for the page alone.
 */
function mineSql(scope: ItemListScope, sort: PublicationSort, lang: Lang): string {
  // Titles sort as the page shows them: the alternative title where it is in the interface language.
  const code = lang === "ko" ? "ko" : "en";
  return `
    mine AS (
      SELECT i.id, i.type::text AS type, i.title, i.issue_year, i.issue_date,
             lower(CASE WHEN i.alternative_title IS NOT NULL AND split_part(lower(i.alternative_title_lang), '-', 1) = '${code}'
                        THEN i.alternative_title ELSE i.title END) AS sort_title,
             ${sort === "cited" ? citationsOf("i") : "NULL::int"} AS citations,
             ${sort === "viewed" ? viewsOf("i") : "NULL::int"} AS views
        FROM ${scopeSql(scope)} AND i.status = 'PUBLISHED'
    )`;
}

/** WHERE clause of the filters over `mine` m, from parameter $2 (types), $3 (from), $4 (to). */
const TYPE_FILTER = `(cardinality($2::text[]) = 0 OR m.type = ANY ($2::text[]))`;
const YEAR_FILTER = `($3::int IS NULL OR m.issue_year >= $3::int) AND ($4::int IS NULL OR m.issue_year <= $4::int)`;

/** One page of a researcher's publications, with the total and the filter counts, in one query. */
export function listResearcherPublications(sql: Sql, researcherId: number, q: PublicationQuery, lang: Lang = "en"): Promise<PublicationPage> {
  return listItemPage(sql, { researcherId }, q, lang);
}

/** One page of the published items of a researcher or collection, with the total and the filter counts, in one query. */
export async function listItemPage(sql: Sql, scope: ItemListScope, q: PublicationQuery, lang: Lang = "en"): Promise<PublicationPage> {
  const id = "researcherId" in scope ? scope.researcherId : scope.collectionId;
  const run = (page: number) =>
    sql.query<{ total: number; types: { type: string; count: number }[]; years: { year: number; count: number }[]; entries: RawEntry[] | null }>(
      `WITH ${mineSql(scope, q.sort, lang)},
       filtered AS (SELECT * FROM mine m WHERE ${TYPE_FILTER} AND ${YEAR_FILTER}),
       page AS (SELECT * FROM filtered f ORDER BY ${orderBy(q.sort, "f")} LIMIT $5 OFFSET $6)
       SELECT
         (SELECT count(*)::int FROM filtered) AS total,
         (SELECT coalesce(json_agg(t ORDER BY t.count DESC, t.type), '[]') FROM
            (SELECT m.type, count(*)::int AS count FROM mine m WHERE ${YEAR_FILTER} GROUP BY m.type) t) AS types,
         (SELECT coalesce(json_agg(t ORDER BY t.year DESC), '[]') FROM
            (SELECT m.issue_year AS year, count(*)::int AS count FROM mine m WHERE ${TYPE_FILTER} AND m.issue_year IS NOT NULL GROUP BY m.issue_year) t) AS years,
         (SELECT json_agg(e ORDER BY e.ord) FROM (
            SELECT row_number() OVER (ORDER BY ${orderBy(q.sort, "p")}) AS ord, p.id, i.handle, p.type, p.title,
                   i.alternative_title AS "alternativeTitle", i.alternative_title_lang AS "alternativeTitleLang",
                   p.issue_date AS "issueDate", p.issue_year AS "issueYear",
                   coalesce(i.journal_title, i.book_title, i.conference_name) AS venue,
                   ${q.sort === "cited" ? "p.citations" : citationsOf("p")} AS citations, p.views,
                   (SELECT coalesce((array_agg(c.name ORDER BY c.position))[1:6], ARRAY[]::text[]) FROM contributor c WHERE c.item_id = p.id) AS authors,
                   (SELECT count(*)::int FROM contributor c WHERE c.item_id = p.id) AS "authorCount"
              FROM page p JOIN item i ON i.id = p.id) e) AS entries`,
      [id, q.types, q.from, q.to, PUBLICATIONS_PER_PAGE, (page - 1) * PUBLICATIONS_PER_PAGE],
    );
  let [row] = await run(q.page);
  const pages = Math.max(1, Math.ceil(row.total / PUBLICATIONS_PER_PAGE));
  let page = q.page;
  if (page > pages) {
    page = pages;
    [row] = await run(page);
  }
  return {
    entries: (row.entries ?? []).map(toEntry),
    total: row.total,
    page,
    pages,
    types: row.types,
    years: row.years,
  };
}

type RawEntry = Omit<PublicationEntry, "citations" | "views"> & { citations: number | string | null; views: number | string | null };

function toEntry(r: RawEntry): PublicationEntry {
  return {
    id: r.id,
    handle: r.handle,
    type: r.type,
    title: r.title,
    alternativeTitle: r.alternativeTitle,
    alternativeTitleLang: r.alternativeTitleLang,
    issueDate: r.issueDate,
    issueYear: r.issueYear,
    venue: r.venue,
    authors: r.authors,
    authorCount: r.authorCount,
    citations: r.citations === null ? null : Number(r.citations),
    views: r.views === null ? null : Number(r.views),
  };
}

export type ExportedPublication = ExportableItem & { citations: number | null };

/** Every publication of the filtered list (no pages, at most EXPORT_LIMIT), as the exports read them. */
export async function listPublicationsForExport(
  sql: Sql,
  prisma: Prisma,
  researcherId: number,
  q: PublicationQuery,
): Promise<{ items: ExportedPublication[]; total: number }> {
  const ids = await sql.query<{ id: number; citations: number | string | null; total: number }>(
    `WITH ${mineSql({ researcherId }, q.sort, "en")},
     filtered AS (SELECT * FROM mine m WHERE ${TYPE_FILTER} AND ${YEAR_FILTER})
     SELECT f.id, ${citationsOf("f")} AS citations, count(*) OVER ()::int AS total FROM filtered f ORDER BY ${orderBy(q.sort, "f")} LIMIT $5`,
    [researcherId, q.types, q.from, q.to, EXPORT_LIMIT],
  );
  if (ids.length === 0) return { items: [], total: 0 };
  return { items: await loadExportableItems(prisma, ids), total: ids[0].total };
}

/** The items' exportable records, in the order of `ids`; citations as given, or read when not given. */
export async function loadExportableItems(
  prisma: Prisma,
  ids: readonly { id: number; citations?: number | string | null }[],
  sql?: Sql,
): Promise<ExportedPublication[]> {
  if (ids.length === 0) return [];
  let cited = new Map<number, number | string | null>(ids.map((r) => [r.id, r.citations ?? null]));
  if (sql && ids.some((r) => r.citations === undefined)) {
    const rows = await sql.query<{ id: number; citations: number | string | null }>(
      `SELECT i.id, ${citationsOf("i")} AS citations FROM item i WHERE i.id = ANY($1::int[])`,
      [ids.map((r) => r.id)],
    );
    cited = new Map(rows.map((r) => [Number(r.id), r.citations]));
  }
  const rows = await prisma.item.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    select: {
      id: true,
      handle: true,
      uri: true,
      type: true,
      title: true,
      alternativeTitle: true,
      alternativeTitleLang: true,
      issueDate: true,
      publisher: true,
      journalTitle: true,
      bookTitle: true,
      conferenceName: true,
      conferencePlace: true,
      placeOfPublication: true,
      edition: true,
      volume: true,
      number: true,
      startPage: true,
      endPage: true,
      pageCount: true,
      issn: true,
      eissn: true,
      isbn: true,
      doi: true,
      degree: true,
      reportNumber: true,
      patentNumber: true,
      abstract: true,
      keywords: true,
      language: true,
      license: true,
      rights: true,
      citation: true,
      contributors: { orderBy: { position: "asc" }, select: { name: true, role: true, position: true } },
    },
  });
  const byId = new Map(rows.map(({ id, ...r }) => [id, r]));
  return ids.flatMap((r) => {
    const item = byId.get(r.id);
    const citations = cited.get(r.id) ?? null;
    return item ? [{ ...item, citations: citations === null ? null : Number(citations) }] : [];
  });
}
