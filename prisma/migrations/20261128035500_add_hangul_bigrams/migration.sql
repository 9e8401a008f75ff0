-- (No change to the Prisma schema.)

-- ---------------------------------------------------------------------------------------------
-- Written by hand below this line: two-syllable Korean terms inside longer words.
--
-- Korean compounds are written without spaces ("인지질환"), and a term typed alone ("질환") sits
-- inside them. Terms of three syllables or more are found there through the trigram index on
-- search_text; a two-syllable term has no trigram. This index holds every pair of adjacent Hangul
-- syllables of the search document as a lexeme, so that such a term is one index lookup.
CREATE FUNCTION hangul_bigrams(doc text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT coalesce(pg_catalog.array_to_tsvector(array_agg(DISTINCT substr(w, n, 2))), ''::pg_catalog.tsvector)
      FROM pg_catalog.regexp_split_to_table(doc, '[^가-힣]+') AS w,
           pg_catalog.generate_series(1, length(w) - 1) AS n
     WHERE length(w) >= 2
  $$;

CREATE INDEX item_hangul_bigrams_expr_idx ON item USING GIN (hangul_bigrams(search_text));
