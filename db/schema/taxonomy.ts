import { check, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/** Managed taxonomy of policy areas; labels are keyed by language (en, ko, fr, es …). */
export const policyAreas = pgTable(
  "policy_areas",
  {
    key: text("key").primaryKey(),
    position: integer("position").notNull(),
    labels: jsonb("labels").$type<Record<string, string>>().notNull(),
  },
  (t) => [check("policy_areas_key_format", sql`${t.key} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)],
);
