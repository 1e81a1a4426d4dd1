/**
 * What keeps the postgres engine fast at 100,000 cases, checked for behaviour on a small index:
 * facet counts estimated from a sample past a size limit (here lowered to 4), whole-index counts
 * kept until the index changes, totals estimated past a limit, relevance in two tiers (title
 * matches first), phrases answered from stored word pairs, and newest-first pages sought in a
 * window of the newest documents.
 */
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "../../db/client";
import { emptyFilters, type SearchFilters, type SearchRequest } from "./engine";
import { buildSearchDocuments, FACETS } from "./document";
import { createPostgresEngine, roundEstimate } from "./postgres";
import { reindexAll } from "./reindex";
import { publishTestCases, type TestCase } from "./test-helpers";

const exact = createPostgresEngine(db);
const sampled = createPostgresEngine(db, { exactFacetCountLimit: 4, totalSampleSlices: 64 });
// Totals over 1 "estimated" from a sample of all 64 slices: the estimate is then the exact count.
const estimatedTotals = createPostgresEngine(db, { exactTotalLimit: 1, totalSampleSlices: 64 });

const request = (over: Partial<Omit<SearchRequest, "filters">> & { filters?: Partial<SearchFilters> } = {}): SearchRequest => ({
  q: "",
  sort: "relevance",
  page: 1,
  perPage: 20,
  withFacets: true,
  ...over,
  filters: { ...emptyFilters(), ...over.filters },
});

beforeAll(async () => {
  // Published one after the other: the body-only case is the newer one.
  await publishTestCases(db, [{ slug: "tier-title", title: "Zebrafinch counts in city parks", sdgGoals: [15] }]);
  await publishTestCases(db, [{ slug: "tier-body", title: "Park maintenance contracts", sdgGoals: [15], body: "Volunteers also counted zebrafinch nests." }]);
  await reindexAll(db, exact);
});

