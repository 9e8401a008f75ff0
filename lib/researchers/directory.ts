// The researcher directory: every profile with its units and output, cached whole and filtered in
// memory (thousands of rows at most), so that names match in any order and in any script.
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "../cache";
import { getSql, isBuildPhase } from "../db";

export type DirectoryEntry = {
  slug: string;
  displayName: string;
  nameVariants: string[];
  position: string | null;
  altPosition: string | null;
  hasPhoto: boolean;
  unitIds: number[];
  primaryUnitId: number | null;
  publications: number;
};

export async function listResearchers(): Promise<DirectoryEntry[]> {
  "use cache";
  cacheTag(cacheTags.site);
  cacheLife("hours");
  if (isBuildPhase()) return [];
  const sql = await getSql();
  const rows = await sql.query<{
    slug: string;
    display_name: string;
    name_variants: string[];
    position: string | null;
    alt_position: string | null;
    has_photo: boolean;
    unit_ids: number[];
    primary_unit_id: number | null;
    publications: string;
  }>(`
    SELECT r.slug, r.display_name, r.name_variants, r.position, r.alt_position, r.photo_key IS NOT NULL AS has_photo,
           r.primary_unit_id,
           array_remove(array_cat(ARRAY[r.primary_unit_id], coalesce((SELECT array_agg(ru.unit_id) FROM researcher_unit ru WHERE ru.researcher_id = r.id), '{}')), NULL) AS unit_ids,
           (SELECT count(DISTINCT c.item_id) FROM contributor c JOIN item i ON i.id = c.item_id AND i.status = 'PUBLISHED'
             WHERE c.researcher_id = r.id) AS publications
      FROM researcher r ORDER BY r.display_name`);
  return rows.map((r) => ({
    slug: r.slug,
    displayName: r.display_name,
    nameVariants: r.name_variants,
    position: r.position,
    altPosition: r.alt_position,
    hasPhoto: r.has_photo,
    unitIds: r.unit_ids,
    primaryUnitId: r.primary_unit_id,
    publications: Number(r.publications),
  }));
}

/** Lower-case words of a name, whatever its order or punctuation: "Koo, Ja-Wook" → koo, ja, wook. */
export function nameTokens(name: string): string[] {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .split(/[\s,.\-·]+/)
    .filter(Boolean);
}

/**
 * Whether every word of the query starts a word of the name or one of its variants ("Koo Ja
 * Wook", "ja wook koo", "J Koo"), or the query is part of a Hangul form ("구자욱", "자욱").
 */
export function matchesName(entry: Pick<DirectoryEntry, "displayName" | "nameVariants">, query: string): boolean {
  const words = nameTokens(query);
  if (words.length === 0) return true;
  const forms = [entry.displayName, ...entry.nameVariants];
  const tokens = forms.flatMap(nameTokens);
  if (words.every((w) => tokens.some((t) => t.startsWith(w)))) return true;
  const compact = query.replace(/\s+/g, "");
  return /[\uac00-\ud7a3]/.test(compact) && forms.some((f) => f.replace(/\s+/g, "").includes(compact));
}

export type DirectoryQuery = { name?: string; unitIds?: Set<number>; sort?: "name" | "output"; page?: number };

export const DIRECTORY_PAGE_SIZE = 48;

export function filterDirectory(entries: DirectoryEntry[], q: DirectoryQuery) {
  const matched = entries.filter(
    (e) => (!q.name || matchesName(e, q.name)) && (!q.unitIds || e.unitIds.some((id) => q.unitIds!.has(id))),
  );
  if (q.sort === "output") matched.sort((a, b) => b.publications - a.publications || a.displayName.localeCompare(b.displayName));
  const pages = Math.max(1, Math.ceil(matched.length / DIRECTORY_PAGE_SIZE));
  const page = Math.min(Math.max(1, q.page ?? 1), pages);
  return { total: matched.length, page, pages, entries: matched.slice((page - 1) * DIRECTORY_PAGE_SIZE, page * DIRECTORY_PAGE_SIZE) };
}
