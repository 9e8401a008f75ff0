// The browse indexes' reads, one SQL query each, over published items only. They take the SQL
// handle as an argument so that tests run them on both databases; lib/browse/data.ts wraps them
// in Next's cache for the pages.
//
// Lists are paged with LIMIT/OFFSET and small pages: browse pages are cached, deep pages are rare,
// and a window count over the filtered rows gives the total in the same query.
import type { Sql } from "../db/connection";
import type { ItemSummary } from "../site/overview";
import { letterMatchSql, letterSql, titleSortKeySql, type Letter } from "./letters";

export const ITEMS_PER_PAGE = 20;
export const HEADINGS_PER_PAGE = 60;

export type Count<K> = { key: K; count: number };
export type ItemPage = { items: ItemSummary[]; total: number };
export type Heading = { name: string; count: number; researcherSlug: string | null };
export type HeadingPage = { headings: Heading[]; total: number };
export type HeadingIndex = "author" | "subject";

const published = `i.status = 'PUBLISHED'`;

/** Published items per issue year, newest first; `null` collects items without a date. */
export async function countItemsByYear(sql: Sql): Promise<Count<number | null>[]> {
  const rows = await sql.query<{ year: number | null; n: string }>(
    `SELECT i.issue_year AS year, count(*) AS n FROM item i WHERE ${published}
      GROUP BY i.issue_year ORDER BY i.issue_year DESC NULLS LAST`,
  );
  return rows.map((r) => ({ key: r.year, count: Number(r.n) }));
}

/** Published items per type, most frequent first. */
export async function countItemsByType(sql: Sql): Promise<Count<string>[]> {
  const rows = await sql.query<{ type: string; n: string }>(
    `SELECT i.type::text AS type, count(*) AS n FROM item i WHERE ${published} GROUP BY i.type ORDER BY n DESC, type`,
  );
  return rows.map((r) => ({ key: r.type, count: Number(r.n) }));
}

/** Titles per jump-bar letter (a title files under its first significant word). */
export async function countTitlesByLetter(sql: Sql): Promise<Count<Letter>[]> {
  const rows = await sql.query<{ letter: string; n: string }>(
    // OFFSET 0 keeps the sort key a computed column, so the letter's CASE does not recompute it.
    `SELECT ${letterSql("k.c")} AS letter, count(*) AS n
       FROM (SELECT left(${titleSortKeySql("i.title")}, 1) AS c FROM item i WHERE ${published} OFFSET 0) k GROUP BY 1`,
  );
  return rows.map((r) => ({ key: r.letter, count: Number(r.n) }));
}

/** The headings of an index (contributor names or subject terms) with the published items under each. */
function headingsSql(index: HeadingIndex): string {
  return index === "author"
    ? `SELECT c.name AS heading, c.item_id, c.researcher_id FROM contributor c JOIN item i ON i.id = c.item_id WHERE ${published}`
    : `SELECT t.term AS heading, i.id AS item_id, NULL::int AS researcher_id
         FROM item i CROSS JOIN LATERAL unnest(i.keywords || i.subjects) AS t(term) WHERE ${published}`;
}

/** Distinct headings per jump-bar letter. */
export async function countHeadingsByLetter(sql: Sql, index: HeadingIndex): Promise<Count<Letter>[]> {
  const rows = await sql.query<{ letter: string; n: string }>(
    `SELECT ${letterSql("h.heading")} AS letter, count(*) AS n FROM (SELECT DISTINCT heading FROM (${headingsSql(index)}) x) h GROUP BY 1`,
  );
  return rows.map((r) => ({ key: r.letter, count: Number(r.n) }));
}

/**
 * One page of the headings filed under a letter, A–Z (or 가나다), each with its number of items and,
 * for names, the researcher most of its contributions are linked to.
 */
