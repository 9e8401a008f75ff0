// Researchers, units, collections and search for /api/v1.
import crypto from "node:crypto";
import type { Sql } from "../db/connection";
import { MAX_PAGE, parseSearchParams } from "../search/params";
import { searchItems } from "../search/search-items";
import { decodeCursor, encodeCursor } from "./cursor";
import { iso, keysetPage, SUMMARY_COLUMNS, toSummary, type Page } from "./items";
import type { TCollection, TItemSummary, TPageQuery, TResearcher, TResearcherSummary, TSearchQuery, TUnit } from "./schemas";

type ResearcherRow = {
  id: number;
  slug: string;
  display_name: string;
  family_name: string | null;
  given_name: string | null;
  name_variants: string[];
  position: string | null;
  orcid: string | null;
  primary_unit: string | null;
};

const RESEARCHER_COLUMNS = `r.id, r.slug, r.display_name, r.family_name, r.given_name, r.name_variants, r.position, r.orcid,
  (SELECT u.slug FROM unit u WHERE u.id = r.primary_unit_id) AS primary_unit`;

function toResearcherSummary(row: ResearcherRow): TResearcherSummary {
  return {
    slug: row.slug,
    displayName: row.display_name,
    familyName: row.family_name,
    givenName: row.given_name,
    nameVariants: row.name_variants ?? [],
    position: row.position,
    orcid: row.orcid,
    primaryUnit: row.primary_unit,
    links: { self: `/api/v1/researchers/${row.slug}`, html: `/researchers/${row.slug}` },
  };
}

/** GET /api/v1/researchers – every researcher, in slug order. */
export function listResearchers(sql: Sql, query: TPageQuery): Promise<Page<TResearcherSummary>> {
  return keysetPage(
    "researchers",
    query.cursor,
    query.limit,
    ["string"],
    (after, take) =>
      sql.query<ResearcherRow>(
        `SELECT ${RESEARCHER_COLUMNS} FROM researcher r WHERE ($1::text IS NULL OR r.slug > $1) ORDER BY r.slug LIMIT $2`,
        [after ? after[0] : null, take],
      ),
    (row) => [row.slug],
    toResearcherSummary,
  );
}

type SummaryRow = Parameters<typeof toSummary>[0];

