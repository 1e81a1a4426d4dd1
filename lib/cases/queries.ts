/**
 * Public reads of cases. Everything here returns published data only, and only the columns a
 * reader needs; contact emails are included only when the caller may see them.
 */
import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { caseRevisions, cities, policyAreas, policyCases, sdgGoals, sdgTargets, transfers } from "../../db/schema";
import type { Contact } from "./types";

export type CaseCard = {
  slug: string;
  title: string;
  summary: string;
  language: string;
  sdgGoals: number[];
  publishedAt: Date | null;
  city: { slug: string; name: string; country: string };
};

const cardColumns = {
  slug: policyCases.slug,
  title: caseRevisions.title,
  summary: caseRevisions.summary,
  language: caseRevisions.language,
  sdgGoals: caseRevisions.sdgGoals,
  publishedAt: policyCases.publishedAt,
  citySlug: cities.slug,
  cityName: cities.name,
  cityCountry: cities.country,
};

type CardRow = {
  slug: string;
  title: string;
  summary: string;
  language: string;
  sdgGoals: number[];
  publishedAt: Date | null;
  citySlug: string;
  cityName: string;
  cityCountry: string;
};
const toCard = (r: CardRow): CaseCard => ({
  slug: r.slug,
  title: r.title,
  summary: r.summary,
  language: r.language,
  sdgGoals: r.sdgGoals,
  publishedAt: r.publishedAt,
  city: { slug: r.citySlug, name: r.cityName, country: r.cityCountry },
});

/** The condition every public read carries: the case is published and we read its live revision. */
export const isPublished = eq(policyCases.status, "published");

function publishedCards() {
  return db
    .select(cardColumns)
    .from(policyCases)
    .innerJoin(caseRevisions, eq(caseRevisions.id, policyCases.publishedRevisionId))
    .innerJoin(cities, eq(cities.id, policyCases.cityId));
}

export async function listNewestCases(limit = 6): Promise<CaseCard[]> {
  const rows = await publishedCards().where(isPublished).orderBy(desc(policyCases.publishedAt), policyCases.slug).limit(limit);
  return rows.map(toCard);
}

export async function listCasesOfCity(cityId: string): Promise<CaseCard[]> {
  const rows = await publishedCards()
    .where(and(isPublished, eq(policyCases.cityId, cityId)))
    .orderBy(desc(policyCases.publishedAt), policyCases.slug);
  return rows.map(toCard);
}

export async function listCasesOfGoal(goal: number): Promise<CaseCard[]> {
  const rows = await publishedCards()
    .where(and(isPublished, sql`${caseRevisions.sdgGoals} @> array[${goal}]::integer[]`))
    .orderBy(desc(policyCases.publishedAt), policyCases.slug);
  return rows.map(toCard);
}

export async function platformCounts(): Promise<{ cases: number; cities: number; countries: number }> {
  const [row] = await db
    .select({
      cases: sql<number>`count(*)::int`,
      cities: sql<number>`count(distinct ${policyCases.cityId})::int`,
      countries: sql<number>`count(distinct ${cities.countryCode})::int`,
    })
    .from(policyCases)
    .innerJoin(cities, eq(cities.id, policyCases.cityId))
    .where(isPublished);
  return row ?? { cases: 0, cities: 0, countries: 0 };
}

export async function caseCountsByGoal(): Promise<Map<number, number>> {
  const rows = await db
    .select({ goal: sql<number>`g.goal`, n: sql<number>`count(*)::int` })
    .from(policyCases)
    .innerJoin(caseRevisions, eq(caseRevisions.id, policyCases.publishedRevisionId))
    .innerJoin(sql`unnest(${caseRevisions.sdgGoals}) as g(goal)`, sql`true`)
    .where(isPublished)
    .groupBy(sql`g.goal`);
  return new Map(rows.map((r) => [Number(r.goal), Number(r.n)]));
}

export type CaseView = NonNullable<Awaited<ReturnType<typeof loadCaseView>>>;

/** A published case with everything its public page shows; null when unknown or not published. */
export async function getPublishedCase(slug: string, opts: { withContactEmails: boolean }): Promise<CaseView | null> {
  const [row] = await db
    .select({ id: policyCases.id, revisionId: policyCases.publishedRevisionId })
    .from(policyCases)
    .where(and(isPublished, eq(policyCases.slug, slug)));
  if (!row?.revisionId) return null;
  return loadCaseView(row.id, row.revisionId, opts);
}

