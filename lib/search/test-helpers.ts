/**
 * Test helpers: publish and unpublish cases the way the workflow will (one transaction that
 * changes the case and queues the index update), before the moderation workflow exists.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { policyCases } from "../../db/schema";
import { importCaseRecords } from "../cases/import";
import { enqueueSearchUpdate } from "./outbox";

export type TestCase = {
  slug: string;
  title: string;
  summary?: string;
  language?: string;
  city?: string;
  sdgGoals?: number[];
  sdgTargets?: string[];
  policyAreas?: string[];
  budgetUsd?: number | null;
  start?: string | null;
  stakeholderTypes?: ("government" | "private" | "civil-society" | "academia" | "citizens")[];
  translations?: Record<string, { title?: string; summary?: string }>;
  body?: string;
};

export function caseRecord(c: TestCase) {
  return {
    slug: c.slug,
    city: c.city ?? "seoul",
    language: c.language ?? "en",
    title: c.title,
    summary: c.summary ?? `${c.title}. A test case written for the search suite.`,
    sdgGoals: c.sdgGoals ?? [11],
    sdgTargets: c.sdgTargets ?? [],
    policyAreas: c.policyAreas ?? ["urban-planning"],
    tags: [],
    sections: { background: [c.body ?? "Background of the test case."], objectives: [], implementation: [], results: [], obstacles: [], lessons: [] },
    budget: c.budgetUsd != null ? { amount: c.budgetUsd, currency: "USD", year: 2020, usd: c.budgetUsd } : null,
    stakeholders: (c.stakeholderTypes ?? []).map((type, i) => ({ name: `Stakeholder ${i + 1}`, type, role: "" })),
    timeline: { start: c.start ?? null, milestones: [] },
    translations: c.translations ?? {},
  };
}

export async function publishTestCases(db: Database, cases: TestCase[]): Promise<void> {
  const r = await importCaseRecords(db, cases.map(caseRecord), { as: "published", existing: "new-revision" });
  if (!r.ok) throw new Error(`Test cases are invalid: ${JSON.stringify(r.problems)}`);
}

export async function draftTestCases(db: Database, cases: TestCase[]): Promise<void> {
  const r = await importCaseRecords(db, cases.map(caseRecord), { as: "draft", existing: "new-revision" });
  if (!r.ok) throw new Error(`Test cases are invalid: ${JSON.stringify(r.problems)}`);
}

/** Unpublishes as the workflow will: status change and index removal queued in one transaction. */
export async function unpublishTestCase(db: Database, slug: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(policyCases)
      .set({ status: "unpublished", updatedAt: new Date() })
      .where(eq(policyCases.slug, slug))
      .returning({ id: policyCases.id });
    if (!row) throw new Error(`No case ${slug}`);
    await enqueueSearchUpdate(tx, row.id, "remove");
  });
}
