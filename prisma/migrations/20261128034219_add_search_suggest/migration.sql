-- (No change to the Prisma schema.)

-- ---------------------------------------------------------------------------------------------
-- Written by hand below this line: indexes for the header search box's suggestions
-- (lib/search/suggest.ts). Prisma has no notation for expression indexes over functions.
--
-- A researcher's names (display name and every variant: Hangul, romanisations, initials) as one
-- document, so that each typed word is matched as a prefix, in any order, through a GIN index.
-- unaccent is only STABLE (it looks its dictionary up by name); naming the dictionary and its
-- schema makes the result depend on the arguments alone, as IMMUTABLE promises, and keeps it
-- working where index builds run with a bare search_path (PostgreSQL 17 and later).
CREATE FUNCTION researcher_name_vector(display_name text, variants text[]) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsvector('simple'::regconfig, public.unaccent('public.unaccent'::regdictionary, concat_ws(' ', display_name, array_to_string(variants, ' ')))) $$;

-- The same names without spaces, lower-cased, for a Hangul given name typed without the family
-- name ("자욱" in "구자욱").
CREATE FUNCTION researcher_name_compact(display_name text, variants text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(replace(concat_ws(' ', display_name, array_to_string(variants, ' ')), ' ', '')) $$;

CREATE INDEX researcher_name_expr_idx ON researcher USING GIN (researcher_name_vector(display_name, name_variants));
