// Unit and collection pages: what lies below a unit (recent items, researchers, usage) and a
// collection's items, filtered, sorted and paged like a researcher's publication list.
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "../cache";
import { getPrisma, getSql, isBuildPhase } from "../db";
import type { Lang } from "../i18n/config";
import { listItemPage, type PublicationPage, type PublicationQuery } from "../researchers/publications";
import { summarySelect, toSummary, type ItemSummary } from "../site/overview";
import { getUnitTree, type UnitNode } from "./tree";

const SLUG = /^[a-z0-9][a-z0-9-]{0,149}$/;

export function subtreeIds(node: UnitNode): number[] {
  return [node.id, ...node.children.flatMap(subtreeIds)];
}

export type UnitPageData = {
  unit: UnitNode;
  researchers: { slug: string; displayName: string; position: string | null; altPosition: string | null; hasPhoto: boolean }[];
  recent: ItemSummary[];
  usage: { views: number; downloads: number };
  description: { description: string | null; altDescription: string | null };
};

export async function getUnitPage(slug: string): Promise<UnitPageData | null> {
  "use cache";
  cacheTag(cacheTags.units, cacheTags.site);
  cacheLife("hours");
  if (isBuildPhase() || !SLUG.test(slug)) return null;
  const tree = await getUnitTree();
  const unit = [...tree.byId.values()].find((u) => u.slug === slug);
  if (!unit) return null;
  const ids = subtreeIds(unit);
  const prisma = await getPrisma();
  const sql = await getSql();
  const [record, researchers, recent, usage] = await Promise.all([
    prisma.unit.findUnique({ where: { id: unit.id }, select: { description: true, altDescription: true } }),
    prisma.researcher.findMany({
      where: { OR: [{ primaryUnitId: { in: ids } }, { units: { some: { unitId: { in: ids } } } }] },
      orderBy: { displayName: "asc" },
      take: 200,
      select: { slug: true, displayName: true, position: true, altPosition: true, photoKey: true },
    }),
    prisma.item.findMany({
      where: { status: "PUBLISHED", collection: { unitId: { in: ids } } },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: 8,
      select: summarySelect,
    }),
    sql.query<{ views: string | null; downloads: string | null }>(
      `SELECT sum(views) AS views, sum(downloads) AS downloads FROM usage_daily WHERE scope = 'UNIT' AND scope_id = $1`,
      [unit.id],
    ),
  ]);
  return {
    unit,
    researchers: researchers.map(({ photoKey, ...r }) => ({ ...r, hasPhoto: photoKey !== null })),
    recent: recent.map(toSummary),
    usage: { views: Number(usage[0]?.views ?? 0), downloads: Number(usage[0]?.downloads ?? 0) },
    description: record ?? { description: null, altDescription: null },
  };
}

export type CollectionRecord = {
  id: number;
  slug: string;
  name: string;
  altName: string | null;
  altLang: string | null;
  description: string | null;
  altDescription: string | null;
  unitId: number;
  /** Published items, owned or mapped. */
  total: number;
};

/** A collection's record and how many published items it holds (owned or mapped). */
export async function getCollection(slug: string): Promise<CollectionRecord | null> {
  "use cache";
  cacheTag(cacheTags.units, cacheTags.site);
  cacheLife("hours");
  if (isBuildPhase() || !SLUG.test(slug)) return null;
  const sql = await getSql();
  const [row] = await sql.query<Omit<CollectionRecord, "total"> & { total: number }>(
    `SELECT c.id, c.slug, c.name, c.alt_name AS "altName", c.alt_lang AS "altLang", c.description, c.alt_description AS "altDescription",
            c.unit_id AS "unitId",
            -- owned, then mapped and owned elsewhere: two index lookups (an OR would scan every item)
            (SELECT count(*)::int FROM item i WHERE i.collection_id = c.id AND i.status = 'PUBLISHED')
            + (SELECT count(*)::int FROM item_collection ic JOIN item i ON i.id = ic.item_id
                WHERE ic.collection_id = c.id AND i.collection_id <> c.id AND i.status = 'PUBLISHED') AS total
       FROM collection c WHERE c.slug = $1`,
    [slug],
  );
  return row ? { ...row, total: Number(row.total) } : null;
}

/** One page of a collection's items in the state the URL asks for (filters, order, page). */
export async function getCollectionItems(collectionId: number, query: PublicationQuery, lang: Lang): Promise<PublicationPage> {
  "use cache";
  cacheTag(cacheTags.units, cacheTags.site);
  cacheLife("hours");
  if (isBuildPhase()) return { entries: [], total: 0, page: 1, pages: 1, types: [], years: [] };
  return listItemPage(await getSql(), { collectionId }, query, lang);
}
