/**
 * The one search interface the app knows. `postgres` (default) searches the same database;
 * `meilisearch` is chosen when MEILI_HOST is set. Both index the SearchDocument of document.ts.
 */
import type { BudgetBand, Facet, SearchDocument } from "./document";

export const SORTS = ["relevance", "newest", "budget"] as const;
export type SearchSort = (typeof SORTS)[number];
export const MAX_PER_PAGE = 100;

export type SearchFilters = {
  sdg: number[];
  target: string[];
  area: string[];
  region: string[];
  country: string[];
  city: string[];
  language: string[];
  /** Budget bands (the page's facet); budgetUsdMin/Max are the API's open range. */
  budgetBand: BudgetBand[];
  stakeholderType: string[];
  yearFrom?: number;
  yearTo?: number;
  budgetUsdMin?: number;
  budgetUsdMax?: number;
  transferred?: boolean;
};

export type SearchRequest = {
  q: string;
  filters: SearchFilters;
  sort: SearchSort;
  /** 1-based. */
  page: number;
  perPage: number;
  /** Treat the last word as a prefix (suggestions as you type: "transp" finds "transport"). */
  prefix?: boolean;
  /** Facet counts cost a pass over the matches; suggestions and related lists skip them. */
  withFacets?: boolean;
};

export type FacetCount = { value: string; count: number };
export type FacetCounts = Record<Facet, FacetCount[]>;

export type SearchHit = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  language: string;
  city: { slug: string; name: string; country: string; countryCode: string };
  sdgGoals: number[];
  sdgTargets: string[];
  policyAreas: string[];
  budgetUsd: number | null;
  startYear: number | null;
  transferred: boolean;
  publishedAt: string;
};

export type SearchResult = {
  hits: SearchHit[];
  total: number;
  /**
   * True when `total` is an estimate: the postgres engine counts a match set estimated larger
   * than EXACT_TOTAL_LIMIT (10,000) on a sample and rounds it ("about 46,000").
   */
  totalApproximate: boolean;
  page: number;
  perPage: number;
  facets: FacetCounts | null;
  /**
   * True when facet counts are estimates: the postgres engine counts a match set larger than
   * EXACT_FACET_COUNT_LIMIT on a uniform sample of it and scales up.
   */
  facetsApproximate: boolean;
  engine: EngineName;
  tookMs: number;
  /** Words the engine corrected ("transprot" → "transport"), for a "showing results for" line. */
  corrections: { from: string; to: string }[];
};

export type EngineName = "postgres" | "meilisearch";
export type EngineHealth = { engine: EngineName; ok: boolean; documents: number | null; detail?: string };

export type RelatedCase = Pick<SearchHit, "id" | "slug" | "title" | "summary" | "city" | "sdgGoals" | "policyAreas">;

export interface SearchEngine {
  readonly name: EngineName;
  /** Inserts or replaces documents by id. Idempotent. */
  upsert(docs: SearchDocument[]): Promise<void>;
  /** Removes documents by case id; unknown ids are ignored. */
  remove(caseIds: string[]): Promise<void>;
  search(req: SearchRequest): Promise<SearchResult>;
  /** Drops every document (tests, and the first step of a postgres rebuild). */
  reset(): Promise<void>;
  health(): Promise<EngineHealth>;
  /** The most similar published cases: shared SDG targets and areas first, then shared words. */
  related(caseId: string, limit: number): Promise<RelatedCase[]>;
  /**
   * Rebuilds the index from a full stream of documents. Meilisearch builds a temporary index and
   * swaps it in atomically; postgres replaces rows in one transaction.
   */
  rebuild(batches: AsyncIterable<SearchDocument[]>): Promise<{ documents: number }>;
}

/**
 * The value filters of a request, as facet and values (values of one facet are OR'ed, facets
 * AND'ed): the one list both engines build their conditions from. Ranges are the engines' own.
 */
export function valueFilters(f: SearchFilters): [Facet, string[]][] {
  const all: [Facet, string[]][] = [
    ["sdg", f.sdg.map(String)],
    ["target", f.target],
    ["area", f.area],
    ["region", f.region],
    ["country", f.country],
    ["city", f.city],
    ["language", f.language],
    ["budgetBand", f.budgetBand],
    ["stakeholderType", f.stakeholderType],
    ["transferred", f.transferred === undefined ? [] : [String(f.transferred)]],
  ];
  return all.filter(([, values]) => values.length > 0);
}

/** The filter groups of a request: one per value-filtered facet, plus the two ranges. */
export type FilterGroupName = Facet | "yearRange" | "budgetRange";

/**
 * The filters a facet's own counts leave out, so that its other values keep their counts: its
 * values, and a range over the same field (a year range for the year facet; budget bands and a
 * budget range for the budget facet). Both engines count disjunctive facets by this.
 */
export function filterGroupsOfFacet(facet: Facet): FilterGroupName[] {
  if (facet === "year") return ["yearRange"];
  if (facet === "budgetBand") return ["budgetBand", "budgetRange"];
  return [facet];
}

const byValue = new Intl.Collator("en", { numeric: true });

/** The order of a facet's values: most cases first, ties by value with numbers in numeric order ("11.2" before "11.10"). */
export function byFacetCount(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || byValue.compare(a.value, b.value);
}

export function emptyFilters(): SearchFilters {
  return {
    sdg: [],
    target: [],
    area: [],
    region: [],
    country: [],
    city: [],
    language: [],
    budgetBand: [],
    stakeholderType: [],
  };
}

export class SearchEngineUnavailableError extends Error {
  constructor(engine: EngineName, cause: unknown) {
    super(`The ${engine} search engine is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

const globalForEngine = globalThis as unknown as { __searchEngine?: Promise<SearchEngine> };

/** The process's engine: Meilisearch when MEILI_HOST is set, else postgres over the app database. */
export function getSearchEngine(): Promise<SearchEngine> {
  globalForEngine.__searchEngine ??= (async () => {
    const { env } = await import("../env");
    if (env.MEILI_HOST) {
      const { createMeilisearchEngine } = await import("./meilisearch");
      return createMeilisearchEngine({ host: env.MEILI_HOST, apiKey: env.MEILI_API_KEY, index: env.MEILI_INDEX });
    }
    const { createPostgresEngine } = await import("./postgres");
    const { db, getDatabase } = await import("../../db/client");
    const handle = getDatabase();
    return createPostgresEngine(db, { vacuumEvery: handle.driver === "pglite" ? 1000 : undefined, textSearchDb: handle.textSearchDb });
  })();
  globalForEngine.__searchEngine.catch(() => {
    globalForEngine.__searchEngine = undefined;
  });
  return globalForEngine.__searchEngine;
}
