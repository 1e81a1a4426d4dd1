CREATE TABLE "search_configs" (
	"config" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"revision_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"language" text NOT NULL,
	"city_slug" text NOT NULL,
	"city_name" text NOT NULL,
	"country" text NOT NULL,
	"country_code" text NOT NULL,
	"region" text NOT NULL,
	"sdg_goals" integer[] NOT NULL,
	"sdg_targets" text[] NOT NULL,
	"policy_areas" text[] NOT NULL,
	"start_year" integer,
	"budget_usd" double precision,
	"transferred" boolean NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"facet_keys" text[] NOT NULL,
	"tsv" "tsvector" NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"term" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_case_id_policy_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."policy_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_documents_facet_keys_idx" ON "search_documents" USING gin ("facet_keys");--> statement-breakpoint
CREATE INDEX "search_documents_published_idx" ON "search_documents" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "search_documents_budget_idx" ON "search_documents" USING btree ("budget_usd");--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "search_terms" USING gin ("term" gin_trgm_ops);