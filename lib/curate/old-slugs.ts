// Old slugs keep working: when a researcher's, unit's or collection's slug changes, the old one is
// kept (table slug_redirect), and the public pages of the old slug answer a permanent redirect
// (308) to the current one — unless a record has that slug now, which always wins.
import type { Sql } from "../db/connection";

export type SluggedType = "researcher" | "unit" | "collection";

/**
 * Records a slug change inside the save's transaction: the old slug now leads to this record (the
 * latest owner of an old slug wins), and the new one is no longer an old slug of any record.
 */
export async function rememberOldSlug(tx: Sql, type: SluggedType, id: number, before: string, after: string): Promise<void> {
  if (before === after) return;
  await tx.query(`DELETE FROM slug_redirect WHERE entity_type = $1 AND old_slug = $2`, [type, after]);
  await tx.query(
    `INSERT INTO slug_redirect (entity_type, old_slug, entity_id) VALUES ($1, $2, $3)
     ON CONFLICT (entity_type, old_slug) DO UPDATE SET entity_id = EXCLUDED.entity_id, created_at = now()`,
    [type, before, id],
  );
}

const TABLES: Record<SluggedType, string> = { researcher: "researcher", unit: "unit", collection: "collection" };

/** The current slug of the record that used to have `slug`, or null (unknown, or a record has it now). */
export async function findCurrentSlug(sql: Sql, type: SluggedType, slug: string): Promise<string | null> {
  const table = TABLES[type];
  const [row] = await sql.query<{ slug: string }>(
    `SELECT t.slug FROM slug_redirect r JOIN ${table} t ON t.id = r.entity_id
      WHERE r.entity_type = $1 AND r.old_slug = $2 AND t.slug <> $2 AND NOT EXISTS (SELECT 1 FROM ${table} WHERE slug = $2)`,
    [type, slug],
  );
  return row?.slug ?? null;
}

/**
 * Where a public path of an old slug now lives, as a URL relative to the requested one (so that the
 * visitor's /en or /ko prefix, or its absence, is kept); `rest` are the path segments after the
 * slug (e.g. ["statistics"] for /researchers/{slug}/statistics).
 */
export function relativeTarget(current: string, rest: readonly string[]): string {
  const up = rest.length === 0 ? "" : "../".repeat(rest.length);
  return `${up}${encodeURIComponent(current)}${rest.length ? `/${rest.map(encodeURIComponent).join("/")}` : ""}`;
}
