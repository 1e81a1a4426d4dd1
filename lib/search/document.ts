/**
 * The search document, built in ONE place from a case's published revision, its city and its
 * transfers. Both engines index exactly this. Text comes from the tiptap JSON (docToPlainText),
 * never from HTML. A case that is not published has no document: the caller removes it.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { caseRevisions, cities, policyAreas, policyCases, transfers } from "../../db/schema";
import { docToPlainText } from "../editor/allowlist";
import { SECTION_KEYS } from "../cases/schemas";

export const BUDGET_BANDS = [
  { key: "under-100k", label: "Under US$100k", min: 0, max: 100_000 },
  { key: "100k-1m", label: "US$100k–1M", min: 100_000, max: 1_000_000 },
  { key: "1m-10m", label: "US$1M–10M", min: 1_000_000, max: 10_000_000 },
  { key: "10m-100m", label: "US$10M–100M", min: 10_000_000, max: 100_000_000 },
  { key: "over-100m", label: "US$100M or more", min: 100_000_000, max: Number.POSITIVE_INFINITY },
] as const;
export type BudgetBand = (typeof BUDGET_BANDS)[number]["key"];

export function budgetBandOf(usd: number | null | undefined): BudgetBand | null {
  if (usd == null || !Number.isFinite(usd)) return null;
  return BUDGET_BANDS.find((b) => usd >= b.min && usd < b.max)?.key ?? null;
}

export type SearchDocument = {
  /** The case id: upserts are keyed by it, so replaying an update is harmless. */
  id: string;
  revisionId: string;
  slug: string;
  title: string;
  summary: string;
  language: string;
  city: { slug: string; name: string; country: string; countryCode: string; region: string };
  sdgGoals: number[];
  sdgTargets: string[];
  policyAreas: string[];
  /** Labels of the policy areas in every language the taxonomy has ("Gestion des déchets"). */
  policyAreaLabels: string[];
  tags: string[];
  stakeholderTypes: string[];
  stakeholderNames: string[];
  startYear: number | null;
  budgetUsd: number | null;
  budgetBand: BudgetBand | null;
  transferred: boolean;
  /** Names of the cities that adopted or studied the case. */
  transferCities: string[];
  publishedAt: string;
  translations: { language: string; title: string; summary: string }[];
  /** Plain text of the sections, obstacles, results and milestones. */
  body: string;
};

type Loaded = {
  caseRow: { id: string; slug: string; publishedAt: Date | null; publishedRevisionId: string | null };
  revision: typeof caseRevisions.$inferSelect;
  city: { slug: string; name: string; country: string; countryCode: string; region: string };
};

function bodyText(r: typeof caseRevisions.$inferSelect): string {
  const parts: string[] = [];
  for (const key of SECTION_KEYS) parts.push(docToPlainText(r.sections[key]));
  for (const o of r.obstacles) parts.push(`${o.obstacle} ${o.adaptation}`);
  for (const res of r.results) parts.push(res.indicator);
  for (const m of r.milestones) parts.push(`${m.title} ${m.description ?? ""}`);
  parts.push(...r.staff.departments, ...r.staff.partnerPersonnel);
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join("\n");
}

