import { bigint, boolean, customType, doublePrecision, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { policyCases } from "./cases";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The postgres search engine's index: one row per published case, built by lib/search/document.ts
 * and written only by lib/search/postgres.ts. Facet values are real columns for display and also
 * flattened into `facet_codes` (integer codes of "sdg:11", "city:seoul" from search_facet_codes)
 * so that every filter is one GIN lookup and every facet count is one pass over small integers.
 *
 * The row is kept narrow on purpose: the big full-text vector, the summary and the title are
 * stored out of line (migration 0005), so a query that touches thousands of matches reads a few
 * MB, not the whole text. Ranking uses the small `title_tsv`; the full `tsv` is only read through
 * its index. Besides its words, `tsv` holds their neighbouring pairs (" public 1 transport",
 * migration 0008), so phrases too are answered by the index alone.
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
    facetCodes: integer("facet_codes").array().notNull().default(sql`'{}'::integer[]`),
    /** lower(unaccent(title)): the exact-title and phrase-in-title bonus of the ranking. */
    titleFolded: text("title_folded").notNull().default(""),
    /** Titles in every language (A) and tags (B): small, so ranking thousands of matches is cheap. */
    titleTsv: tsvector("title_tsv").notNull().default(sql`''::tsvector`),
    /** Weighted: A title, B summary/tags/translations, C places and people, D body. */
    tsv: tsvector("tsv").notNull(),
    indexedAt: timestamp("indexed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("search_documents_tsv_idx").using("gin", t.tsv),
    index("search_documents_facet_codes_idx").using("gin", t.facetCodes),
    index("search_documents_title_tsv_idx").using("gin", t.titleTsv),
    index("search_documents_published_idx").on(t.publishedAt),
    // In the budget sort's own order, so "largest budget first" with filters only walks it and
    // stops at the page (migration 0009); it also answers budget ranges.
    index("search_documents_budget_order_idx").on(t.budgetUsd.desc().nullsLast(), t.publishedAt.desc().nullsFirst(), t.caseId),
    index("search_documents_start_year_idx").on(t.startYear),
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

/** Integer codes of facet keys ("sdg:11" → 7): counting small integers is several times faster. */
export const searchFacetCodes = pgTable("search_facet_codes", {
  code: integer("code").primaryKey().generatedAlwaysAsIdentity(),
  key: text("key").notNull().unique(),
});

/**
 * One row whose `generation` a trigger sets from a sequence on every change to search_documents
 * (migration 0005): a process may keep results that depend on the whole index (the unfiltered facet counts
 * of the search page's first view) for as long as the generation has not moved.
 */
export const searchState = pgTable("search_state", {
  id: integer("id").primaryKey().default(1),
  generation: bigint("generation", { mode: "number" }).notNull().default(0),
});
