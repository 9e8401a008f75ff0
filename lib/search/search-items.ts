// Full-text search over published items: one SQL statement returns the page of ranked hits, the
// total and every facet's counts. The search document (item.search_vector / item.search_text) is
// kept by database triggers; see prisma/migrations/*_add_item_search.
import type { Sql } from "../db/connection";
import { highlight, snippet, type Segment } from "./highlight";
import { effectiveSort, type TSearchParams } from "./params";
import { parseQuery, rankingTsquery, type ParsedQuery } from "./query-text";

export type FacetValue = { value: string; label: string; altLabel: string | null; count: number };

export type SearchFacets = {
  type: FacetValue[];
  /** Ranges of years, newest first; value is "YYYY-YYYY" or "YYYY". */
  year: FacetValue[];
  unit: FacetValue[];
  collection: FacetValue[];
  author: FacetValue[];
  subject: FacetValue[];
  language: FacetValue[];
  /** Items among the results with a file anyone may download now. */
  openFile: number;
};

export type SearchHit = {
  id: number;
  handle: string;
  type: string;
  title: string;
  alternativeTitle: string | null;
  alternativeTitleLang: string | null;
  issueDate: string | null;
  journalTitle: string | null;
  authors: string[];
  authorCount: number;
  hasOpenFile: boolean;
  views: number | null;
  titleSegments: Segment[];
  alternativeTitleSegments: Segment[] | null;
  abstractSegments: Segment[] | null;
};

export type SearchResult = {
  /** Exact up to DEFAULT_EXACT_LIMIT matches; beyond, an estimate (see `estimated`). */
  total: number;
  /** Whether total and facet counts are estimated from a sample (a very broad search). */
  estimated: boolean;
  page: number;
  size: number;
  sort: ReturnType<typeof effectiveSort>;
  hits: SearchHit[];
  facets: SearchFacets;
  highlightTerms: string[];
};

const FACET_LIMIT = 12;
/** Searches matching up to this many items are counted exactly and ranked in full. */
export const DEFAULT_EXACT_LIMIT = 2000;
/** Share of the table's pages read to estimate the counts of broader searches. */
const DEFAULT_SAMPLE_PERCENT = 2;
/** Broad searches sorted by relevance rank this many of the newest matches (more when paging deeper). */
const RANK_CANDIDATES = 500;
const AUTHORS_SHOWN = 3;

/**
 * Parallel workers start more slowly than a search's statements finish, the more so on a small,
 * busy server: a broad search's ranking (the newest matches, read in date order by two workers)
 * took 380 ms with them and 50 ms without, on two cores. Searches run one worker each.
 */
const NO_PARALLEL = "max_parallel_workers_per_gather = 0";

/** Runs `run` in a transaction with `settings` (SET LOCAL: they end with it). */
async function withSettings<T>(sql: Sql, settings: string[], run: (tx: Sql) => Promise<T>): Promise<T> {
  return sql.transaction(async (tx) => {
    for (const setting of settings) await tx.exec(`SET LOCAL ${setting}`);
    return run(tx);
  });
}