/** Builds the documents of the given cases; cases that are not published are absent from the map. */
export async function buildSearchDocuments(db: DbOrTx, caseIds: string[]): Promise<Map<string, SearchDocument>> {
  const out = new Map<string, SearchDocument>();
  if (caseIds.length === 0) return out;
  const rows: Loaded[] = await db
    .select({
      caseRow: {
        id: policyCases.id,
        slug: policyCases.slug,
        publishedAt: policyCases.publishedAt,
        publishedRevisionId: policyCases.publishedRevisionId,
      },
      revision: caseRevisions,
      city: {
        slug: cities.slug,
        name: cities.name,
        country: cities.country,
        countryCode: cities.countryCode,
        region: cities.region,
      },
    })
    .from(policyCases)
    .innerJoin(caseRevisions, eq(caseRevisions.id, policyCases.publishedRevisionId))
    .innerJoin(cities, eq(cities.id, policyCases.cityId))
    .where(and(inArray(policyCases.id, caseIds), eq(policyCases.status, "published")));
  if (rows.length === 0) return out;

  const ids = rows.map((r) => r.caseRow.id);
  const [transferRows, areaRows] = await Promise.all([
    db
      .select({ caseId: transfers.caseId, cityName: cities.name, status: transfers.status })
      .from(transfers)
      .innerJoin(cities, eq(cities.id, transfers.adoptingCityId))
      .where(inArray(transfers.caseId, ids)),
    db.select({ key: policyAreas.key, labels: policyAreas.labels }).from(policyAreas),
  ]);
  const labelsByArea = new Map(areaRows.map((a) => [a.key, Object.values(a.labels)]));
  const transfersByCase = new Map<string, string[]>();
  for (const t of transferRows) {
    if (t.status === "cancelled") continue;
    const list = transfersByCase.get(t.caseId) ?? [];
    if (!list.includes(t.cityName)) list.push(t.cityName);
    transfersByCase.set(t.caseId, list);
  }

  for (const { caseRow, revision: r, city } of rows) {
    const transferCities = transfersByCase.get(caseRow.id) ?? [];
    out.set(caseRow.id, {
      id: caseRow.id,
      revisionId: r.id,
      slug: caseRow.slug,
      title: r.title,
      summary: r.summary,
      language: r.language,
      city,
      sdgGoals: [...r.sdgGoals].sort((a, b) => a - b),
      sdgTargets: r.sdgTargets,
      policyAreas: r.policyAreas,
      policyAreaLabels: r.policyAreas.flatMap((k) => labelsByArea.get(k) ?? []),
      tags: r.tags,
      stakeholderTypes: [...new Set(r.stakeholders.map((s) => s.type))],
      stakeholderNames: r.stakeholders.map((s) => s.name),
      startYear: r.startYear,
      budgetUsd: r.budgetUsd,
      budgetBand: budgetBandOf(r.budgetUsd),
      transferred: transferCities.length > 0,
      transferCities,
      publishedAt: (caseRow.publishedAt ?? r.updatedAt).toISOString(),
      translations: Object.entries(r.translations)
        .filter(([lang]) => lang !== r.language)
        .map(([language, t]) => ({ language, title: t.title ?? "", summary: t.summary ?? "" }))
        .filter((t) => t.title || t.summary),
      body: bodyText(r),
    });
  }
  return out;
}

export async function buildSearchDocument(db: DbOrTx, caseId: string): Promise<SearchDocument | null> {
  return (await buildSearchDocuments(db, [caseId])).get(caseId) ?? null;
}

/**
 * Facet values of a document as "facet:value" keys: the postgres engine stores them in one GIN-indexed
 * array, the Meilisearch engine as separate attributes. One definition keeps the two in step.
 */
export const FACETS = [
  "sdg",
  "target",
  "area",
  "region",
  "country",
  "city",
  "language",
  "year",
  "budgetBand",
  "stakeholderType",
  "transferred",
] as const;
export type Facet = (typeof FACETS)[number];

export function facetValuesOf(doc: SearchDocument): Record<Facet, string[]> {
  return {
    sdg: doc.sdgGoals.map(String),
    target: doc.sdgTargets,
    area: doc.policyAreas,
    region: [doc.city.region],
    country: [doc.city.countryCode],
    city: [doc.city.slug],
    language: [doc.language],
    year: doc.startYear != null ? [String(doc.startYear)] : [],
    budgetBand: doc.budgetBand ? [doc.budgetBand] : [],
    stakeholderType: doc.stakeholderTypes,
    transferred: [doc.transferred ? "true" : "false"],
  };
}

export function facetKeysOf(doc: SearchDocument): string[] {
  const values = facetValuesOf(doc);
  return FACETS.flatMap((f) => values[f].map((v) => `${f}:${v}`));
}
