// Everything the public item page shows, read in one cached call per handle.
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "../cache";
import { getPrisma, getSql, isBuildPhase } from "../db";
import { notFound } from "next/navigation";
import { isLang, type Lang } from "../i18n/config";
import { handleFromSegments, isHandle } from "./handle";
import { decideFileAccess, nextAccessChange, type AccessDecision } from "../files/access";
import { getUsageStatistics } from "../stats/query";


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

export type MonthlyUsage = { month: string; views: number; downloads: number };
export type ItemUsage = { views: number; downloads: number; months: MonthlyUsage[]; fileDownloads: Record<number, number> };

/** The last twelve calendar months (UTC), oldest first, as "YYYY-MM". */
export function lastTwelveMonths(now: Date): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

/**
 * How long the item page may show usage figures: the page is rendered again in the background a
 * minute after the last rendering, and never served from a rendering more than five minutes old.
 * (Five minutes is as short as a cached page may go: a shorter expiry would make Next.js leave
 * the figures out of the cached page and render them on every request.)
 */
export const ITEM_USAGE_CACHE = { stale: 60, revalidate: 60, expire: 300 } as const;

/**
 * All-time views and downloads of an item, its last twelve months (UTC) and each file's downloads:
 * the figures of the statistics API (lib/stats/query.ts), read by the same function.
 */
export async function getItemUsage(itemId: number, fileIds: number[]): Promise<ItemUsage> {
  "use cache";
  cacheLife(ITEM_USAGE_CACHE);
  const months = lastTwelveMonths(new Date());
  if (isBuildPhase()) return { views: 0, downloads: 0, months: months.map((month) => ({ month, views: 0, downloads: 0 })), fileDownloads: {} };
  const sql = await getSql();
  const ref = { kind: "ITEM", id: itemId } as const;
  const today = new Date().toISOString().slice(0, 10);
  const [year, allTime, files] = await Promise.all([
    getUsageStatistics(sql, "", ref, { from: `${months[0]}-01`, to: today, granularity: "month", tz: "UTC" }),
    getUsageStatistics(sql, "", ref, { from: null, to: today, granularity: "month", tz: "UTC" }),
    fileIds.length
      ? sql.query<{ id: number; downloads: string }>(
          `SELECT scope_id AS id, sum(downloads) AS downloads FROM usage_daily WHERE scope = 'FILE' AND scope_id = ANY($1::int[]) GROUP BY scope_id`,
          [fileIds],
        )
      : Promise.resolve([]),
  ]);
  const byMonth = new Map(year.series.map((s) => [s.period.slice(0, 7), s]));
  return {
    fileDownloads: Object.fromEntries(files.map((f) => [f.id, Number(f.downloads)])),
    views: allTime.totals.views,
    downloads: allTime.totals.downloads,
    months: months.map((month) => ({
      month,
      views: byMonth.get(month)?.views ?? 0,
      downloads: byMonth.get(month)?.downloads ?? 0,
    })),
  };
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

/**
 * The route parameters of an item page, resolved: the interface language (a placeholder language
 * from the build answers 404), the handle and the public item, if any.
 */
export async function loadItemRoute(params: Promise<{ lang: string; prefix: string; n: string }>): Promise<{ lang: Lang; handle: string; item: ItemPageRecord | null }> {
  const { lang, prefix, n } = await params;
  if (!isLang(lang)) notFound();
  const handle = handleFromSegments(prefix, n) ?? "";
  return { lang, handle, item: handle ? await getPublicItem(handle) : null };
}
