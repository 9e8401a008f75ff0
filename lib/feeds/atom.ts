// Atom feeds (RFC 4287) of recently added public items: for the whole site, for a unit and every
// unit below it, and for a collection (items owned by or mapped into it). Newest first by the day
// they were made public; each entry's `updated` is the item's last change.
import { XMLBuilder } from "fast-xml-parser";
import type { Sql } from "../db/connection";
import { canonicalItemUrl, cleanParagraphs, clean, bareDoi } from "../export/csl";
import type { Lang } from "../i18n/config";
import { localized } from "../i18n/config";
import { feedMessages, fill } from "../i18n/messages-feeds";
import { messages } from "../i18n/messages";
import type { ItemType } from "../generated/prisma/enums";

export const ATOM_NS = "http://www.w3.org/2005/Atom";
export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";
/** Entries per feed. */
export const FEED_SIZE = 50;
/** Authors named per entry; a consortium paper's hundreds of names help no feed reader. */
const MAX_AUTHORS = 20;
const SUMMARY_LENGTH = 600;

export type FeedScope = { kind: "site" } | { kind: "unit"; slug: string } | { kind: "collection"; slug: string };

export type FeedEntry = {
  handle: string;
  title: string;
  abstract: string | null;
  type: ItemType;
  doi: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  authors: { name: string; slug: string | null }[];
};

export type Feed = {
  /** Canonical URL of the feed (its atom:id and self link). */
  url: string;
  /** The HTML page the feed follows. */
  pageUrl: string;
  title: string;
  subtitle: string;
  lang: Lang;
  /** The newest change among the entries, or of the unit/collection when it has none. */
  updated: Date;
  siteName: string;
  siteUrl: string;
  entries: FeedEntry[];
};

type ScopeRecord = { name: string; altName: string | null; altLang: string | null; updatedAt: Date; collections: number[] };

async function findScope(sql: Sql, scope: Exclude<FeedScope, { kind: "site" }>): Promise<ScopeRecord | null> {
  if (scope.kind === "unit") {
    const [row] = await sql.query<ScopeRecord>(
      `WITH RECURSIVE sub AS (
         SELECT id FROM unit WHERE slug = $1
         UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id)
       SELECT u.name, u.alt_name AS "altName", u.alt_lang AS "altLang", u.updated_at AS "updatedAt",
         array(SELECT c.id FROM collection c WHERE c.unit_id IN (SELECT id FROM sub) ORDER BY c.id) AS collections
       FROM unit u WHERE u.slug = $1`,
      [scope.slug],
    );
    return row ?? null;
  }
  const [row] = await sql.query<ScopeRecord>(
    `SELECT c.name, c.alt_name AS "altName", c.alt_lang AS "altLang", c.updated_at AS "updatedAt", ARRAY[c.id] AS collections
     FROM collection c WHERE c.slug = $1`,
    [scope.slug],
  );
  return row ?? null;
}

async function recentEntries(sql: Sql, collections: number[] | null, limit: number): Promise<FeedEntry[]> {
  const params: unknown[] = [limit, MAX_AUTHORS];
  const inScope =
    collections === null
      ? ""
      : `AND (i.collection_id = ANY($3::int[]) OR EXISTS (SELECT 1 FROM item_collection ic WHERE ic.item_id = i.id AND ic.collection_id = ANY($3::int[])))`;
  if (collections !== null) params.push(collections);
  return sql.query<FeedEntry>(
    `SELECT i.handle, i.title, i.abstract, i.type::text AS type, i.doi, i.published_at AS "publishedAt", i.updated_at AS "updatedAt",
       coalesce((SELECT json_agg(json_build_object('name', a.name, 'slug', a.slug) ORDER BY a.position) FROM (
         SELECT c.name, c.position, r.slug FROM contributor c LEFT JOIN researcher r ON r.id = c.researcher_id
         WHERE c.item_id = i.id AND c.role IN ('AUTHOR', 'INVENTOR') ORDER BY c.position LIMIT $2) a), '[]'::json) AS authors
     FROM item i
     WHERE i.status = 'PUBLISHED' ${inScope}
     ORDER BY i.published_at DESC NULLS LAST, i.id DESC
     LIMIT $1`,
    params,
  );
}

