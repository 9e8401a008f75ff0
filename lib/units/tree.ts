// The unit tree with its collections. Small (hundreds of rows at most), read whole and cached.
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "../cache";
import { getPrisma, isBuildPhase } from "../db";

export type UnitNode = {
  id: number;
  slug: string;
  name: string;
  altName: string | null;
  altLang: string | null;
  parentId: number | null;
  collections: { id: number; slug: string; name: string; altName: string | null; altLang: string | null; itemCount: number }[];
  children: UnitNode[];
  /** Published items in this unit's collections and below. */
  itemCount: number;
};

export type UnitTree = { roots: UnitNode[]; byId: Map<number, UnitNode> };

type FlatUnit = Omit<UnitNode, "children" | "itemCount">;

async function listUnitsWithCollections(): Promise<FlatUnit[]> {
  "use cache";
  cacheTag(cacheTags.units, cacheTags.site);
  cacheLife("max");
  if (isBuildPhase()) return [];
  const prisma = await getPrisma();
  const units = await prisma.unit.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      altName: true,
      altLang: true,
      parentId: true,
      collections: {
        orderBy: [{ position: "asc" }, { name: "asc" }],
        select: {
          id: true,
          slug: true,
          name: true,
          altName: true,
          altLang: true,
          _count: { select: { ownedItems: { where: { status: "PUBLISHED" } } } },
        },
      },
    },
  });
  return units.map(({ collections, ...unit }) => ({
    ...unit,
    collections: collections.map(({ _count, ...c }) => ({ ...c, itemCount: _count.ownedItems })),
  }));
}

export function buildUnitTree(flat: FlatUnit[]): UnitTree {
  const byId = new Map<number, UnitNode>(flat.map((u) => [u.id, { ...u, children: [], itemCount: 0 }]));
  const roots: UnitNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const total = (node: UnitNode): number =>
    (node.itemCount =
      node.collections.reduce((sum, c) => sum + c.itemCount, 0) + node.children.reduce((sum, c) => sum + total(c), 0));
  roots.forEach(total);
  return { roots, byId };
}

export async function getUnitTree(): Promise<UnitTree> {
  return buildUnitTree(await listUnitsWithCollections());
}

/** The unit and its ancestors, root first. */
export function unitPath(tree: UnitTree, unitId: number): UnitNode[] {
  const path: UnitNode[] = [];
  for (let node = tree.byId.get(unitId); node; node = node.parentId === null ? undefined : tree.byId.get(node.parentId)) {
    path.unshift(node);
    if (path.length > 64) break; // a cycle would be a data error; never loop forever
  }
  return path;
}
