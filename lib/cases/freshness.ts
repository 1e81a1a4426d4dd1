/**
 * Freshness of published cases: "last reviewed" (when a moderator last approved it) and "last
 * updated" (when its authors last submitted the live content). A case not updated for 24 months is
 * marked for a refresh and listed to its city's officials.
 */
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { caseRevisions, cities, policyCases } from "../../db/schema";
import { can, citiesWhere, type Actor } from "../auth/policy";

export const REFRESH_AFTER_MONTHS = 24;

/** The moment before which a case counts as due for a refresh. */
export function refreshCutoff(now: Date = new Date()): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - REFRESH_AFTER_MONTHS);
  return cutoff;
}

export function needsRefresh(lastUpdatedAt: Date | null | undefined, now: Date = new Date()): boolean {
  return !!lastUpdatedAt && lastUpdatedAt < refreshCutoff(now);
}

export type RefreshItem = {
  caseId: string;
  slug: string;
  title: string;
  city: { id: string; name: string };
  lastUpdatedAt: Date;
  lastReviewedAt: Date | null;
  /** True when an update is already being written or reviewed. */
  updateInProgress: boolean;
};

/** The live revision's "last updated": when it was submitted (or last saved, for imported data). */
const lastUpdatedExpr = sql<Date>`coalesce(${caseRevisions.submittedAt}, ${caseRevisions.updatedAt})`;

/**
 * Published cases of the actor's cities (where they may edit) not updated for 24 months, oldest
 * first. Empty for anyone who is not an official.
 */
export async function listCasesNeedingRefresh(actor: Actor | null, now: Date = new Date()): Promise<RefreshItem[]> {
  const cityIds = citiesWhere(actor, "case.edit");
  if (cityIds.length === 0) return [];
  const rows = await db
    .select({
      caseId: policyCases.id,
      slug: policyCases.slug,
      title: caseRevisions.title,
      cityId: cities.id,
      cityName: cities.name,
      lastUpdatedAt: lastUpdatedExpr,
      lastReviewedAt: policyCases.lastReviewedAt,
      workingRevisionId: policyCases.workingRevisionId,
    })
    .from(policyCases)
    .innerJoin(caseRevisions, eq(caseRevisions.id, policyCases.publishedRevisionId))
    .innerJoin(cities, eq(cities.id, policyCases.cityId))
    .where(
      and(
        eq(policyCases.status, "published"),
        inArray(policyCases.cityId, cityIds),
        lt(lastUpdatedExpr, sql`${refreshCutoff(now).toISOString()}::timestamptz`),
      ),
    )
    .orderBy(asc(lastUpdatedExpr));
  return rows
    .filter((r) => can(actor, "case.edit", { cityId: r.cityId }))
    .map((r) => ({
      caseId: r.caseId,
      slug: r.slug,
      title: r.title,
      city: { id: r.cityId, name: r.cityName },
      lastUpdatedAt: new Date(r.lastUpdatedAt),
      lastReviewedAt: r.lastReviewedAt,
      updateInProgress: r.workingRevisionId !== null,
    }));
}
