/** The public JSON shape of a search (GET /api/v1/search): exactly the documented fields. */
import type { SearchResult } from "./engine";
import { highlightHtml } from "./text";

export function searchResultToApi(result: SearchResult, q: string) {
  const f = result.facets;
  return {
    hits: result.hits.map((h) => ({
      slug: h.slug,
      title: h.title,
      summary: h.summary,
      language: h.language,
      city: { slug: h.city.slug, name: h.city.name, country: h.city.country },
      sdgGoals: h.sdgGoals,
      sdgTargets: h.sdgTargets,
      policyAreas: h.policyAreas,
      publishedAt: h.publishedAt,
      // Escaped HTML: the text is escaped, only <mark> is markup.
      highlight: { title: highlightHtml(h.title, q), summary: highlightHtml(h.summary, q) },
    })),
    total: result.total,
    /** True when the total is an estimate (past 10,000 matches, rounded: "about 46,000"). */
    totalApproximate: result.totalApproximate,
    page: result.page,
    perPage: result.perPage,
    facets: {
      sdg: f?.sdg ?? [],
      target: f?.target ?? [],
      area: f?.area ?? [],
      region: f?.region ?? [],
      country: f?.country ?? [],
      city: f?.city ?? [],
      language: f?.language ?? [],
      year: f?.year ?? [],
      budgetBand: f?.budgetBand ?? [],
      stakeholderType: f?.stakeholderType ?? [],
    },
    /** True when the facet counts are estimates (a very broad search is counted on a sample). */
    facetsApproximate: result.facetsApproximate,
    engine: result.engine,
    tookMs: result.tookMs,
  };
}
