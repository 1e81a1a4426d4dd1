/**
 * Reads for the studio. Each loader checks access as it loads: a case the actor may not edit is
 * answered exactly like an unknown one (NotFoundError → 404), so nobody learns that it exists.
 */
import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db } from "../../db/client";
import { caseRevisions, cities, cityMemberships, policyAreas, policyCases, sdgGoals, sdgTargets, users } from "../../db/schema";
import { NotFoundError, can, citiesWhere, type Actor } from "../auth/policy";
import { columnsToRevision } from "./revision-row";
import type { RevisionData } from "./schemas";
import { openChangeRequest, type ChangeRequest } from "./workflow";

const uuid = z.uuid();

export type StudioCase = {
  id: string;
  slug: string;
  status: string;
  version: number;
  city: { id: string; name: string; slug: string };
  /** The revision shown in the editor: the working one, or the live one when no update is in progress. */
  revision: { id: string; number: number; status: string; updatedAt: Date; lastEditor: string | null };
  data: RevisionData;
  hasBeenPublished: boolean;
  /** True when the editor may save (the revision is a draft, or a save will start a new draft). */
  editable: boolean;
  changeRequest: ChangeRequest | null;
};

/** The case for the editor, or NotFoundError for unknown and foreign cases. */
export async function getCaseForEditOrThrow(actor: Actor | null, caseId: string): Promise<StudioCase> {
  if (!actor || !uuid.safeParse(caseId).success) throw new NotFoundError("This case");
  const [c] = await db
    .select({ row: policyCases, cityName: cities.name, citySlug: cities.slug })
    .from(policyCases)
    .innerJoin(cities, eq(cities.id, policyCases.cityId))
    .where(eq(policyCases.id, caseId));
  if (!c || !can(actor, "case.edit", { cityId: c.row.cityId })) throw new NotFoundError("This case");
  const revisionId = c.row.workingRevisionId ?? c.row.publishedRevisionId;
  if (!revisionId) throw new NotFoundError("This case");
  const [r] = await db
    .select({ row: caseRevisions, editor: users.name })
    .from(caseRevisions)
    .leftJoin(users, eq(users.id, caseRevisions.lastEditorId))
    .where(eq(caseRevisions.id, revisionId));
  if (!r) throw new NotFoundError("This case");
  const blocked = c.row.status === "archived" || c.row.status === "rejected" || r.row.status === "submitted";
  return {
    id: c.row.id,
    slug: c.row.slug,
    status: c.row.status,
    version: c.row.version,
    city: { id: c.row.cityId, name: c.cityName, slug: c.citySlug },
    revision: { id: r.row.id, number: r.row.number, status: r.row.status, updatedAt: r.row.updatedAt, lastEditor: r.editor },
    data: columnsToRevision(r.row),
    hasBeenPublished: c.row.publishedRevisionId !== null,
    editable: !blocked,
    changeRequest: await openChangeRequest(c.row.id),
  };
}

export type StudioListItem = {
  id: string;
  title: string;
  status: string;
  revisionStatus: string | null;
  revisionNumber: number;
  city: string;
  lastEditor: string | null;
  updatedAt: Date;
};

/** The cases of the actor's cities, newest change first. */
export async function listStudioCases(actor: Actor | null): Promise<StudioListItem[]> {
  const cityIds = citiesWhere(actor, "case.edit");
  if (cityIds.length === 0) return [];
  const editor = alias(users, "editor");
  // The revision in progress if there is one, else the live one.
  return db
    .select({
      id: policyCases.id,
      title: caseRevisions.title,
      status: policyCases.status,
      revisionStatus: caseRevisions.status,
      revisionNumber: caseRevisions.number,
      city: cities.name,
      lastEditor: editor.name,
      updatedAt: caseRevisions.updatedAt,
    })
    .from(policyCases)
    .innerJoin(cities, eq(cities.id, policyCases.cityId))
    .innerJoin(
      caseRevisions,
      eq(caseRevisions.id, sql`coalesce(${policyCases.workingRevisionId}, ${policyCases.publishedRevisionId})`),
    )
    .leftJoin(editor, eq(editor.id, caseRevisions.lastEditorId))
    .where(inArray(policyCases.cityId, cityIds))
    .orderBy(desc(caseRevisions.updatedAt));
}

