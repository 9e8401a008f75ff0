// Everything the public item page shows, read in one cached call per handle.
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "../cache";
import { getPrisma, isBuildPhase } from "../db";
import { isHandle } from "./handle";
import { decideFileAccess, nextAccessChange, type AccessDecision } from "../files/access";


async function findItem(handle: string) {
  const prisma = await getPrisma();
  return prisma.item.findUnique({
    where: { handle },
    include: {
      contributors: {
        orderBy: { position: "asc" },
        include: {
          researcher: {
            select: {
              slug: true,
              displayName: true,
              position: true,
              altPosition: true,
              photoKey: true,
              primaryUnitId: true,
            },
          },
        },
      },
      files: { orderBy: { position: "asc" } },
      metrics: { orderBy: { source: "asc" } },
      collection: { select: { id: true, slug: true, name: true, altName: true, altLang: true, unitId: true } },
      mappedCollections: {
        include: { collection: { select: { id: true, slug: true, name: true, altName: true, altLang: true, unitId: true } } },
      },
    },
  });
}

type FoundItem = NonNullable<Awaited<ReturnType<typeof findItem>>>;

/** The item with each file's public access resolved at the time the page was rendered. */
export type ItemPageRecord = Omit<FoundItem, "files"> & {
  files: (FoundItem["files"][number] & { isOpen: boolean; accessState: AccessDecision })[];
};

/**
 * The item with this handle as the public may see it: null when unknown or a draft/in review.
 * Withdrawn items are returned (their page is a tombstone).
 */
export async function getPublicItem(handle: string): Promise<ItemPageRecord | null> {
  "use cache";
  cacheTag(cacheTags.item(handle), cacheTags.units);
  cacheLife("max");
  if (isBuildPhase() || !isHandle(handle)) return null;
  const item = await findItem(handle);
  if (!item || (item.status !== "PUBLISHED" && item.status !== "WITHDRAWN")) return null;
  const now = new Date();
  // A cached page must not show a file as embargoed after its embargo ends.
  const change = nextAccessChange(item.files, item, now);
  if (change) {
    const seconds = Math.min(86_400, Math.max(60, Math.ceil((change.getTime() - now.getTime()) / 1000)));
    cacheLife({ stale: 60, revalidate: seconds, expire: seconds + 60 });
  }
  return {
    ...item,
    files: item.files.map((f) => {
      const accessState = decideFileAccess(f, item, now, null);
      return { ...f, accessState, isOpen: accessState.kind === "open" };
    }),
  };
}

export type ItemUsageTotals = { views: number; downloads: number };

/** All-time views and downloads of an item, from the daily rollups (refreshed hourly in pages). */
export async function getItemUsageTotals(itemId: number): Promise<ItemUsageTotals> {
  "use cache";
  cacheLife("hours");
  if (isBuildPhase()) return { views: 0, downloads: 0 };
  const prisma = await getPrisma();
  const sum = await prisma.usageDaily.aggregate({
    where: { scope: "ITEM", scopeId: itemId },
    _sum: { views: true, downloads: true },
  });
  return { views: sum._sum.views ?? 0, downloads: sum._sum.downloads ?? 0 };
}

/** The handle of a public (published or withdrawn) item, for /items/{id} redirects. */
export async function getPublicItemHandle(id: number): Promise<string | null> {
  "use cache";
  cacheTag(cacheTags.site);
  cacheLife("max");
  if (isBuildPhase() || !Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
  const prisma = await getPrisma();
  const item = await prisma.item.findUnique({ where: { id }, select: { handle: true, status: true } });
  return item && (item.status === "PUBLISHED" || item.status === "WITHDRAWN") ? item.handle : null;
}
