import {
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { cities } from "./cities";

export const GLOBAL_ROLES = ["member", "moderator", "admin"] as const;
export type GlobalRole = (typeof GLOBAL_ROLES)[number];
export const CITY_ROLES = ["official", "city_admin"] as const;
export type CityRole = (typeof CITY_ROLES)[number];
export const MEMBERSHIP_STATUSES = ["requested", "active", "refused", "revoked", "left"] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Normalised: trimmed and lower-cased before it is stored. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role").$type<GlobalRole>().notNull().default("member"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /** Bumped to revoke every session issued before; JWTs carry the version they were issued with. */
    sessionVersion: integer("session_version").notNull().default(1),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    check("users_role_valid", sql`${t.role} in ('member', 'moderator', 'admin')`),
    check("users_email_normalised", sql`${t.email} = lower(btrim(${t.email})) and position('@' in ${t.email}) > 1`),
    check("users_name_length", sql`char_length(${t.name}) between 1 and 200`),
  ],
);

export const cityMemberships = pgTable(
  "city_memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    cityId: uuid("city_id")
      .notNull()
      .references(() => cities.id, { onDelete: "cascade" }),
    role: text("role").$type<CityRole>().notNull().default("official"),
    status: text("status").$type<MembershipStatus>().notNull().default("requested"),
    message: text("message"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("city_memberships_user_city_unique").on(t.userId, t.cityId),
    index("city_memberships_city_status_idx").on(t.cityId, t.status),
    check("city_memberships_role_valid", sql`${t.role} in ('official', 'city_admin')`),
    check(
      "city_memberships_status_valid",
      sql`${t.status} in ('requested', 'active', 'refused', 'revoked', 'left')`,
    ),
  ],
);

/** One-time password reset tokens; only a SHA-256 of the token is stored. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_reset_tokens_user_idx").on(t.userId)],
);

/** Fixed-window counters for abuse limits, shared by every app replica through the database. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [check("rate_limits_count_positive", sql`${t.count} >= 0`)],
);
