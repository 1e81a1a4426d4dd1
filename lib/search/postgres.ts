/**
 * The default search engine: full-text search inside the app's own database (PGlite or
 * PostgreSQL 15+), no extra service. Per row: one tsvector holding the text in its own language's
 * configuration (stemming) and in `simple` (exact words, CJK bigrams), everything unaccented;
 * a GIN index answers `websearch_to_tsquery`. Typos are corrected word by word against a
 * vocabulary table with pg_trgm similarity. Facets are counted by SQL over `facet_codes`, small
 * integer codes of "facet:value" keys.
 *
 * Speed at 100,000 cases comes from reading little per match: the row is narrow (the full vector
 * and the display text live out of line), ranking reads only the small title vector, facet
 * counts hash integers, the page's total comes out of the same pass as the facet counts, and the
 * counts of the whole index (the first view of the search page, and the facet of a sole active
 * filter) are kept per process until the index changes (`search_state.generation`).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { BUDGET_BANDS, FACETS, facetKeysOf, type Facet, type SearchDocument } from "./document";
import {
  byFacetCount,
  filterGroupsOfFacet,
  valueFilters,
  type EngineHealth,
  type FacetCounts,
  type FilterGroupName,
  type RelatedCase,
  type SearchEngine,
  type SearchFilters,
  type SearchHit,
  type SearchRequest,
  type SearchResult,
} from "./engine";
import { STAKEHOLDER_TYPES } from "../cases/schemas";
import { cjkBigrams, foldText, hasCjk, queryWords, textSearchConfig, TEXT_SEARCH_CONFIGS } from "./text";
import { rewritePhrases } from "./word-pairs";

type Row = Record<string, unknown>;

async function rows<T extends Row>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

function textArray(values: readonly string[]): SQL {
  if (values.length === 0) return sql`'{}'::text[]`;
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

function intArray(values: readonly number[]): SQL {
  if (values.length === 0) return sql`'{}'::integer[]`;
  return sql`array[${sql.join(
    values.map((v) => sql`${Math.trunc(v)}`),
    sql`, `,
  )}]::integer[]`;
}

/** One key of a page's order: an expression and its direction ("desc", "desc nulls last"). */
type SortKey = { value: SQL; direction: SQL };

const KNOWN_CONFIGS = new Set(["simple", ...Object.values(TEXT_SEARCH_CONFIGS)]);

type WeightedText = { config: string; weight: "A" | "B" | "C" | "D"; text: string };

function weightedTexts(doc: SearchDocument): WeightedText[] {
  const lang = textSearchConfig(doc.language);
  const both = (weight: WeightedText["weight"], text: string, config = lang): WeightedText[] => {
    if (!text.trim()) return [];
    const out: WeightedText[] = [{ config: "simple", weight, text: cjkBigrams(text) }];
    if (config !== "simple") out.push({ config, weight, text });
    return out;
  };
  return [
    ...both("A", doc.title),
    ...both("B", [doc.summary, doc.tags.join(". ")].join("\n")),
    ...doc.translations.flatMap((t) => [
      ...both("A", t.title, textSearchConfig(t.language)),
      ...both("B", t.summary, textSearchConfig(t.language)),
    ]),
    ...both(
      "C",
      [
        doc.policyAreaLabels.join(". "),
        doc.city.name,
        doc.city.country,
        doc.stakeholderNames.join(". "),
        doc.transferCities.join(". "),
        doc.sdgTargets.map((t) => `SDG ${t}`).join(" "),
      ].join("\n"),
      "simple",
    ),
    ...both("D", doc.body),
  ];
}

/** The ranking vector: titles in every language (A) and tags (B), each in `simple` and stemmed. */
function titleTexts(doc: SearchDocument): WeightedText[] {
  const lang = textSearchConfig(doc.language);
  const both = (weight: WeightedText["weight"], text: string, config: string): WeightedText[] => {
    if (!text.trim()) return [];
    const out: WeightedText[] = [{ config: "simple", weight, text: cjkBigrams(text) }];
    if (config !== "simple") out.push({ config, weight, text });
    return out;
  };
  return [
    ...both("A", doc.title, lang),
    ...doc.translations.flatMap((t) => both("A", t.title, textSearchConfig(t.language))),
    ...both("B", doc.tags.join(". "), lang),
  ];
}

function tsvectorOf(doc: SearchDocument, texts = weightedTexts(doc)): SQL {
  const parts = texts.map(
    (w) => sql`setweight(to_tsvector(${w.config}::regconfig, unaccent(${w.text})), ${w.weight}::"char")`,
  );
  return parts.length ? sql.join(parts, sql` || `) : sql`''::tsvector`;
}

/** The full vector plus its word pairs, which answer phrases from the index (see word-pairs.ts). */
function tsvectorWithPairsOf(doc: SearchDocument): SQL {
  return sql`(select v || search_word_pairs(v) from (select ${tsvectorOf(doc)} as v) as words)`;
}

/** Words worth remembering for typo correction: folded Latin/Cyrillic words of 4–32 letters. */
function vocabularyOf(doc: SearchDocument): string[] {
  const text = [
    doc.title,
    doc.summary,
    doc.tags.join(" "),
    doc.policyAreaLabels.join(" "),
    doc.body,
    ...doc.translations.map((t) => `${t.title} ${t.summary}`),
  ].join(" ");
  const words = new Set<string>();
  for (const w of foldText(text).split(/[^\p{L}]+/u)) {
    if (w.length >= 4 && w.length <= 32 && !hasCjk(w)) words.add(w);
  }
  return [...words];
}

/**
 * A typo swaps, drops or adds a letter or two: the replacement must be about as long as the word
 * (so "quokkaplanning" is not "corrected" to "planning") and this similar by pg_trgm.
 * Minimum pg_trgm similarity for a vocabulary word to stand in for an unknown query word. */
const TYPO_SIMILARITY = 0.35;

/** One filter of a request; `codes` are the codes of a value filter's values. */
type FilterGroup = { facet: FilterGroupName; condition: SQL; codes?: number[] };

/** The facet keys ("sdg:11") a request filters on, to be turned into codes before filterGroups. */
function filterKeys(f: SearchFilters): string[] {
  return valueFilters(f).flatMap(([facet, values]) => values.map((v) => `${facet}:${v}`));
}