export async function listHeadings(sql: Sql, index: HeadingIndex, letter: Letter, page: number): Promise<HeadingPage> {
  const rows = await sql.query<{ name: string; n: string; slug: string | null; total: string }>(
    `SELECT h.heading AS name, count(DISTINCT h.item_id) AS n,
            mode() WITHIN GROUP (ORDER BY r.slug) FILTER (WHERE r.slug IS NOT NULL) AS slug,
            count(*) OVER () AS total
       FROM (${headingsSql(index)}) h LEFT JOIN researcher r ON r.id = h.researcher_id
      WHERE ${letterMatchSql("h.heading", letter)}
      GROUP BY h.heading
      ORDER BY lower(h.heading) COLLATE "C", h.heading COLLATE "C"
      LIMIT $1 OFFSET $2`,
    [HEADINGS_PER_PAGE, (page - 1) * HEADINGS_PER_PAGE],
  );
  return {
    headings: rows.map((r) => ({ name: r.name, count: Number(r.n), researcherSlug: r.slug })),
    total: Number(rows[0]?.total ?? 0),
  };
}

/**
 * One page of items matching `where` (over item i, with $1… as its parameters), with the summary
 * the lists show: the page is cut first, then only its rows get their first authors.
 */
async function listItems(sql: Sql, where: string, params: unknown[], orderBy: (t: string) => string, page: number): Promise<ItemPage> {
  const n = params.length;
  const rows = await sql.query<ItemSummary & { total: string; authorCount: string | number }>(
    `WITH page AS (
       SELECT i.id, i.handle, i.type, i.title, i.alternative_title, i.alternative_title_lang, i.issue_date, i.issue_year,
              i.journal_title, count(*) OVER () AS total
         FROM item i WHERE ${published} AND (${where})
        ORDER BY ${orderBy("i")} LIMIT $${n + 1} OFFSET $${n + 2})
     SELECT p.id, p.handle, p.type::text AS type, p.title, p.alternative_title AS "alternativeTitle",
            p.alternative_title_lang AS "alternativeTitleLang", p.issue_date AS "issueDate", p.journal_title AS "journalTitle",
            coalesce(a.names, ARRAY[]::text[]) AS authors, coalesce(a.n, 0) AS "authorCount", p.total
       FROM page p
       LEFT JOIN LATERAL (
         SELECT (array_agg(c.name ORDER BY c.position))[1:3] AS names, count(*) AS n FROM contributor c WHERE c.item_id = p.id
       ) a ON true
      ORDER BY ${orderBy("p")}`,
    [...params, ITEMS_PER_PAGE, (page - 1) * ITEMS_PER_PAGE],
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      handle: r.handle,
      type: r.type,
      title: r.title,
      alternativeTitle: r.alternativeTitle,
      alternativeTitleLang: r.alternativeTitleLang,
      issueDate: r.issueDate,
      journalTitle: r.journalTitle,
      authors: r.authors,
      authorCount: Number(r.authorCount),
    })),
  };
}

const newestFirst = (t: string) => `${t}.issue_date DESC NULLS LAST, ${t}.id DESC`;
const newestId = (t: string) => `${t}.id DESC`;
const titleOrder = (t: string) => `${titleSortKeySql(`${t}.title`)} COLLATE "C", ${t}.id`;

export function listItemsByYear(sql: Sql, year: number | null, page: number): Promise<ItemPage> {
  return year === null
    ? listItems(sql, "i.issue_year IS NULL", [], newestId, page)
    : listItems(sql, "i.issue_year = $1", [year], newestFirst, page);
}

export function listItemsByType(sql: Sql, type: string, page: number): Promise<ItemPage> {
  return listItems(sql, "i.type = $1::item_type", [type], newestFirst, page);
}

export function listItemsByTitleLetter(sql: Sql, letter: Letter, page: number): Promise<ItemPage> {
  return listItems(sql, letterMatchSql(titleSortKeySql("i.title"), letter), [], titleOrder, page);
}

export function listItemsByAuthor(sql: Sql, name: string, page: number): Promise<ItemPage> {
  return listItems(sql, "EXISTS (SELECT 1 FROM contributor c WHERE c.item_id = i.id AND c.name = $1)", [name], newestFirst, page);
}

export function listItemsBySubject(sql: Sql, term: string, page: number): Promise<ItemPage> {
  return listItems(sql, "($1 = ANY (i.keywords) OR $1 = ANY (i.subjects))", [term], newestFirst, page);
}
