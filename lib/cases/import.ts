/**
 * Bulk load of cases in the format of db/seed/data/cases.json: an administrator's import from an
 * older platform, and the demo seed. Every record is validated first (shape, then references to
 * cities, SDG targets, indicators and policy areas); one bad record and nothing is written.
 */
import { and, eq, inArray, max } from "drizzle-orm";
import type { Database, DbOrTx } from "../../db/client";
import { caseRevisions, cities, policyAreas, policyCases, sdgIndicators, sdgTargets } from "../../db/schema";
import { caseFileRecordSchema, caseFileRecordToRevision, revisionSchema, type RevisionData } from "./schemas";
import { revisionToColumns } from "./revision-row";
import { recordAudit } from "../audit/record";
import { enqueueSearchUpdate } from "../search/outbox";

export type ImportProblem = { index: number; slug?: string; path: string; message: string };
export type ValidatedRecord = { index: number; slug: string; citySlug: string; revision: RevisionData };

export type ImportMode = {
  /** "published" makes each imported revision live; "draft" leaves it for the city to submit. */
  as: "published" | "draft";
  /** The seed skips slugs that exist; an import adds a new revision to them. */
  existing: "new-revision" | "skip";
  actorId?: string | null;
};

export type ImportResult = { created: string[]; revised: string[]; skipped: string[] };

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), "");
}