export function withoutContactEmails(item: CaseView): CaseView {
  return { ...item, contacts: item.contacts.map((c) => ({ ...c, email: null })) };
}

/**
 * Everything the case page shows, for any revision of a case. Callers authorize first: the public
 * page passes the published revision; the studio preview and the review page pass the working one.
 */
export async function loadCaseView(caseId: string, revisionId: string, opts: { withContactEmails: boolean }) {
  const [row] = await db
    .select({
      id: policyCases.id,
      slug: policyCases.slug,
      status: policyCases.status,
      publishedAt: policyCases.publishedAt,
      lastReviewedAt: policyCases.lastReviewedAt,
      updatedAt: policyCases.updatedAt,
      cityId: cities.id,
      citySlug: cities.slug,
      cityName: cities.name,
      cityCountry: cities.country,
      cityRegion: cities.region,
      revision: caseRevisions,
    })
    .from(policyCases)
    .innerJoin(caseRevisions, and(eq(caseRevisions.caseId, policyCases.id), eq(caseRevisions.id, revisionId)))
    .innerJoin(cities, eq(cities.id, policyCases.cityId))
    .where(eq(policyCases.id, caseId));
  if (!row) return null;
  const r = row.revision;

  const [goalRows, targetRows, areaRows, transferRows] = await Promise.all([
    r.sdgGoals.length
      ? db.select().from(sdgGoals).where(inArray(sdgGoals.goal, r.sdgGoals)).orderBy(sdgGoals.goal)
      : Promise.resolve([]),
    r.sdgTargets.length
      ? db.select({ code: sdgTargets.code, goal: sdgTargets.goal, text: sdgTargets.text }).from(sdgTargets).where(inArray(sdgTargets.code, r.sdgTargets))
      : Promise.resolve([]),
    r.policyAreas.length
      ? db.select().from(policyAreas).where(inArray(policyAreas.key, r.policyAreas)).orderBy(policyAreas.position)
      : Promise.resolve([]),
    db
      .select({
        kind: transfers.kind,
        year: transfers.year,
        status: transfers.status,
        outcome: transfers.outcome,
        citySlug: cities.slug,
        cityName: cities.name,
        cityCountry: cities.country,
      })
      .from(transfers)
      .innerJoin(cities, eq(cities.id, transfers.adoptingCityId))
      .where(eq(transfers.caseId, row.id))
      .orderBy(sql`${transfers.year} nulls last`, cities.name),
  ]);

  const contacts: Contact[] = r.contacts.map((c) => (opts.withContactEmails ? c : { ...c, email: null }));
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    revision: { id: r.id, number: r.number, status: r.status },
    publishedAt: row.publishedAt,
    lastReviewedAt: row.lastReviewedAt,
    lastUpdatedAt: r.submittedAt ?? r.updatedAt,
    city: { id: row.cityId, slug: row.citySlug, name: row.cityName, country: row.cityCountry, region: row.cityRegion },
    title: r.title,
    summary: r.summary,
    language: r.language,
    sdgGoals: goalRows,
    sdgTargets: targetRows.sort((a, b) => a.goal - b.goal || a.code.localeCompare(b.code, "en", { numeric: true })),
    policyAreas: areaRows.map((a) => ({ key: a.key, label: a.labels.en ?? a.key })),
    tags: r.tags,
    sections: r.sections,
    budget:
      r.budgetAmount != null || r.budgetNote || r.fundingSources.length
        ? {
            amount: r.budgetAmount,
            currency: r.budgetCurrency,
            year: r.budgetYear,
            usd: r.budgetUsd,
            note: r.budgetNote,
            fundingSources: r.fundingSources,
          }
        : null,
    staff:
      r.staffHeadcount != null || r.staffFte != null || r.staff.departments.length || r.staff.partnerPersonnel.length || r.staff.note
        ? { headcount: r.staffHeadcount, fte: r.staffFte, ...r.staff }
        : null,
    stakeholders: r.stakeholders,
    timeline: { start: r.timelineStart, end: r.timelineEnd, ongoing: r.ongoing, milestones: r.milestones },
    obstacles: r.obstacles,
    results: r.results,
    contacts,
    media: r.media,
    references: r.references,
    translations: r.translations,
    transfers: transferRows.map((t) => ({
      kind: t.kind,
      year: t.year,
      status: t.status,
      outcome: t.outcome,
      city: { slug: t.citySlug, name: t.cityName, country: t.cityCountry },
    })),
  };
}
