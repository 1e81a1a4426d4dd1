import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { emptyFilters, type SearchRequest, type SearchResult } from "@/lib/search/engine";
import { SearchResults } from "./search-results";

const request: SearchRequest = { q: "budget", filters: emptyFilters(), sort: "relevance", page: 1, perPage: 100 };
const hit = {
  id: "00000000-0000-4000-8000-000000000001",
  slug: "participatory-budgeting",
  title: "Participatory budgeting",
  summary: "Residents decide part of the budget.",
  language: "en",
  city: { slug: "seoul", name: "Seoul", country: "Republic of Korea", countryCode: "KR" },
  sdgGoals: [16],
  sdgTargets: ["16.7"],
  policyAreas: ["participation"],
  budgetUsd: null,
  startYear: 2012,
  transferred: false,
  publishedAt: "2024-01-01T00:00:00.000Z",
};
const result = (over: Partial<SearchResult>): SearchResult => ({
  hits: [hit],
  total: 46_000,
  totalApproximate: false,
  page: 1,
  perPage: 100,
  facets: null,
  facetsApproximate: false,
  engine: "postgres",
  tookMs: 20,
  corrections: [],
  ...over,
});
const labels = (_facet: string, value: string) => value;
const render = (r: SearchResult) =>
  renderToStaticMarkup(<SearchResults request={request} result={r} labels={labels} hrefOf={(q) => `/search?page=${q.page}`} />);

describe("SearchResults", () => {
  it("an estimated total reads 'About' and offers no last page, which may not exist", () => {
    const html = render(result({ totalApproximate: true }));
    expect(html).toContain("About 46,000 cases");
    expect(html).not.toContain('aria-label="Page 460"');
    expect(html).toContain('aria-label="Page 2"');
  });

  it("an exact total is shown as it is, with its last page", () => {
    const html = render(result({ total: 45_987 }));
    expect(html).toContain("45,987 cases");
    expect(html).not.toContain("About");
    expect(html).toContain('aria-label="Page 460"');
  });
});
