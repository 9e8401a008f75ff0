// The unit tree with its collections. Small (hundreds of rows at most), read whole and cached.
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "../cache";
import { getPrisma, getSql, isBuildPhase } from "../db";

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
  /** Researchers whose primary or other unit is this one or one below it, each counted once. */
  researcherCount: number;
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
  // Researchers per unit and everything below it, each once: a person in two groups of one
  // division counts once for the division.
  const sql = await getSql();
  const people = await sql.query<{ unit_id: number; n: number }>(
    `WITH RECURSIVE below (root, id) AS (
       SELECT id, id FROM unit
       UNION -- not ALL: a cycle in the data ends instead of looping
       SELECT b.root, u.id FROM below b JOIN unit u ON u.parent_id = b.id
     ),
     member (unit_id, researcher_id) AS (
       SELECT primary_unit_id, id FROM researcher WHERE primary_unit_id IS NOT NULL
       UNION
       SELECT unit_id, researcher_id FROM researcher_unit
     )
     SELECT b.root AS unit_id, count(DISTINCT m.researcher_id)::int AS n FROM below b JOIN member m ON m.unit_id = b.id GROUP BY b.root`,
  );
  const researcherCount = new Map(people.map((p) => [p.unit_id, Number(p.n)]));
  return units.map(({ collections, ...unit }) => ({
    ...unit,
    researcherCount: researcherCount.get(unit.id) ?? 0,
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