function filterGroups(f: SearchFilters, codes: Map<string, number>): FilterGroup[] {
  const groups: FilterGroup[] = [];
  for (const [facet, values] of valueFilters(f)) {
    // A value no document has ever had has no code: that group matches nothing.
    const known = values.map((v) => codes.get(`${facet}:${v}`)).filter((c): c is number => c !== undefined);
    let condition = known.length ? sql`d.facet_codes && ${intArray(known)}` : sql`false`;
    if (facet === "budgetBand") {
      // The bands' budget range too, which the code test implies: without it, "largest budget
      // first" walks the budget index from the top through every larger budget, unaware that
      // none of them is in the band.
      const bands = BUDGET_BANDS.filter((b) => values.includes(b.key));
      const min = Math.min(...bands.map((b) => b.min));
      const max = Math.max(...bands.map((b) => b.max));
      if (bands.length) condition = sql`${condition} and d.budget_usd >= ${min}${Number.isFinite(max) ? sql` and d.budget_usd < ${max}` : sql``}`;
    }
    groups.push({ facet, condition, codes: known });
  }
  if (f.yearFrom !== undefined) groups.push({ facet: "yearRange", condition: sql`d.start_year >= ${f.yearFrom}` });
  if (f.yearTo !== undefined) groups.push({ facet: "yearRange", condition: sql`d.start_year <= ${f.yearTo}` });
  if (f.budgetUsdMin !== undefined) groups.push({ facet: "budgetRange", condition: sql`d.budget_usd >= ${f.budgetUsdMin}` });
  if (f.budgetUsdMax !== undefined) groups.push({ facet: "budgetRange", condition: sql`d.budget_usd <= ${f.budgetUsdMax}` });
  return groups;
}

function whereOf(text: SQL | null, groups: FilterGroup[], extra: SQL[] = []): SQL {
  const conditions = [...(text ? [text] : []), ...groups.map((g) => g.condition), ...extra];
  return conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
}

function emptyFacetCounts(): FacetCounts {
  return Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as FacetCounts;
}

const FACET_VALUE_LIMIT = 100;

/**
 * Facets of a match set up to this size are counted exactly. A larger set is counted on a uniform
 * sample of about this size and scaled up (an estimate, flagged as such): counting every facet of
 * 40,000 matches costs far more than the 50 ms a search may take, and nobody needs to know that
 * a broad query has 12,437 rather than about 12,000 matches in one SDG.
 */
export const EXACT_FACET_COUNT_LIMIT = 2000;

/**
 * Totals up to this many matches are counted exactly; a larger match set's total is estimated
 * from a sample of one sixteenth of the cases and shown as "about 46,000" (flagged), as
 * Elasticsearch does past 10,000 hits. Counting 46,000 matches exactly costs a pass over all of
 * them — most of a search's time — to tell a visitor a precision nobody reads.
 */
export const EXACT_TOTAL_LIMIT = 10_000;

/** Every document is in one of these slices (by its id), indexed as the facet key "slice:n". */
const SAMPLE_SLICES = 64;

function sliceOf(caseId: string): number {
  return parseInt(caseId.slice(0, 2), 16) % SAMPLE_SLICES;
}

/** Counts of a sample scaled up to the whole, rounded; the number of documents (`documents`) too. */
function estimate<K>(sampled: Map<K, number>, scale: number, documents: K): { counts: Map<K, number>; approximate: true } {
  const counts = new Map<K, number>();
  for (const [key, n] of sampled) counts.set(key, key === documents ? Math.round(n * scale) : roundEstimate(n * scale));
  return { counts, approximate: true };
}

/**
 * A facet's values of a document as a text array, read from the row's own columns: a filtered
 * facet's pass counts these, one to three values a document, rather than all of its facet codes
 * (about fifteen), which halves the cost of such a pass. Each must give the values of
 * facetValuesOf (document.ts). Stakeholder types have no column of their own: see
 * stakeholderValues.
 */
const FACET_VALUES: Record<Exclude<Facet, "stakeholderType">, SQL> = {
  sdg: sql`d.sdg_goals::text[]`,
  target: sql`d.sdg_targets`,
  area: sql`d.policy_areas`,
  region: sql`array[d.region]`,
  country: sql`array[d.country_code]`,
  city: sql`array[d.city_slug]`,
  language: sql`array[d.language]`,
  year: sql`array[d.start_year::text]`,
  budgetBand: sql`array[case ${sql.join(
    BUDGET_BANDS.map((b) =>
      Number.isFinite(b.max)
        ? sql`when d.budget_usd >= ${b.min} and d.budget_usd < ${b.max} then ${b.key}`
        : sql`when d.budget_usd >= ${b.min} then ${b.key}`,
    ),
    sql` `,
  )} end]::text[]`,
  transferred: sql`array[d.transferred::text]`,
};

/** The codes of every stakeholder type's key, to be read with the request's filter codes (see stakeholderValues). */
function stakeholderTypeKeys(): string[] {
  return STAKEHOLDER_TYPES.map((t) => `stakeholderType:${t}`);
}

/**
 * A document's stakeholder types as a text array, from its codes: one containment test per
 * type (`codes` holds the code of each type's key that some document has; a type without one is
 * on no document). Seven tests a row cost less than counting the row's fifteen codes. The types
 * are those a case may have (STAKEHOLDER_TYPES, which its form and the import enforce).
 */
function stakeholderValues(codes: Map<string, number>): SQL {
  const tests = STAKEHOLDER_TYPES.flatMap((type) => {
    const code = codes.get(`stakeholderType:${type}`);
    return code === undefined ? [] : [sql`case when d.facet_codes @> array[${code}::integer] then ${type} end`];
  });
  return tests.length ? sql`array_remove(array[${sql.join(tests, sql`, `)}]::text[], null)` : sql`'{}'::text[]`;
}

/** Two significant figures: an estimate should not look more precise than it is. */
export function roundEstimate(n: number): number {
  if (n < 1) return 1;
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.round(n / magnitude) * magnitude;
}

