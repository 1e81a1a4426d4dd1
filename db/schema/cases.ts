import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { cities } from "./cities";
import { users } from "./users";
import type {
  Contact,
  FundingSource,
  MediaItem,
  Milestone,
  Obstacle,
  Reference,
  ResultIndicator,
  Sections,
  StaffDetails,
  Stakeholder,
  Translations,
} from "../../lib/cases/types";

export const CASE_STATUSES = [
  "draft",
  "submitted",
  "changes_requested",
  "published",
  "rejected",
  "unpublished",
  "archived",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A revision is mutable while it is a draft; submitting freezes it. */
export const REVISION_STATUSES = [
  "draft",
  "submitted",
  "changes_requested",
  "approved",
  "rejected",
  "superseded",
] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

/** The identity of a policy case. What readers see lives in case_revisions. */
export const policyCases = pgTable(
  "policy_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    cityId: uuid("city_id")
      .notNull()
      .references(() => cities.id, { onDelete: "restrict" }),
    status: text("status").$type<CaseStatus>().notNull().default("draft"),
    /** The revision the public sees; null until first approval. */
    publishedRevisionId: uuid("published_revision_id").references((): AnyPgColumn => caseRevisions.id, {
      onDelete: "set null",
    }),
    /** The revision being written or reviewed; null when nothing is in progress. */
    workingRevisionId: uuid("working_revision_id").references((): AnyPgColumn => caseRevisions.id, {
      onDelete: "set null",
    }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    lastReviewedAt: timestamp("last_reviewed_at", { withTimezone: true }),
    /** Optimistic lock: every write to the case or its working revision bumps it. */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("policy_cases_city_status_idx").on(t.cityId, t.status),
    index("policy_cases_published_at_idx").on(t.publishedAt),
    check("policy_cases_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(${t.slug}) <= 120`),
    check(
      "policy_cases_status_valid",
      sql`${t.status} in ('draft', 'submitted', 'changes_requested', 'published', 'rejected', 'unpublished', 'archived')`,
    ),
    check("policy_cases_published_has_revision", sql`${t.status} <> 'published' or ${t.publishedRevisionId} is not null`),
    check("policy_cases_version_positive", sql`${t.version} >= 1`),
  ],
);

/** An immutable (once submitted) snapshot of everything a reader sees. */
export const caseRevisions = pgTable(
  "case_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references((): AnyPgColumn => policyCases.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    status: text("status").$type<RevisionStatus>().notNull().default("draft"),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    lastEditorId: uuid("last_editor_id").references(() => users.id, { onDelete: "set null" }),

    title: text("title").notNull().default(""),
    summary: text("summary").notNull().default(""),
    language: text("language").notNull().default("en"),
    sdgGoals: integer("sdg_goals").array().notNull().default(sql`'{}'::integer[]`),
    sdgTargets: text("sdg_targets").array().notNull().default(sql`'{}'::text[]`),
    policyAreas: text("policy_areas").array().notNull().default(sql`'{}'::text[]`),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    sections: jsonb("sections").$type<Sections>().notNull().default({}),

    budgetAmount: doublePrecision("budget_amount"),
    budgetCurrency: text("budget_currency"),
    budgetYear: integer("budget_year"),
    budgetUsd: doublePrecision("budget_usd"),
    budgetNote: text("budget_note"),
    fundingSources: jsonb("funding_sources").$type<FundingSource[]>().notNull().default([]),

    staffHeadcount: integer("staff_headcount"),
    staffFte: doublePrecision("staff_fte"),
    staff: jsonb("staff").$type<StaffDetails>().notNull().default({ departments: [], partnerPersonnel: [] }),

    stakeholders: jsonb("stakeholders").$type<Stakeholder[]>().notNull().default([]),
    /** Partial ISO dates: "2004", "2016-06" or "2016-06-09". */
    timelineStart: text("timeline_start"),
    timelineEnd: text("timeline_end"),
    ongoing: boolean("ongoing").notNull().default(false),
    /** The start year as a facet column, derived from timeline_start. */
    startYear: integer("start_year"),
    milestones: jsonb("milestones").$type<Milestone[]>().notNull().default([]),
    obstacles: jsonb("obstacles").$type<Obstacle[]>().notNull().default([]),
    results: jsonb("results").$type<ResultIndicator[]>().notNull().default([]),
    contacts: jsonb("contacts").$type<Contact[]>().notNull().default([]),
    media: jsonb("media").$type<MediaItem[]>().notNull().default([]),
    references: jsonb("references").$type<Reference[]>().notNull().default([]),
    translations: jsonb("translations").$type<Translations>().notNull().default({}),

    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("case_revisions_case_number_unique").on(t.caseId, t.number),
    index("case_revisions_status_idx").on(t.status),
    index("case_revisions_sdg_goals_idx").using("gin", t.sdgGoals),
    index("case_revisions_sdg_targets_idx").using("gin", t.sdgTargets),
    index("case_revisions_policy_areas_idx").using("gin", t.policyAreas),
    check(
      "case_revisions_status_valid",
      sql`${t.status} in ('draft', 'submitted', 'changes_requested', 'approved', 'rejected', 'superseded')`,
    ),
    check("case_revisions_number_positive", sql`${t.number} >= 1`),
    check("case_revisions_title_length", sql`char_length(${t.title}) <= 200`),
    check("case_revisions_summary_length", sql`char_length(${t.summary}) <= 600`),
    check("case_revisions_language_format", sql`${t.language} ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'`),
    check("case_revisions_goals_range", sql`${t.sdgGoals} <@ '{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17}'::integer[]`),
    check("case_revisions_budget_amount_positive", sql`${t.budgetAmount} is null or ${t.budgetAmount} >= 0`),
    check("case_revisions_budget_usd_positive", sql`${t.budgetUsd} is null or ${t.budgetUsd} >= 0`),
    check("case_revisions_budget_currency_format", sql`${t.budgetCurrency} is null or ${t.budgetCurrency} ~ '^[A-Z]{3}$'`),
    check("case_revisions_budget_year_range", sql`${t.budgetYear} is null or ${t.budgetYear} between 1900 and 2100`),
    check("case_revisions_start_year_range", sql`${t.startYear} is null or ${t.startYear} between 1900 and 2100`),
    check("case_revisions_staff_positive", sql`(${t.staffHeadcount} is null or ${t.staffHeadcount} >= 0) and (${t.staffFte} is null or ${t.staffFte} >= 0)`),
    check("case_revisions_timeline_format", sql`(${t.timelineStart} is null or ${t.timelineStart} ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$') and (${t.timelineEnd} is null or ${t.timelineEnd} ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$')`),
  ],
);

export const REVIEW_DECISIONS = ["approve", "request_changes", "reject"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** A moderator's decision on one submitted revision. One decision per revision. */
export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => policyCases.id, { onDelete: "cascade" }),
    revisionId: uuid("revision_id")
      .notNull()
      .references(() => caseRevisions.id, { onDelete: "cascade" }),
    moderatorId: uuid("moderator_id").references(() => users.id, { onDelete: "set null" }),
    decision: text("decision").$type<ReviewDecision>().notNull(),
    comment: text("comment"),
    /** Comments pinned to fields, e.g. { field: "budget", comment: "Which year?" }. */
    fieldComments: jsonb("field_comments").$type<{ field: string; comment: string }[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reviews_revision_unique").on(t.revisionId),
    index("reviews_case_idx").on(t.caseId),
    check("reviews_decision_valid", sql`${t.decision} in ('approve', 'request_changes', 'reject')`),
    check("reviews_comment_required", sql`${t.decision} = 'approve' or char_length(coalesce(${t.comment}, '')) > 0`),
  ],
);

