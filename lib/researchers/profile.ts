// Everything a researcher's public profile shows apart from the publication list (see
// ./publications.ts), read in a few set-based queries and cached per profile: the record, units,
// publications per year, co-author network, usage and citations.
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "../cache";
import { getPrisma, getSql, isBuildPhase } from "../db";
import { getCoAuthorNetwork, type CoAuthor, type CoAuthorLink } from "./network";

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

export type ResearcherProfile = NonNullable<Awaited<ReturnType<typeof findResearcher>>> & {
  publicationCount: number;
  perYear: { year: number; count: number }[];
  coAuthors: CoAuthor[];
  coAuthorLinks: CoAuthorLink[];
  totals: { views: number; downloads: number; citations: number; hIndex: number };
};

async function findResearcher(slug: string) {
  const prisma = await getPrisma();
  return prisma.researcher.findUnique({
    where: { slug },
    include: {
      primaryUnit: { select: { id: true, slug: true, name: true, altName: true, altLang: true } },
      units: { include: { unit: { select: { id: true, slug: true, name: true, altName: true, altLang: true } } } },
    },
  });
}

/** h-index of a list of citation counts: the largest h with h items cited at least h times. */
export function hIndex(citations: number[]): number {
  const sorted = [...citations].sort((a, b) => b - a);
  let h = 0;
  while (h < sorted.length && sorted[h] >= h + 1) h++;
  return h;
}

export async function getResearcherProfile(slug: string): Promise<ResearcherProfile | null> {
  "use cache";
  cacheTag(cacheTags.researcher(slug), cacheTags.site);
  cacheLife("hours");
  if (isBuildPhase() || !SLUG.test(slug)) return null;
  const researcher = await findResearcher(slug);
  if (!researcher) return null;
  const sql = await getSql();
  // The researcher's published items, each once, with their best-known citation count (for the
  // per-year chart and the h-index); the co-author network; usage. Each an indexed lookup.
  const [items, network, usage] = await Promise.all([
    sql.query<{ issue_year: number | null; citations: number | null }>(
      `SELECT i.issue_year,
              (SELECT max(m.value) FROM external_metric m WHERE m.item_id = i.id AND m.source IN ('webofscience', 'scopus', 'crossref')) AS citations
         FROM item i
        WHERE i.status = 'PUBLISHED' AND i.id IN (SELECT c.item_id FROM contributor c WHERE c.researcher_id = $1)`,
      [researcher.id],
    ),
    getCoAuthorNetwork(sql, researcher.id),
    sql.query<{ views: string | null; downloads: string | null }>(
      `SELECT sum(views) AS views, sum(downloads) AS downloads FROM usage_daily WHERE scope = 'RESEARCHER' AND scope_id = $1`,
      [researcher.id],
    ),
  ]);
  const perYear = new Map<number, number>();
  for (const i of items) if (i.issue_year) perYear.set(i.issue_year, (perYear.get(i.issue_year) ?? 0) + 1);
  const known = items.flatMap((i) => (i.citations === null ? [] : [Number(i.citations)]));
  return {
    ...researcher,
    publicationCount: items.length,
    perYear: [...perYear.entries()].map(([year, count]) => ({ year, count })).sort((a, b) => a.year - b.year),
    coAuthors: network.coAuthors,
    coAuthorLinks: network.links,
    totals: {
      views: Number(usage[0]?.views ?? 0),
      downloads: Number(usage[0]?.downloads ?? 0),
      citations: known.reduce((a, b) => a + b, 0),
      hIndex: hIndex(known),
    },
  };
}
