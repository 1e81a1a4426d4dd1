/**
 * Test fixtures for the workflow: cases in every state of their life, built with direct inserts
 * (the studio's own create path is not this module's business) and the real transitions where a
 * state can only be reached through them.
 */
import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { caseRevisions, cities, policyCases, users } from "../../db/schema";
import { loadActor } from "../auth/actor";
import type { Actor } from "../auth/policy";
import { revisionSchema, paragraphsToDoc, type RevisionInput } from "./schemas";
import { revisionToColumns } from "./revision-row";

export const DEMO = {
  admin: "admin@example.org",
  moderator: "moderator@example.org",
  seoulAdmin: "seoul.admin@example.org",
  seoulOfficial: "seoul.official@example.org",
  bangkokOfficial: "bangkok.official@example.org",
  member: "member@example.org",
} as const;

export async function actorByEmail(email: string): Promise<Actor> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`No demo user ${email}`);
  const actor = await loadActor(user.id);
  if (!actor) throw new Error(`No actor for ${email}`);
  return { id: actor.id, role: actor.role, cities: actor.cities };
}

export async function cityIdBySlug(slug: string): Promise<string> {
  const [city] = await db.select({ id: cities.id }).from(cities).where(eq(cities.slug, slug));
  if (!city) throw new Error(`No city ${slug}`);
  return city.id;
}

/** A revision complete enough to submit. */
export function completeRevision(overrides: Partial<RevisionInput> = {}): RevisionInput {
  return {
    title: "Car-free Sundays on the river road",
    summary: "Closing the river road to cars on Sundays turned it into a park for a day.",
    language: "en",
    sdgGoals: [11],
    sdgTargets: ["11.2"],
    policyAreas: ["transportation"],
    tags: ["streets"],
    sections: {
      implementation: paragraphsToDoc(["The city closed 3 km of road every Sunday from 8:00 to 18:00."]),
      background: paragraphsToDoc(["Residents asked for more open space by the river."]),
    },
    budget: { amount: 120000, currency: "KRW", year: 2020, fundingSources: [] },
    stakeholders: [{ name: "River residents' association", type: "civil-society", role: "Co-design" }],
    timeline: { start: "2020-04", ongoing: true, milestones: [] },
    ...overrides,
  };
}

let counter = 0;

/** Inserts a never-published case with one draft revision authored by `authorId`. */
export async function createDraftCase(opts: {
  cityId: string;
  authorId: string | null;
  revision?: RevisionInput;
  slug?: string;
}): Promise<{ caseId: string; revisionId: string; slug: string }> {
  const slug = opts.slug ?? `workflow-test-${process.pid}-${Date.now().toString(36)}-${++counter}`;
  const columns = revisionToColumns(revisionSchema.parse(opts.revision ?? completeRevision()));
  return db.transaction(async (tx) => {
    const [c] = await tx
      .insert(policyCases)
      .values({ slug, cityId: opts.cityId, status: "draft", createdBy: opts.authorId })
      .returning({ id: policyCases.id });
    const [r] = await tx
      .insert(caseRevisions)
      .values({ caseId: c!.id, number: 1, status: "draft", authorId: opts.authorId, lastEditorId: opts.authorId, ...columns })
      .returning({ id: caseRevisions.id });
    await tx.update(policyCases).set({ workingRevisionId: r!.id }).where(eq(policyCases.id, c!.id));
    return { caseId: c!.id, revisionId: r!.id, slug };
  });
}

export async function getCase(caseId: string) {
  const [row] = await db.select().from(policyCases).where(eq(policyCases.id, caseId));
  if (!row) throw new Error(`No case ${caseId}`);
  return row;
}

export async function getRevision(revisionId: string) {
  const [row] = await db.select().from(caseRevisions).where(eq(caseRevisions.id, revisionId));
  if (!row) throw new Error(`No revision ${revisionId}`);
  return row;
}