/** A researcher's published items, newest record first (item id descending). */
export function listPublications(sql: Sql, researcherId: number, query: TPageQuery): Promise<Page<TItemSummary>> {
  return keysetPage(
    `publications:${researcherId}`,
    query.cursor,
    query.limit,
    ["number"],
    (after, take) =>
      sql.query<SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM item i
         WHERE i.status = 'PUBLISHED' AND i.id IN (SELECT c.item_id FROM contributor c WHERE c.researcher_id = $1)
           AND ($2::int IS NULL OR i.id < $2)
         ORDER BY i.id DESC LIMIT $3`,
        [researcherId, after ? after[0] : null, take],
      ),
    (row) => [row.id],
    toSummary,
  );
}

/** GET /api/v1/researchers/{slug} – the profile with a page of publications. */
export async function getResearcher(sql: Sql, slug: string, query: TPageQuery): Promise<{ researcher: TResearcher; publications: Page<TItemSummary>; lastModified: Date } | null> {
  const [row] = await sql.query<
    ResearcherRow & { alt_position: string | null; email: string | null; show_email: boolean; scopus_id: string | null; researcher_id_wos: string | null; biography: string | null; research_interests: string[]; units: string[]; updated_at: Date }
  >(
    `SELECT ${RESEARCHER_COLUMNS}, r.alt_position, r.email, r.show_email, r.scopus_id, r.researcher_id_wos, r.biography, r.research_interests, r.updated_at,
            ARRAY(SELECT u.slug FROM researcher_unit ru JOIN unit u ON u.id = ru.unit_id WHERE ru.researcher_id = r.id ORDER BY u.slug) AS units
     FROM researcher r WHERE r.slug = $1`,
    [slug],
  );
  if (!row) return null;
  const publications = await listPublications(sql, row.id, query);
  const researcher: TResearcher = {
    ...toResearcherSummary(row),
    altPosition: row.alt_position,
    email: row.show_email ? row.email : null,
    scopusId: row.scopus_id,
    researcherIdWos: row.researcher_id_wos,
    biography: row.biography,
    researchInterests: row.research_interests ?? [],
    units: row.units ?? [],
    updatedAt: iso(row.updated_at)!,
    publications: { data: publications.data, links: { self: `/api/v1/researchers/${row.slug}`, next: null } },
  };
  return { researcher, publications, lastModified: new Date(row.updated_at) };
}

type UnitRow = { id: number; slug: string; name: string; alt_name: string | null; parent_id: number | null };
type TreeNode = { slug: string; name: string; altName: string | null; children: TreeNode[] };

/** GET /api/v1/units – the whole unit tree (small: read at once, not paginated). */
export async function getUnitTree(sql: Sql): Promise<{ roots: TreeNode[]; lastModified: Date | null }> {
  const rows = await sql.query<UnitRow & { updated_at: Date }>(
    `SELECT id, slug, name, alt_name, parent_id, updated_at FROM unit ORDER BY position, name, id`,
  );
  const nodes = new Map<number, TreeNode>(rows.map((r) => [r.id, { slug: r.slug, name: r.name, altName: r.alt_name, children: [] }]));
  const roots: TreeNode[] = [];
  for (const r of rows) {
    const parent = r.parent_id === null ? undefined : nodes.get(r.parent_id);
    (parent ? parent.children : roots).push(nodes.get(r.id)!);
  }
  const latest = rows.reduce<Date | null>((max, r) => (max === null || new Date(r.updated_at) > max ? new Date(r.updated_at) : max), null);
  return { roots, lastModified: latest };
}

/** GET /api/v1/units/{slug} */
export async function getUnit(sql: Sql, slug: string): Promise<{ unit: TUnit; lastModified: Date } | null> {
  const [row] = await sql.query<
    UnitRow & { handle: string | null; alt_lang: string | null; description: string | null; parent: string | null; updated_at: Date }
  >(
    `SELECT u.id, u.slug, u.handle, u.name, u.alt_name, u.alt_lang, u.description, u.parent_id, u.updated_at,
            (SELECT p.slug FROM unit p WHERE p.id = u.parent_id) AS parent
     FROM unit u WHERE u.slug = $1`,
    [slug],
  );
  if (!row) return null;
  const [children, collections] = await Promise.all([
    sql.query<{ slug: string; name: string; alt_name: string | null }>(`SELECT slug, name, alt_name FROM unit WHERE parent_id = $1 ORDER BY position, name, id`, [row.id]),
    sql.query<{ slug: string; name: string; alt_name: string | null }>(`SELECT slug, name, alt_name FROM collection WHERE unit_id = $1 ORDER BY position, name, id`, [row.id]),
  ]);
  const ref = (r: { slug: string; name: string; alt_name: string | null }) => ({ slug: r.slug, name: r.name, altName: r.alt_name });
  return {
    lastModified: new Date(row.updated_at),
    unit: {
      slug: row.slug,
      handle: row.handle,
      name: row.name,
      altName: row.alt_name,
      altLang: row.alt_lang,
      description: row.description,
      parent: row.parent,
      children: children.map(ref),
      collections: collections.map(ref),
      updatedAt: iso(row.updated_at)!,
      links: { self: `/api/v1/units/${row.slug}`, html: `/units/${row.slug}` },
    },
  };
}

/** GET /api/v1/collections/{slug} – the collection and a page of its published items (owned or mapped), in id order. */
export async function getCollection(sql: Sql, slug: string, query: TPageQuery): Promise<{ collection: TCollection; items: Page<TItemSummary>; lastModified: Date } | null> {
  const [row] = await sql.query<{ id: number; slug: string; handle: string | null; name: string; alt_name: string | null; description: string | null; unit: string; updated_at: Date }>(
    `SELECT c.id, c.slug, c.handle, c.name, c.alt_name, c.description, u.slug AS unit, c.updated_at
     FROM collection c JOIN unit u ON u.id = c.unit_id WHERE c.slug = $1`,
    [slug],
  );
  if (!row) return null;
  const items = await keysetPage(
    `collection:${row.id}`,
    query.cursor,
    query.limit,
    ["number"],
    (after, take) =>
      sql.query<SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM item i
         WHERE i.status = 'PUBLISHED' AND i.id > $2
           AND (i.collection_id = $1 OR i.id IN (SELECT ic.item_id FROM item_collection ic WHERE ic.collection_id = $1))
         ORDER BY i.id LIMIT $3`,
        [row.id, after ? after[0] : 0, take],
      ),
    (r) => [r.id],
    toSummary,
  );
  return {
    lastModified: new Date(row.updated_at),
    items,
    collection: {
      slug: row.slug,
      handle: row.handle,
      name: row.name,
      altName: row.alt_name,
      description: row.description,
      unit: row.unit,
      updatedAt: iso(row.updated_at)!,
      items: { data: items.data, links: { self: `/api/v1/collections/${row.slug}`, next: null } },
      links: { self: `/api/v1/collections/${row.slug}`, html: `/collections/${row.slug}` },
    },
  };
}

/**
 * GET /api/v1/search – the site's search engine. Results are ranked, so they cannot be walked by
 * a key: the cursor carries the next page number (bounded by the engine's MAX_PAGE) and is bound
 * to the query it was issued for.
 */
export async function searchApi(sql: Sql, query: TSearchQuery) {
  const { cursor, limit, ...rest } = query;
  const fingerprint = crypto.createHash("sha256").update(JSON.stringify(rest)).digest("base64url").slice(0, 12);
  const list = `search:${fingerprint}:${limit}`;
  const page = cursor === undefined ? 1 : Number(decodeCursor(list, cursor, ["number"])[0]);
  const raw: Record<string, string | undefined> = { ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v === undefined ? undefined : String(v)])), page: String(page), size: String(limit) };
  const params = parseSearchParams(raw);
  const result = await searchItems(sql, params);
  const more = page < MAX_PAGE && page * limit < result.total && result.hits.length === limit;
  return {
    total: result.total,
    estimated: result.estimated,
    data: result.hits.map((h) => ({
      id: h.id,
      handle: h.handle,
      type: h.type as TItemSummary["type"],
      title: h.title,
      issueDate: h.issueDate,
      authors: h.authors,
      hasOpenFile: h.hasOpenFile,
      links: { self: `/api/v1/handle/${h.handle}`, html: `/handle/${h.handle}` },
    })),
    facets: result.facets,
    nextCursor: more ? encodeCursor(list, [page + 1]) : null,
  };
}
