import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { caseRevisions, cities, policyCases } from "../../db/schema";
import { isPublished } from "./queries";

/** Published cases for the sitemap and the feed: nothing unreviewed ever appears here. */
export async function listPublishedForFeeds(limit?: number) {
  const query = db
    .select({
      slug: policyCases.slug,
      title: caseRevisions.title,
      summary: caseRevisions.summary,
      language: caseRevisions.language,
      cityName: cities.name,
      publishedAt: policyCases.publishedAt,
      updatedAt: policyCases.updatedAt,
    })
    .from(policyCases)
    .innerJoin(caseRevisions, eq(caseRevisions.id, policyCases.publishedRevisionId))
    .innerJoin(cities, eq(cities.id, policyCases.cityId))
    .where(isPublished)
    .orderBy(desc(policyCases.publishedAt), policyCases.slug);
  return limit ? query.limit(limit) : query;
}
