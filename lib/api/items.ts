// Items for /api/v1: lists walked by keyset (item id), one item by handle or id. Only published
// items are shown; a withdrawn item answers as a tombstone; drafts and items in review do not exist.
import type { Sql } from "../db/connection";
import { decideFileAccess } from "../files/access";
import { CursorError, decodeCursor, encodeCursor } from "./cursor";
import type { TItem, TItemListQuery, TItemSummary } from "./schemas";

export const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

type SummaryRow = {
  id: number;
  handle: string;
  type: string;
  title: string;
  issue_date: string | null;
  authors: string[];
  published_at: Date | null;
  updated_at: Date;
};

/** Columns of an item summary, for `FROM item i`. */
export const SUMMARY_COLUMNS = `i.id, i.handle, i.type::text AS type, i.title, i.issue_date, i.published_at, i.updated_at,
  ARRAY(SELECT c.name FROM contributor c WHERE c.item_id = i.id AND c.role = 'AUTHOR' ORDER BY c.position) AS authors`;

export function toSummary(row: SummaryRow): TItemSummary {
  return {
    id: row.id,
    handle: row.handle,
    type: row.type as TItemSummary["type"],
    title: row.title,
    issueDate: row.issue_date,
    authors: row.authors ?? [],
    publishedAt: iso(row.published_at),
    updatedAt: iso(row.updated_at)!,
    links: { self: `/api/v1/handle/${row.handle}`, html: `/handle/${row.handle}` },
  };
}

export type Page<T> = { data: T[]; nextCursor: string | null; lastModified: Date | null };

/**
 * Runs a keyset page query. `query(after, take)` must return up to `take` rows ordered by key;
 * one extra row tells whether there is a next page.
 */
export async function keysetPage<R, T>(
  list: string,
  cursor: string | undefined,
  limit: number,
  shape: ("string" | "number")[],
  query: (after: (string | number)[] | null, take: number) => Promise<R[]>,
  keyOf: (row: R) => (string | number)[],
  map: (row: R) => T,
): Promise<Page<T>> {
  const after = cursor === undefined ? null : decodeCursor(list, cursor, shape);
  const rows = await query(after, limit + 1);
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  return {
    data: shown.map(map),
    nextCursor: more ? encodeCursor(list, keyOf(shown[shown.length - 1])) : null,
    lastModified: null,
  };
}

export { CursorError };