export type PostgresEngineOptions = {
  /**
   * VACUUM the index after this many changed rows. PGlite has no autovacuum; without it dead row
   * versions pile up and every count must visit the table instead of the visibility map.
   * PostgreSQL's autovacuum does this itself, so the server leaves it unset there.
   */
  vacuumEvery?: number;
  /** Match sets larger than this have their facets estimated from a sample (tests lower it). */
  exactFacetCountLimit?: number;
  /** Match sets estimated larger than this have their total estimated too (tests lower it). */
  exactTotalLimit?: number;
  /** How many of the 64 slices the estimate of a total reads (tests read all 64). */
  totalSampleSlices?: number;
  /**
   * A connection pool of the same database whose sessions have `enable_seqscan = off`
   * (DatabaseHandle.textSearchDb), for statements with words. Without it each such statement
   * runs in a transaction of its own that sets this locally.
   */
  textSearchDb?: DbOrTx;
  /** The smallest window of newest documents a newest-first text page is sought in (tests lower it). */
  smallestRecencyWindow?: number;
};

export function createPostgresEngine(db: DbOrTx, options: PostgresEngineOptions = {}): SearchEngine {
  const exactLimit = options.exactFacetCountLimit ?? EXACT_FACET_COUNT_LIMIT;
  const exactTotalLimit = options.exactTotalLimit ?? EXACT_TOTAL_LIMIT;
  const totalSampleSlices = options.totalSampleSlices ?? SAMPLE_SLICES / 16;
  const smallestWindow = options.smallestRecencyWindow ?? 1024;
  let changesSinceVacuum = 0;
  async function vacuumWhenDue(changed: number): Promise<void> {
    if (!options.vacuumEvery) return;
    changesSinceVacuum += changed;
    if (changesSinceVacuum < options.vacuumEvery) return;
    changesSinceVacuum = 0;
    // Housekeeping: the index update it follows has succeeded and must not be reported failed.
    await db.execute(sql`vacuum analyze search_documents`).catch((e) => console.warn("Search index vacuum failed", e));
  }

  /**
   * Without a text-search pool (PGlite: one connection that runs one statement at a time), a
   * search with words runs in one transaction that prices out sequential scans once, instead of
   * a transaction per statement; its statements find that transaction here.
   */
  const searchTransaction = new AsyncLocalStorage<DbOrTx>();
  const reader = (): DbOrTx => searchTransaction.getStore() ?? db;

  /**
   * Runs a search statement; with words, with sequential scans priced out. The full-text vector
   * is stored out of line, so a plan that tests `tsv @@ query` row by row (a sequential scan with
   * a filter) reads TOAST for every row of the table — hundreds of ms at 100,000 cases. The
   * planner does not count that cost and picks such plans when a second condition looks
   * selective; without sequential scans it uses the GIN index, whose cost is bounded by the
   * number of matches.
   */
  async function searchRows<T extends Row>(query: SQL, hasText: boolean): Promise<T[]> {
    // Without words there is no vector to read, and a sequential scan of the narrow rows is fine.
    if (!hasText) return rows<T>(reader(), query);
    if (options.textSearchDb) return rows<T>(options.textSearchDb, query);
    const inSearch = searchTransaction.getStore();
    if (inSearch) return rows<T>(inSearch, query);
    return db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return rows<T>(tx, query);
    });
  }

  /** Finds vocabulary words for query words the index has never seen. */
  async function corrections(words: string[]): Promise<{ from: string; to: string }[]> {
    const candidates = [...new Set(words.filter((w) => w.length >= 4 && !hasCjk(w) && !/\d/.test(w)))];
    if (candidates.length === 0) return [];
    const found = await rows<{ word: string; known: boolean; best: string | null }>(
      reader(),
      sql`select w.word,
                 exists (select 1 from search_terms t where t.term = w.word) as known,
                 (select t.term from search_terms t
                   where t.term % w.word and similarity(t.term, w.word) >= ${TYPO_SIMILARITY}
                     and abs(length(t.term) - length(w.word)) <= 2
                   order by similarity(t.term, w.word) desc, t.term limit 1) as best
            from unnest(${textArray(candidates)}) as w(word)`,
    );
    return found.filter((r) => !r.known && r.best && r.best !== r.word).map((r) => ({ from: r.word, to: r.best! }));
  }

  /**
   * A query is parsed in `simple` and in every stemming configuration documents use (the
   * `configs` of compileQuery's statement), each separately, so that identical parses
   * ('transport' in english, french, simple …) are merged before the index sees them.
   */
  function tsqueryOf(q: string): SQL {
    return sql`array(select websearch_to_tsquery(c.config::regconfig, unaccent(${cjkBigrams(q)}))::text from configs c)`;
  }

  /**
   * Turns the query into a tsquery constant once (configs in use, typo corrections, prefix), so
   * the statements that follow compare every row against a literal the planner can see.
   */
  async function compileQuery(req: SearchRequest, q: string, fixes: { from: string; to: string }[]) {
    let corrected = foldText(q);
    for (const fix of fixes)
      corrected = corrected.replace(new RegExp(`(?<![\\p{L}\\p{N}])${fix.from}(?![\\p{L}\\p{N}])`, "gu"), fix.to);
    const words = queryWords(q);
    const last = words[words.length - 1];
    const hasPrefix = Boolean(req.prefix && last && !hasCjk(last));
    const prefixQuery =
      hasPrefix
        ? sql` || (${words.length > 1 ? sql`websearch_to_tsquery('simple', unaccent(${words.slice(0, -1).join(" ")})) && ` : sql``}to_tsquery('simple', unaccent(${last}) || ':*'))`
        : sql``;
    const [compiled] = await rows<{ parts: string[]; prefix: string | null; phrase: string }>(
      reader(),
      sql`with configs as (select 'simple' as config
                           union select config from search_configs where config = any(${textArray([...KNOWN_CONFIGS])}))
          select ${tsqueryOf(q)}${fixes.length ? sql` || ${tsqueryOf(corrected)}` : sql``} as parts,
                 ${hasPrefix ? sql`(''::tsquery${prefixQuery})::text` : sql`null::text`} as prefix,
                 lower(unaccent(${q})) as phrase`,
    );
    const branches = new Set<string>();
    for (const part of [...pgTextArray(compiled!.parts), compiled!.prefix ?? ""]) if (part.trim()) branches.add(part.trim());
    const tq = [...branches].map((b) => `(${b})`).join(" | ");
    // The full vector holds word pairs and is searched with phrases rewritten to them; the title
    // vector is small and in the row, so it checks phrases by position as they are.
    const fullTq = [...branches].map((b) => `(${rewritePhrases(b)})`).join(" | ");
    return { tq, fullTq, phrase: compiled!.phrase };
  }

  /** code → the facet and value of its key "facet:value". Codes never change meaning, so the map is only ever added to. */
  const keyOfCode = new Map<number, { facet: Facet; value: string }>();

  async function learnCodes(codes: Iterable<number>): Promise<void> {
    for (const code of codes) {
      if (code !== 0 && !keyOfCode.has(code)) {
        for (const r of await rows<{ code: number; key: string }>(reader(), sql`select code, key from search_facet_codes`)) {
          const at = r.key.indexOf(":");
          keyOfCode.set(Number(r.code), { facet: r.key.slice(0, at) as Facet, value: r.key.slice(at + 1) });
        }
        return;
      }
    }
  }

  /** Codes of facet keys, read from the table each time: a cached code of a rolled-back insert would lie. */
  async function codesOf(keys: string[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const found = await rows<{ code: number; key: string }>(
      reader(),
      sql`select code, key from search_facet_codes where key = any(${textArray(keys)})`,
    );
    return new Map(found.map((r) => [r.key, Number(r.code)]));
  }

  async function countWhere(conditions: SQL[], hasText: boolean): Promise<number> {
    const [r] = await searchRows<{ n: number }>(
      sql`select count(*)::int as n from search_documents d ${conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``}`,
      hasText,
    );
    return Number(r?.n ?? 0);
  }

  /**
   * The codes of slice:0 … slice:63 by slice (undefined: no document in it yet), kept once every
   * slice has one: a stored code never changes meaning.
   */
  let allSliceCodes: number[] | null = null;
  async function sliceCodes(): Promise<(number | undefined)[]> {
    if (allSliceCodes) return allSliceCodes;
    const keys = Array.from({ length: SAMPLE_SLICES }, (_, i) => `slice:${i}`);
    const found = await codesOf(keys);
    const codes = keys.map((k) => found.get(k));
    if (codes.every((c) => c !== undefined)) allSliceCodes = codes as number[];
    return codes;
  }

  /** The condition "in one of the first n slices": a sample of n/64 of the documents, read through the index. */
  async function inSlices(slices: number): Promise<SQL> {
    const codes = (await sliceCodes()).slice(0, slices).filter((c): c is number => c !== undefined);
    return sql`d.facet_codes && ${intArray(codes)}`;
  }

  /**
   * How many documents meeting every condition hold each element of `perDocument` (an array
   * per row); `marker`, put first in every array, counts the documents themselves.
   */
  function countEach<K>(perDocument: SQL, marker: SQL, where: SQL[], hasText: boolean): Promise<{ k: K; n: number }[]> {
    return searchRows<{ k: K; n: number }>(
      sql`select k, count(*)::int as n
            from (select unnest(array_prepend(${marker}, ${perDocument})) as k
                    from search_documents d
                    ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}) as elements
           where k is not null
           group by k`,
      hasText,
    );
  }

  /** code → number of documents meeting every condition; code 0 counts the documents themselves. */
  async function scanCodes(where: SQL[], hasText: boolean): Promise<Map<number, number>> {
    const result = await countEach<number>(sql`d.facet_codes`, sql`0`, where, hasText);
    return new Map(result.map((r) => [Number(r.k), Number(r.n)]));
  }

  /** value → number of documents meeting every condition with that value (`values`: a facet's values of a row); "" counts the documents themselves. */
  async function scanValues(values: SQL, where: SQL[], hasText: boolean): Promise<Map<string, number>> {
    const result = await countEach<string>(values, sql`''::text`, where, hasText);
    return new Map(result.map((r) => [String(r.k), Number(r.n)]));
  }

  /** Counts of every code over the whole index (code 0: the number of documents), per generation. */
  let wholeIndex: { generation: string; counts: Map<number, number> } | null = null;

  type CodeCounts = { counts: Map<number, number>; approximate: boolean };

  /** Counts of every code over the whole index, exactly, once per generation: the search page's first view. */
  async function wholeIndexCounts(): Promise<CodeCounts> {
    // The generation comes from a sequence, so a rolled-back change never reuses a number.
    const [state] = await rows<{ generation: string }>(reader(), sql`select generation::text as generation from search_state where id = 1`);
    if (!state) return { counts: await scanCodes([], false), approximate: false };
    if (wholeIndex?.generation !== state.generation) wholeIndex = { generation: state.generation, counts: await scanCodes([], false) };
    return { counts: wholeIndex.counts, approximate: false };
  }

  /**
   * The counts of a filtered facet's pass (its own filter dropped; `values`: the facet's values
   * of a row, "" counting the documents), expected to match about `expected` documents
   * (`estimated`), or at least that many. One expected within the limit is counted exactly at
   * once. Otherwise one scan of a sample (sized to hold about exactFacetCountLimit of them, at
   * most an eighth of the documents) gives its size and, when that is over the limit, its counts;
   * a smaller pass is then counted exactly.
   */
  async function filteredPassCounts(
    values: SQL,
    conditions: SQL[],
    hasText: boolean,
    expected: number,
    estimated: boolean,
  ): Promise<{ counts: Map<string, number>; approximate: boolean }> {
    if (estimated && expected <= exactLimit) return { counts: await scanValues(values, conditions, hasText), approximate: false };
    const slices = Math.min(SAMPLE_SLICES / 8, Math.ceil((SAMPLE_SLICES * exactLimit) / Math.max(1, expected)));
    const sampled = await scanValues(values, [...conditions, await inSlices(slices)], hasText);
    if (((sampled.get("") ?? 0) * SAMPLE_SLICES) / slices <= exactLimit)
      return { counts: await scanValues(values, conditions, hasText), approximate: false };
    return estimate(sampled, SAMPLE_SLICES / slices, "");
  }

  /**
   * Windows of the newest documents for newest-first pages of text searches (see newestPage):
   * for sizes n = 1,024, 1,448, 2,048 … (each √2 times the last) the publication time of the
   * n-th newest document, and the number of documents. A cut-off that new documents have made
   * stale still gives exact pages, only from a slightly larger window, so they are read again
   * after a minute in the background (about 50 ms at 100,000 cases) while searches go on with
   * the ones at hand.
   */
  type Recency = { readAt: number; documents: number; windows: { size: number; from: string }[] };
  let recency: Recency | null = null;
  let recencyRead: Promise<void> | null = null;
  async function readRecency(on: DbOrTx): Promise<void> {
    // Steps of √2 rather than 2: a window at most 1.4 times the one a page needs.
    const sizes = Array.from({ length: 24 }, (_, k) => Math.round(smallestWindow * Math.SQRT2 ** k));
    // One walk down the date index, no further than the largest window newestPage may use.
    const [found] = await rows<{ documents: number; windows: { n: number; from: string }[] | null }>(
      on,
      sql`with counted as (select count(*)::int as documents from search_documents),
               newest as (select p.published_at, row_number() over (order by p.published_at desc) as n
                            from (select d.published_at from search_documents d order by d.published_at desc
                                   limit (select documents * 3 / 4 from counted)) as p)
          select (select documents from counted) as documents,
                 (select json_agg(json_build_object('n', n, 'from', published_at::text) order by n)
                    from newest where n = any(${intArray(sizes)})) as windows`,
    );
    recency = {
      readAt: performance.now(),
      documents: Number(found?.documents ?? 0),
      windows: (found?.windows ?? []).map((w) => ({ size: Number(w.n), from: w.from })),
    };
  }
  async function recencyWindows(): Promise<Recency> {
    // The first read is awaited, inside the search's transaction if it has one; later ones run
    // beside it on the database (which, on PGlite, waits for that transaction to end).
    if (!recency) await readRecency(reader());
    else if (!recencyRead && performance.now() - recency.readAt >= 60_000)
      recencyRead = readRecency(db)
        .catch((e) => console.warn("Search: reading the recency windows failed", e))
        .finally(() => (recencyRead = null));
    return recency!;
  }

  type Size = { total: number; approximate: boolean; main: CodeCounts | null };

  /**
   * The size of the match set, and the main pass's facet counts (null without facets). With
   * facets, a sample of one sixteenth of the documents is counted first; this answers as soon as
   * that gives an estimate (`estimated`, for sizing the other passes), with the rest to follow
   * (`size`). Past exactTotalLimit the total is estimated from the sample and its facet counts,
   * scaled, are the main pass. Up to exactFacetCountLimit the main pass is counted exactly and
   * its count of documents is the total. In between, the matches are counted and the facets of
   * a sample of them (about exactFacetCountLimit) are read, side by side.
   */
  async function sizeOf(conditions: SQL[], hasText: boolean, withFacets: boolean): Promise<{ estimated: number; size: Promise<Size> }> {
    const known = (size: Size) => ({ estimated: size.total, size: Promise.resolve(size) });
    if (conditions.length === 0) {
      const whole = await wholeIndexCounts();
      return known({ total: whole.counts.get(0) ?? 0, approximate: false, main: withFacets ? whole : null });
    }
    // Without facets (suggestions as you type) a sample would save nothing: one count it is.
    if (!withFacets) return known({ total: await countWhere(conditions, hasText), approximate: false, main: null });
    const sampled = await scanCodes([...conditions, await inSlices(totalSampleSlices)], hasText);
    const scale = SAMPLE_SLICES / totalSampleSlices;
    const estimated = (sampled.get(0) ?? 0) * scale;
    if (estimated > exactTotalLimit) return known({ total: roundEstimate(estimated), approximate: true, main: estimate(sampled, scale, 0) });
    if (estimated <= exactLimit) {
      const size = scanCodes(conditions, hasText).then((counts) => ({
        total: counts.get(0) ?? 0,
        approximate: false,
        main: { counts, approximate: false },
      }));
      return { estimated, size };
    }
    // The count and the sample run side by side; the sample is scaled by the exact count.
    const slices = Math.min(SAMPLE_SLICES, Math.ceil((SAMPLE_SLICES * exactLimit) / estimated));
    const size = Promise.all([
      countWhere(conditions, hasText),
      inSlices(slices).then((inSample) => scanCodes([...conditions, inSample], hasText)),
    ]).then(([total, sample]) => ({ total, approximate: false, main: estimate(sample, total / Math.max(1, sample.get(0) ?? 0), 0) }));
    return { estimated, size };
  }

  /** A filtered facet's pass: counted under every condition but the filters it drops. */
  type FilteredPass = { facet: Facet; dropped: FilterGroupName[]; conditions: SQL[]; expected: number; estimated: boolean };

  /**
   * The passes of the facets whose own filter is active, each counted without that filter (so
   * picking "SDG 11" still shows how many match "SDG 13"). Dropping a filter widens the match set
   * by about the inverse of the share of documents it keeps, read from the whole-index counts if
   * any are at hand (stale ones estimate as well): `expected`, with `estimated` false where that
   * share is not known (a range filter, or two filters dropped) and the pass is only known to be
   * at least as large as the page's match set.
   */
  function filteredPasses(textCondition: SQL | null, groups: FilterGroup[], estimatedTotal: number): FilteredPass[] {
    const activeGroups = new Set(groups.map((g) => g.facet));
    const documents = wholeIndex?.counts.get(0) ?? 0;
    const passes: FilteredPass[] = [];
    for (const facet of FACETS) {
      const dropped = filterGroupsOfFacet(facet).filter((g) => activeGroups.has(g));
      if (dropped.length === 0) continue;
      const conditions = [...(textCondition ? [textCondition] : []), ...groups.filter((g) => !dropped.includes(g.facet)).map((g) => g.condition)];
      const codes = groups.filter((g) => dropped.includes(g.facet)).flatMap((g) => g.codes ?? []);
      const kept = codes.reduce((n, code) => n + (wholeIndex?.counts.get(code) ?? 0), 0);
      const known = dropped.length === 1 && documents > 0 && kept > 0;
      passes.push({ facet, dropped, conditions, expected: known ? estimatedTotal / Math.min(1, kept / documents) : estimatedTotal, estimated: known });
    }
    return passes;
  }

  /**
   * Facet counts: the main pass (every filter) comes from sizeOf; each filtered facet's pass
   * (filteredPasses) is counted here, by value (`valuesOf`).
   */
  async function facetCounts(
    textCondition: SQL | null,
    groups: FilterGroup[],
    estimatedTotal: number,
    main: Promise<CodeCounts>,
    valuesOf: (facet: Facet) => SQL,
  ): Promise<{ facets: FacetCounts; approximate: boolean }> {
    const counts = emptyFacetCounts();
    let approximate = false;
    const addValues = (facet: Facet, result: { counts: Map<string, number>; approximate: boolean }) => {
      approximate ||= result.approximate;
      for (const [value, n] of result.counts) if (value !== "") counts[facet].push({ value, count: n });
    };
    // Counts by code (the main pass, the whole index) give the counts of the facets they are for.
    const addCodes = async (facets: Facet[], result: CodeCounts) => {
      approximate ||= result.approximate;
      await learnCodes(result.counts.keys());
      for (const [code, n] of result.counts) {
        const key = keyOfCode.get(code);
        if (key && facets.includes(key.facet)) counts[key.facet].push({ value: key.value, count: n });
      }
    };
    const hasText = textCondition !== null;
    const passes = filteredPasses(textCondition, groups, estimatedTotal);
    const plain = FACETS.filter((f) => !passes.some((p) => p.facet === f));
    const counting: Promise<void>[] = [];
    if (plain.length) counting.push(main.then((result) => addCodes(plain, result)));
    for (const { facet, conditions, expected, estimated } of passes) {
      if (conditions.length === 0) counting.push(wholeIndexCounts().then((result) => addCodes([facet], result)));
      else counting.push(filteredPassCounts(valuesOf(facet), conditions, hasText, expected, estimated).then((result) => addValues(facet, result)));
    }
    await Promise.all(counting);
    for (const f of FACETS) {
      counts[f].sort(byFacetCount);
      counts[f] = counts[f].slice(0, FACET_VALUE_LIMIT);
    }
    return { facets: counts, approximate };
  }

  async function searchWith(req: SearchRequest, started: number): Promise<SearchResult> {
    const q = req.q.trim();
    // The query is compiled while its words are checked for typos; only a correction, which
    // most queries have none of, compiles it again.
    const [codes, fixes, asTyped] = await Promise.all([
      codesOf([...filterKeys(req.filters), ...(req.filters.stakeholderType.length ? stakeholderTypeKeys() : [])]),
      q ? corrections(queryWords(q)) : Promise.resolve([]),
      q ? compileQuery(req, q, []) : Promise.resolve(null),
    ]);
    const groups = filterGroups(req.filters, codes);
    const valuesOf = (facet: Facet): SQL => (facet === "stakeholderType" ? stakeholderValues(codes) : FACET_VALUES[facet]);
    const compiled = q && fixes.length ? await compileQuery(req, q, fixes) : asTyped;
    const corrections_ = fixes;
    if (compiled && compiled.tq.trim() === "") {
      // Only punctuation or nothing searchable: an honest empty result, not everything.
      return { hits: [], total: 0, totalApproximate: false, page: req.page, perPage: req.perPage, facets: req.withFacets === false ? null : emptyFacetCounts(), facetsApproximate: false, engine: "postgres", tookMs: Math.round((performance.now() - started) * 10) / 10, corrections: corrections_ };
    }
    const tq = compiled ? sql`${compiled.tq}::tsquery` : null;
    const textCondition = compiled ? sql`d.tsv @@ ${compiled.fullTq}::tsquery` : null;
    const where = whereOf(textCondition, groups);
    const from = sql`from search_documents d`;

    // The rank of a title match (see hitsOf): ts_rank over the small title vector, plus a bonus
    // for the exact title or the whole query inside the title.
    const rank = compiled
      ? sql`(ts_rank(d.title_tsv, ${tq}, 1)
            + case when d.title_folded = ${compiled.phrase} then 10
                   when strpos(d.title_folded, ${compiled.phrase}) > 0 then 2 else 0 end)`
      : sql`0`;
    // With words, the sort keys are wrapped in expressions no index can supply. Otherwise, for
    // "newest 20", the planner may walk the published_at index and test each row's full-text
    // vector (read from TOAST) until it has 20 matches: every row of the table when the word is
    // rare. The GIN bitmap, then sorting the matches, is bounded by the number of matches.
    const newest: SortKey[] = [{ value: compiled ? sql`extract(epoch from d.published_at)` : sql`d.published_at`, direction: sql`desc` }];
    // The order of every page but relevance with words, which hitsOf builds from two tiers.
    const order: SortKey[] =
      req.sort === "budget"
        ? [{ value: compiled ? sql`(d.budget_usd + 0)` : sql`d.budget_usd`, direction: sql`desc nulls last` }, ...newest]
        : newest;
    const offset = (req.page - 1) * req.perPage;
    const columns = sql`d.case_id, d.slug, d.title, d.summary, d.language, d.city_slug, d.city_name, d.country,
                   d.country_code, d.sdg_goals, d.sdg_targets, d.policy_areas, d.budget_usd, d.start_year,
                   d.transferred, d.published_at`;
    // The matches are sorted narrow (id and sort keys), then only the page's rows are read in
    // full: sorting thousands of whole rows to keep 20 cost more than the search on deep pages.
    // The id breaks ties, so pages never overlap.
    const page = (pageWhere: SQL, keys: SortKey[], limit: number, skip: number) => {
      const key = (i: number) => sql.raw(`k${i}`);
      const orderBy = (prefix: string) =>
        sql.join([...keys.map((k, i) => sql`${sql.raw(prefix)}${key(i)} ${k.direction}`), sql`${sql.raw(prefix)}id`], sql`, `);
      return searchRows<Row>(
        sql`select ${columns}
              from (select d.case_id as id, ${sql.join(keys.map((k, i) => sql`${k.value} as ${key(i)}`), sql`, `)}
                      ${from} ${pageWhere} order by ${orderBy("")} limit ${limit} offset ${skip}) as p
              join search_documents d on d.case_id = p.id
             order by ${orderBy("p.")}`,
        compiled !== null,
      );
    };

    /**
     * A newest-first page of a text search. Sorting every match by date reads every match's row:
     * 20,000 rows for a broad word. So the page is first sought among a window of the newest
     * documents, which the date index narrows before any row is read. When the window holds
     * enough matches (skip + limit), no match outside it, all older, can come before them, and
     * the page is exact; otherwise the whole match set is sorted. The window is sized for the
     * matches expected in it: 16 times the rows needed, or on later pages, once the sample has
     * estimated the share of documents that match, 1.5 times the rows needed at that share.
     */
    const newestPage = async (extra: SQL[], limit: number, skip: number): Promise<Row[]> => {
      const needed = skip + limit;
      const { documents, windows } = await recencyWindows();
      let target = needed * 16;
      if (skip > 0) target = Math.min(target, Math.ceil((1.5 * needed * documents) / Math.max(1, (await sizing).estimated)));
      // Windows stop at three quarters of the documents: a larger one would save little and
      // risk a second statement.
      const window = windows.find((w) => w.size >= target);
      if (window) {
        const found = await page(whereOf(textCondition, groups, [...extra, sql`d.published_at >= ${window.from}::timestamptz`]), newest, limit, skip);
        if (found.length === limit) return found;
      }
      return page(whereOf(textCondition, groups, extra), newest, limit, skip);
    };

    const hitsOf = async (): Promise<Row[]> => {
      if (compiled && req.sort === "newest") return newestPage([], req.perPage, offset);
      if (!compiled || req.sort !== "relevance") return page(where, order, req.perPage, offset);
      // Relevance in two tiers: cases with every query word in a title (any language) or tag
      // come first, ranked; then the cases that match elsewhere, newest first. Only the first
      // tier is ranked, so a broad word costs a ranking of its title matches, not of every match.
      // A title match is always a text match: the title vector's words are all in `tsv`.
      const inTitle = sql`d.title_tsv @@ ${tq}`;
      const titleWhere = whereOf(inTitle, groups);
      const byRank: SortKey[] = [
        { value: rank, direction: sql`desc` },
        { value: sql`d.published_at`, direction: sql`desc` },
      ];
      const ranked = (skip: number) => page(titleWhere, byRank, req.perPage, skip);
      let first: Row[] = [];
      let titleMatches: number;
      if (offset === 0) {
        // The first page, the usual case, needs no count: a short first tier is the whole tier.
        first = await ranked(0);
        titleMatches = first.length;
      } else {
        const [inTitleCount] = await searchRows<{ n: number }>(sql`select count(*)::int as n ${from} ${titleWhere}`, true);
        titleMatches = Number(inTitleCount?.n ?? 0);
        if (offset < titleMatches) first = await ranked(offset);
      }
      if (first.length === req.perPage) return first;
      const rest = await newestPage([sql`not (${inTitle})`], req.perPage - first.length, Math.max(0, offset - titleMatches));
      return [...first, ...rest];
    };

    const conditions = [...(textCondition ? [textCondition] : []), ...groups.map((g) => g.condition)];
    const sizing = sizeOf(conditions, compiled !== null, req.withFacets !== false);
    const [hitRows, size, counted] = await Promise.all([
      hitsOf(),
      sizing.then((s) => s.size),
      req.withFacets === false
        ? null
        : sizing.then((s) => facetCounts(textCondition, groups, s.estimated, s.size.then((z) => z.main!), valuesOf)),
    ]);
    const facets = counted?.facets ?? null;
    const hits: SearchHit[] = hitRows.map((r) => ({
      id: String(r.case_id),
      slug: String(r.slug),
      title: String(r.title),
      summary: String(r.summary),
      language: String(r.language),
      city: {
        slug: String(r.city_slug),
        name: String(r.city_name),
        country: String(r.country),
        countryCode: String(r.country_code),
      },
      sdgGoals: pgArray(r.sdg_goals).map(Number),
      sdgTargets: pgArray(r.sdg_targets).map(String),
      policyAreas: pgArray(r.policy_areas).map(String),
      budgetUsd: r.budget_usd == null ? null : Number(r.budget_usd),
      startYear: r.start_year == null ? null : Number(r.start_year),
      transferred: r.transferred === true || r.transferred === "t",
      publishedAt: new Date(r.published_at as string | Date).toISOString(),
    }));
    return {
      hits,
      total: size.total,
      totalApproximate: size.approximate,
      page: req.page,
      perPage: req.perPage,
      facets,
      facetsApproximate: counted?.approximate ?? false,
      engine: "postgres",
      tookMs: Math.round((performance.now() - started) * 10) / 10,
      corrections: corrections_,
    };
  }

  const engine: SearchEngine = {
    name: "postgres",

    async upsert(docs) {
      if (docs.length === 0) return;
      const keysOfDoc = docs.map((d) => [...facetKeysOf(d), `slice:${sliceOf(d.id)}`]);
      const allKeys = [...new Set(keysOfDoc.flat())];
      // Sorted, so two writers inserting new keys at once take their locks in the same order.
      await db.execute(
        sql`insert into search_facet_codes (key) select k from unnest(${textArray(allKeys.sort())}) as k order by k on conflict (key) do nothing`,
      );
      const codes = await codesOf(allKeys);
      const values = docs.map(
        (d, i) => sql`(${d.id}::uuid, ${d.revisionId}::uuid, ${d.slug}, ${d.title}, ${d.summary}, ${d.language},
          ${d.city.slug}, ${d.city.name}, ${d.city.country}, ${d.city.countryCode}, ${d.city.region},
          ${intArray(d.sdgGoals)}, ${textArray(d.sdgTargets)}, ${textArray(d.policyAreas)},
          ${d.startYear}::integer, ${d.budgetUsd}::double precision, ${d.transferred}::boolean, ${d.publishedAt}::timestamptz,
          ${intArray(keysOfDoc[i]!.map((k) => codes.get(k)!).sort((a, b) => a - b))}, lower(unaccent(${d.title})),
          ${tsvectorOf(d, titleTexts(d))}, ${tsvectorWithPairsOf(d)}, now())`,
      );
      await db.execute(sql`insert into search_documents (case_id, revision_id, slug, title, summary, language,
          city_slug, city_name, country, country_code, region, sdg_goals, sdg_targets, policy_areas,
          start_year, budget_usd, transferred, published_at, facet_codes, title_folded, title_tsv, tsv, indexed_at)
        values ${sql.join(values, sql`, `)}
        on conflict (case_id) do update set revision_id = excluded.revision_id, slug = excluded.slug,
          title = excluded.title, summary = excluded.summary, language = excluded.language,
          city_slug = excluded.city_slug, city_name = excluded.city_name, country = excluded.country,
          country_code = excluded.country_code, region = excluded.region, sdg_goals = excluded.sdg_goals,
          sdg_targets = excluded.sdg_targets, policy_areas = excluded.policy_areas, start_year = excluded.start_year,
          budget_usd = excluded.budget_usd, transferred = excluded.transferred, published_at = excluded.published_at,
          facet_codes = excluded.facet_codes, title_folded = excluded.title_folded, title_tsv = excluded.title_tsv,
          tsv = excluded.tsv, indexed_at = excluded.indexed_at`);
      const configs = [...new Set(docs.flatMap((d) => [d.language, ...d.translations.map((t) => t.language)]).map(textSearchConfig))];
      await db.execute(sql`insert into search_configs (config) select unnest(${textArray(configs)}) on conflict do nothing`);
      const vocabulary = [...new Set(docs.flatMap(vocabularyOf))];
      for (let i = 0; i < vocabulary.length; i += 5000) {
        await db.execute(
          sql`insert into search_terms (term) select unnest(${textArray(vocabulary.slice(i, i + 5000))}) on conflict do nothing`,
        );
      }
      await vacuumWhenDue(docs.length);
    },

    async remove(caseIds) {
      if (caseIds.length === 0) return;
      await db.execute(sql`delete from search_documents where case_id = any(${textArray(caseIds)}::uuid[])`);
      await vacuumWhenDue(caseIds.length);
    },

    async reset() {
      await db.execute(sql`delete from search_documents`);
      await db.execute(sql`delete from search_terms`);
      await db.execute(sql`delete from search_configs`);
    },

    async health(): Promise<EngineHealth> {
      try {
        const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from search_documents`);
        return { engine: "postgres", ok: true, documents: Number(r?.n ?? 0) };
      } catch (e) {
        return { engine: "postgres", ok: false, documents: null, detail: e instanceof Error ? e.message : String(e) };
      }
    },

    search(req) {
      const started = performance.now();
      if (options.textSearchDb || !req.q.trim()) return searchWith(req, started);
      return db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        return searchTransaction.run(tx, () => searchWith(req, started));
      });
    },

    async related(caseId, limit): Promise<RelatedCase[]> {
      const [self] = await rows<{ title: string; sdg_targets: unknown; policy_areas: unknown }>(
        db,
        sql`select title, sdg_targets, policy_areas from search_documents where case_id = ${caseId}::uuid`,
      );
      if (!self) return [];
      const targets = pgArray(self.sdg_targets).map(String);
      const areas = pgArray(self.policy_areas).map(String);
      const words = queryWords(self.title).filter((w) => w.length >= 4 || hasCjk(w));
      const titleQuery = words.length
        ? sql`websearch_to_tsquery('simple', unaccent(${cjkBigrams(words.join(" or "))}))`
        : sql`''::tsquery`;
      // Candidates: cases that share a target, and up to 500 cases that share a title word (any
      // 500: a common word like "city" is in thousands of titles, and ranking them all costs more
      // than the shared targets and areas that decide the score); only when those are too few do
      // cases that share just an area join in. At 100,000 cases "shares an area" alone is tens of
      // thousands of rows to score on every case page.
      const shared = await codesOf([...targets.map((t) => `target:${t}`), ...areas.map((a) => `area:${a}`)]);
      // Points per shared target (3) and area (2), as containment tests on the integer codes: a
      // few hundred nanoseconds a row, where intersecting text arrays took microseconds.
      const points = [
        ...targets.map((t) => ({ code: shared.get(`target:${t}`), weight: 3 })),
        ...areas.map((a) => ({ code: shared.get(`area:${a}`), weight: 2 })),
      ].filter((p): p is { code: number; weight: number } => p.code !== undefined);
      const sharedScore = points.length
        ? sql.join(
            points.map((p) => sql`${p.weight} * (d.facet_codes @> array[${p.code}::integer])::int`),
            sql` + `,
          )
        : sql`0`;
      const score = async (keys: string[]) => {
        const codes = await codesOf(keys);
        return searchRows<Row>(
          sql`with candidates as (
                select d.case_id from search_documents d where d.facet_codes && ${intArray([...codes.values()])}
                union
                (select d.case_id from search_documents d where d.title_tsv @@ ${titleQuery} limit 500)
              )
              select d.case_id, d.slug, d.title, d.summary, d.city_slug, d.city_name, d.country, d.country_code,
                     d.sdg_goals, d.policy_areas,
                     ${sharedScore} + 5 * ts_rank(d.title_tsv, ${titleQuery}) as score
                from candidates c join search_documents d on d.case_id = c.case_id
               where d.case_id <> ${caseId}::uuid
               order by score desc, d.published_at desc, d.case_id
               limit ${limit}`,
          true,
        );
      };
      const targetKeys = targets.map((t) => `target:${t}`);
      let result = await score(targetKeys);
      if (result.length < limit) result = await score([...targetKeys, ...areas.map((a) => `area:${a}`)]);
      return result.map((r) => ({
        id: String(r.case_id),
        slug: String(r.slug),
        title: String(r.title),
        summary: String(r.summary),
        city: { slug: String(r.city_slug), name: String(r.city_name), country: String(r.country), countryCode: String(r.country_code) },
        sdgGoals: pgArray(r.sdg_goals).map(Number),
        policyAreas: pgArray(r.policy_areas).map(String),
      }));
    },

    async rebuild(batches) {
      let documents = 0;
      const [start] = await rows<{ at: string }>(db, sql`select now()::text as at`);
      for await (const batch of batches) {
        await engine.upsert(batch);
        documents += batch.length;
      }
      // Rows not rewritten by this rebuild belong to cases no longer published. Rows just written
      // stay throughout, so readers never see an empty index.
      await db.execute(sql`delete from search_documents where indexed_at < ${start!.at}::timestamptz`);
      // A rebuild rewrote every row: reclaim the old versions and refresh the planner's statistics.
      await db.execute(sql`vacuum analyze search_documents`);
      changesSinceVacuum = 0;
      return { documents };
    },
  };
  return engine;
}

function pgTextArray(value: unknown): string[] {
  return pgArray(value).map(String);
}

/** postgres-js returns arrays; PGlite too, but a driver may hand back the text form "{a,b}". */
function pgArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "string" && value.startsWith("{")) {
    const inner = value.slice(1, -1);
    return inner ? inner.split(",").map((s) => s.replace(/^"|"$/g, "")) : [];
  }
  return [];
}
