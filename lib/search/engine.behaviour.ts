/**
 * The behavioural suite every search engine must pass. Run per engine by postgres.test.ts and
 * meilisearch.test.ts against the real engine and the test file's real, seeded database.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "../../db/client";
import { FACETS, type Facet } from "./document";
import { emptyFilters, type SearchEngine, type SearchFilters, type SearchRequest } from "./engine";
import { reindexAll } from "./reindex";
import { settleSearchDrainer, startSearchDrainer, stopSearchDrainer } from "./outbox";
import { draftTestCases, publishTestCases, unpublishTestCase } from "./test-helpers";

const FILTER_OF_FACET: Record<Exclude<Facet, "transferred">, keyof SearchFilters> = {
  sdg: "sdg",
  target: "target",
  area: "area",
  region: "region",
  country: "country",
  city: "city",
  language: "language",
  year: "yearFrom",
  budgetBand: "budgetBand",
  stakeholderType: "stakeholderType",
};

export function describeSearchEngineBehaviour(label: string, makeEngine: () => Promise<SearchEngine>) {
  describe(`search engine behaviour: ${label}`, () => {
    let engine: SearchEngine;
    const search = (over: Omit<Partial<SearchRequest>, "filters"> & { filters?: Partial<SearchFilters> } = {}) =>
      engine.search({
        q: "",
        sort: "relevance",
        page: 1,
        perPage: 20,
        ...over,
        filters: { ...emptyFilters(), ...over.filters },
      });
    const slugs = async (q: string) => (await search({ q })).hits.map((h) => h.slug);

    beforeAll(async () => {
      engine = await makeEngine();
      await engine.reset();
      // Cases with budgets, years, stakeholders and places the demo set lacks, so every facet has values.
      await publishTestCases(db, [
        { slug: "bx-bike-lanes-bangkok", city: "bangkok", title: "Protected bike lanes on arterial roads", budgetUsd: 2_500_000, start: "2019", sdgGoals: [11, 3], sdgTargets: ["11.2", "3.6"], policyAreas: ["transportation"], stakeholderTypes: ["government", "citizens"] },
        { slug: "bx-flood-sensors-manila", city: "manila", title: "Flood sensors for early warning", budgetUsd: 40_000, start: "2021-03", sdgGoals: [11, 13], sdgTargets: ["11.5", "13.1"], policyAreas: ["safety-disaster"], stakeholderTypes: ["academia"] },
        { slug: "bx-school-meals-seoul", title: "Free school meals from local farms", budgetUsd: 150_000_000, start: "2011", sdgGoals: [2, 4], sdgTargets: ["2.1"], policyAreas: ["welfare-health"], stakeholderTypes: ["civil-society", "private"] },
      ]);
      await draftTestCases(db, [{ slug: "bx-draft-only", title: "Quokkaplanning draft that nobody approved" }]);
      await reindexAll(db, engine);
    });

    afterAll(async () => {
      await stopSearchDrainer();
    });

    test("an exact title match ranks first", async () => {
      expect((await slugs("LED streetlights for Manila"))[0]).toBe("seoul-led-streetlights-manila");
      expect((await slugs("Waterworks"))[0]).toBe("seoul-waterworks");
    });

    test("a quoted phrase matches words in that order", async () => {
      expect((await slugs('"fare card"'))[0]).toBe("seoul-integrated-transportation-card");
      expect(await slugs('"card fare sensors"')).toEqual([]);
      expect(await slugs('"card fare"')).not.toContain("seoul-integrated-transportation-card");
      // Three words, the middle one a stop word in French.
      expect(await slugs('"gestion des déchets"')).toContain("seoul-waste-management");
      expect(await slugs('"déchets des gestion"')).not.toContain("seoul-waste-management");
    });

    test("a typo still finds the case", async () => {
      expect(await slugs("congestoin")).toContain("seoul-topis-traffic-information");
      expect(await slugs("transprot card")).toContain("seoul-integrated-transportation-card");
    });

    test("accents fold: 'gestion des dechets' = 'gestion des déchets'", async () => {
      const plain = await slugs("gestion des dechets");
      expect(plain[0]).toBe("seoul-waste-management");
      expect(await slugs("gestion des déchets")).toEqual(plain);
    });

    test("a Korean query finds the Korean case and Korean translations", async () => {
      expect(await slugs("공유도시")).toContain("sharing-city-seoul");
      expect(await slugs("공유")).toContain("sharing-city-seoul");
      expect((await slugs("교통카드"))[0]).toBe("seoul-integrated-transportation-card");
    });

    test("the words an official would use find the seeded cases in four languages", async () => {
      expect((await slugs("traffic congestion"))[0]).toBe("seoul-topis-traffic-information");
      expect((await slugs("tax collection is manual"))[0]).toBe("seoul-tax-administration-system");
      expect(await slugs("congestion du trafic")).toContain("seoul-topis-traffic-information");
      expect((await slugs("pequeños negocios"))[0]).toBe("seoul-alley-commercial-area-big-data");
      expect(await slugs("gestión de residuos")).toContain("seoul-waste-management");
      expect(await slugs("교통 혼잡")).toContain("seoul-topis-traffic-information");
    });

    test("every facet filter returns exactly the counted cases", async () => {
      const all = await search({ perPage: 100 });
      expect(all.total).toBeGreaterThanOrEqual(19);
      for (const facet of FACETS) {
        const counts = all.facets![facet];
        expect(counts.length, `facet ${facet} has values`).toBeGreaterThan(0);
        const { value, count } = counts[counts.length - 1]!;
        const filters: Partial<SearchFilters> =
          facet === "transferred"
            ? { transferred: value === "true" }
            : facet === "year"
              ? { yearFrom: Number(value), yearTo: Number(value) }
              : facet === "sdg"
                ? { sdg: [Number(value)] }
                : { [FILTER_OF_FACET[facet]]: [value] };
        const filtered = await search({ filters, perPage: 100 });
        expect(filtered.total, `${facet}=${value}`).toBe(count);
        expect(filtered.hits.length).toBe(count);
      }
    });

    test("values of one facet are OR, facets are AND, and a filtered facet keeps its other counts", async () => {
      const s11 = await search({ filters: { sdg: [11] } });
      const s2 = await search({ filters: { sdg: [2] } });
      const either = await search({ filters: { sdg: [11, 2] } });
      expect(either.total).toBe(s11.total + s2.total); // no seeded case has both
      const both = await search({ filters: { sdg: [11], area: ["transportation"] } });
      expect(both.total).toBeLessThan(s11.total);
      expect(both.hits.every((h) => h.sdgGoals.includes(11) && h.policyAreas.includes("transportation"))).toBe(true);
      const two = s11.facets!.sdg.find((c) => c.value === "2");
      expect(two?.count).toBe(s2.total);
    });

    test("ranges: start year and budget in USD", async () => {
      const years = await search({ filters: { yearFrom: 2019, yearTo: 2021 } });
      expect(years.hits.map((h) => h.slug).sort()).toEqual(["bx-bike-lanes-bangkok", "bx-flood-sensors-manila"]);
      const budget = await search({ filters: { budgetUsdMin: 1_000_000, budgetUsdMax: 10_000_000 } });
      expect(budget.hits.map((h) => h.slug)).toEqual(["bx-bike-lanes-bangkok"]);
      const band = await search({ filters: { budgetBand: ["over-100m"] } });
      expect(band.hits.map((h) => h.slug)).toEqual(["bx-school-meals-seoul"]);
      // The other bands keep their counts while one is picked, so a second can be added (OR).
      const everyBand = (await search()).facets!.budgetBand;
      expect(everyBand.length).toBeGreaterThan(1);
      expect(band.facets!.budgetBand).toEqual(everyBand);
      // Two bands with a gap between them, largest budget first: the gap stays out.
      const bands = await search({ filters: { budgetBand: ["1m-10m", "over-100m"] }, sort: "budget" });
      expect(bands.hits.map((h) => h.slug)).toEqual(["bx-school-meals-seoul", "bx-bike-lanes-bangkok"]);
    });

    test("sorts: newest and budget", async () => {
      const newest = await search({ sort: "newest", perPage: 100 });
      const dates = newest.hits.map((h) => Date.parse(h.publishedAt));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
      const budget = await search({ sort: "budget", perPage: 100 });
      expect(budget.hits.slice(0, 3).map((h) => h.slug)).toEqual(["bx-school-meals-seoul", "bx-bike-lanes-bangkok", "bx-flood-sensors-manila"]);
      expect(budget.hits.slice(3).every((h) => h.budgetUsd == null)).toBe(true);
    });

    test("pagination covers every hit once; a page past the end is empty", async () => {
      const all = await search({ perPage: 100, sort: "newest" });
      const seen: string[] = [];
      for (let page = 1; page <= Math.ceil(all.total / 7); page++) {
        const r = await search({ perPage: 7, page, sort: "newest" });
        expect(r.total).toBe(all.total);
        seen.push(...r.hits.map((h) => h.slug));
      }
      expect(seen).toEqual(all.hits.map((h) => h.slug));
      const past = await search({ perPage: 7, page: Math.ceil(all.total / 7) + 1 });
      expect(past.hits).toEqual([]);
      expect(past.total).toBe(all.total);
    });

    test("a draft or rejected case never appears", async () => {
      expect(await slugs("Quokkaplanning")).toEqual([]);
      const all = await search({ perPage: 100 });
      expect(all.hits.map((h) => h.slug)).not.toContain("bx-draft-only");
    });

    test("publish → findable and unpublish → gone within one second (through the outbox)", async () => {
      await startSearchDrainer({ engine, pollMs: 60_000 });
      await settleSearchDrainer();
      const published = Date.now();
      await publishTestCases(db, [{ slug: "bx-zebra-crossings", title: "Zebracrossingwidget pilot for safer streets" }]);
      let found: string[] = [];
      while (Date.now() - published < 1000 && found.length === 0) {
        found = await slugs("zebracrossingwidget");
        if (!found.length) await new Promise((r) => setTimeout(r, 25));
      }
      expect(found).toEqual(["bx-zebra-crossings"]);

      const unpublished = Date.now();
      await unpublishTestCase(db, "bx-zebra-crossings");
      while (Date.now() - unpublished < 1000 && found.length > 0) {
        found = await slugs("zebracrossingwidget");
        if (found.length) await new Promise((r) => setTimeout(r, 25));
      }
      expect(found).toEqual([]);
      await stopSearchDrainer();
    });

    test("related cases share targets, areas or words and never include the case itself", async () => {
      const [card] = (await search({ q: "fare card" })).hits;
      const related = await engine.related(card!.id, 5);
      expect(related.length).toBeGreaterThan(0);
      expect(related.map((r) => r.slug)).not.toContain(card!.slug);
      expect(related.map((r) => r.slug)).toContain("seoul-topis-traffic-information");
    });

    test("health reports the document count", async () => {
      const h = await engine.health();
      expect(h.ok).toBe(true);
      expect(h.documents).toBe((await search()).total);
    });
  });
}
