/** Related cases for a case page, computed by the search engine; empty when the engine is down. */
import { getSearchEngine, type RelatedCase } from "./engine";

export async function relatedCases(caseId: string, limit = 4): Promise<RelatedCase[]> {
  try {
    return await (await getSearchEngine()).related(caseId, limit);
  } catch (e) {
    // A missing sidebar is better than a broken case page.
    console.error("Related cases unavailable", e);
    return [];
  }
}
