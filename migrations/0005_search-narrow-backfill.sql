-- Narrow search rows: a query that matches tens of thousands of cases reads every matching row, so
-- the row must hold only what filtering, counting, sorting and ranking need. The full-text vector
-- and the display text are stored out of line (TOAST: EXTERNAL) and read only for the page of
-- hits; what every match is counted or ranked by stays in the row (MAIN), because a value moved
-- out of line costs an index lookup per row. A row over 256 bytes moves its EXTERNAL columns out.
ALTER TABLE "search_documents" SET (toast_tuple_target = 256);
--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "tsv" SET STORAGE EXTERNAL;
--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "summary" SET STORAGE EXTERNAL;
--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "title" SET STORAGE EXTERNAL;
--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "title_tsv" SET STORAGE MAIN;
--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "title_folded" SET STORAGE MAIN;
--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "facet_codes" SET STORAGE MAIN;
--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "sdg_goals" SET STORAGE MAIN;
--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "sdg_targets" SET STORAGE MAIN;
--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "policy_areas" SET STORAGE MAIN;
--> statement-breakpoint
-- Existing rows: codes, folded titles and a title vector now, so search works at once; every
-- published case is also queued for re-indexing, which writes the full title vector (titles in
-- every language and tags) and stores the row in its new narrow layout.
-- "slice:n" (n = first byte of the id mod 64) puts each document in one of 64 sampling slices.
INSERT INTO "search_facet_codes" ("key")
  SELECT DISTINCT k FROM (
    SELECT unnest("facet_keys") AS k FROM "search_documents"
    UNION ALL SELECT 'slice:' || (get_byte(uuid_send("case_id"), 0) % 64) FROM "search_documents"
  ) AS keys ORDER BY 1
  ON CONFLICT ("key") DO NOTHING;
--> statement-breakpoint
UPDATE "search_documents" d SET
  "facet_codes" = ARRAY(
    SELECT c."code" FROM "search_facet_codes" c
     WHERE c."key" = ANY (d."facet_keys" || ('slice:' || (get_byte(uuid_send(d."case_id"), 0) % 64)))
     ORDER BY c."code"),
  "title_folded" = lower(unaccent(d."title")),
  "title_tsv" = setweight(to_tsvector('simple', unaccent(d."title")), 'A');
--> statement-breakpoint
INSERT INTO "search_outbox" ("case_id", "op")
  SELECT "id", 'upsert' FROM "policy_cases" WHERE "status" = 'published';
--> statement-breakpoint
INSERT INTO "search_state" ("id", "generation") VALUES (1, 0) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
-- Any change to the index moves the generation, in the same transaction as the change. Numbers
-- come from a sequence, which a rollback does not rewind, so no two index states share one.
CREATE SEQUENCE IF NOT EXISTS search_generation_seq;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_documents_bump_generation() RETURNS trigger AS $$
BEGIN
  UPDATE search_state SET generation = nextval('search_generation_seq') WHERE id = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER search_documents_bump_generation
  AFTER INSERT OR UPDATE OR DELETE ON search_documents
  FOR EACH STATEMENT EXECUTE FUNCTION search_documents_bump_generation();
--> statement-breakpoint
CREATE TRIGGER search_documents_bump_generation_truncate
  AFTER TRUNCATE ON search_documents
  FOR EACH STATEMENT EXECUTE FUNCTION search_documents_bump_generation();
