import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { emptyFilters, getSearchEngine, type SearchRequest, type SearchResult } from "@/lib/search/engine";
import { DEFAULT_PER_PAGE, parseSearchParams, PAGE_PARAMETERS, searchParamsOf, type ParamError } from "@/lib/search/params";
import { loadFacetLabels } from "@/lib/search/labels";
import { SearchForm } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function toUrlParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = (await searchParams).q;
  const text = typeof q === "string" ? q.trim().slice(0, 80) : "";
  return { title: text ? `“${text}” — find cases` : "Find cases", robots: { index: false } };
}

export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const parsed = parseSearchParams(toUrlParams(await searchParams), { allowed: PAGE_PARAMETERS });
  const request: SearchRequest = parsed.ok
    ? parsed.request
    : { q: "", filters: emptyFilters(), sort: "relevance", page: 1, perPage: DEFAULT_PER_PAGE };
  const problem: ParamError | null = parsed.ok ? null : parsed.error;

  let result: SearchResult | null = null;
  let unavailable = false;
  try {
    result = await (await getSearchEngine()).search({ ...request, withFacets: true });
  } catch (e) {
    console.error("Search page failed", e);
    unavailable = true;
  }
  const labels = await loadFacetLabels();

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Find policy cases</h1>
      {problem && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          This search address has a problem: {problem.message}. Showing all cases instead.{" "}
          <Link href="/search">Start a new search</Link>.
        </p>
      )}
      {unavailable && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
          Search is unavailable right now. Please try again in a moment.
        </p>
      )}
      {/* Keyed by the state, so a new URL remounts the form and every box shows that URL's state. */}
      <SearchForm key={searchParamsOf(request).toString()} request={request} facets={result?.facets ?? null} facetsApproximate={result?.facetsApproximate ?? false} labels={labels}>
        {result && <SearchResults request={request} result={result} labels={labels} hrefOf={(r) => `/search?${searchParamsOf(r)}`} />}
      </SearchForm>
    </div>
  );
}
