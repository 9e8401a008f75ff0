// Unit and collection pages: what lies below a unit (recent items, researchers, usage) and a
// collection's items, page by page.
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "../cache";
import { getPrisma, getSql, isBuildPhase } from "../db";
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

export const COLLECTION_PAGE_SIZE = 20;

export type CollectionPageData = {
  collection: { id: number; slug: string; name: string; altName: string | null; altLang: string | null; description: string | null; altDescription: string | null; unitId: number };
  total: number;
  items: ItemSummary[];
};

/** A collection with one page of its published items (owned or mapped), newest first. */
export async function getCollectionPage(slug: string, page: number): Promise<CollectionPageData | null> {
  "use cache";
  cacheTag(cacheTags.units, cacheTags.site);
  cacheLife("hours");
  if (isBuildPhase() || !SLUG.test(slug) || !Number.isSafeInteger(page) || page < 1) return null;
  const prisma = await getPrisma();
  const collection = await prisma.collection.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, altName: true, altLang: true, description: true, altDescription: true, unitId: true },
  });
  if (!collection) return null;
  const where = {
    status: "PUBLISHED" as const,
    OR: [{ collectionId: collection.id }, { mappedCollections: { some: { collectionId: collection.id } } }],
  };
  const [total, items] = await Promise.all([
    prisma.item.count({ where }),
    prisma.item.findMany({
      where,
      orderBy: [{ issueYear: { sort: "desc", nulls: "last" } }, { publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * COLLECTION_PAGE_SIZE,
      take: COLLECTION_PAGE_SIZE,
      select: summarySelect,
    }),
  ]);
  return { collection, total, items: items.map(toSummary) };
}
