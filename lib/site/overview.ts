// The home page's figures: site totals, recent additions and the most viewed items.
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "../cache";
import { getPrisma, getSql } from "../db";

export type SiteTotals = {
  items: number;
  researchers: number;
  units: number;
  files: number;
  viewsYear: number;
  downloadsYear: number;
};

export async function getSiteTotals(): Promise<SiteTotals> {
  "use cache";
  cacheTag(cacheTags.site);
  cacheLife("hours");
  const sql = await getSql();
  const [row] = await sql.query<Record<keyof SiteTotals, string | number>>(`
    SELECT (SELECT count(*) FROM item WHERE status = 'PUBLISHED') AS items,
           (SELECT count(*) FROM researcher) AS researchers,
           (SELECT count(*) FROM unit) AS units,
           (SELECT count(*) FROM file f JOIN item i ON i.id = f.item_id WHERE i.status = 'PUBLISHED') AS files,
           (SELECT coalesce(sum(views), 0) FROM usage_daily WHERE scope = 'SITE' AND day > current_date - 365) AS "viewsYear",
           (SELECT coalesce(sum(downloads), 0) FROM usage_daily WHERE scope = 'SITE' AND day > current_date - 365) AS "downloadsYear"`);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as SiteTotals;
}

export type ItemSummary = {
  id: number;
  handle: string;
  type: string;
  title: string;
  alternativeTitle: string | null;
  alternativeTitleLang: string | null;
  issueDate: string | null;
  journalTitle: string | null;
  authors: string[];
  authorCount: number;
};

/** The fields of an item that lists show (see toSummary). */
export const summarySelect = {
  id: true,
  handle: true,
  type: true,
  title: true,
  alternativeTitle: true,
  alternativeTitleLang: true,
  issueDate: true,
  journalTitle: true,
  contributors: { orderBy: { position: "asc" }, take: 3, select: { name: true } },
  _count: { select: { contributors: true } },
} as const;

type SummaryRow = {
  contributors: { name: string }[];
  _count: { contributors: number };
} & Omit<ItemSummary, "authors" | "authorCount">;

export function toSummary({ contributors, _count, ...rest }: SummaryRow): ItemSummary {
  return { ...rest, authors: contributors.map((c) => c.name), authorCount: _count.contributors };
}

export async function getRecentItems(limit = 8): Promise<ItemSummary[]> {
  "use cache";
  cacheTag(cacheTags.site);
  cacheLife("max");
  const prisma = await getPrisma();
  const rows = await prisma.item.findMany({
    where: { status: "PUBLISHED" },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: summarySelect,
  });
  return rows.map(toSummary);
}

export type ViewedItem = ItemSummary & { views: number };

export async function getMostViewedItems(limit = 5): Promise<ViewedItem[]> {
  "use cache";
  cacheTag(cacheTags.site);
  cacheLife("hours");
  const sql = await getSql();
  const top = await sql.query<{ id: number; views: string }>(
    `SELECT d.scope_id AS id, sum(d.views) AS views
       FROM usage_daily d JOIN item i ON i.id = d.scope_id AND i.status = 'PUBLISHED'
      WHERE d.scope = 'ITEM' AND d.day > current_date - 365
      GROUP BY d.scope_id ORDER BY views DESC, d.scope_id LIMIT $1`,
    [limit],
  );
  if (top.length === 0) return [];
  const prisma = await getPrisma();
  const rows = await prisma.item.findMany({ where: { id: { in: top.map((t) => t.id) } }, select: summarySelect });
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return top.flatMap((t) => {
    const item = byId.get(t.id);
    return item ? [{ ...item, views: Number(t.views) }] : [];
  });
}