/** The cities where the actor may start a case, with the language a new case defaults to. */
export async function listMyCities(actor: Actor | null): Promise<{ id: string; name: string; language: string }[]> {
  const cityIds = citiesWhere(actor, "case.create");
  if (cityIds.length === 0) return [];
  const rows = await db
    .select({ id: cities.id, name: cities.name, languages: cities.languages })
    .from(cities)
    .where(inArray(cities.id, cityIds))
    .orderBy(asc(cities.name));
  return rows.map((r) => ({ id: r.id, name: r.name, language: r.languages[0] ?? "en" }));
}

/** Whether the actor has asked to join a city and waits for an answer. */
export async function pendingMembershipCities(actor: Actor | null): Promise<string[]> {
  if (!actor) return [];
  const rows = await db
    .select({ name: cities.name })
    .from(cityMemberships)
    .innerJoin(cities, eq(cities.id, cityMemberships.cityId))
    .where(and(eq(cityMemberships.userId, actor.id), eq(cityMemberships.status, "requested")));
  return rows.map((r) => r.name);
}

export type RevisionSummary = {
  id: string;
  number: number;
  status: string;
  author: string | null;
  lastEditor: string | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
};

/** The revisions of a case the actor may see the history of, newest first. */
export async function listRevisionsOrThrow(actor: Actor | null, caseId: string): Promise<{ title: string; revisions: RevisionSummary[] }> {
  const c = await loadCaseForHistory(actor, caseId);
  const author = alias(users, "author");
  const editor = alias(users, "editor");
  const rows = await db
    .select({
      id: caseRevisions.id,
      number: caseRevisions.number,
      status: caseRevisions.status,
      title: caseRevisions.title,
      author: author.name,
      lastEditor: editor.name,
      createdAt: caseRevisions.createdAt,
      updatedAt: caseRevisions.updatedAt,
      submittedAt: caseRevisions.submittedAt,
    })
    .from(caseRevisions)
    .leftJoin(author, eq(author.id, caseRevisions.authorId))
    .leftJoin(editor, eq(editor.id, caseRevisions.lastEditorId))
    .where(eq(caseRevisions.caseId, c.id))
    .orderBy(desc(caseRevisions.number));
  return { title: rows[0]?.title ?? "", revisions: rows.map(({ title: _title, ...r }) => r) };
}

async function loadCaseForHistory(actor: Actor | null, caseId: string) {
  if (!actor || !uuid.safeParse(caseId).success) throw new NotFoundError("This case");
  const [c] = await db.select({ id: policyCases.id, cityId: policyCases.cityId }).from(policyCases).where(eq(policyCases.id, caseId));
  if (!c || !can(actor, "case.view_history", { cityId: c.cityId })) throw new NotFoundError("This case");
  return c;
}

/** One revision's content, for the diff; the revision must belong to the case. */
export async function getRevisionDataOrThrow(actor: Actor | null, caseId: string, revisionId: string): Promise<RevisionData> {
  const c = await loadCaseForHistory(actor, caseId);
  if (!uuid.safeParse(revisionId).success) throw new NotFoundError("This revision");
  const [r] = await db
    .select()
    .from(caseRevisions)
    .where(and(eq(caseRevisions.id, revisionId), eq(caseRevisions.caseId, c.id)));
  if (!r) throw new NotFoundError("This revision");
  return columnsToRevision(r);
}

/** Reference data the form needs: goals with colours and targets, policy areas. */
export async function loadStudioReferenceData() {
  const [goals, targets, areas] = await Promise.all([
    db.select({ goal: sdgGoals.goal, title: sdgGoals.title, shortName: sdgGoals.shortName, color: sdgGoals.color }).from(sdgGoals).orderBy(asc(sdgGoals.goal)),
    db.select({ code: sdgTargets.code, goal: sdgTargets.goal, text: sdgTargets.text }).from(sdgTargets).orderBy(asc(sdgTargets.goal), asc(sdgTargets.position)),
    db.select({ key: policyAreas.key, labels: policyAreas.labels }).from(policyAreas).orderBy(asc(policyAreas.position)),
  ]);
  return {
    goals,
    targets,
    policyAreas: areas.map((a) => ({ key: a.key, label: a.labels.en ?? a.key })),
  };
}
export type StudioReferenceData = Awaited<ReturnType<typeof loadStudioReferenceData>>;