/** Builds the statement's parameters as it goes: `p(value)` returns its placeholder. */
function parameterList() {
  const values: unknown[] = [];
  return {
    values,
    p(value: unknown): string {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

const SYLLABLES = /^[가-힣]+$/;

/**
 * The query's text as SQL. "row" is cheap to test row by row (a scan in date order, a sample);
 * "index" is answered by the indexes alone, with no row read again to test the text — for the
 * count probe, which reads every match through a bitmap. Both answer the same.
 */
function textCondition(parsed: ParsedQuery, p: (v: unknown) => string, form: "row" | "index"): string {
  const groups = parsed.clauses.map((group) => {
    const alternatives = group.map((c) => {
      const words = () => `i.search_vector @@ to_tsquery('simple', unaccent(${p(c.tsquery)}))`;
      let test: string;
      if (!c.substring) test = words();
      else {
        // A Hangul word may sit inside a compound, so its substring is searched too. A word-prefix
        // match in search_vector is also a substring of search_text (the trigger makes both of the
        // same text, lower-cased and accent-folded alike): the substring alone decides, and a row
        // is tested with LIKE alone (reading a row's search_vector is dear). From three syllables
        // the trigram index answers LIKE, joined by the word index, which spares rows to recheck.
        // Two syllables have no trigram: the Hangul bigram index (add_hangul_bigrams migration)
        // serves them. Its lexemes are exactly the document's pairs of adjacent syllables (가-힣),
        // so it answers what LIKE answers, alone (a prefix in the word index is dearer to look up:
        // every word that begins so; computing a row's pairs is dearer still). Two jamo never form
        // a pair: only the word index finds them.
        const bigram = () => `hangul_bigrams(i.search_text) @@ ${p(`'${c.substring}'`)}::tsquery`;
        const like = () => `i.search_text LIKE ${p(`%${c.substring!.replace(/[\\%_]/g, "\\$&")}%`)}`;
        const pair = c.substring.length === 2;
        if (pair && !SYLLABLES.test(c.substring)) test = words();
        else if (form === "index") test = pair ? bigram() : `(${words()} OR ${like()})`;
        else test = like();
      }
      return c.negated ? `NOT ${test}` : test;
    });
    return alternatives.length > 1 ? `(${alternatives.join(" OR ")})` : alternatives[0];
  });
  const text = groups.length ? groups.join(" AND ") : null;
  const ids = identifierCondition(parsed, p);
  if (text && ids) return `((${text}) OR ${ids})`;
  return text ?? ids ?? "false";
}

function identifierCondition(parsed: ParsedQuery, p: (v: unknown) => string): string | null {
  const tests: string[] = [];
  for (const id of parsed.identifiers) {
    if (id.kind === "doi") tests.push(`i.doi = ${p(id.value)}`);
    if (id.kind === "handle") tests.push(`i.handle = ${p(id.value)}`);
    if (id.kind === "issn") tests.push(`(i.issn = ${p(id.value)} OR i.eissn = ${p(id.value)})`);
    if (id.kind === "isbn") tests.push(`replace(i.isbn, '-', '') = ${p(id.value)}`);
  }
  return tests.length ? `(${tests.join(" OR ")})` : null;
}

// An item has a file anyone may download today: item.open_file_from, kept by triggers from its
// files' access and embargoes and its own embargo (see the add_item_open_file_from migration), is
// the first day of that. Stored as a day rather than a flag, it stays right when an embargo ends.
const OPEN_FILE = `i.open_file_from <= current_date`;

function filterConditions(params: TSearchParams, p: (v: unknown) => string): string[] {
  const where: string[] = [];
  if (params.type) where.push(`i.type = ${p(params.type)}::item_type`);
  if (params.year) {
    const [from, to = from] = params.year.split("-").map(Number);
    where.push(`i.issue_year BETWEEN ${p(from)} AND ${p(to)}`);
  }
  const inCollections = (collections: string) =>
    `(i.collection_id IN (${collections}) OR EXISTS (SELECT 1 FROM item_collection ic WHERE ic.item_id = i.id AND ic.collection_id IN (${collections})))`;
  if (params.unit) {
    where.push(
      inCollections(`SELECT c.id FROM collection c WHERE c.unit_id IN (
        WITH RECURSIVE below AS (SELECT id FROM unit WHERE slug = ${p(params.unit)}
                                 UNION SELECT u.id FROM unit u JOIN below b ON u.parent_id = b.id)
        SELECT id FROM below)`),
    );
  }
  if (params.collection) where.push(inCollections(`SELECT c.id FROM collection c WHERE c.slug = ${p(params.collection)}`));
  if (params.author) {
    where.push(`EXISTS (SELECT 1 FROM contributor c JOIN researcher r ON r.id = c.researcher_id
                        WHERE c.item_id = i.id AND r.slug = ${p(params.author)})`);
  }
  // The item page links keywords and subjects alike to ?subject=.
  if (params.subject) {
    const subject = p(params.subject);
    where.push(`(${subject} = ANY (i.subjects) OR ${subject} = ANY (i.keywords))`);
  }
  if (params.language) where.push(`i.language = ${p(params.language)}`);
  if (params.file === "open") where.push(`(${OPEN_FILE})`);
  return where;
}

function orderBy(sort: SearchResult["sort"], hasRank: boolean): string {
  switch (sort) {
    case "relevance":
      return hasRank ? "m.rank DESC, m.issue_date DESC NULLS LAST, m.id DESC" : "m.issue_date DESC NULLS LAST, m.id DESC";
    case "date":
      return "m.issue_date DESC NULLS LAST, m.id DESC";
    case "title":
      return "lower(m.title), m.id";
    case "views":
      return "coalesce(v.views, 0) DESC, m.id DESC";
  }
}

type Row = {
  total: number;
  open_file: number;
  types: { value: string; count: number }[];
  years: { year: number; count: number }[];
  languages: { value: string; count: number }[];
  subjects: { value: string; count: number }[];
  authors: FacetValue[];
  collections: FacetValue[];
  units: FacetValue[];
  hits: {
    id: number;
    handle: string;
    type: string;
    title: string;
    alternative_title: string | null;
    alternative_title_lang: string | null;
    issue_date: string | null;
    journal_title: string | null;
    abstract: string | null;
    authors: string[] | null;
    author_count: number;
    has_open_file: boolean;
    views: number | null;
  }[];
};

/** Searches published items; params come from parseSearchParams. */
export async function searchItems(
  sql: Sql,
  params: TSearchParams,
  /** Tests lower the threshold and read the whole table to compare both ways of answering. */
  options: { exactLimit?: number; samplePercent?: number } = {},
): Promise<SearchResult> {
  const EXACT_LIMIT = options.exactLimit ?? DEFAULT_EXACT_LIMIT;
  const SAMPLE_PERCENT = options.samplePercent ?? DEFAULT_SAMPLE_PERCENT;
  const parsed = parseQuery(params.q);
  const sort = effectiveSort(params);
  const { values, p } = parameterList();

  const ranking = params.q ? rankingTsquery(parsed) : null;
  const hasIds = params.q ? parsed.identifiers.length > 0 : false;
  // The rank expression adds its parameters where it is used (PostgreSQL refuses unused ones).
  const rankSql = (): string => {
    const ids = hasIds ? identifierCondition(parsed, p) : null;
    const parts = [
      // Whole words count again on top of prefix matches: "glutamate" before "glutamatergic".
      ranking
        ? `ts_rank(i.search_vector, to_tsquery('simple', unaccent(${p(ranking)}))) +
           ts_rank(i.search_vector, to_tsquery('simple', unaccent(${p(ranking.replaceAll(":*", ""))})))`
        : null,
      ids ? `CASE WHEN ${ids} THEN 10 ELSE 0 END` : null,
    ].filter(Boolean);
    return parts.length ? parts.join(" + ") : "0";
  };
  const withViews = sort === "views";

  // How many items match, up to EXACT_LIMIT + 1, read in the cheapest order the planner finds.
  const indexed = parameterList();
  const probeWhere = ["i.status = 'PUBLISHED'", ...(params.q ? [textCondition(parsed, indexed.p, "index")] : []), ...filterConditions(params, indexed.p)];
  const probeSql = `SELECT i.id FROM item i WHERE ${probeWhere.join(" AND ")} LIMIT ${EXACT_LIMIT + 1}`;
  // A query's text is answered by its indexes. Tested row by row it costs far more than the planner
  // assumes (a row's search_vector read whole, its syllable pairs computed), so that a sequential
  // scan stopping at the first EXACT_LIMIT + 1 matches looks cheap to it and takes half a second
  // for a broad Korean term: the probe rules it out (where an index can answer at all).
  const probe = await withSettings(sql, params.q ? ["enable_seqscan = off", NO_PARALLEL] : [NO_PARALLEL], (tx) =>
    tx.query<{ id: number }>(probeSql, indexed.values),
  );
  const exact = probe.length <= EXACT_LIMIT;
  const offset = (params.page - 1) * params.size;
  // The whole condition, for rows read otherwise than through the probe's bitmap: only broad
  // searches need it (the probe has found the others' matches; only publication is checked again,
  // in case an item was withdrawn meanwhile).
  const where = ["i.status = 'PUBLISHED'"];
  if (!exact) {
    if (params.q) where.push(textCondition(parsed, p, "row"));
    where.push(...filterConditions(params, p));
  }
  const condition = where.join("\n         AND ");

  // Up to EXACT_LIMIT matches: everything is counted exactly and ranked. Beyond: counts come from
  // a fixed sample of the table's pages, scaled up and marked as estimates; the page of hits is
  // read in sort order through an index (date, title, views) and stops when it is full; relevance
  // ranks the RANK_CANDIDATES newest matches.
  const matched = exact
    ? `SELECT i.id, i.type, i.issue_year, i.issue_date, i.title, i.language, i.subjects, i.collection_id, ${rankSql()} AS rank,
              i.open_file_from
         FROM item i WHERE i.id = ANY (${p(probe.map((r) => r.id))}::int[]) AND ${condition}`
    : `SELECT i.id, i.type, i.issue_year, i.issue_date, i.title, i.language, i.subjects, i.collection_id, 0 AS rank,
              i.open_file_from
         FROM item i TABLESAMPLE SYSTEM (${SAMPLE_PERCENT}) REPEATABLE (1)
        WHERE ${condition}`;
  const hasRank = Boolean(ranking || hasIds);
  let page: string;
  if (exact) {
    page = `SELECT m.id, row_number() OVER (ORDER BY ${orderBy(sort, hasRank)}) AS ord${withViews ? ", v.views" : ", NULL::int AS views"}
        FROM matched m${withViews ? " LEFT JOIN v ON v.id = m.id" : ""}
       ORDER BY ord
       LIMIT ${p(params.size)} OFFSET ${p(offset)}`;
  } else if (sort === "views") {
    page = `SELECT s.id, row_number() OVER () AS ord, s.views FROM (
         SELECT i.id, pop.views FROM item_popularity pop JOIN item i ON i.id = pop.item_id
          WHERE ${condition}
          ORDER BY pop.views DESC, pop.item_id DESC LIMIT ${p(params.size)} OFFSET ${p(offset)}) s`;
  } else if (sort === "relevance" && hasRank) {
    page = `SELECT c.id, row_number() OVER (ORDER BY c.rank DESC, c.issue_date DESC NULLS LAST, c.id DESC) AS ord, NULL::int AS views FROM (
         SELECT i.id, i.issue_date, ${rankSql()} AS rank FROM item i WHERE ${condition}
          ORDER BY i.issue_date DESC NULLS LAST, i.id DESC LIMIT ${Math.max(RANK_CANDIDATES, offset + params.size)}) c
       ORDER BY ord LIMIT ${p(params.size)} OFFSET ${p(offset)}`;
  } else {
    const order = sort === "title" ? "lower(i.title), i.id" : "i.issue_date DESC NULLS LAST, i.id DESC";
    page = `SELECT s.id, row_number() OVER () AS ord, NULL::int AS views FROM (
         SELECT i.id FROM item i WHERE ${condition} ORDER BY ${order} LIMIT ${p(params.size)} OFFSET ${p(offset)}) s`;
  }

  const text = `
    WITH RECURSIVE matched AS MATERIALIZED (
      ${matched}
    ),
    places AS (
      SELECT m.id AS item_id, m.collection_id FROM matched m
      UNION
      SELECT ic.item_id, ic.collection_id FROM item_collection ic JOIN matched m ON m.id = ic.item_id
    ),
    unit_up AS (
      SELECT u.id AS unit_id, u.id AS ancestor_id, u.parent_id FROM unit u
      UNION ALL
      SELECT a.unit_id, u.id, u.parent_id FROM unit_up a JOIN unit u ON u.id = a.parent_id
    )${
      withViews && exact
        ? `,
    v AS (
      -- Kept by a trigger on the rollups (see the add_item_popularity migration).
      SELECT p.item_id AS id, p.views FROM item_popularity p WHERE p.item_id IN (SELECT id FROM matched)
    )`
        : ""
    },
    page AS (
      ${page}
    )
    SELECT
      (SELECT count(*)::int FROM matched) AS total,
      (SELECT count(*)::int FROM matched i WHERE ${OPEN_FILE}) AS open_file,
      (SELECT coalesce(json_agg(t ORDER BY t.count DESC, t.value), '[]') FROM
         (SELECT type AS value, count(*)::int AS count FROM matched GROUP BY type) t) AS types,
      (SELECT coalesce(json_agg(t ORDER BY t.year DESC), '[]') FROM
         (SELECT issue_year AS year, count(*)::int AS count FROM matched WHERE issue_year IS NOT NULL GROUP BY issue_year) t) AS years,
      (SELECT coalesce(json_agg(t ORDER BY t.count DESC, t.value), '[]') FROM
         (SELECT language AS value, count(*)::int AS count FROM matched WHERE language IS NOT NULL GROUP BY language) t) AS languages,
      (SELECT coalesce(json_agg(t ORDER BY t.count DESC, t.value), '[]') FROM
         (SELECT s AS value, count(*)::int AS count FROM matched, unnest(subjects) s GROUP BY s
           ORDER BY count(*) DESC, s LIMIT ${FACET_LIMIT}) t) AS subjects,
      (SELECT coalesce(json_agg(t ORDER BY t.count DESC, t.label, t.value), '[]') FROM
         (SELECT r.slug AS value, r.display_name AS label, NULL AS "altLabel", top.count
            FROM (SELECT c.researcher_id, count(DISTINCT c.item_id)::int AS count
                    FROM matched m CROSS JOIN LATERAL (
                           -- LIMIT keeps this a lookup per item through contributor's index.
                           SELECT c.item_id, c.researcher_id FROM contributor c
                            WHERE c.item_id = m.id AND c.researcher_id IS NOT NULL LIMIT 1000) c
                   GROUP BY c.researcher_id ORDER BY count(DISTINCT c.item_id) DESC, c.researcher_id LIMIT ${FACET_LIMIT}) top
            JOIN researcher r ON r.id = top.researcher_id) t) AS authors,
      (SELECT coalesce(json_agg(t ORDER BY t.count DESC, t.label, t.value), '[]') FROM
         (SELECT col.slug AS value, col.name AS label, col.alt_name AS "altLabel", count(*)::int AS count
            FROM places pl JOIN collection col ON col.id = pl.collection_id
           GROUP BY col.id ORDER BY count(*) DESC, col.name, col.slug LIMIT ${FACET_LIMIT}) t) AS collections,
      (SELECT coalesce(json_agg(t ORDER BY t.count DESC, t.label, t.value), '[]') FROM
         (SELECT u.slug AS value, u.name AS label, u.alt_name AS "altLabel", count(DISTINCT pl.item_id)::int AS count
            FROM places pl JOIN collection col ON col.id = pl.collection_id
            JOIN unit_up a ON a.unit_id = col.unit_id JOIN unit u ON u.id = a.ancestor_id
           WHERE u.parent_id IS NOT NULL -- the institute itself holds everything
           GROUP BY u.id ORDER BY count(DISTINCT pl.item_id) DESC, u.name, u.slug LIMIT ${FACET_LIMIT}) t) AS units,
      (SELECT coalesce(json_agg(h ORDER BY h.ord), '[]') FROM (
         SELECT pg.ord, i.id, i.handle, i.type, i.title, i.alternative_title, i.alternative_title_lang, i.issue_date,
                i.journal_title, left(coalesce(i.abstract, i.alt_abstract), 4000) AS abstract, pg.views,
                (SELECT array_agg(c.name ORDER BY c.position) FROM
                   (SELECT name, position FROM contributor WHERE item_id = i.id ORDER BY position LIMIT ${AUTHORS_SHOWN}) c) AS authors,
                (SELECT count(*)::int FROM contributor WHERE item_id = i.id) AS author_count,
                coalesce(${OPEN_FILE}, false) AS has_open_file
           FROM page pg JOIN item i ON i.id = pg.id) h) AS hits`;

  const [row] = await withSettings(sql, [NO_PARALLEL], (tx) => tx.query<Row>(text, values));
  const terms = parsed.highlightTerms;
  const factor = exact ? 1 : 100 / SAMPLE_PERCENT;
  const scale = <T extends { count: number }>(list: T[]): T[] => (exact ? list : list.map((f) => ({ ...f, count: Math.round(f.count * factor) })));
  return {
    total: exact ? row.total : Math.max(EXACT_LIMIT + 1, Math.round(row.total * factor)),
    estimated: !exact,
    page: params.page,
    size: params.size,
    sort,
    highlightTerms: terms,
    facets: {
      type: scale(row.types.map((t) => ({ value: t.value, label: t.value, altLabel: null, count: t.count }))),
      year: scale(yearRanges(row.years)),
      unit: scale(row.units),
      collection: scale(row.collections),
      author: scale(row.authors),
      subject: scale(row.subjects.map((s) => ({ value: s.value, label: s.value, altLabel: null, count: s.count }))),
      language: scale(row.languages.map((l) => ({ value: l.value, label: l.value, altLabel: null, count: l.count }))),
      openFile: Math.round(row.open_file * factor),
    },
    hits: row.hits.map((h) => ({
      id: h.id,
      handle: h.handle,
      type: h.type,
      title: h.title,
      alternativeTitle: h.alternative_title,
      alternativeTitleLang: h.alternative_title_lang,
      issueDate: h.issue_date,
      journalTitle: h.journal_title,
      authors: h.authors ?? [],
      authorCount: h.author_count,
      hasOpenFile: h.has_open_file,
      views: h.views,
      titleSegments: highlight(h.title, terms),
      alternativeTitleSegments: h.alternative_title ? highlight(h.alternative_title, terms) : null,
      abstractSegments: h.abstract ? snippet(h.abstract, terms) : null,
    })),
  };
}

/**
 * Years grouped for the facet: the last five years one by one, then five-year ranges, then one
 * range for everything older than twenty years before the newest.
 */
export function yearRanges(years: { year: number; count: number }[]): FacetValue[] {
  if (years.length === 0) return [];
  const newest = Math.max(...years.map((y) => y.year));
  const buckets = new Map<string, number>();
  const oldest = Math.min(...years.map((y) => y.year));
  for (const { year, count } of years) {
    let key: string;
    if (year > newest - 5) key = String(year);
    else if (year > newest - 20) {
      const end = newest - 5 - Math.floor((newest - 5 - year) / 5) * 5;
      key = `${end - 4}-${end}`;
    } else key = `${oldest}-${newest - 20}`;
    buckets.set(key, (buckets.get(key) ?? 0) + count);
  }
  return [...buckets.entries()]
    .map(([value, count]) => ({ value, label: value.replace("-", "–"), altLabel: null, count }))
    .sort((a, b) => Number(b.value.slice(-4)) - Number(a.value.slice(-4)));
}

/**
 * The ids of every published item a search matches (all pages, not a page), in the search's sort
 * order, at most `limit`; with the number of matches. For list downloads (lib/export/lists.ts).
 */
export async function searchItemIdsForExport(sql: Sql, params: TSearchParams, limit: number): Promise<{ ids: number[]; total: number }> {
  const parsed = parseQuery(params.q);
  const sort = effectiveSort(params);
  const { values, p } = parameterList();
  const where = ["i.status = 'PUBLISHED'"];
  if (params.q) where.push(textCondition(parsed, p, "row"));
  where.push(...filterConditions(params, p));
  const ranking = params.q ? rankingTsquery(parsed) : null;
  let order: string;
  if (sort === "relevance" && ranking) order = `ts_rank(i.search_vector, to_tsquery('simple', unaccent(${p(ranking)}))) DESC, i.issue_date DESC NULLS LAST, i.id DESC`;
  else if (sort === "title") order = "lower(i.title), i.id";
  else if (sort === "views") order = "coalesce(pop.views, 0) DESC, i.id DESC";
  else order = "i.issue_date DESC NULLS LAST, i.id DESC";
  const rows = await sql.query<{ id: number; total: number }>(
    `SELECT i.id, count(*) OVER ()::int AS total FROM item i
       ${sort === "views" ? "LEFT JOIN item_popularity pop ON pop.item_id = i.id" : ""}
      WHERE ${where.join(" AND ")}
      ORDER BY ${order} LIMIT ${p(limit)}`,
    values,
  );
  return { ids: rows.map((r) => Number(r.id)), total: rows.length ? Number(rows[0].total) : 0 };
}
