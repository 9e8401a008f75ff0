-- (No change to the Prisma schema.)

-- ---------------------------------------------------------------------------------------------
-- Written by hand below this line: titles alone (title and alternative title), for the header
-- box's suggestions (lib/search/suggest.ts). The search document's GIN index cannot tell a title
-- word from the same word in a unit name without reading every matching document.
CREATE FUNCTION item_title_vector(title text, alternative_title text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsvector('simple'::regconfig, public.unaccent('public.unaccent'::regdictionary, concat_ws(' ', title, alternative_title))) $$;

CREATE INDEX item_title_vector_expr_idx ON item USING GIN (item_title_vector(title, alternative_title)) WHERE status = 'PUBLISHED';
