// What OAI-PMH reads from the database: the records harvesters may see, the set hierarchy, and
// pages of records in keyset order (datestamp, id) — never OFFSET, so page 1,000 of a 100,000-item
// harvest costs what page 1 costs (it walks the item_oai_datestamp_expr_idx index). A record's
// datestamp is the later of its item's last change and the last opening of one of its files when an
// embargo ended (./embargo.ts).
//
// A record is exposed once its item has been public: published items carry metadata; items that
// were public and are withdrawn (or taken back to draft) stay as deleted records for good
// (deletedRecord = persistent). Drafts and items in review that were never public do not exist here.
import type { Sql } from "../db/connection";
import type { ContributorRole, FileAccess, ItemStatus, ItemType } from "../generated/prisma/enums";
import { DATESTAMP } from "./embargo";

const EXPOSED = `(i.status = 'PUBLISHED' OR i.published_at IS NOT NULL)`;

export type UnitNode = { id: number; slug: string; parentId: number | null; name: string; altName: string | null; altLang: string | null; description: string | null };
export type CollectionNode = { id: number; slug: string; unitId: number; name: string; altName: string | null; altLang: string | null; description: string | null };

export type SetTree = {
  units: UnitNode[];
  collections: CollectionNode[];
  /** setSpec of each unit ("unit:institute:division:group"). */
  unitSpec: Map<number, string>;
  collectionSpec: Map<number, string>;
};

export type OaiSet = { spec: string; name: string; altName: string | null; altLang: string | null; description: string | null };

