// Suggestions for the header search box while someone types: a few researchers, units and items
// whose names or titles start with what was typed (every word, in any order — "Koo Ja Wook",
// "ja wook koo" and "구자욱" find the same person, as in the researcher directory). One SQL
// statement; researchers and items are found through GIN indexes, items from a capped candidate
// set so that a very common prefix costs no more than a rare one.
import type { Sql } from "../db/connection";
import type { Lang } from "../i18n/config";
import { splitWords } from "./query-text";

export type SuggestResearcher = { name: string; altName: string | null; unit: string | null; href: string };
export type SuggestUnit = { name: string; altName: string | null; href: string };
export type SuggestItem = { title: string; year: number | null; href: string };
export type Suggestions = { q: string; researchers: SuggestResearcher[]; units: SuggestUnit[]; items: SuggestItem[] };

export const SUGGEST_MAX_LENGTH = 100;
export const SUGGEST_LIMITS = { researchers: 4, units: 3, items: 5 } as const;
/** Items whose titles match are ranked among at most this many candidates. */
const ITEM_CANDIDATES = 200;
/** Researchers whose names match are ordered by output among at most this many. */
const RESEARCHER_CANDIDATES = 50;

export class SuggestQueryError extends Error {}

// C0 and C1 control characters, which no one types into a search box.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/** Checks what was typed; throws SuggestQueryError with a readable reason. Returns the query, trimmed. */
export function validateSuggestQuery(raw: string | null): string {
  if (raw === null) throw new SuggestQueryError("The q parameter is required.");
  if (CONTROL.test(raw)) throw new SuggestQueryError("The q parameter must not contain control characters.");
  const q = raw.normalize("NFC").trim();
  if (q.length === 0) throw new SuggestQueryError("The q parameter must not be empty.");
  if (q.length > SUGGEST_MAX_LENGTH) throw new SuggestQueryError(`The q parameter must be at most ${SUGGEST_MAX_LENGTH} characters long.`);
  return q;
}

const HANGUL = /[\uac00-\ud7a3]/;

/** The title in the interface's script when the item has one (Korean items often carry an English title too). */
function titleFor(title: string, alternative: string | null, ko: boolean): string {
  if (!alternative || HANGUL.test(title) === ko) return title;
  return HANGUL.test(alternative) === ko ? alternative : title;
}

type Row = {
  researchers: { name: string; variants: string[]; slug: string; unit: string | null; unit_alt: string | null }[] | null;
  units: { name: string; alt_name: string | null; slug: string }[] | null;
  items: { title: string; alt_title: string | null; year: number | null; handle: string }[] | null;
};

/** Researchers, units and items for a query already validated by validateSuggestQuery. */
export async function suggest(sql: Sql, q: string, lang: Lang): Promise<Suggestions> {
  const words = splitWords(q).slice(0, 8);
  if (words.length === 0) return { q, researchers: [], units: [], items: [] };
  // Every word a prefix; the words may come in any order. Words hold only letters and digits.
  const prefixes = words.map((w) => `'${w}':*`).join(" & ");
  // "자욱" (a given name without the family name) is found inside the Hangul form.
  const compact = q.replace(/\s+/g, "");
  const hangul = HANGUL.test(compact) ? `%${compact.replace(/[\\%_]/g, "\\$&")}%` : null;

  const [row] = await sql.query<Row>(
    `WITH by_prefix AS (
       SELECT r.id, r.slug, r.display_name, r.name_variants, r.primary_unit_id FROM researcher r
        WHERE researcher_name_vector(r.display_name, r.name_variants) @@ to_tsquery('simple', unaccent($1))
        LIMIT ${RESEARCHER_CANDIDATES}
     ),
     named AS (
       SELECT * FROM by_prefix
       UNION ALL
       -- Only when no name starts so: a scan of the (few thousand) researchers for a Hangul part.
       SELECT r.id, r.slug, r.display_name, r.name_variants, r.primary_unit_id FROM researcher r
        WHERE $2::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM by_prefix)
          AND researcher_name_compact(r.display_name, r.name_variants) LIKE $2
        LIMIT ${RESEARCHER_CANDIDATES}
     ),
     researchers AS (
       SELECT r.slug, r.display_name AS name, r.name_variants AS variants, u.name AS unit, u.alt_name AS unit_alt
         FROM named r LEFT JOIN unit u ON u.id = r.primary_unit_id
        ORDER BY (SELECT count(*) FROM contributor c WHERE c.researcher_id = r.id) DESC, r.display_name
        LIMIT ${SUGGEST_LIMITS.researchers}
     ),
     units AS (
       SELECT u.slug, u.name, u.alt_name FROM unit u
        WHERE (SELECT bool_and(lower(u.name) ~ ('(^|[^[:alnum:]])' || w) OR lower(coalesce(u.alt_name, '')) ~ ('(^|[^[:alnum:]])' || w)
                          OR strpos(lower(replace(coalesce(u.alt_name, ''), ' ', '')), w) > 0)
                 FROM unnest($3::text[]) w)
        ORDER BY u.parent_id IS NULL, length(u.name), u.name
        LIMIT ${SUGGEST_LIMITS.units}
     ),
     candidates AS (
       SELECT i.id, i.handle, i.title, i.alternative_title, i.issue_year FROM item i
        WHERE item_title_vector(i.title, i.alternative_title) @@ to_tsquery('simple', unaccent($1)) AND i.status = 'PUBLISHED'
        LIMIT ${ITEM_CANDIDATES}
     ),
     items AS (
       -- One suggestion per title: a series of same-titled reports would otherwise fill the list.
       SELECT d.handle, d.title, d.alt_title, d.year FROM (
         SELECT DISTINCT ON (lower(c.title)) c.id, c.handle, c.title, c.alternative_title AS alt_title, c.issue_year AS year,
                ts_rank(item_title_vector(c.title, c.alternative_title), to_tsquery('simple', unaccent($1))) AS rank
           FROM candidates c ORDER BY lower(c.title), rank DESC, c.id DESC) d
        ORDER BY d.rank DESC, length(d.title), d.id DESC
        LIMIT ${SUGGEST_LIMITS.items}
     )
     SELECT (SELECT json_agg(r) FROM researchers r) AS researchers,
            (SELECT json_agg(u) FROM units u) AS units,
            (SELECT json_agg(i) FROM items i) AS items`,
    [prefixes, hangul, words],
  );
  const ko = lang === "ko";
  return {
    q,
    researchers: (row.researchers ?? []).map((r) => {
      const hangulName = r.variants.find((v) => HANGUL.test(v)) ?? null;
      return {
        name: ko && hangulName ? hangulName : r.name,
        altName: ko ? (hangulName ? r.name : null) : hangulName,
        unit: ko ? (r.unit_alt ?? r.unit) : r.unit,
        href: `/researchers/${r.slug}`,
      };
    }),
    units: (row.units ?? []).map((u) => ({
      name: ko && u.alt_name ? u.alt_name : u.name,
      altName: ko ? (u.alt_name ? u.name : null) : u.alt_name,
      href: `/units/${u.slug}`,
    })),
    items: (row.items ?? []).map((i) => ({ title: titleFor(i.title, i.alt_title, ko), year: i.year, href: `/handle/${i.handle}` })),
  };
}
