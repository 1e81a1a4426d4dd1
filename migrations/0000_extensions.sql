-- Extensions the search engine needs. drizzle-kit does not emit CREATE EXTENSION, so they live
-- in this custom migration, which runs before the tables.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
