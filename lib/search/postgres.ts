/**
 * The default search engine: full-text search inside the app's own database (PGlite or
 * PostgreSQL 15+), no extra service. Per row: one tsvector holding the text in its own language's
 * configuration (stemming) and in `simple` (exact words, CJK bigrams), everything unaccented;
 * a GIN index answers `websearch_to_tsquery`. Typos are corrected word by word against a
 * vocabulary table with pg_trgm similarity. Facets are counted by SQL over `facet_keys`.
 */
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { FACETS, facetKeysOf, type Facet, type SearchDocument } from "./document";
import type {
  EngineHealth,
  FacetCounts,
  RelatedCase,
  SearchEngine,
  SearchFilters,
  SearchHit,
  SearchRequest,
  SearchResult,
} from "./engine";
import { cjkBigrams, foldText, hasCjk, queryWords, textSearchConfig, TEXT_SEARCH_CONFIGS } from "./text";

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

function tsvectorOf(doc: SearchDocument): SQL {
  const parts = weightedTexts(doc).map(
    (w) => sql`setweight(to_tsvector(${w.config}::regconfig, unaccent(${w.text})), ${w.weight}::"char")`,
  );
  return parts.length ? sql.join(parts, sql` || `) : sql`''::tsvector`;
}

/** Words worth remembering for typo correction: folded Latin/Cyrillic words of 4–32 letters. */
function vocabularyOf(doc: SearchDocument): string[] {
  const text = [doc.title, doc.summary, doc.tags.join(" "), doc.body, ...doc.translations.map((t) => `${t.title} ${t.summary}`)].join(" ");
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

type FilterGroup = { facet: Facet | "yearRange" | "budgetRange"; condition: SQL };

function filterGroups(f: SearchFilters): FilterGroup[] {
  const groups: FilterGroup[] = [];
  const anyOf = (facet: Facet, values: readonly (string | number)[]) => {
    if (values.length === 0) return;
    groups.push({ facet, condition: sql`d.facet_keys && ${textArray(values.map((v) => `${facet}:${v}`))}` });
  };
  anyOf("sdg", f.sdg);
  anyOf("target", f.target);
  anyOf("area", f.area);
  anyOf("region", f.region);
  anyOf("country", f.country);
  anyOf("city", f.city);
  anyOf("language", f.language);
  anyOf("budgetBand", f.budgetBand);
  anyOf("stakeholderType", f.stakeholderType);
  if (f.transferred !== undefined) anyOf("transferred", [String(f.transferred)]);
  if (f.yearFrom !== undefined) groups.push({ facet: "yearRange", condition: sql`d.start_year >= ${f.yearFrom}` });
  if (f.yearTo !== undefined) groups.push({ facet: "yearRange", condition: sql`d.start_year <= ${f.yearTo}` });
  if (f.budgetUsdMin !== undefined) groups.push({ facet: "budgetRange", condition: sql`d.budget_usd >= ${f.budgetUsdMin}` });
  if (f.budgetUsdMax !== undefined) groups.push({ facet: "budgetRange", condition: sql`d.budget_usd <= ${f.budgetUsdMax}` });
  return groups;
}

/** A range filter narrows its own facet's counts less than a value filter: year range ↔ year facet. */
const GROUP_OF_FACET: Partial<Record<Facet, FilterGroup["facet"]>> = { year: "yearRange", budgetBand: "budgetRange" };

function whereOf(text: SQL | null, groups: FilterGroup[], extra: SQL[] = []): SQL {
  const conditions = [...(text ? [text] : []), ...groups.map((g) => g.condition), ...extra];
  return conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
}

function emptyFacetCounts(): FacetCounts {
  return Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as FacetCounts;
}

const FACET_VALUE_LIMIT = 100;

/** Facets that have a typed column of their own, as a set-returning expression of text values. */
const FACET_COLUMN: Partial<Record<Facet, SQL>> = {
  sdg: sql`unnest(d.sdg_goals::text[])`,
  target: sql`unnest(d.sdg_targets)`,
  area: sql`unnest(d.policy_areas)`,
  region: sql`unnest(array[d.region])`,
  country: sql`unnest(array[d.country_code])`,
  city: sql`unnest(array[d.city_slug])`,
  language: sql`unnest(array[d.language])`,
  year: sql`unnest(array[d.start_year::text])`,
  transferred: sql`unnest(array[d.transferred::text])`,
};

export function createPostgresEngine(db: DbOrTx): SearchEngine {
  /** Finds vocabulary words for query words the index has never seen. */
  async function corrections(words: string[]): Promise<{ from: string; to: string }[]> {
    const candidates = [...new Set(words.filter((w) => w.length >= 4 && !hasCjk(w) && !/\d/.test(w)))];
    if (candidates.length === 0) return [];
    const found = await rows<{ word: string; known: boolean; best: string | null }>(
      db,
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

  /** A query is parsed in `simple` and in every stemming configuration documents use. */
  function tsqueryOf(q: string, configs: string[]): SQL {
    const prepared = cjkBigrams(q);
    return sql.join(
      configs.map((c) => sql`websearch_to_tsquery(${c}::regconfig, unaccent(${prepared}))::text`),
      sql`, `,
    );
  }

  /**
   * Turns the query into a tsquery constant once (configs in use, typo corrections, prefix), so
   * the statements that follow compare every row against a literal the planner can see.
   */
  async function compileQuery(req: SearchRequest, q: string, fixes: { from: string; to: string }[]) {
    let corrected = foldText(q);
    for (const fix of fixes)
      corrected = corrected.replace(new RegExp(`(?<![\\p{L}\\p{N}])${fix.from}(?![\\p{L}\\p{N}])`, "gu"), fix.to);
    const configRows = await rows<{ config: string }>(db, sql`select config from search_configs`);
    const configs = ["simple", ...configRows.map((r) => r.config).filter((c) => c !== "simple" && KNOWN_CONFIGS.has(c))];
    const words = queryWords(q);
    const last = words[words.length - 1];
    const hasPrefix = Boolean(req.prefix && last && !hasCjk(last));
    const prefixQuery =
      hasPrefix
        ? sql` || (${words.length > 1 ? sql`websearch_to_tsquery('simple', unaccent(${words.slice(0, -1).join(" ")})) && ` : sql``}to_tsquery('simple', unaccent(${last}) || ':*'))`
        : sql``;
    // Each configuration's parse separately, so identical branches ('transport' in english,
    // french, simple …) are merged before the index sees them.
    const variants = [tsqueryOf(q, configs), ...(fixes.length ? [tsqueryOf(corrected, configs)] : [])];
    const [compiled] = await rows<{ parts: string[]; prefix: string | null; phrase: string }>(
      db,
      sql`select array[${sql.join(variants, sql`, `)}]::text[] as parts,
                 ${hasPrefix ? sql`(''::tsquery${prefixQuery})::text` : sql`null::text`} as prefix,
                 lower(unaccent(${q})) as phrase`,
    );
    const branches = new Set<string>();
    for (const part of [...pgTextArray(compiled!.parts), compiled!.prefix ?? ""]) if (part.trim()) branches.add(part.trim());
    const tq = [...branches].map((b) => `(${b})`).join(" | ");
    return { tq, phrase: compiled!.phrase };
  }

  async function facetCounts(textCondition: SQL | null, groups: FilterGroup[]): Promise<FacetCounts> {
    const counts = emptyFacetCounts();
    const activeGroups = new Set(groups.map((g) => g.facet));
    // Facets whose own filter is active are counted without it (so picking "SDG 11" still shows
    // how many match "SDG 13"); all other facets share one pass with every filter applied.
    const plain = FACETS.filter((f) => !activeGroups.has(GROUP_OF_FACET[f] ?? f));
    const passes: { facets: Facet[]; groups: FilterGroup[] }[] = [];
    if (plain.length) passes.push({ facets: plain, groups });
    for (const f of FACETS) {
      const group = GROUP_OF_FACET[f] ?? f;
      if (activeGroups.has(group)) passes.push({ facets: [f], groups: groups.filter((g) => g.facet !== group) });
    }
    await Promise.all(
      passes.map(async (pass) => {
        const column = pass.facets.length === 1 ? FACET_COLUMN[pass.facets[0]!] : undefined;
        if (column) {
          // One facet: read its own narrow column rather than unnest every facet key of every row.
          const facet = pass.facets[0]!;
          const result = await rows<{ v: string; n: number }>(
            db,
            sql`select v, count(*)::int as n
                  from search_documents d, ${column} as v
                 ${whereOf(textCondition, pass.groups, [sql`v is not null`])}
                 group by v`,
          );
          for (const r of result) counts[facet].push({ value: String(r.v), count: Number(r.n) });
          return;
        }
        const prefixes = textArray(pass.facets.map((f) => `${f}:`));
        const onlyThese =
          pass.facets.length === FACETS.length ? [] : [sql`split_part(k, ':', 1) || ':' = any(${prefixes})`];
        const result = await rows<{ k: string; n: number }>(
          db,
          sql`select k, count(*)::int as n
                from search_documents d, unnest(d.facet_keys) as k
               ${whereOf(textCondition, pass.groups, onlyThese)}
               group by k`,
        );
        for (const r of result) {
          const at = r.k.indexOf(":");
          const facet = r.k.slice(0, at) as Facet;
          if (pass.facets.includes(facet)) counts[facet].push({ value: r.k.slice(at + 1), count: Number(r.n) });
        }
      }),
    );
    for (const f of FACETS) {
      counts[f].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, "en", { numeric: true }));
      counts[f] = counts[f].slice(0, FACET_VALUE_LIMIT);
    }
    return counts;
  }

  const engine: SearchEngine = {
    name: "postgres",

    async upsert(docs) {
      if (docs.length === 0) return;
      const values = docs.map(
        (d) => sql`(${d.id}::uuid, ${d.revisionId}::uuid, ${d.slug}, ${d.title}, ${d.summary}, ${d.language},
          ${d.city.slug}, ${d.city.name}, ${d.city.country}, ${d.city.countryCode}, ${d.city.region},
          ${intArray(d.sdgGoals)}, ${textArray(d.sdgTargets)}, ${textArray(d.policyAreas)},
          ${d.startYear}::integer, ${d.budgetUsd}::double precision, ${d.transferred}::boolean, ${d.publishedAt}::timestamptz,
          ${textArray(facetKeysOf(d))}, ${tsvectorOf(d)}, now())`,
      );
      await db.execute(sql`insert into search_documents (case_id, revision_id, slug, title, summary, language,
          city_slug, city_name, country, country_code, region, sdg_goals, sdg_targets, policy_areas,
          start_year, budget_usd, transferred, published_at, facet_keys, tsv, indexed_at)
        values ${sql.join(values, sql`, `)}
        on conflict (case_id) do update set revision_id = excluded.revision_id, slug = excluded.slug,
          title = excluded.title, summary = excluded.summary, language = excluded.language,
          city_slug = excluded.city_slug, city_name = excluded.city_name, country = excluded.country,
          country_code = excluded.country_code, region = excluded.region, sdg_goals = excluded.sdg_goals,
          sdg_targets = excluded.sdg_targets, policy_areas = excluded.policy_areas, start_year = excluded.start_year,
          budget_usd = excluded.budget_usd, transferred = excluded.transferred, published_at = excluded.published_at,
          facet_keys = excluded.facet_keys, tsv = excluded.tsv, indexed_at = excluded.indexed_at`);
      const configs = [...new Set(docs.flatMap((d) => [d.language, ...d.translations.map((t) => t.language)]).map(textSearchConfig))];
      await db.execute(sql`insert into search_configs (config) select unnest(${textArray(configs)}) on conflict do nothing`);
      const vocabulary = [...new Set(docs.flatMap(vocabularyOf))];
      for (let i = 0; i < vocabulary.length; i += 5000) {
        await db.execute(
          sql`insert into search_terms (term) select unnest(${textArray(vocabulary.slice(i, i + 5000))}) on conflict do nothing`,
        );
      }
    },

    async remove(caseIds) {
      if (caseIds.length === 0) return;
      await db.execute(sql`delete from search_documents where case_id = any(${textArray(caseIds)}::uuid[])`);
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

    async search(req: SearchRequest): Promise<SearchResult> {
      const started = performance.now();
      const q = req.q.trim();
      const groups = filterGroups(req.filters);
      const fixes = q ? await corrections(queryWords(q)) : [];
      const compiled = q ? await compileQuery(req, q, fixes) : null;
      const corrections_ = fixes;
      if (compiled && compiled.tq.trim() === "") {
        // Only punctuation or nothing searchable: an honest empty result, not everything.
        return { hits: [], total: 0, page: req.page, perPage: req.perPage, facets: req.withFacets === false ? null : emptyFacetCounts(), engine: "postgres", tookMs: Math.round((performance.now() - started) * 10) / 10, corrections: corrections_ };
      }
      const tq = compiled ? sql`${compiled.tq}::tsquery` : null;
      const textCondition = tq ? sql`d.tsv @@ ${tq}` : null;
      const where = whereOf(textCondition, groups);
      const from = sql`from search_documents d`;

      const rank = compiled
        ? sql`(ts_rank(d.tsv, ${tq}, 1)
              + case when lower(unaccent(d.title)) = ${compiled.phrase} then 10
                     when strpos(lower(unaccent(d.title)), ${compiled.phrase}) > 0 then 2 else 0 end)`
        : sql`0`;
      const order =
        req.sort === "newest"
          ? sql`d.published_at desc, d.case_id`
          : req.sort === "budget"
            ? sql`d.budget_usd desc nulls last, d.published_at desc, d.case_id`
            : compiled
              ? sql`rank desc, d.published_at desc, d.case_id`
              : sql`d.published_at desc, d.case_id`;
      const offset = (req.page - 1) * req.perPage;

      // With words, every match is ranked anyway, so one pass gives the page and the total (a
      // window count). Without words, the page can stop early along an index (newest, budget),
      // so the total is a separate, cheaper count.
      const windowTotal = compiled !== null;
      const [hitRows, countRows, facets] = await Promise.all([
        rows<Row>(
          db,
          sql`select d.case_id, d.slug, d.title, d.summary, d.language, d.city_slug, d.city_name, d.country,
                     d.country_code, d.sdg_goals, d.sdg_targets, d.policy_areas, d.budget_usd, d.start_year,
                     d.transferred, d.published_at, ${rank} as rank${windowTotal ? sql`, count(*) over () as total` : sql``}
              ${from} ${where}
              order by ${order}
              limit ${req.perPage} offset ${offset}`,
        ),
        windowTotal ? Promise.resolve(null) : rows<{ n: number }>(db, sql`select count(*)::int as n ${from} ${where}`),
        req.withFacets === false ? Promise.resolve(null) : facetCounts(textCondition, groups),
      ]);
      // A page past the end has no rows to carry the total: count separately (rare).
      const total = countRows
        ? Number(countRows[0]?.n ?? 0)
        : hitRows.length > 0
          ? Number(hitRows[0]!.total)
          : offset === 0
            ? 0
            : Number((await rows<{ n: number }>(db, sql`select count(*)::int as n ${from} ${where}`))[0]?.n ?? 0);
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
        total,
        page: req.page,
        perPage: req.perPage,
        facets,
        engine: "postgres",
        tookMs: Math.round((performance.now() - started) * 10) / 10,
        corrections: corrections_,
      };
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
      const result = await rows<Row>(
        db,
        sql`with q as materialized (select ${titleQuery} as tq)
            select d.case_id, d.slug, d.title, d.summary, d.city_slug, d.city_name, d.country, d.country_code,
                   d.sdg_goals, d.policy_areas,
                   3 * cardinality(array(select unnest(d.sdg_targets) intersect select unnest(${textArray(targets)})))
                   + 2 * cardinality(array(select unnest(d.policy_areas) intersect select unnest(${textArray(areas)})))
                   + 5 * ts_rank(d.tsv, q.tq) as score
              from search_documents d, q
             where d.case_id <> ${caseId}::uuid
               and (d.sdg_targets && ${textArray(targets)} or d.policy_areas && ${textArray(areas)} or d.tsv @@ q.tq)
             order by score desc, d.published_at desc, d.case_id
             limit ${limit}`,
      );
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
