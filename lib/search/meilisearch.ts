/**
 * The Meilisearch engine, for deployments that outgrow Postgres full-text search. Settings are
 * applied from code and read back at start (a mismatch stops the engine with a clear error);
 * every write awaits its task and surfaces a failed task as an error, so the outbox retries it;
 * a full rebuild fills a temporary index and swaps it in atomically.
 *
 * The admin key (MEILI_API_KEY) stays on the server. Only MEILI_SEARCH_KEY — checked to allow
 * nothing but `search` — may ever be handed to a browser (publicSearchKey).
 */
import { Meilisearch, type Index, type Settings, type Task } from "meilisearch";
import { FACETS, facetValuesOf, type Facet, type SearchDocument } from "./document";
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
import { queryWords } from "./text";

type MeiliDocument = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  language: string;
  citySlug: string;
  cityName: string;
  countryName: string;
  countryCode: string;
  translationTitles: string[];
  translationSummaries: string[];
  tags: string[];
  policyAreaLabels: string[];
  stakeholderNames: string[];
  transferCities: string[];
  body: string;
  sdgGoals: number[];
  sdgTargets: string[];
  policyAreas: string[];
  budgetUsd: number | null;
  startYear: number | null;
  transferred: boolean;
  publishedAt: string;
  publishedAtTs: number;
} & Record<`facet_${Facet}`, string[]>;

export const MEILI_SETTINGS: Settings = {
  searchableAttributes: [
    "title",
    "translationTitles",
    "summary",
    "translationSummaries",
    "tags",
    "policyAreaLabels",
    "cityName",
    "countryName",
    "stakeholderNames",
    "transferCities",
    "body",
  ],
  filterableAttributes: [...FACETS.map((f) => `facet_${f}`), "startYear", "budgetUsd", "id"],
  sortableAttributes: ["publishedAtTs", "budgetUsd"],
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "publishedAtTs:desc"],
  displayedAttributes: ["*"],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 100_000 },
  synonyms: {
    ngo: ["civil society"],
    metro: ["subway", "urban railway"],
    subway: ["metro"],
    "e-government": ["digital government", "egovernment"],
    its: ["intelligent transportation system"],
  },
};

function toMeili(doc: SearchDocument): MeiliDocument {
  return {
    id: doc.id,
    slug: doc.slug,
    title: doc.title,
    summary: doc.summary,
    language: doc.language,
    citySlug: doc.city.slug,
    cityName: doc.city.name,
    countryName: doc.city.country,
    countryCode: doc.city.countryCode,
    translationTitles: doc.translations.map((t) => t.title).filter(Boolean),
    translationSummaries: doc.translations.map((t) => t.summary).filter(Boolean),
    tags: doc.tags,
    policyAreaLabels: doc.policyAreaLabels,
    stakeholderNames: doc.stakeholderNames,
    transferCities: doc.transferCities,
    body: doc.body,
    sdgGoals: doc.sdgGoals,
    sdgTargets: doc.sdgTargets,
    policyAreas: doc.policyAreas,
    budgetUsd: doc.budgetUsd,
    startYear: doc.startYear,
    transferred: doc.transferred,
    publishedAt: doc.publishedAt,
    publishedAtTs: Date.parse(doc.publishedAt),
    ...(Object.fromEntries(Object.entries(facetValuesOf(doc)).map(([f, v]) => [`facet_${f}`, v])) as Record<`facet_${Facet}`, string[]>),
  };
}

async function succeeded(promise: { waitTask: (o?: { timeout?: number }) => Promise<Task> }, what: string): Promise<Task> {
  const task = await promise.waitTask({ timeout: 60_000 });
  if (task.status !== "succeeded")
    throw new Error(`Meilisearch task ${what} ${task.status}: ${task.error?.message ?? "no error message"}`);
  return task;
}

const quote = (v: string | number) => JSON.stringify(String(v));

type FilterGroup = { facet: FilterGroupName; expression: string };