async function siteName(sql: Sql): Promise<string> {
  const [row] = await sql.query<{ value: unknown }>(`SELECT value FROM site_setting WHERE key = 'siteName'`);
  return typeof row?.value === "string" && row.value.trim() ? row.value.trim() : "Atrium";
}

/** The feed of a scope, or null when the unit or collection does not exist. */
export async function getFeed(sql: Sql, scope: FeedScope, lang: Lang, siteUrl: string, limit = FEED_SIZE): Promise<Feed | null> {
  const t = feedMessages(lang);
  const site = await siteName(sql);
  if (scope.kind === "site") {
    const entries = await recentEntries(sql, null, limit);
    return {
      url: `${siteUrl}/feed.xml`,
      pageUrl: `${siteUrl}/`,
      title: fill(t.siteTitle, { site }),
      subtitle: fill(t.siteSubtitle, { site }),
      lang,
      updated: newest(entries) ?? new Date(0),
      siteName: site,
      siteUrl,
      entries,
    };
  }
  const record = await findScope(sql, scope);
  if (!record) return null;
  const entries = await recentEntries(sql, record.collections, limit);
  const name = localized(lang, record.name, record.altName, record.altLang);
  const path = `${siteUrl}/${scope.kind === "unit" ? "units" : "collections"}/${encodeURIComponent(scope.slug)}`;
  return {
    url: `${path}/feed.xml`,
    pageUrl: path,
    title: fill(t.scopeTitle, { name }),
    subtitle: fill(t.scopeSubtitle, { name, site }),
    lang,
    updated: newest(entries) ?? record.updatedAt,
    siteName: site,
    siteUrl,
    entries,
  };
}

function newest(entries: FeedEntry[]): Date | null {
  return entries.reduce<Date | null>((a, e) => (!a || e.updatedAt > a ? e.updatedAt : a), null);
}

/** RFC 3339 to the second, in UTC. */
const rfc3339 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

function summary(text: string | null): string | undefined {
  const clean = cleanParagraphs(text).replace(/\s+/g, " ");
  if (!clean) return undefined;
  return clean.length <= SUMMARY_LENGTH ? clean : `${clean.slice(0, SUMMARY_LENGTH - 1).replace(/\s+\S*$/, "")}…`;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", textNodeName: "#text", processEntities: true, suppressEmptyNode: true });

export function atomXml(feed: Feed): string {
  const types = messages(feed.lang).item.types;
  const entry = feed.entries.map((e) => {
    const url = canonicalItemUrl(e.handle, { baseUrl: feed.siteUrl });
    const links = [{ "@_rel": "alternate", "@_type": "text/html", "@_href": url }];
    if (clean(e.doi)) links.push({ "@_rel": "related", "@_type": "text/html", "@_href": `https://doi.org/${bareDoi(clean(e.doi))}` });
    const text = summary(e.abstract);
    return {
      id: url,
      title: { "@_type": "text", "#text": clean(e.title) },
      link: links,
      ...(e.publishedAt ? { published: rfc3339(e.publishedAt) } : {}),
      updated: rfc3339(e.updatedAt),
      // Entries without authors fall back on the feed's author (RFC 4287 §4.1.1).
      author: e.authors.map((a) => ({ name: clean(a.name), ...(a.slug ? { uri: `${feed.siteUrl}/researchers/${encodeURIComponent(a.slug)}` } : {}) })),
      ...(text ? { summary: { "@_type": "text", "#text": text } } : {}),
      category: { "@_term": e.type, "@_label": types[e.type] },
    };
  });
  const body = {
    feed: {
      "@_xmlns": ATOM_NS,
      "@_xml:lang": feed.lang,
      id: feed.url,
      title: { "@_type": "text", "#text": clean(feed.title) },
      subtitle: { "@_type": "text", "#text": feed.subtitle },
      updated: rfc3339(feed.updated),
      link: [
        { "@_rel": "self", "@_type": "application/atom+xml", "@_href": feed.url },
        { "@_rel": "alternate", "@_type": "text/html", "@_href": feed.pageUrl },
      ],
      author: { name: clean(feed.siteName), uri: `${feed.siteUrl}/` },
      generator: "Atrium",
      icon: `${feed.siteUrl}/icon.svg`,
      entry,
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(body)}`;
}
