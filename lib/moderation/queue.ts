/**
 * The review queue and the review of one submission. Moderators decide here; the decisions are
 * the transitions of lib/cases/workflow.ts.
 */
import { and, asc, eq, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "../../db/client";
import { caseRevisions, cities, policyCases, reviews, users } from "../../db/schema";
import { can, type Actor } from "../auth/policy";
import { columnsToRevision } from "../cases/revision-row";
import { diffRevisions, type FieldDiff } from "../cases/diff";
import { availableActions, type WorkflowAction } from "../cases/workflow";

export type QueueItem = {
  caseId: string;
  revisionId: string;
  revisionNumber: number;
  title: string;
  city: { name: string; country: string };
  language: string;
  sdgGoals: number[];
  /** "new": never published; "update": an edit of a case that has a live (or unpublished) revision. */
  kind: "new" | "update";
  /** The case's status to the world while the submission waits: submitted, published or unpublished. */
  caseStatus: string;
  submittedAt: Date;
  waitingMs: number;
  submittedBy: string | null;
};

/** Submissions waiting for a decision, oldest first. Null when the actor may not see the queue. */
export async function listReviewQueue(actor: Actor | null, now: Date = new Date()): Promise<QueueItem[] | null> {
  if (!can(actor, "moderation.queue")) return null;
  const editor = alias(users, "editor");
  const rows = await db
    .select({
      caseId: policyCases.id,
      caseStatus: policyCases.status,
      publishedRevisionId: policyCases.publishedRevisionId,
      revisionId: caseRevisions.id,
      revisionNumber: caseRevisions.number,
      title: caseRevisions.title,
      language: caseRevisions.language,
      sdgGoals: caseRevisions.sdgGoals,
      submittedAt: caseRevisions.submittedAt,
      updatedAt: caseRevisions.updatedAt,
      cityName: cities.name,
      cityCountry: cities.country,
      submittedBy: editor.name,
    })
    .from(policyCases)
    .innerJoin(caseRevisions, eq(caseRevisions.id, policyCases.workingRevisionId))
    .innerJoin(cities, eq(cities.id, policyCases.cityId))
    .leftJoin(editor, eq(editor.id, caseRevisions.lastEditorId))
    .where(and(eq(caseRevisions.status, "submitted"), ne(policyCases.status, "archived")))
    .orderBy(asc(caseRevisions.submittedAt), asc(caseRevisions.id));
  return rows.map((r) => {
    const submittedAt = r.submittedAt ?? r.updatedAt;
    return {
      caseId: r.caseId,
      revisionId: r.revisionId,
      revisionNumber: r.revisionNumber,
      title: r.title || "(untitled)",
      city: { name: r.cityName, country: r.cityCountry },
      language: r.language,
      sdgGoals: r.sdgGoals,
      kind: r.publishedRevisionId ? "update" : "new",
      caseStatus: r.caseStatus,
      submittedAt,
      waitingMs: Math.max(0, now.getTime() - submittedAt.getTime()),
      submittedBy: r.submittedBy,
    };
  });
}

/** "3 days", "5 hours", "12 minutes": how long something has waited, in plain words. */
export function formatWaiting(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "less than a minute";
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"}`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}

export type PastReview = {
  revisionNumber: number;
  decision: string;
  comment: string | null;
  fieldComments: { field: string; comment: string }[];
  moderator: string | null;
  createdAt: Date;
};

export type SubmissionForReview = {
  caseId: string;
  slug: string;
  cityId: string;
  caseStatus: string;
  version: number;
  /** The revision waiting for a decision, or null when nothing waits. */
  pending: { revisionId: string; revisionNumber: number; submittedAt: Date | null; submittedBy: string | null } | null;
  kind: "new" | "update";
  liveRevisionId: string | null;
  /** Field-by-field against the live revision; for a new case, against nothing. */
  diff: FieldDiff[];
  pastReviews: PastReview[];
  actions: WorkflowAction[];
};

/**
 * What the review page needs about one case. Null when the actor may not review or the case does
 * not exist (the page answers 404 for both).
 */
export async function getSubmissionForReview(actor: Actor | null, caseId: string): Promise<SubmissionForReview | null> {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) return null;
  const [c] = await db.select().from(policyCases).where(eq(policyCases.id, caseId));
  if (!c || !can(actor, "case.review", { cityId: c.cityId })) return null;
  const revisionIds = [c.workingRevisionId, c.publishedRevisionId].filter((x): x is string => !!x);
  const revisions = new Map<string, typeof caseRevisions.$inferSelect>();
  for (const id of revisionIds) {
    const [row] = await db.select().from(caseRevisions).where(eq(caseRevisions.id, id));
    if (row) revisions.set(id, row);
  }
  const working = c.workingRevisionId ? revisions.get(c.workingRevisionId) : undefined;
  const live = c.publishedRevisionId ? revisions.get(c.publishedRevisionId) : undefined;
  const pendingRow = working?.status === "submitted" ? working : undefined;
  let submittedBy: string | null = null;
  if (pendingRow?.lastEditorId) {
    const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, pendingRow.lastEditorId));
    submittedBy = u?.name ?? null;
  }
  const moderator = alias(users, "moderator");
  const past = await db
    .select({
      revisionNumber: caseRevisions.number,
      decision: reviews.decision,
      comment: reviews.comment,
      fieldComments: reviews.fieldComments,
      moderator: moderator.name,
      createdAt: reviews.createdAt,
    })
    .from(reviews)
    .innerJoin(caseRevisions, eq(caseRevisions.id, reviews.revisionId))
    .leftJoin(moderator, eq(moderator.id, reviews.moderatorId))
    .where(eq(reviews.caseId, c.id))
    .orderBy(asc(reviews.createdAt));
  const compared = pendingRow ?? working ?? live;
  return {
    caseId: c.id,
    slug: c.slug,
    cityId: c.cityId,
    caseStatus: c.status,
    version: c.version,
    pending: pendingRow
      ? { revisionId: pendingRow.id, revisionNumber: pendingRow.number, submittedAt: pendingRow.submittedAt, submittedBy }
      : null,
    kind: live ? "update" : "new",
    liveRevisionId: live?.id ?? null,
    diff:
      compared && compared !== live ? diffRevisions(live ? columnsToRevision(live) : null, columnsToRevision(compared)) : [],
    pastReviews: past,
    actions: await availableActions(actor, c.id),
  };
}