function filterGroups(f: SearchFilters): FilterGroup[] {
  const groups: FilterGroup[] = [];
  for (const [facet, values] of valueFilters(f))
    groups.push({ facet, expression: `facet_${facet} IN [${values.map(quote).join(", ")}]` });
  if (f.yearFrom !== undefined) groups.push({ facet: "yearRange", expression: `startYear >= ${Number(f.yearFrom)}` });
  if (f.yearTo !== undefined) groups.push({ facet: "yearRange", expression: `startYear <= ${Number(f.yearTo)}` });
  if (f.budgetUsdMin !== undefined) groups.push({ facet: "budgetRange", expression: `budgetUsd >= ${Number(f.budgetUsdMin)}` });
  if (f.budgetUsdMax !== undefined) groups.push({ facet: "budgetRange", expression: `budgetUsd <= ${Number(f.budgetUsdMax)}` });
  return groups;
}

function toHit(d: MeiliDocument): SearchHit {
  return {
    id: d.id,
    slug: d.slug,
    title: d.title,
    summary: d.summary,
    language: d.language,
    city: { slug: d.citySlug, name: d.cityName, country: d.countryName, countryCode: d.countryCode },
    sdgGoals: d.sdgGoals,
    sdgTargets: d.sdgTargets,
    policyAreas: d.policyAreas,
    budgetUsd: d.budgetUsd,
    startYear: d.startYear,
    transferred: d.transferred,
    publishedAt: d.publishedAt,
  };
}

/** Applies MEILI_SETTINGS and reads them back; throws when the server kept something else. */
export async function applyMeiliSettings(index: Index<MeiliDocument>): Promise<void> {
  await succeeded(index.updateSettings(MEILI_SETTINGS), `settings of ${index.uid}`);
  const actual = await index.getSettings();
  for (const key of ["searchableAttributes", "sortableAttributes", "rankingRules"] as const) {
    if (JSON.stringify(actual[key]) !== JSON.stringify(MEILI_SETTINGS[key]))
      throw new Error(`Meilisearch index ${index.uid} has ${key} ${JSON.stringify(actual[key])}, expected ${JSON.stringify(MEILI_SETTINGS[key])}.`);
  }
  const filterable = new Set((actual.filterableAttributes ?? []).map((a) => (typeof a === "string" ? a : JSON.stringify(a))));
  for (const a of MEILI_SETTINGS.filterableAttributes ?? [])
    if (typeof a === "string" && !filterable.has(a)) throw new Error(`Meilisearch index ${index.uid} cannot filter on ${a}.`);
}