/** A setSpec segment: the characters the protocol allows, anything else replaced by "-". */
export function setSpecSegment(slug: string): string {
  return slug.replace(/[^A-Za-z0-9\-_.!~*'()]/g, "-");
}

export async function loadSetTree(sql: Sql): Promise<SetTree> {
  const [units, collections] = await Promise.all([
    sql.query<UnitNode>(
      `SELECT id, slug, parent_id AS "parentId", name, alt_name AS "altName", alt_lang AS "altLang", description
       FROM unit ORDER BY position, id`,
    ),
    sql.query<CollectionNode>(
      `SELECT id, slug, unit_id AS "unitId", name, alt_name AS "altName", alt_lang AS "altLang", description
       FROM collection ORDER BY unit_id, position, id`,
    ),
  ]);
  const byId = new Map(units.map((u) => [u.id, u]));
  const unitSpec = new Map<number, string>();
  const specOf = (unit: UnitNode, seen = new Set<number>()): string => {
    const known = unitSpec.get(unit.id);
    if (known) return known;
    const parent = unit.parentId === null ? undefined : byId.get(unit.parentId);
    // A cycle cannot be stored through the application, but must not hang the endpoint either.
    const base = parent && !seen.has(parent.id) ? specOf(parent, seen.add(unit.id)) : "unit";
    const spec = `${base}:${setSpecSegment(unit.slug)}`;
    unitSpec.set(unit.id, spec);
    return spec;
  };
  for (const u of units) specOf(u);
  const collectionSpec = new Map(collections.map((c) => [c.id, `col_${setSpecSegment(c.slug)}`]));
  return { units, collections, unitSpec, collectionSpec };
}

/** Every set, parents before children: "unit", the unit tree depth-first, then the collections. */
export function listSets(tree: SetTree): OaiSet[] {
  if (tree.units.length === 0) return [];
  const sets: OaiSet[] = [{ spec: "unit", name: "Organisational units", altName: null, altLang: null, description: null }];
  const children = new Map<number | null, UnitNode[]>();
  for (const u of tree.units) {
    const key = u.parentId !== null && tree.unitSpec.get(u.parentId) !== undefined ? u.parentId : null;
    children.set(key, [...(children.get(key) ?? []), u]);
  }
  const walk = (parentId: number | null) => {
    for (const u of children.get(parentId) ?? []) {
      sets.push({ spec: tree.unitSpec.get(u.id)!, name: u.name, altName: u.altName, altLang: u.altLang, description: u.description });
      walk(u.id);
    }
  };
  walk(null);
  const unitName = new Map(tree.units.map((u) => [u.id, u]));
  for (const c of tree.collections) {
    const unit = unitName.get(c.unitId);
    sets.push({
      spec: tree.collectionSpec.get(c.id)!,
      name: unit ? `${unit.name} › ${c.name}` : c.name,
      altName: c.altName && unit ? `${unit.altName ?? unit.name} › ${c.altName}` : c.altName,
      altLang: c.altLang,
      description: c.description,
    });
  }
  return sets;
}

/** The collections whose items form the set, or null when no such set exists. */
export function collectionsInSet(tree: SetTree, spec: string): number[] | null {
  if (spec === "unit") return tree.collections.map((c) => c.id);
  if (spec.startsWith("unit:")) {
    const units = [...tree.unitSpec].filter(([, s]) => s === spec || s.startsWith(`${spec}:`)).map(([id]) => id);
    if (units.length === 0) return null;
    const inUnits = new Set(units);
    return tree.collections.filter((c) => inUnits.has(c.unitId)).map((c) => c.id);
  }
  const collection = [...tree.collectionSpec].find(([, s]) => s === spec);
  return collection ? [collection[0]] : null;
}

/** The sets a record belongs to: each of its collections and that collection's unit. */
export function recordSetSpecs(tree: SetTree, collectionIds: number[]): string[] {
  const specs: string[] = [];
  const unitOf = new Map(tree.collections.map((c) => [c.id, c.unitId]));
  for (const id of collectionIds) {
    const unitId = unitOf.get(id);
    const unitSpec = unitId === undefined ? undefined : tree.unitSpec.get(unitId);
    if (unitSpec && !specs.includes(unitSpec)) specs.push(unitSpec);
  }
  for (const id of collectionIds) {
    const spec = tree.collectionSpec.get(id);
    if (spec && !specs.includes(spec)) specs.push(spec);
  }
  return specs;
}

export type ListFilter = {
  /** Inclusive lower bound on the datestamp. */
  from?: Date;
  /** Exclusive upper bound on the datestamp. */
  until?: Date;
  /** Records changed after this instant are not part of the list. */
  snapshot: Date;
  /** Only items owned by or mapped into these collections. */
  collections?: number[];
};

export type RecordKey = { id: number; datestamp: Date };

function whereClause(filter: ListFilter, params: unknown[]): string {
  const parts = [EXPOSED];
  const add = (value: unknown) => `$${params.push(value)}`;
  if (filter.from) parts.push(`${DATESTAMP} >= ${add(filter.from)}`);
  if (filter.until) parts.push(`${DATESTAMP} < ${add(filter.until)}`);
  parts.push(`${DATESTAMP} <= ${add(filter.snapshot)}`);
  if (filter.collections) {
    const cols = add(filter.collections);
    parts.push(
      `(i.collection_id = ANY(${cols}::int[]) OR EXISTS (SELECT 1 FROM item_collection ic WHERE ic.item_id = i.id AND ic.collection_id = ANY(${cols}::int[])))`,
    );
  }
  return parts.join(" AND ");
}

export async function countRecords(sql: Sql, filter: ListFilter): Promise<number> {
  const params: unknown[] = [];
  const [row] = await sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM item i WHERE ${whereClause(filter, params)}`, params);
  return Number(row.n);
}

/** Up to `limit` record keys after the keyset position, in (datestamp, id) order. */
export async function listRecordKeys(sql: Sql, filter: ListFilter, after: { time: Date; id: number } | null, limit: number): Promise<RecordKey[]> {
  const params: unknown[] = [];
  let where = whereClause(filter, params);
  if (after) where += ` AND (${DATESTAMP}, i.id) > ($${params.push(after.time)}, $${params.push(after.id)})`;
  return sql.query<RecordKey>(
    `SELECT i.id, ${DATESTAMP} AS datestamp FROM item i WHERE ${where} ORDER BY ${DATESTAMP}, i.id LIMIT $${params.push(limit)}`,
    params,
  );
}

export type OaiContributor = { name: string; role: ContributorRole; position: number; affiliation: string | null; orcid: string | null };
export type OaiFile = { id: number; fileName: string; mimeType: string; size: number; access: FileAccess; embargoUntil: Date | null };

export type OaiRecord = {
  id: number;
  handle: string;
  uri: string | null;
  type: ItemType;
  status: ItemStatus;
  title: string;
  alternativeTitle: string | null;
  alternativeTitleLang: string | null;
  issueDate: string | null;
  publisher: string | null;
  citation: string | null;
  journalTitle: string | null;
  bookTitle: string | null;
  conferenceName: string | null;
  conferencePlace: string | null;
  placeOfPublication: string | null;
  edition: string | null;
  volume: string | null;
  number: string | null;
  startPage: string | null;
  endPage: string | null;
  pageCount: number | null;
  issn: string | null;
  eissn: string | null;
  isbn: string | null;
  doi: string | null;
  degree: string | null;
  reportNumber: string | null;
  patentNumber: string | null;
  abstract: string | null;
  altAbstract: string | null;
  altAbstractLang: string | null;
  keywords: string[];
  subjects: string[];
  language: string | null;
  license: string | null;
  rights: string | null;
  embargoUntil: Date | null;
  /** The later of the item's last change and the last opening of one of its files. */
  datestamp: Date;
  contributors: OaiContributor[];
  files: OaiFile[];
  /** Owning collection first, then the collections it is mapped into. */
  collectionIds: number[];
};

const RECORD_SELECT = `
  SELECT i.id, i.handle, i.uri, i.type::text AS type, i.status::text AS status, i.title,
    i.alternative_title AS "alternativeTitle", i.alternative_title_lang AS "alternativeTitleLang",
    i.issue_date AS "issueDate", i.publisher, i.citation, i.journal_title AS "journalTitle", i.book_title AS "bookTitle",
    i.conference_name AS "conferenceName", i.conference_place AS "conferencePlace",
    i.place_of_publication AS "placeOfPublication", i.edition, i.volume, i.number,
    i.start_page AS "startPage", i.end_page AS "endPage", i.page_count AS "pageCount",
    i.issn, i.eissn, i.isbn, i.doi, i.degree, i.report_number AS "reportNumber", i.patent_number AS "patentNumber",
    i.abstract, i.alt_abstract AS "altAbstract", i.alt_abstract_lang AS "altAbstractLang", i.keywords, i.subjects,
    i.language, i.license, i.rights, i.embargo_until::text AS "embargoUntil", ${DATESTAMP} AS datestamp,
    coalesce((SELECT json_agg(json_build_object('name', c.name, 'role', c.role, 'position', c.position,
        'affiliation', c.affiliation, 'orcid', c.orcid) ORDER BY c.position)
      FROM contributor c WHERE c.item_id = i.id), '[]'::json) AS contributors,
    coalesce((SELECT json_agg(json_build_object('id', f.id, 'fileName', f.file_name, 'mimeType', f.mime_type,
        'size', f.size, 'access', f.access, 'embargoUntil', f.embargo_until) ORDER BY f.position, f.id)
      FROM file f WHERE f.item_id = i.id), '[]'::json) AS files,
    array_prepend(i.collection_id, array(SELECT ic.collection_id FROM item_collection ic
      WHERE ic.item_id = i.id AND ic.collection_id <> i.collection_id ORDER BY ic.collection_id)) AS "collectionIds"
  FROM item i`;

type RawRecord = Omit<OaiRecord, "files" | "embargoUntil"> & {
  embargoUntil: string | null;
  files: (Omit<OaiFile, "embargoUntil"> & { embargoUntil: string | null })[];
};

/** Embargo dates are calendar days; read as text so that the server's time zone plays no part. */
const day = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);

function toRecord(raw: RawRecord): OaiRecord {
  return {
    ...raw,
    embargoUntil: day(raw.embargoUntil),
    files: raw.files.map((f) => ({ ...f, size: Number(f.size), embargoUntil: day(f.embargoUntil) })),
  };
}

/** Full records for the keys, in the keys' order. */
export async function loadRecords(sql: Sql, ids: number[]): Promise<OaiRecord[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<RawRecord>(`${RECORD_SELECT} WHERE i.id = ANY($1::int[])`, [ids]);
  const byId = new Map(rows.map((r) => [r.id, toRecord(r)]));
  return ids.map((id) => byId.get(id)).filter((r): r is OaiRecord => r !== undefined);
}

/** One exposed record by handle, or null when harvesters may not see it. */
export async function findRecordByHandle(sql: Sql, handle: string): Promise<OaiRecord | null> {
  const [row] = await sql.query<RawRecord>(`${RECORD_SELECT} WHERE i.handle = $1 AND ${EXPOSED}`, [handle]);
  return row ? toRecord(row) : null;
}

/** The oldest datestamp of any exposed record (the start of the repository's history). */
export async function earliestDatestamp(sql: Sql): Promise<Date | null> {
  const [row] = await sql.query<{ t: Date | null }>(
    `SELECT ${DATESTAMP} AS t FROM item i WHERE ${EXPOSED} ORDER BY ${DATESTAMP}, i.id LIMIT 1`,
  );
  return row?.t ?? null;
}

/** Repository name and administrator address from the site settings, when an administrator set them. */
export async function loadSiteSettings(sql: Sql): Promise<{ siteName?: string; adminEmail?: string }> {
  const rows = await sql.query<{ key: string; value: unknown }>(
    `SELECT key, value FROM site_setting WHERE key IN ('siteName', 'adminEmail', 'contactEmail')`,
  );
  const get = (key: string) => {
    const v = rows.find((r) => r.key === key)?.value;
    return typeof v === "string" && v.trim() ? v.trim() : undefined;
  };
  return { siteName: get("siteName"), adminEmail: get("adminEmail") ?? get("contactEmail") };
}