describe("postgres engine at scale", () => {
  test("estimates are rounded to two significant figures and never below one", () => {
    expect([roundEstimate(0.4), roundEstimate(7), roundEstimate(12.6), roundEstimate(12_437), roundEstimate(987_654)]).toEqual([
      1, 7, 13, 12_000, 990_000,
    ]);
  });

  test("past the limit, facet counts are flagged estimates over values that really match; the total stays exact", async () => {
    const filters = { sdg: [11] };
    const truth = await exact.search(request({ filters }));
    const estimate = await sampled.search(request({ filters }));
    expect(truth.total).toBeGreaterThan(4);
    expect(truth.facetsApproximate).toBe(false);
    expect(estimate.facetsApproximate).toBe(true);
    expect(estimate.total).toBe(truth.total);
    expect(estimate.hits.map((h) => h.slug)).toEqual(truth.hits.map((h) => h.slug));
    for (const facet of FACETS) {
      for (const { value, count } of estimate.facets![facet]) {
        expect(truth.facets![facet].map((v) => v.value), `${facet}:${value} really matches`).toContain(value);
        expect(count).toBe(roundEstimate(count));
        expect(count).toBeGreaterThanOrEqual(1);
      }
    }
    // A filtered facet's own pass, past the limit, is estimated from a sample too.
    const twoFilters = { sdg: [11], language: ["en"] };
    const passTruth = await exact.search(request({ filters: twoFilters }));
    const passEstimate = await sampled.search(request({ filters: twoFilters }));
    expect(passTruth.facets!.sdg.length).toBeGreaterThan(1);
    expect(passEstimate.facetsApproximate).toBe(true);
    expect(passEstimate.facets!.sdg.length).toBeGreaterThan(0);
    for (const { value, count } of passEstimate.facets!.sdg) {
      expect(passTruth.facets!.sdg.map((v) => v.value), `sdg:${value} really matches`).toContain(value);
      expect(count).toBe(roundEstimate(count));
    }
    // Under the limit nothing is estimated.
    const narrow = await sampled.search(request({ q: "zebrafinch" }));
    expect(narrow.facetsApproximate).toBe(false);
    expect(narrow.facets!.sdg).toEqual([{ value: "15", count: 2 }]);
  });

  test("past the total limit the total is a flagged estimate; its sample gives the facets; hits are unchanged", async () => {
    const filters = { sdg: [11] };
    const truth = await exact.search(request({ filters }));
    expect(truth.totalApproximate).toBe(false);
    expect(truth.total).toBeGreaterThan(1);
    expect(truth.total).toBeLessThan(100); // two significant figures: the rounded estimate is the count
    const estimate = await estimatedTotals.search(request({ filters }));
    expect(estimate.totalApproximate).toBe(true);
    expect(estimate.facetsApproximate).toBe(true);
    expect(estimate.total).toBe(truth.total);
    expect(estimate.facets).toEqual(truth.facets);
    expect(estimate.hits.map((h) => h.slug)).toEqual(truth.hits.map((h) => h.slug));
    // Suggestions want no facets, and a count of their matches is as cheap as a sample's.
    const bare = await estimatedTotals.search(request({ filters, withFacets: false }));
    expect([bare.total, bare.totalApproximate, bare.facets]).toEqual([truth.total, false, null]);
    // At or under the limit the total is counted.
    const one = await estimatedTotals.search(request({ q: '"zebrafinch nests"' }));
    expect([one.total, one.totalApproximate]).toEqual([1, false]);
  });

  test("whole-index counts are kept until the index changes, then counted again", async () => {
    const before = await exact.search(request());
    expect((await exact.search(request())).facets).toEqual(before.facets);
    const docs = await buildSearchDocuments(db, [before.hits[0]!.id]);
    await exact.remove([before.hits[0]!.id]);
    const after = await exact.search(request());
    expect(after.total).toBe(before.total - 1);
    expect(after.facets!.language.reduce((n, v) => n + v.count, 0)).toBe(before.total - 1);
    await exact.upsert([...docs.values()]);
    expect((await exact.search(request())).facets).toEqual(before.facets);
  });

  test("relevance: a title match ranks before a newer case that has the word only in its text", async () => {
    const relevance = await exact.search(request({ q: "zebrafinch" }));
    expect(relevance.hits.map((h) => h.slug)).toEqual(["tier-title", "tier-body"]);
    expect(relevance.total).toBe(2);
    const newest = await exact.search(request({ q: "zebrafinch", sort: "newest" }));
    expect(newest.hits.map((h) => h.slug)).toEqual(["tier-body", "tier-title"]);
    // A page that starts inside the title tier and continues into the rest.
    const second = await exact.search(request({ q: "zebrafinch", perPage: 1, page: 2 }));
    expect(second.hits.map((h) => h.slug)).toEqual(["tier-body"]);
    expect(second.total).toBe(2);
  });

  test("phrases are answered from stored word pairs and find what a check of word positions finds", async () => {
    const slugsWhere = async (condition: ReturnType<typeof sql>) => {
      const result = (await db.execute(sql`select slug from search_documents d where ${condition} order by slug`)) as unknown;
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { slug: string }[];
      return rows.map((r) => r.slug);
    };
    // The pair is in the stored vector itself: "zebrafinch" right before "nests".
    expect(await slugsWhere(sql`d.tsv @@ ${"' zebrafinch 1 nests'"}::tsquery`)).toEqual(["tier-body"]);
    for (const q of ['"zebrafinch nests"', '"nests zebrafinch"', '"volunteers counted"', '"also counted zebrafinch"', '"city parks" zebrafinch']) {
      // Postgres's own phrase check, by positions, in every configuration in use.
      const positional = await slugsWhere(
        sql`d.tsv @@ (select string_agg('(' || websearch_to_tsquery(c.config::regconfig, unaccent(${q}))::text || ')', ' | ')::tsquery
                        from (select config from search_configs union select 'simple') as c)`,
      );
      const found = (await exact.search(request({ q, perPage: 100 }))).hits.map((h) => h.slug).sort();
      expect(found, q).toEqual(positional);
    }
    expect((await exact.search(request({ q: '"zebrafinch nests"' }))).hits.map((h) => h.slug)).toEqual(["tier-body"]);
  });

  test("a filtered facet's own counts, read from the row's columns, are the counts without that filter", async () => {
    // The demo cases have no budgets; these give the budget facet values.
    await publishTestCases(db, [
      { slug: "budget-small", title: "Budget small", budgetUsd: 200_000, start: "2015", stakeholderTypes: ["citizens"] },
      { slug: "budget-mid", title: "Budget mid", budgetUsd: 5_000_000, start: "2015" },
      { slug: "budget-large", title: "Budget large", budgetUsd: 500_000_000, start: "2016" },
    ]);
    await reindexAll(db, exact);
    // Each facet filtered to its most common value, beside a second filter, so that its pass
    // keeps a condition and counts values (stakeholder types: from codes, one test per type)
    // rather than taking the whole index's counts.
    for (const facet of FACETS) {
      const base: Partial<SearchFilters> = facet === "year" ? { language: ["en"] } : { yearFrom: 1900 };
      const without = await exact.search(request({ filters: base }));
      const top = without.facets![facet][0];
      expect(top, `${facet} has values`).toBeDefined();
      const own: Partial<SearchFilters> =
        facet === "year"
          ? { yearFrom: Number(top!.value), yearTo: Number(top!.value) }
          : facet === "transferred"
            ? { transferred: top!.value === "true" }
            : facet === "sdg"
              ? { sdg: [Number(top!.value)] }
              : { [facet]: [top!.value] };
      const withOwn = await exact.search(request({ filters: { ...base, ...own } }));
      expect(withOwn.total, facet).toBe(top!.count);
      expect(withOwn.facets![facet], facet).toEqual(without.facets![facet]);
    }
  });

  test("newest-first text pages found in a window of the newest documents are the pages a full sort gives", async () => {
    // Windows from 1 document up (1, 2, 4 …), so this small index has some; statements with
    // words are recorded, to see that the window was used.
    const statements: string[] = [];
    const dialect = new PgDialect();
    const recording = new Proxy(db, {
      get: (target, prop) =>
        prop === "execute"
          ? (query: SQL) => {
              statements.push(dialect.sqlToQuery(query).sql);
              return target.execute(query);
            }
          : Reflect.get(target, prop),
    });
    const windowed = createPostgresEngine(db, { smallestRecencyWindow: 1, textSearchDb: recording });
    const heronCases = (from: number, n: number): TestCase[] =>
      Array.from({ length: n }, (_, i) =>
        (from + i) % 2
          ? { slug: `heron-title-${from + i}`, title: `Heronwatch survey ${from + i}` }
          : { slug: `heron-body-${from + i}`, title: `Wetland report ${from + i}`, body: "The heronwatch volunteers met weekly." },
      );
    const otherCases = (from: number, n: number): TestCase[] =>
      Array.from({ length: n }, (_, i) => ({ slug: `other-${from + i}`, title: `Street lighting upgrade ${from + i}` }));
    // 40 older matches; then among the 33 newest documents one match, so a window of the 32
    // newest holds fewer matches than a page of 2 needs.
    for (let batch = 0; batch < 4; batch++) await publishTestCases(db, heronCases(batch * 10, 10));
    await publishTestCases(db, otherCases(0, 20));
    await publishTestCases(db, heronCases(100, 1));
    await publishTestCases(db, otherCases(20, 12));
    await reindexAll(db, exact);

    const allPages = async (engine: typeof exact, q: string, sort: SearchRequest["sort"], perPage: number) => {
      const pages: string[][] = [];
      for (let page = 1; page <= 50; page++) {
        const hits = (await engine.search(request({ q, sort, perPage, page, withFacets: false }))).hits.map((h) => h.slug);
        pages.push(hits);
        if (hits.length < perPage) break;
      }
      return pages;
    };
    const compare = async () => {
      for (const q of ["heronwatch", "zebrafinch"])
        for (const sort of ["newest", "relevance"] as const)
          for (const perPage of [1, 2, 3, 7]) expect(await allPages(windowed, q, sort, perPage), `${q} ${sort} ${perPage}`).toEqual(await allPages(exact, q, sort, perPage));
    };
    await compare();
    expect(statements.some((s) => s.includes("d.published_at >=")), "some page came from a window").toBe(true);
    // Newer cases after the windows were read: their cut-offs are stale, the pages still exact.
    await publishTestCases(db, heronCases(40, 6));
    await reindexAll(db, exact);
    await compare();
  });
});
