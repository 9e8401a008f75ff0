// Sitemaps for crawlers (sitemaps.org 0.9): /sitemap.xml is an index over one file per kind of page
// and per block of ids, each file at most 50,000 URLs. Items are cut by id ranges (ids 1–50,000 in
// items-1.xml, …), so an item stays in the same file for good and withdrawing one never shifts the
// others; a file can hold fewer than 50,000 URLs, never more.
import { XMLBuilder } from "fast-xml-parser";
import type { Sql } from "../db/connection";
import { canonicalItemUrl } from "../export/csl";

export const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
/** The protocol's limit of URLs per sitemap file. */
export const SITEMAP_LIMIT = 50_000;
export const SITEMAP_CONTENT_TYPE = "application/xml; charset=utf-8";

export const SITEMAP_KINDS = ["pages", "items", "researchers", "units", "collections"] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];

/** Language-neutral pages that list and lead to everything else. */
const PAGES = ["/", "/units", "/researchers", "/browse/date", "/browse/author", "/browse/title", "/browse/subject", "/browse/type"];

const TABLES: Record<Exclude<SitemapKind, "pages">, { table: string; where: string; loc: (base: string, key: string) => string; key: string }> = {
  items: { table: "item", where: "status = 'PUBLISHED'", key: "handle", loc: (base, handle) => canonicalItemUrl(handle, { baseUrl: base }) },
  researchers: { table: "researcher", where: "true", key: "slug", loc: (base, slug) => `${base}/researchers/${encodeURIComponent(slug)}` },
  units: { table: "unit", where: "true", key: "slug", loc: (base, slug) => `${base}/units/${encodeURIComponent(slug)}` },
  collections: { table: "collection", where: "true", key: "slug", loc: (base, slug) => `${base}/collections/${encodeURIComponent(slug)}` },
};

export type SitemapFile = { kind: SitemapKind; block: number; name: string; urls: number; lastmod: Date | null };

export function sitemapFileName(kind: SitemapKind, block: number): string {
  return `${kind}-${block}.xml`;
}

/** "items-2.xml" → { kind: "items", block: 2 }, or null for any other name. */
export function parseSitemapFileName(name: string): { kind: SitemapKind; block: number } | null {
  const m = /^([a-z]+)-([1-9]\d{0,6})\.xml$/.exec(name);
  if (!m || !(SITEMAP_KINDS as readonly string[]).includes(m[1])) return null;
  return { kind: m[1] as SitemapKind, block: Number(m[2]) };
}

/** Every sitemap file with its URL count and newest change, in one query. */
export async function listSitemapFiles(sql: Sql, limit = SITEMAP_LIMIT): Promise<SitemapFile[]> {
  const parts = Object.entries(TABLES).map(
    ([kind, t]) =>
      `SELECT '${kind}' AS kind, (id - 1) / $1 + 1 AS block, count(*) AS urls, max(updated_at) AS lastmod FROM ${t.table} WHERE ${t.where} GROUP BY 2`,
  );
  const rows = await sql.query<{ kind: SitemapKind; block: number | string; urls: number | string; lastmod: Date | null }>(
    `${parts.join(" UNION ALL ")} ORDER BY 1, 2`,
    [limit],
  );
  const blocks = rows.map((r) => ({ kind: r.kind, block: Number(r.block), name: sitemapFileName(r.kind, Number(r.block)), urls: Number(r.urls), lastmod: r.lastmod }));
  const items = blocks.filter((b) => b.kind === "items");
  const newest = items.reduce<Date | null>((a, b) => (b.lastmod && (!a || b.lastmod > a) ? b.lastmod : a), null);
  const pages: SitemapFile = { kind: "pages", block: 1, name: sitemapFileName("pages", 1), urls: PAGES.length, lastmod: newest };
  const order = (k: SitemapKind) => SITEMAP_KINDS.indexOf(k);
  return [pages, ...blocks].sort((a, b) => order(a.kind) - order(b.kind) || a.block - b.block);
}

export type SitemapEntry = { loc: string; lastmod: Date | null };

/** The URLs of one sitemap file, or null when no such file exists. */
export async function listSitemapEntries(sql: Sql, siteUrl: string, kind: SitemapKind, block: number, limit = SITEMAP_LIMIT): Promise<SitemapEntry[] | null> {
  if (kind === "pages") {
    if (block !== 1) return null;
    const [row] = await sql.query<{ lastmod: Date | null }>(`SELECT max(updated_at) AS lastmod FROM item WHERE status = 'PUBLISHED'`);
    return PAGES.map((p) => ({ loc: `${siteUrl}${p === "/" ? "/" : p}`, lastmod: row?.lastmod ?? null }));
  }
  const t = TABLES[kind];
  const rows = await sql.query<{ key: string; lastmod: Date }>(
    `SELECT ${t.key} AS key, updated_at AS lastmod FROM ${t.table} WHERE ${t.where} AND id > $1 AND id <= $2 ORDER BY id`,
    [(block - 1) * limit, block * limit],
  );
  if (rows.length === 0) return null;
  return rows.map((r) => ({ loc: t.loc(siteUrl, r.key), lastmod: r.lastmod }));
}

/** W3C datetime to the second, as sitemaps.org asks for lastmod. */
const w3c = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", processEntities: true, suppressEmptyNode: true });
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function sitemapIndexXml(siteUrl: string, files: SitemapFile[]): string {
  const sitemap = files.map((f) => ({ loc: `${siteUrl}/sitemaps/${f.name}`, ...(f.lastmod ? { lastmod: w3c(f.lastmod) } : {}) }));
  return DECLARATION + builder.build({ sitemapindex: { "@_xmlns": SITEMAP_NS, sitemap } });
}

export function urlsetXml(entries: SitemapEntry[]): string {
  const url = entries.map((e) => ({ loc: e.loc, ...(e.lastmod ? { lastmod: w3c(e.lastmod) } : {}) }));
  return DECLARATION + builder.build({ urlset: { "@_xmlns": SITEMAP_NS, url } });
}
