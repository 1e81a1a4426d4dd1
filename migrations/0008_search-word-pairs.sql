-- Word pairs, so that a phrase is answered by the GIN index alone (lib/search/word-pairs.ts).
-- For each word of a vector, in position order, the next word one position later (" a 1 b") or
-- two positions later with nothing between, where a stop word was dropped (" a 2 b"). Positions
-- stop counting at 16383, so pairs end there. Pairs carry no positions, so running this over a
-- vector that already holds pairs adds nothing new.
CREATE FUNCTION search_word_pairs(v tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_to_tsvector(array_agg(' ' || lexeme || ' ' || gap || ' ' || next_lexeme)), ''::tsvector)
  FROM (
    SELECT lexeme, pos, lead(lexeme) OVER w AS next_lexeme, lead(pos) OVER w - pos AS gap
    FROM (SELECT lexeme, unnest(positions) AS pos FROM unnest(v)) AS words
    WINDOW w AS (ORDER BY pos)
  ) AS neighbours
  WHERE gap IN (1, 2) AND pos + gap < 16383
$$;
--> statement-breakpoint
-- Existing rows get their pairs now: the search code rewrites phrases to pairs from this release on.
UPDATE "search_documents" SET "tsv" = "tsv" || search_word_pairs("tsv");
