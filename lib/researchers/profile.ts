// Everything a researcher's public profile shows, read in a few set-based queries and cached per
// profile: the record, units, publications, publications per year, co-authors, usage and citations.
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "../cache";
import { getPrisma, getSql, isBuildPhase } from "../db";

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

export type ProfilePublication = {
  id: number;
  handle: string;
  type: string;
  title: string;
  alternativeTitle: string | null;
  alternativeTitleLang: string | null;
  issueDate: string | null;
  issueYear: number | null;
  journalTitle: string | null;
  authors: string[];
  authorCount: number;
  citations: number | null;
};

export type ResearcherProfile = NonNullable<Awaited<ReturnType<typeof findResearcher>>> & {
  publications: ProfilePublication[];
  publicationCount: number;
  perYear: { year: number; count: number }[];
  coAuthors: { slug: string; displayName: string; count: number }[];
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

export const PROFILE_PUBLICATIONS = 25;

export async function getResearcherProfile(slug: string): Promise<ResearcherProfile | null> {
  "use cache";
  cacheTag(cacheTags.researcher(slug), cacheTags.site);
  cacheLife("hours");
  if (isBuildPhase() || !SLUG.test(slug)) return null;
  const researcher = await findResearcher(slug);
  if (!researcher) return null;
  const sql = await getSql();
  // The researcher's published items, each once, with their best-known citation count.
  const items = await sql.query<{ id: number; issue_year: number | null; citations: number | null }>(
    `SELECT i.id, i.issue_year,
            (SELECT max(m.value) FROM external_metric m WHERE m.item_id = i.id AND m.source IN ('webofscience', 'scopus', 'crossref')) AS citations
       FROM item i
      WHERE i.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM contributor c WHERE c.item_id = i.id AND c.researcher_id = $1)
      ORDER BY i.issue_year DESC NULLS LAST, i.published_at DESC, i.id DESC`,
    [researcher.id],
  );
  const shown = items.slice(0, PROFILE_PUBLICATIONS).map((i) => i.id);
  const prisma = await getPrisma();
  const rows = shown.length
    ? await prisma.item.findMany({
        where: { id: { in: shown } },
        select: {
          id: true,
          handle: true,
          type: true,
          title: true,
          alternativeTitle: true,
          alternativeTitleLang: true,
          issueDate: true,
          issueYear: true,
          journalTitle: true,
          contributors: { orderBy: { position: "asc" }, take: 6, select: { name: true } },
          _count: { select: { contributors: true } },
        },
      })
    : [];
  const citationsById = new Map(items.map((i) => [i.id, i.citations === null ? null : Number(i.citations)]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const publications = shown.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const { contributors, _count, ...rest } = r;
    return [{ ...rest, authors: contributors.map((c) => c.name), authorCount: _count.contributors, citations: citationsById.get(id) ?? null }];
  });

  const perYear = new Map<number, number>();
  for (const i of items) if (i.issue_year) perYear.set(i.issue_year, (perYear.get(i.issue_year) ?? 0) + 1);

  const [coAuthors, usage] = await Promise.all([
    sql.query<{ slug: string; display_name: string; count: string }>(
      `SELECT r.slug, r.display_name, count(DISTINCT c2.item_id) AS count
         FROM contributor c1
         JOIN item i ON i.id = c1.item_id AND i.status = 'PUBLISHED'
         JOIN contributor c2 ON c2.item_id = c1.item_id AND c2.researcher_id IS NOT NULL AND c2.researcher_id <> c1.researcher_id
         JOIN researcher r ON r.id = c2.researcher_id
        WHERE c1.researcher_id = $1
        GROUP BY r.slug, r.display_name ORDER BY count DESC, r.display_name LIMIT 12`,
      [researcher.id],
    ),
    sql.query<{ views: string | null; downloads: string | null }>(
      `SELECT sum(views) AS views, sum(downloads) AS downloads FROM usage_daily WHERE scope = 'RESEARCHER' AND scope_id = $1`,
      [researcher.id],
    ),
  ]);
  const known = items.flatMap((i) => (i.citations === null ? [] : [Number(i.citations)]));
  return {
    ...researcher,
    publications,
    publicationCount: items.length,
    perYear: [...perYear.entries()].map(([year, count]) => ({ year, count })).sort((a, b) => a.year - b.year),
    coAuthors: coAuthors.map((c) => ({ slug: c.slug, displayName: c.display_name, count: Number(c.count) })),
    totals: {
      views: Number(usage[0]?.views ?? 0),
      downloads: Number(usage[0]?.downloads ?? 0),
      citations: known.reduce((a, b) => a + b, 0),
      hIndex: hIndex(known),
    },
  };
}