/** Files uploaded for a case: images (re-encoded) and PDF documents. */
export const uploads = pgTable(
  "uploads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").references(() => policyCases.id, { onDelete: "set null" }),
    cityId: uuid("city_id")
      .notNull()
      .references(() => cities.id, { onDelete: "cascade" }),
    uploaderId: uuid("uploader_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").$type<"image" | "document">().notNull(),
    storageKey: text("storage_key").notNull().unique(),
    mimeType: text("mime_type").notNull(),
    bytes: integer("bytes").notNull(),
    width: integer("width"),
    height: integer("height"),
    variants: jsonb("variants").$type<{ width: number; key: string }[]>().notNull().default([]),
    originalName: text("original_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("uploads_kind_valid", sql`${t.kind} in ('image', 'document')`),
    check("uploads_mime_valid", sql`${t.mimeType} in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')`),
    check("uploads_bytes_positive", sql`${t.bytes} > 0`),
  ],
);

/** Search outbox: written in the same transaction as the change, drained to the search engine. */
export const searchOutbox = pgTable(
  "search_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id").notNull(),
    op: text("op").$type<"upsert" | "remove">().notNull(),
    status: text("status").$type<"pending" | "done" | "failed">().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (t) => [
    index("search_outbox_pending_idx").on(t.status, t.nextAttemptAt),
    check("search_outbox_op_valid", sql`${t.op} in ('upsert', 'remove')`),
    check("search_outbox_status_valid", sql`${t.status} in ('pending', 'done', 'failed')`),
  ],
);
