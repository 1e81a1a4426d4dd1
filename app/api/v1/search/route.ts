import { jsonError, jsonOk } from "@/lib/api/responses";
import { getSearchEngine } from "@/lib/search/engine";
import { parseSearchParams } from "@/lib/search/params";
import { searchResultToApi } from "@/lib/search/api";

export async function GET(request: Request) {
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.ok) return jsonError(400, "bad_parameter", parsed.error.message, { parameter: parsed.error.parameter });
  try {
    const engine = await getSearchEngine();
    const result = await engine.search({ ...parsed.request, withFacets: true });
    return jsonOk(searchResultToApi(result, parsed.request.q));
  } catch (e) {
    console.error("Search failed", e);
    return jsonError(503, "search_unavailable", "Search is unavailable right now. Please try again shortly.");
  }
}
