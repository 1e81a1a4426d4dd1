import { check, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { cities } from "./cities";
import { users } from "./users";
import { policyCases } from "./cases";

/** Members' comments on published cases; post-moderated (reports hide past a threshold). */
export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => policyCases.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    status: text("status").$type<"visible" | "hidden" | "deleted">().notNull().default("visible"),
    reportCount: integer("report_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("comments_case_idx").on(t.caseId, t.createdAt),
    check("comments_status_valid", sql`${t.status} in ('visible', 'hidden', 'deleted')`),
    check("comments_body_length", sql`char_length(${t.body}) between 1 and 5000`),
    check("comments_report_count_positive", sql`${t.reportCount} >= 0`),
  ],
);

export const COOPERATION_KINDS = ["information", "study_visit", "expert_exchange", "training", "partnership"] as const;

/** A request for cooperation from a member (and their city) to the city that owns a case. */
export const cooperationRequests = pgTable(
  "cooperation_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => policyCases.id, { onDelete: "cascade" }),
    fromUserId: uuid("from_user_id").references(() => users.id, { onDelete: "set null" }),
    fromCityId: uuid("from_city_id").references(() => cities.id, { onDelete: "set null" }),
    toCityId: uuid("to_city_id")
      .notNull()
      .references(() => cities.id, { onDelete: "cascade" }),
    kind: text("kind").$type<(typeof COOPERATION_KINDS)[number]>().notNull(),
    message: text("message").notNull(),
    status: text("status").$type<"open" | "answered" | "closed">().notNull().default("open"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cooperation_requests_to_city_idx").on(t.toCityId, t.status),
    check(
      "cooperation_requests_kind_valid",
      sql`${t.kind} in ('information', 'study_visit', 'expert_exchange', 'training', 'partnership')`,
    ),
    check("cooperation_requests_status_valid", sql`${t.status} in ('open', 'answered', 'closed')`),
    check("cooperation_requests_message_length", sql`char_length(${t.message}) between 1 and 10000`),
  ],
);

export const cooperationReplies = pgTable(
  "cooperation_replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => cooperationRequests.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cooperation_replies_request_idx").on(t.requestId, t.createdAt),
    check("cooperation_replies_body_length", sql`char_length(${t.body}) between 1 and 10000`),
  ],
);

export const TRANSFER_KINDS = [
  "consulting",
  "mou",
  "loi",
  "feasibility-study",
  "training",
  "pilot",
  "construction",
  "full-adoption",
] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];
export const TRANSFER_STATUSES = ["agreed", "in-progress", "completed", "cancelled"] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** A policy adoption: which city took up which case, how, and with what outcome. */
export const transfers = pgTable(
  "transfers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => policyCases.id, { onDelete: "cascade" }),
    adoptingCityId: uuid("adopting_city_id")
      .notNull()
      .references(() => cities.id, { onDelete: "cascade" }),
    kind: text("kind").$type<TransferKind>().notNull(),
    year: integer("year"),
    status: text("status").$type<TransferStatus>().notNull(),
    outcome: text("outcome"),
    source: text("source"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("transfers_natural_key").on(t.caseId, t.adoptingCityId, t.kind, t.year).nullsNotDistinct(),
    index("transfers_city_idx").on(t.adoptingCityId),
    check(
      "transfers_kind_valid",
      sql`${t.kind} in ('consulting', 'mou', 'loi', 'feasibility-study', 'training', 'pilot', 'construction', 'full-adoption')`,
    ),
    check("transfers_status_valid", sql`${t.status} in ('agreed', 'in-progress', 'completed', 'cancelled')`),
    check("transfers_year_range", sql`${t.year} is null or ${t.year} between 1900 and 2100`),
  ],
);