/** GET /api/v1/items – published items in id order, optionally of one type or year. */
export function listItems(sql: Sql, query: TItemListQuery): Promise<Page<TItemSummary>> {
  const list = `items:${query.type ?? ""}:${query.year ?? ""}`;
  return keysetPage(
    list,
    query.cursor,
    query.limit,
    ["number"],
    (after, take) =>
      sql.query<SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM item i
         WHERE i.status = 'PUBLISHED' AND i.id > $1
           AND ($2::text IS NULL OR i.type = $2::item_type) AND ($3::int IS NULL OR i.issue_year = $3)
         ORDER BY i.id LIMIT $4`,
        [after ? after[0] : 0, query.type ?? null, query.year ?? null, take],
      ),
    (row) => [row.id],
    toSummary,
  );
}

type ItemRow = {
  id: number;
  handle: string;
  status: "DRAFT" | "IN_REVIEW" | "PUBLISHED" | "WITHDRAWN";
  type: string;
  title: string;
  alternative_title: string | null;
  alternative_title_lang: string | null;
  issue_date: string | null;
  publisher: string | null;
  citation: string | null;
  journal_title: string | null;
  book_title: string | null;
  volume: string | null;
  number: string | null;
  start_page: string | null;
  end_page: string | null;
  issn: string | null;
  isbn: string | null;
  doi: string | null;
  uri: string | null;
  abstract: string | null;
  keywords: string[];
  subjects: string[];
  language: string | null;
  license: string | null;
  embargo_until: string | null;
  withdrawn_at: Date | null;
  withdrawn_reason: string | null;
  published_at: Date | null;
  updated_at: Date;
  collection_slug: string;
  collection_name: string;
};

export type ItemLookup =
  | { kind: "found"; item: TItem; lastModified: Date }
  | { kind: "withdrawn"; item: { id: number; handle: string; status: "withdrawn"; title: string; withdrawnAt: string | null; withdrawnReason: string | null }; lastModified: Date }
  | { kind: "missing" };

const dateOnly = (d: string | null): Date | null => (d === null ? null : new Date(`${d}T00:00:00Z`));

/** One item by handle ("prefix/n") or id, as the public may see it. */
export async function getItem(sql: Sql, by: { handle: string } | { id: number }, now = new Date()): Promise<ItemLookup> {
  const [row] = await sql.query<ItemRow>(
    `SELECT i.id, i.handle, i.status::text AS status, i.type::text AS type, i.title, i.alternative_title, i.alternative_title_lang,
            i.issue_date, i.publisher, i.citation, i.journal_title, i.book_title, i.volume, i.number, i.start_page, i.end_page,
            i.issn, i.isbn, i.doi, i.uri, i.abstract, i.keywords, i.subjects, i.language, i.license,
            to_char(i.embargo_until, 'YYYY-MM-DD') AS embargo_until, i.withdrawn_at, i.withdrawn_reason, i.published_at, i.updated_at,
            c.slug AS collection_slug, c.name AS collection_name
     FROM item i JOIN collection c ON c.id = i.collection_id
     WHERE ${"handle" in by ? "i.handle = $1" : "i.id = $1"}`,
    ["handle" in by ? by.handle : by.id],
  );
  if (!row || row.status === "DRAFT" || row.status === "IN_REVIEW") return { kind: "missing" };
  const lastModified = new Date(row.updated_at);
  if (row.status === "WITHDRAWN") {
    return {
      kind: "withdrawn",
      lastModified,
      item: { id: row.id, handle: row.handle, status: "withdrawn", title: row.title, withdrawnAt: iso(row.withdrawn_at), withdrawnReason: row.withdrawn_reason },
    };
  }
  const [contributors, files] = await Promise.all([
    sql.query<{ name: string; role: string; orcid: string | null; affiliation: string | null; researcher: string | null }>(
      `SELECT c.name, lower(c.role::text) AS role, c.orcid, c.affiliation, r.slug AS researcher
       FROM contributor c LEFT JOIN researcher r ON r.id = c.researcher_id WHERE c.item_id = $1 ORDER BY c.position`,
      [row.id],
    ),
    sql.query<{ id: number; file_name: string; mime_type: string; size: string | number; description: string | null; access: "OPEN" | "EMBARGOED" | "RESTRICTED"; embargo_until: string | null; updated_at: Date }>(
      `SELECT f.id, f.file_name, f.mime_type, f.size, f.description, f.access::text AS access, to_char(f.embargo_until, 'YYYY-MM-DD') AS embargo_until, f.updated_at
       FROM file f WHERE f.item_id = $1 ORDER BY f.position, f.id`,
      [row.id],
    ),
  ]);
  const item: TItem = {
    id: row.id,
    handle: row.handle,
    status: "published",
    type: row.type as TItem["type"],
    title: row.title,
    alternativeTitle: row.alternative_title,
    alternativeTitleLang: row.alternative_title_lang,
    issueDate: row.issue_date,
    publisher: row.publisher,
    citation: row.citation,
    journalTitle: row.journal_title,
    bookTitle: row.book_title,
    volume: row.volume,
    number: row.number,
    startPage: row.start_page,
    endPage: row.end_page,
    issn: row.issn,
    isbn: row.isbn,
    doi: row.doi,
    uri: row.uri,
    abstract: row.abstract,
    keywords: row.keywords ?? [],
    subjects: row.subjects ?? [],
    language: row.language,
    license: row.license,
    contributors: contributors.map((c) => ({ ...c, role: c.role as TItem["contributors"][number]["role"] })),
    files: files.map((f) => {
      const decision = decideFileAccess(
        { access: f.access, embargoUntil: dateOnly(f.embargo_until) },
        { embargoUntil: dateOnly(row.embargo_until) },
        now,
        null,
      );
      const access = decision.kind === "open" ? "open" : decision.kind === "embargoed" ? "embargoed" : "restricted";
      return {
        id: f.id,
        fileName: f.file_name,
        mimeType: f.mime_type,
        size: Number(f.size),
        description: f.description,
        access,
        embargoUntil: decision.kind === "embargoed" && decision.until ? decision.until.toISOString().slice(0, 10) : null,
        downloadUrl: access === "open" ? `/files/${f.id}/${encodeURIComponent(f.file_name)}` : null,
      };
    }),
    collection: { slug: row.collection_slug, name: row.collection_name },
    publishedAt: iso(row.published_at),
    updatedAt: iso(row.updated_at)!,
    links: { self: `/api/v1/handle/${row.handle}`, html: `/handle/${row.handle}` },
  };
  const latest = files.reduce((max, f) => Math.max(max, new Date(f.updated_at).getTime()), lastModified.getTime());
  return { kind: "found", item, lastModified: new Date(latest) };
}
