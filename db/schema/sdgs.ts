import { check, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/** The 17 UN Sustainable Development Goals, seeded from the official list. */
export const sdgGoals = pgTable(
  "sdg_goals",
  {
    goal: integer("goal").primaryKey(),
    shortName: text("short_name").notNull(),
    title: text("title").notNull(),
    color: text("color").notNull(),
  },
  (t) => [
    check("sdg_goals_goal_range", sql`${t.goal} between 1 and 17`),
    check("sdg_goals_color_hex", sql`${t.color} ~ '^#[0-9A-Fa-f]{6}$'`),
  ],
);

export const sdgTargets = pgTable(
  "sdg_targets",
  {
    code: text("code").primaryKey(),
    goal: integer("goal")
      .notNull()
      .references(() => sdgGoals.goal),
    position: integer("position").notNull(),
    text: text("text").notNull(),
  },
  (t) => [
    index("sdg_targets_goal_idx").on(t.goal),
    check("sdg_targets_code_format", sql`${t.code} ~ '^[0-9]{1,2}\\.[0-9a-z]{1,2}$'`),
  ],
);

export const sdgIndicators = pgTable(
  "sdg_indicators",
  {
    code: text("code").primaryKey(),
    targetCode: text("target_code")
      .notNull()
      .references(() => sdgTargets.code),
    position: integer("position").notNull(),
    text: text("text").notNull(),
  },
  (t) => [index("sdg_indicators_target_idx").on(t.targetCode)],
);
