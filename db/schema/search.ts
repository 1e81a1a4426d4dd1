import { boolean, customType, doublePrecision, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { policyCases } from "./cases";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The postgres search engine's index: one row per published case, built by lib/search/document.ts
 * and written only by lib/search/postgres.ts. Facet values are real columns for display and also
 * flattened into `facet_keys` ("sdg:11", "city:seoul") so that every filter is one GIN lookup and
 * every facet count is one pass.
 */
export const searchDocuments = pgTable(
  "search_documents",
  {
    caseId: uuid("case_id")
      .primaryKey()
      .references(() => policyCases.id, { onDelete: "cascade" }),
    revisionId: uuid("revision_id").notNull(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    language: text("language").notNull(),
    citySlug: text("city_slug").notNull(),
    cityName: text("city_name").notNull(),
    country: text("country").notNull(),
    countryCode: text("country_code").notNull(),
    region: text("region").notNull(),
    sdgGoals: integer("sdg_goals").array().notNull(),
    sdgTargets: text("sdg_targets").array().notNull(),
    policyAreas: text("policy_areas").array().notNull(),
    startYear: integer("start_year"),
    budgetUsd: doublePrecision("budget_usd"),
    transferred: boolean("transferred").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    facetKeys: text("facet_keys").array().notNull(),
    /** Weighted: A title, B summary/tags/translations, C places and people, D body. */
    tsv: tsvector("tsv").notNull(),
    indexedAt: timestamp("indexed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("search_documents_tsv_idx").using("gin", t.tsv),
    index("search_documents_facet_keys_idx").using("gin", t.facetKeys),
    index("search_documents_published_idx").on(t.publishedAt),
    index("search_documents_budget_idx").on(t.budgetUsd),
  ],
);

/**
 * Vocabulary of indexed words (unaccented, lower case), used to correct typos with pg_trgm
 * similarity: a small table, so a trigram lookup per query word stays fast at any corpus size.
 */
export const searchTerms = pgTable(
  "search_terms",
  { term: text("term").primaryKey() },
  (t) => [index("search_terms_trgm_idx").using("gin", sql`${t.term} gin_trgm_ops`)],
);

/**
 * Text search configurations in use by indexed documents and translations ("english", "french"):
 * a query is parsed in each of them (and `simple`), so it finds stems in every language present
 * without paying for languages that are not.
 */
export const searchConfigs = pgTable("search_configs", { config: text("config").primaryKey() });