export async function createMeilisearchEngine(config: { host: string; apiKey?: string; index: string }): Promise<SearchEngine> {
  const client = new Meilisearch({ host: config.host, apiKey: config.apiKey });
  await client.health();
  const uid = config.index;
  await ensureIndex(client, uid);
  const index = client.index<MeiliDocument>(uid);
  await applyMeiliSettings(index);

  async function facetCounts(q: string, groups: FilterGroup[], main: Record<string, Record<string, number>> | undefined): Promise<FacetCounts> {
    const counts = Object.fromEntries(FACETS.map((f) => [f, [] as { value: string; count: number }[]])) as unknown as FacetCounts;
    const active = new Set(groups.map((g) => g.facet));
    const disjunctive = FACETS.filter((f) => filterGroupsOfFacet(f).some((g) => active.has(g)));
    const extra = disjunctive.length
      ? await client.multiSearch({
          queries: disjunctive.map((f) => ({
            indexUid: uid,
            q,
            limit: 0,
            facets: [`facet_${f}`],
            filter: groups.filter((g) => !filterGroupsOfFacet(f).includes(g.facet)).map((g) => g.expression),
          })),
        })
      : { results: [] };
    for (const f of FACETS) {
      const i = disjunctive.indexOf(f);
      const distribution = i >= 0 ? extra.results[i]?.facetDistribution?.[`facet_${f}`] : main?.[`facet_${f}`];
      counts[f] = Object.entries(distribution ?? {})
        .map(([value, count]) => ({ value, count }))
        .sort(byFacetCount)
        .slice(0, 100);
    }
    return counts;
  }

  const engine: SearchEngine = {
    name: "meilisearch",
    async upsert(docs) {
      if (docs.length) await succeeded(index.addDocuments(docs.map(toMeili), { primaryKey: "id" }), "add documents");
    },
    async remove(caseIds) {
      if (caseIds.length) await succeeded(index.deleteDocuments(caseIds), "delete documents");
    },
    async reset() {
      await succeeded(index.deleteAllDocuments(), "delete all documents");
    },
    async health(): Promise<EngineHealth> {
      try {
        await client.health();
        const stats = await index.getStats();
        return { engine: "meilisearch", ok: true, documents: stats.numberOfDocuments };
      } catch (e) {
        return { engine: "meilisearch", ok: false, documents: null, detail: e instanceof Error ? e.message : String(e) };
      }
    },
    async search(req: SearchRequest): Promise<SearchResult> {
      const started = performance.now();
      const groups = filterGroups(req.filters);
      const sort =
        req.sort === "newest" ? ["publishedAtTs:desc"] : req.sort === "budget" ? ["budgetUsd:desc"] : req.q.trim() ? undefined : ["publishedAtTs:desc"];
      const res = await index.search(req.q.trim(), {
        filter: groups.map((g) => g.expression),
        sort,
        page: req.page,
        hitsPerPage: req.perPage,
        facets: req.withFacets === false ? undefined : FACETS.map((f) => `facet_${f}`),
      });
      const facets = req.withFacets === false ? null : await facetCounts(req.q.trim(), groups, res.facetDistribution);
      return {
        hits: res.hits.map(toHit),
        // Exact up to pagination.maxTotalHits (100,000), set above.
        total: res.totalHits,
        totalApproximate: false,
        page: req.page,
        perPage: req.perPage,
        facets,
        engine: "meilisearch",
        tookMs: Math.round((performance.now() - started) * 10) / 10,
        corrections: [],
        // Meilisearch counts facet values exactly.
        facetsApproximate: false,
      };
    },
    async related(caseId, limit): Promise<RelatedCase[]> {
      const self = await index.getDocument(caseId).catch(() => null);
      if (!self) return [];
      const or = [
        self.sdgTargets.length ? `facet_target IN [${self.sdgTargets.map(quote).join(", ")}]` : null,
        self.policyAreas.length ? `facet_area IN [${self.policyAreas.map(quote).join(", ")}]` : null,
      ].filter(Boolean);
      const res = await index.search(queryWords(self.title).join(" "), {
        filter: [`id != ${quote(caseId)}`, ...(or.length ? [or.join(" OR ")] : [])],
        matchingStrategy: "last",
        limit,
      });
      return res.hits.map((d) => {
        const h = toHit(d);
        return { id: h.id, slug: h.slug, title: h.title, summary: h.summary, city: h.city, sdgGoals: h.sdgGoals, policyAreas: h.policyAreas };
      });
    },
    async rebuild(batches) {
      const tmp = `${uid}_rebuild_${Date.now()}`;
      await succeeded(client.createIndex(tmp, { primaryKey: "id" }), `create ${tmp}`);
      let documents = 0;
      try {
        const tmpIndex = client.index<MeiliDocument>(tmp);
        await applyMeiliSettings(tmpIndex);
        for await (const batch of batches) {
          if (batch.length) await succeeded(tmpIndex.addDocuments(batch.map(toMeili)), `add documents to ${tmp}`);
          documents += batch.length;
        }
        // Atomic: readers see the old index until this task succeeds, then the new one.
        await succeeded(client.swapIndexes([{ indexes: [uid, tmp], rename: false }]), `swap ${uid} with ${tmp}`);
      } finally {
        await succeeded(client.deleteIndex(tmp), `delete ${tmp}`).catch(() => {});
      }
      return { documents };
    },
  };
  return engine;
}

async function ensureIndex(client: Meilisearch, uid: string): Promise<void> {
  try {
    await client.getIndex(uid);
  } catch {
    await succeeded(client.createIndex(uid, { primaryKey: "id" }), `create ${uid}`);
  }
}

/**
 * The only key a browser may receive: MEILI_SEARCH_KEY, after the admin client confirms it can do
 * nothing but search. Returns null when unset or broader than that.
 */
export async function publicSearchKey(config: { host: string; apiKey?: string; searchKey?: string }): Promise<string | null> {
  if (!config.searchKey || config.searchKey === config.apiKey) return null;
  const admin = new Meilisearch({ host: config.host, apiKey: config.apiKey });
  const key = await admin.getKey(config.searchKey).catch(() => null);
  if (!key) return null;
  return key.actions.length === 1 && key.actions[0] === "search" ? config.searchKey : null;
}
