CREATE TABLE "sdg_goals" (
	"goal" integer PRIMARY KEY NOT NULL,
	"short_name" text NOT NULL,
	"title" text NOT NULL,
	"color" text NOT NULL,
	CONSTRAINT "sdg_goals_goal_range" CHECK ("sdg_goals"."goal" between 1 and 17),
	CONSTRAINT "sdg_goals_color_hex" CHECK ("sdg_goals"."color" ~ '^#[0-9A-Fa-f]{6}$')
);
--> statement-breakpoint
CREATE TABLE "sdg_indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"target_code" text NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sdg_targets" (
	"code" text PRIMARY KEY NOT NULL,
	"goal" integer NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "sdg_targets_code_format" CHECK ("sdg_targets"."code" ~ '^[0-9]{1,2}\.[0-9a-z]{1,2}$')
);
--> statement-breakpoint
CREATE TABLE "policy_areas" (
	"key" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"labels" jsonb NOT NULL,
	CONSTRAINT "policy_areas_key_format" CHECK ("policy_areas"."key" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "cities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"country_code" text NOT NULL,
	"country" text NOT NULL,
	"region" text NOT NULL,
	"subregion" text,
	"kind" text DEFAULT 'city' NOT NULL,
	"population" bigint,
	"lat" double precision,
	"lng" double precision,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"default_language" text DEFAULT 'en' NOT NULL,
	"description" text,
	"logo_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cities_slug_unique" UNIQUE("slug"),
	CONSTRAINT "cities_slug_format" CHECK ("cities"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "cities_country_code_format" CHECK ("cities"."country_code" ~ '^[A-Z]{2}$'),
	CONSTRAINT "cities_kind_valid" CHECK ("cities"."kind" in ('city', 'metropolis', 'province', 'state', 'prefecture', 'federal district', 'metropolitan municipality', 'district', 'county', 'municipality')),
	CONSTRAINT "cities_population_positive" CHECK ("cities"."population" is null or "cities"."population" >= 0),
	CONSTRAINT "cities_lat_range" CHECK ("cities"."lat" is null or "cities"."lat" between -90 and 90),
	CONSTRAINT "cities_lng_range" CHECK ("cities"."lng" is null or "cities"."lng" between -180 and 180)
);
--> statement-breakpoint
CREATE TABLE "city_networks" (
	"city_id" uuid NOT NULL,
	"network_id" integer NOT NULL,
	"joined_year" integer,
	"role" text,
	CONSTRAINT "city_networks_city_id_network_id_pk" PRIMARY KEY("city_id","network_id"),
	CONSTRAINT "city_networks_joined_range" CHECK ("city_networks"."joined_year" is null or "city_networks"."joined_year" between 1800 and 2200)
);
--> statement-breakpoint
CREATE TABLE "city_relations" (
	"city_id" uuid NOT NULL,
	"related_city_id" uuid NOT NULL,
	"type" text NOT NULL,
	"since" integer,
	CONSTRAINT "city_relations_city_id_related_city_id_pk" PRIMARY KEY("city_id","related_city_id"),
	CONSTRAINT "city_relations_not_self" CHECK ("city_relations"."city_id" <> "city_relations"."related_city_id"),
	CONSTRAINT "city_relations_type_valid" CHECK ("city_relations"."type" in ('sister', 'friendship')),
	CONSTRAINT "city_relations_since_range" CHECK ("city_relations"."since" is null or "city_relations"."since" between 1800 and 2200)
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"acronym" text NOT NULL,
	"name" text NOT NULL,
	"members" text,
	"purpose" text,
	CONSTRAINT "networks_slug_unique" UNIQUE("slug"),
	CONSTRAINT "networks_acronym_unique" UNIQUE("acronym"),
	CONSTRAINT "networks_slug_format" CHECK ("networks"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "city_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"city_id" uuid NOT NULL,
	"role" text DEFAULT 'official' NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"message" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	CONSTRAINT "city_memberships_role_valid" CHECK ("city_memberships"."role" in ('official', 'city_admin')),
	CONSTRAINT "city_memberships_status_valid" CHECK ("city_memberships"."status" in ('requested', 'active', 'refused', 'revoked', 'left'))
);
--> statement-breakpoint
CREATE TABLE "password_reset_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_limits_count_positive" CHECK ("rate_limits"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"disabled_at" timestamp with time zone,
	"session_version" integer DEFAULT 1 NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_valid" CHECK ("users"."role" in ('member', 'moderator', 'admin')),
	CONSTRAINT "users_email_normalised" CHECK ("users"."email" = lower(btrim("users"."email")) and position('@' in "users"."email") > 1),
	CONSTRAINT "users_name_length" CHECK (char_length("users"."name") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "case_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"author_id" uuid,
	"last_editor_id" uuid,
	"title" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"sdg_goals" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"sdg_targets" text[] DEFAULT '{}'::text[] NOT NULL,
	"policy_areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"budget_amount" double precision,
	"budget_currency" text,
	"budget_year" integer,
	"budget_usd" double precision,
	"budget_note" text,
	"funding_sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"staff_headcount" integer,
	"staff_fte" double precision,
	"staff" jsonb DEFAULT '{"departments":[],"partnerPersonnel":[]}'::jsonb NOT NULL,
	"stakeholders" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"timeline_start" text,
	"timeline_end" text,
	"ongoing" boolean DEFAULT false NOT NULL,
	"start_year" integer,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"obstacles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"media" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"references" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"translations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "case_revisions_status_valid" CHECK ("case_revisions"."status" in ('draft', 'submitted', 'changes_requested', 'approved', 'rejected', 'superseded')),
	CONSTRAINT "case_revisions_number_positive" CHECK ("case_revisions"."number" >= 1),
	CONSTRAINT "case_revisions_title_length" CHECK (char_length("case_revisions"."title") <= 200),
	CONSTRAINT "case_revisions_summary_length" CHECK (char_length("case_revisions"."summary") <= 600),
	CONSTRAINT "case_revisions_language_format" CHECK ("case_revisions"."language" ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
	CONSTRAINT "case_revisions_goals_range" CHECK ("case_revisions"."sdg_goals" <@ '{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17}'::integer[]),
	CONSTRAINT "case_revisions_budget_amount_positive" CHECK ("case_revisions"."budget_amount" is null or "case_revisions"."budget_amount" >= 0),
	CONSTRAINT "case_revisions_budget_usd_positive" CHECK ("case_revisions"."budget_usd" is null or "case_revisions"."budget_usd" >= 0),
	CONSTRAINT "case_revisions_budget_currency_format" CHECK ("case_revisions"."budget_currency" is null or "case_revisions"."budget_currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "case_revisions_budget_year_range" CHECK ("case_revisions"."budget_year" is null or "case_revisions"."budget_year" between 1900 and 2100),
	CONSTRAINT "case_revisions_start_year_range" CHECK ("case_revisions"."start_year" is null or "case_revisions"."start_year" between 1900 and 2100),
	CONSTRAINT "case_revisions_staff_positive" CHECK (("case_revisions"."staff_headcount" is null or "case_revisions"."staff_headcount" >= 0) and ("case_revisions"."staff_fte" is null or "case_revisions"."staff_fte" >= 0)),
	CONSTRAINT "case_revisions_timeline_format" CHECK (("case_revisions"."timeline_start" is null or "case_revisions"."timeline_start" ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$') and ("case_revisions"."timeline_end" is null or "case_revisions"."timeline_end" ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'))
);
--> statement-breakpoint
CREATE TABLE "policy_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"city_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_revision_id" uuid,
	"working_revision_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"last_reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "policy_cases_slug_unique" UNIQUE("slug"),
	CONSTRAINT "policy_cases_slug_format" CHECK ("policy_cases"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length("policy_cases"."slug") <= 120),
	CONSTRAINT "policy_cases_status_valid" CHECK ("policy_cases"."status" in ('draft', 'submitted', 'changes_requested', 'published', 'rejected', 'unpublished', 'archived')),
	CONSTRAINT "policy_cases_published_has_revision" CHECK ("policy_cases"."status" <> 'published' or "policy_cases"."published_revision_id" is not null),
	CONSTRAINT "policy_cases_version_positive" CHECK ("policy_cases"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"moderator_id" uuid,
	"decision" text NOT NULL,
	"comment" text,
	"field_comments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_decision_valid" CHECK ("reviews"."decision" in ('approve', 'request_changes', 'reject')),
	CONSTRAINT "reviews_comment_required" CHECK ("reviews"."decision" = 'approve' or char_length(coalesce("reviews"."comment", '')) > 0)
);
--> statement-breakpoint
CREATE TABLE "search_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"op" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "search_outbox_op_valid" CHECK ("search_outbox"."op" in ('upsert', 'remove')),
	CONSTRAINT "search_outbox_status_valid" CHECK ("search_outbox"."status" in ('pending', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid,
	"city_id" uuid NOT NULL,
	"uploader_id" uuid,
	"kind" text NOT NULL,
	"storage_key" text NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer,
	"height" integer,
	"variants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"original_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "uploads_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "uploads_kind_valid" CHECK ("uploads"."kind" in ('image', 'document')),
	CONSTRAINT "uploads_mime_valid" CHECK ("uploads"."mime_type" in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
	CONSTRAINT "uploads_bytes_positive" CHECK ("uploads"."bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"status" text DEFAULT 'visible' NOT NULL,
	"report_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comments_status_valid" CHECK ("comments"."status" in ('visible', 'hidden', 'deleted')),
	CONSTRAINT "comments_body_length" CHECK (char_length("comments"."body") between 1 and 5000),
	CONSTRAINT "comments_report_count_positive" CHECK ("comments"."report_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "cooperation_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cooperation_replies_body_length" CHECK (char_length("cooperation_replies"."body") between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "cooperation_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"from_user_id" uuid,
	"from_city_id" uuid,
	"to_city_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cooperation_requests_kind_valid" CHECK ("cooperation_requests"."kind" in ('information', 'study_visit', 'expert_exchange', 'training', 'partnership')),
	CONSTRAINT "cooperation_requests_status_valid" CHECK ("cooperation_requests"."status" in ('open', 'answered', 'closed')),
	CONSTRAINT "cooperation_requests_message_length" CHECK (char_length("cooperation_requests"."message") between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"adopting_city_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer,
	"status" text NOT NULL,
	"outcome" text,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfers_natural_key" UNIQUE NULLS NOT DISTINCT("case_id","adopting_city_id","kind","year"),
	CONSTRAINT "transfers_kind_valid" CHECK ("transfers"."kind" in ('consulting', 'mou', 'loi', 'feasibility-study', 'training', 'pilot', 'construction', 'full-adoption')),
	CONSTRAINT "transfers_status_valid" CHECK ("transfers"."status" in ('agreed', 'in-progress', 'completed', 'cancelled')),
	CONSTRAINT "transfers_year_range" CHECK ("transfers"."year" is null or "transfers"."year" between 1900 and 2100)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_ip" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"city_id" uuid,
	"case_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"case_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"read" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sdg_indicators" ADD CONSTRAINT "sdg_indicators_target_code_sdg_targets_code_fk" FOREIGN KEY ("target_code") REFERENCES "public"."sdg_targets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sdg_targets" ADD CONSTRAINT "sdg_targets_goal_sdg_goals_goal_fk" FOREIGN KEY ("goal") REFERENCES "public"."sdg_goals"("goal") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_networks" ADD CONSTRAINT "city_networks_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_networks" ADD CONSTRAINT "city_networks_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_relations" ADD CONSTRAINT "city_relations_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_relations" ADD CONSTRAINT "city_relations_related_city_id_cities_id_fk" FOREIGN KEY ("related_city_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_memberships" ADD CONSTRAINT "city_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_memberships" ADD CONSTRAINT "city_memberships_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_memberships" ADD CONSTRAINT "city_memberships_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_revisions" ADD CONSTRAINT "case_revisions_case_id_policy_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."policy_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_revisions" ADD CONSTRAINT "case_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_revisions" ADD CONSTRAINT "case_revisions_last_editor_id_users_id_fk" FOREIGN KEY ("last_editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_cases" ADD CONSTRAINT "policy_cases_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_cases" ADD CONSTRAINT "policy_cases_published_revision_id_case_revisions_id_fk" FOREIGN KEY ("published_revision_id") REFERENCES "public"."case_revisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_cases" ADD CONSTRAINT "policy_cases_working_revision_id_case_revisions_id_fk" FOREIGN KEY ("working_revision_id") REFERENCES "public"."case_revisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_cases" ADD CONSTRAINT "policy_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_case_id_policy_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."policy_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_revision_id_case_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."case_revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_moderator_id_users_id_fk" FOREIGN KEY ("moderator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_case_id_policy_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."policy_cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_uploader_id_users_id_fk" FOREIGN KEY ("uploader_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_case_id_policy_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."policy_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_replies" ADD CONSTRAINT "cooperation_replies_request_id_cooperation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."cooperation_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_replies" ADD CONSTRAINT "cooperation_replies_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_requests" ADD CONSTRAINT "cooperation_requests_case_id_policy_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."policy_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_requests" ADD CONSTRAINT "cooperation_requests_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_requests" ADD CONSTRAINT "cooperation_requests_from_city_id_cities_id_fk" FOREIGN KEY ("from_city_id") REFERENCES "public"."cities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_requests" ADD CONSTRAINT "cooperation_requests_to_city_id_cities_id_fk" FOREIGN KEY ("to_city_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_case_id_policy_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."policy_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_adopting_city_id_cities_id_fk" FOREIGN KEY ("adopting_city_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sdg_indicators_target_idx" ON "sdg_indicators" USING btree ("target_code");--> statement-breakpoint
CREATE INDEX "sdg_targets_goal_idx" ON "sdg_targets" USING btree ("goal");--> statement-breakpoint
CREATE INDEX "cities_country_idx" ON "cities" USING btree ("country_code");--> statement-breakpoint
CREATE UNIQUE INDEX "city_memberships_user_city_unique" ON "city_memberships" USING btree ("user_id","city_id");--> statement-breakpoint
CREATE INDEX "city_memberships_city_status_idx" ON "city_memberships" USING btree ("city_id","status");--> statement-breakpoint
CREATE INDEX "password_reset_tokens_user_idx" ON "password_reset_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "case_revisions_case_number_unique" ON "case_revisions" USING btree ("case_id","number");--> statement-breakpoint
CREATE INDEX "case_revisions_status_idx" ON "case_revisions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "case_revisions_sdg_goals_idx" ON "case_revisions" USING gin ("sdg_goals");--> statement-breakpoint
CREATE INDEX "case_revisions_sdg_targets_idx" ON "case_revisions" USING gin ("sdg_targets");--> statement-breakpoint
CREATE INDEX "case_revisions_policy_areas_idx" ON "case_revisions" USING gin ("policy_areas");--> statement-breakpoint
CREATE INDEX "policy_cases_city_status_idx" ON "policy_cases" USING btree ("city_id","status");--> statement-breakpoint
CREATE INDEX "policy_cases_published_at_idx" ON "policy_cases" USING btree ("published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_revision_unique" ON "reviews" USING btree ("revision_id");--> statement-breakpoint
CREATE INDEX "reviews_case_idx" ON "reviews" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "search_outbox_pending_idx" ON "search_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "comments_case_idx" ON "comments" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "cooperation_replies_request_idx" ON "cooperation_replies" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "cooperation_requests_to_city_idx" ON "cooperation_requests" USING btree ("to_city_id","status");--> statement-breakpoint
CREATE INDEX "transfers_city_idx" ON "transfers" USING btree ("adopting_city_id");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_case_idx" ON "audit_events" USING btree ("case_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_occurred_idx" ON "audit_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","read","created_at");