/** Checks every record; returns the problems (with index, field path and reason) or the parsed records. */
export async function validateCaseRecords(
  db: DbOrTx,
  input: unknown,
): Promise<{ ok: true; records: ValidatedRecord[] } | { ok: false; problems: ImportProblem[] }> {
  if (!Array.isArray(input))
    return { ok: false, problems: [{ index: -1, path: "", message: "The file must contain a JSON array of cases." }] };
  const problems: ImportProblem[] = [];
  const records: ValidatedRecord[] = [];
  const seenSlugs = new Map<string, number>();

  const [cityRows, targetRows, indicatorRows, areaRows] = await Promise.all([
    db.select({ slug: cities.slug }).from(cities),
    db.select({ code: sdgTargets.code }).from(sdgTargets),
    db.select({ code: sdgIndicators.code }).from(sdgIndicators),
    db.select({ key: policyAreas.key }).from(policyAreas),
  ]);
  const citySlugs = new Set(cityRows.map((r) => r.slug));
  const targetCodes = new Set(targetRows.map((r) => r.code));
  const indicatorCodes = new Set(indicatorRows.map((r) => r.code));
  const areaKeys = new Set(areaRows.map((r) => r.key));

  input.forEach((raw, index) => {
    const slug = typeof raw === "object" && raw && "slug" in raw ? String((raw as { slug: unknown }).slug) : undefined;
    const add = (path: string, message: string) => problems.push({ index, slug, path, message });
    const shape = caseFileRecordSchema.safeParse(raw);
    if (!shape.success) {
      for (const issue of shape.error.issues) add(formatPath(issue.path), issue.message);
      return;
    }
    const rec = shape.data;
    const revision = revisionSchema.safeParse(caseFileRecordToRevision(rec));
    if (!revision.success) {
      for (const issue of revision.error.issues) add(formatPath(issue.path), issue.message);
      return;
    }
    if (seenSlugs.has(rec.slug)) add("slug", `The slug "${rec.slug}" already appears in record ${seenSlugs.get(rec.slug)}.`);
    seenSlugs.set(rec.slug, index);
    if (!citySlugs.has(rec.city)) add("city", `Unknown city "${rec.city}".`);
    rec.sdgTargets.forEach((code, i) => {
      if (!targetCodes.has(code)) add(`sdgTargets[${i}]`, `Unknown SDG target "${code}".`);
      else if (!rec.sdgGoals.includes(Number(code.split(".")[0])))
        add(`sdgTargets[${i}]`, `Target ${code} belongs to goal ${code.split(".")[0]}, which is not in sdgGoals.`);
    });
    rec.policyAreas.forEach((key, i) => {
      if (!areaKeys.has(key)) add(`policyAreas[${i}]`, `Unknown policy area "${key}".`);
    });
    rec.results.forEach((r, i) => {
      if (r.sdgIndicator && !indicatorCodes.has(r.sdgIndicator))
        add(`results[${i}].sdgIndicator`, `Unknown SDG indicator "${r.sdgIndicator}".`);
    });
    records.push({ index, slug: rec.slug, citySlug: rec.city, revision: revision.data });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, records };
}

/** Writes validated records in the caller's transaction. */
export async function writeCaseRecords(tx: DbOrTx, records: ValidatedRecord[], mode: ImportMode): Promise<ImportResult> {
  const result: ImportResult = { created: [], revised: [], skipped: [] };
  const cityRows = await tx.select({ id: cities.id, slug: cities.slug }).from(cities);
  const cityIdBySlug = new Map(cityRows.map((c) => [c.slug, c.id]));
  const slugs = records.map((r) => r.slug);
  const existingRows = slugs.length
    ? await tx.select().from(policyCases).where(inArray(policyCases.slug, slugs))
    : [];
  const existingBySlug = new Map(existingRows.map((c) => [c.slug, c]));
  const now = new Date();
  const publish = mode.as === "published";

  for (const record of records) {
    const cityId = cityIdBySlug.get(record.citySlug)!;
    const columns = revisionToColumns(record.revision);
    const existing = existingBySlug.get(record.slug);

    const insertRevision = async (caseId: string, number: number) => {
      const [revision] = await tx
        .insert(caseRevisions)
        .values({
          caseId,
          number,
          status: publish ? "approved" : "draft",
          authorId: mode.actorId ?? null,
          lastEditorId: mode.actorId ?? null,
          submittedAt: publish ? now : null,
          ...columns,
        })
        .returning({ id: caseRevisions.id });
      return revision!;
    };

    if (existing && mode.existing === "skip") {
      result.skipped.push(record.slug);
      continue;
    }

    if (!existing) {
      const [created] = await tx
        .insert(policyCases)
        .values({ slug: record.slug, cityId, status: "draft", createdBy: mode.actorId ?? null })
        .returning({ id: policyCases.id });
      const revision = await insertRevision(created!.id, 1);
      await tx
        .update(policyCases)
        .set(
          publish
            ? { status: "published", publishedRevisionId: revision.id, publishedAt: now, lastReviewedAt: now }
            : { workingRevisionId: revision.id },
        )
        .where(eq(policyCases.id, created!.id));
      if (publish) await enqueueSearchUpdate(tx, created!.id, "upsert");
      await recordAudit(tx, {
        actorId: mode.actorId ?? null,
        action: "case.imported",
        entityType: "case",
        entityId: created!.id,
        caseId: created!.id,
        cityId,
        data: { slug: record.slug, revision: 1, as: mode.as },
      });
      result.created.push(record.slug);
      continue;
    }

    if (existing.cityId !== cityId) {
      throw new ImportConflictError(record.index, `The case "${record.slug}" exists and belongs to another city.`);
    }
    const [{ latest } = { latest: 0 }] = await tx
      .select({ latest: max(caseRevisions.number) })
      .from(caseRevisions)
      .where(eq(caseRevisions.caseId, existing.id));
    const number = (latest ?? 0) + 1;
    const revision = await insertRevision(existing.id, number);
    if (publish) {
      if (existing.publishedRevisionId)
        await tx
          .update(caseRevisions)
          .set({ status: "superseded" })
          .where(and(eq(caseRevisions.id, existing.publishedRevisionId), eq(caseRevisions.status, "approved")));
      await tx
        .update(policyCases)
        .set({
          status: "published",
          publishedRevisionId: revision.id,
          publishedAt: existing.publishedAt ?? now,
          lastReviewedAt: now,
          updatedAt: now,
          version: existing.version + 1,
        })
        .where(eq(policyCases.id, existing.id));
      await enqueueSearchUpdate(tx, existing.id, "upsert");
    } else {
      // A draft import becomes the work in progress; whatever is live stays live.
      if (existing.workingRevisionId)
        await tx
          .update(caseRevisions)
          .set({ status: "superseded" })
          .where(and(eq(caseRevisions.id, existing.workingRevisionId), eq(caseRevisions.status, "draft")));
      await tx
        .update(policyCases)
        .set({ workingRevisionId: revision.id, updatedAt: now, version: existing.version + 1 })
        .where(eq(policyCases.id, existing.id));
    }
    await recordAudit(tx, {
      actorId: mode.actorId ?? null,
      action: "case.imported",
      entityType: "case",
      entityId: existing.id,
      caseId: existing.id,
      cityId,
      data: { slug: record.slug, revision: number, as: mode.as },
    });
    result.revised.push(record.slug);
  }
  return result;
}

export class ImportConflictError extends Error {
  constructor(
    public readonly index: number,
    message: string,
  ) {
    super(message);
  }
}

/** Validates, then writes everything in one transaction or nothing. */
export async function importCaseRecords(
  db: Database,
  input: unknown,
  mode: ImportMode & { dryRun?: boolean },
): Promise<{ ok: true; result: ImportResult | null; count: number } | { ok: false; problems: ImportProblem[] }> {
  const validated = await validateCaseRecords(db, input);
  if (!validated.ok) return validated;
  if (mode.dryRun) return { ok: true, result: null, count: validated.records.length };
  try {
    const result = await db.transaction((tx) => writeCaseRecords(tx, validated.records, mode));
    return { ok: true, result, count: validated.records.length };
  } catch (e) {
    if (e instanceof ImportConflictError)
      return { ok: false, problems: [{ index: e.index, path: "slug", message: e.message }] };
    throw e;
  }
}
