import { jsonError, jsonOk } from "@/lib/api/responses";
import { db } from "@/db/client";
import { getSearchEngine } from "@/lib/search/engine";
import { suggest } from "@/lib/search/suggest";

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const q = params.get("q") ?? "";
  if (q.length > 100) return jsonError(400, "bad_parameter", "q must be at most 100 characters", { parameter: "q" });
  try {
    return jsonOk({ suggestions: await suggest(db, await getSearchEngine(), q) });
  } catch (e) {
    console.error("Suggestions failed", e);
    return jsonError(503, "search_unavailable", "Suggestions are unavailable right now.");
  }
}
