// The sitemap routes' responses: the index at /sitemap.xml and each file at /sitemaps/{kind}-{n}.xml.
import type { Sql } from "../db/connection";
import { conditionalResponse } from "../feeds/conditional";
import {
  listSitemapEntries,
  listSitemapFiles,
  parseSitemapFileName,
  SITEMAP_CONTENT_TYPE,
  SITEMAP_LIMIT,
  sitemapIndexXml,
  urlsetXml,
} from "./sitemap";

const MAX_AGE = 3600;

const newest = (dates: (Date | null)[]) => dates.reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);

export async function sitemapIndexResponse(request: Request, sql: Sql, siteUrl: string, limit = SITEMAP_LIMIT): Promise<Response> {
  const files = await listSitemapFiles(sql, limit);
  return conditionalResponse(request, {
    body: sitemapIndexXml(siteUrl, files),
    contentType: SITEMAP_CONTENT_TYPE,
    lastModified: newest(files.map((f) => f.lastmod)),
    maxAge: MAX_AGE,
  });
}

export async function sitemapFileResponse(request: Request, sql: Sql, siteUrl: string, name: string, limit = SITEMAP_LIMIT): Promise<Response> {
  const file = parseSitemapFileName(name);
  const entries = file ? await listSitemapEntries(sql, siteUrl, file.kind, file.block, limit) : null;
  if (!entries) {
    return new Response(`There is no sitemap ${name}; /sitemap.xml lists them all.\n`, {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return conditionalResponse(request, {
    body: urlsetXml(entries),
    contentType: SITEMAP_CONTENT_TYPE,
    lastModified: newest(entries.map((e) => e.lastmod)),
    maxAge: MAX_AGE,
  });
}
