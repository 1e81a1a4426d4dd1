DROP INDEX "search_documents_facet_keys_idx";--> statement-breakpoint
ALTER TABLE "search_documents" DROP COLUMN "facet_keys";