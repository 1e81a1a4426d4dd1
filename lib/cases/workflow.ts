/**
 * The one state machine of a case's life (DESIGN.md "A case's life"). Nothing else changes a
 * case's or a revision's status.
 *
 *   draft ──submit──▶ submitted ──approve──▶ published ──edit──▶ new draft revision (live one stays)
 *     ▲                  │ request_changes        │ unpublish (admin) / archive (city admin, admin)
 *     └── changes_requested ◀┘   reject ──▶ rejected
 *
 * Two layers of status:
 * - `policy_cases.status` says what the case is to the world. A case that has been published
 *   (status published or unpublished) keeps that status while an update goes through review: the
 *   update's progress lives only in its revision's status, and the live revision stays live.
 *   A case never published moves draft → submitted → changes_requested | rejected | published.
 * - `case_revisions.status`: draft (mutable) → submitted (frozen) → approved | changes_requested |
 *   rejected; an approved revision becomes superseded when a newer one is approved.
 *
 * Every transition: checks `can` (refused → not_found, as the rest of the app answers 404), locks
 * the case row, checks the current state (illegal → a typed error, never an exception), writes
 * the new state, an audit event, notifications and — when what the public sees changes — the
 * search outbox row, all in one transaction. Mail for the notifications goes out after commit.
 */
import { and, desc, eq, max, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type DbOrTx, type Transaction } from "../../db/client";
import {
  auditEvents,
  caseRevisions,
  cityMemberships,
  notifications,
  policyCases,
  reviews,
  type CaseStatus,
  type RevisionStatus,
} from "../../db/schema";
import { can, type Actor } from "../auth/policy";
import { recordAudit } from "../audit/record";
import { enqueueSearchUpdate } from "../search/outbox";
import { submittableRevisionSchema } from "./schemas";
import { columnsToRevision } from "./revision-row";
import { REVISION_FIELD_KEYS, isRevisionFieldKey } from "./fields";
import { sendNotificationEmails } from "../notifications/email";

export type { CaseStatus, RevisionStatus };

export type WorkflowErrorCode = "not_found" | "invalid_transition" | "stale" | "invalid" | "already_decided";
export type WorkflowIssue = { path: string; message: string };
export type WorkflowError = { ok: false; code: WorkflowErrorCode; message: string; issues?: WorkflowIssue[] };
export type WorkflowOk = { ok: true; caseId: string; status: CaseStatus; revisionId: string };
export type WorkflowResult = WorkflowOk | WorkflowError;

/**
 * `ip` goes into the audit event. `tx` runs the transition inside the caller's transaction (in a
 * savepoint): the caller then owns the commit, and no mail is sent — the caller's transaction may
 * still roll back. Tests use it to inject a failure after the state change and before commit.
 */
export type TransitionContext = { ip?: string | null; tx?: Transaction };

export type WorkflowAction =
  | "submit"
  | "withdraw"
  | "approve"
  | "request_changes"
  | "reject"
  | "unpublish"
  | "archive"
  | "restore";

/** Statuses of a revision on which a moderator has already decided. */
const DECIDED_REVISION_STATUSES: readonly RevisionStatus[] = ["approved", "changes_requested", "rejected", "superseded"];

const fail = (code: WorkflowErrorCode, message: string, issues?: WorkflowIssue[]): WorkflowError =>
  issues ? { ok: false, code, message, issues } : { ok: false, code, message };

const NOT_FOUND = fail("not_found", "This case could not be found.");

// ---------------------------------------------------------------------------------------------
// Plumbing: one transaction per transition, typed errors roll back, mail after commit.

type Outcome = { result: WorkflowResult; notificationIds: string[] };

/** Thrown inside the transaction to roll back a transition that ended in a typed error. */
class RollbackWith extends Error {
  constructor(readonly result: WorkflowError) {
    super(result.message);
  }
}

function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint_name, constraint: c } = e as { code?: string; constraint_name?: string; constraint?: string };
    if (code === "23505" && (!constraint || constraint_name === constraint || c === constraint)) return true;
    if (code === "23505" && constraint && String((e as Error).message ?? "").includes(constraint)) return true;
  }
  return false;
}

async function runTransition(
  ctx: TransitionContext | undefined,
  body: (tx: Transaction) => Promise<Outcome | WorkflowError>,
): Promise<WorkflowResult> {
  const execute = async (tx: Transaction): Promise<Outcome> => {
    const outcome = await body(tx);
    if ("ok" in outcome && outcome.ok === false) throw new RollbackWith(outcome);
    return outcome as Outcome;
  };
  let outcome: Outcome;
  try {
    outcome = ctx?.tx ? await ctx.tx.transaction(execute) : await db.transaction(execute);
  } catch (error) {
    if (error instanceof RollbackWith) return error.result;
    // The row lock makes a second decision wait and then see the first; the unique index on
    // reviews.revision_id is the last wall if anything slips past it.
    if (isUniqueViolation(error, "reviews_revision_unique"))
      return fail("already_decided", "Another moderator has already decided on this submission.");
    throw error;
  }
  if (!ctx?.tx && outcome.notificationIds.length > 0) {
    try {
      await sendNotificationEmails(outcome.notificationIds);
    } catch (error) {
      // The decision stands and the in-app notification exists; a mail failure must not undo it.
      console.error("workflow: sending notification mail failed", error);
    }
  }
  return outcome.result;
}

const uuidSchema = z.uuid();

async function lockCase(tx: Transaction, caseId: string) {
  if (!uuidSchema.safeParse(caseId).success) return null;
  const [row] = await tx.select().from(policyCases).where(eq(policyCases.id, caseId)).for("update");
  return row ?? null;
}

type CaseRow = typeof policyCases.$inferSelect;
type RevisionRow = typeof caseRevisions.$inferSelect;

async function loadRevision(tx: DbOrTx, caseId: string, revisionId: string | null | undefined): Promise<RevisionRow | null> {
  if (!revisionId || !uuidSchema.safeParse(revisionId).success) return null;
  const [row] = await tx
    .select()
    .from(caseRevisions)
    .where(and(eq(caseRevisions.id, revisionId), eq(caseRevisions.caseId, caseId)));
  return row ?? null;
}

function hasBeenPublished(c: CaseRow): boolean {
  return c.publishedRevisionId !== null;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    "",
  );
}

function checkVersion(c: CaseRow, version: number | undefined): WorkflowError | null {
  if (version === undefined || version === c.version) return null;
  return fail("stale", "This case changed since you opened it. Reload the page to see the latest version, then try again.");
}

/** Inserts notifications for distinct users (never the actor) and returns their ids. */
async function notify(
  tx: Transaction,
  userIds: (string | null | undefined)[],
  actorId: string | null,
  kind: string,
  caseId: string,
  data: Record<string, unknown>,
): Promise<string[]> {
  const recipients = [...new Set(userIds.filter((id): id is string => !!id && id !== actorId))];
  if (recipients.length === 0) return [];
  const rows = await tx
    .insert(notifications)
    .values(recipients.map((userId) => ({ userId, kind, caseId, data })))
    .returning({ id: notifications.id });
  return rows.map((r) => r.id);
}

async function activeOfficialsOf(tx: Transaction, cityId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: cityMemberships.userId })
    .from(cityMemberships)
    .where(and(eq(cityMemberships.cityId, cityId), eq(cityMemberships.status, "active")));
  return rows.map((r) => r.userId);
}

/** Who hears about a decision on a revision: its author and whoever edited it last. */
function authorsOf(revision: RevisionRow): (string | null)[] {
  return [revision.authorId, revision.lastEditorId];
}

const ok = (c: { id: string }, status: CaseStatus, revisionId: string): WorkflowOk => ({
  ok: true,
  caseId: c.id,
  status,
  revisionId,
});

// ---------------------------------------------------------------------------------------------
// Authors: submit and withdraw.

const submitInput = z.object({ caseId: z.string(), version: z.number().int() });

/** Freezes the working draft and puts it in the review queue. */
export async function submitCase(
  actor: Actor | null,
  input: { caseId: string; version: number },
  ctx?: TransitionContext,
): Promise<WorkflowResult> {
  const parsed = submitInput.safeParse(input);
  if (!parsed.success) return fail("invalid", "The request was not understood.");
  return runTransition(ctx, async (tx) => {
    const c = await lockCase(tx, parsed.data.caseId);
    if (!c || !can(actor, "case.submit", { cityId: c.cityId })) return NOT_FOUND;
    const stale = checkVersion(c, parsed.data.version);
    if (stale) return stale;
    if (c.status === "archived") return fail("invalid_transition", "This case is archived. Restore it before submitting.");
    if (c.status === "rejected") return fail("invalid_transition", "This case was rejected and cannot be resubmitted.");
    const revision = await loadRevision(tx, c.id, c.workingRevisionId);
    if (!revision) return fail("invalid_transition", "There is no draft to submit.");
    if (revision.status === "submitted")
      return fail("invalid_transition", "This case is already submitted and waiting for review.");
    if (revision.status !== "draft")
      return fail("invalid_transition", "Edit the case to answer the moderator's comments before resubmitting.");

    const checked = submittableRevisionSchema.safeParse(columnsToRevision(revision));
    if (!checked.success) {
      return fail(
        "invalid",
        "Some required information is missing. Complete the fields marked below, then submit again.",
        checked.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
      );
    }

    const now = new Date();
    const nextStatus: CaseStatus = hasBeenPublished(c) ? c.status : "submitted";
    await tx
      .update(caseRevisions)
      .set({ status: "submitted", submittedAt: now, updatedAt: now })
      .where(eq(caseRevisions.id, revision.id));
    await tx
      .update(policyCases)
      .set({ status: nextStatus, version: c.version + 1, updatedAt: now })
      .where(eq(policyCases.id, c.id));
    await recordAudit(tx, {
      actorId: actor!.id,
      actorIp: ctx?.ip,
      action: "case.submitted",
      entityType: "case",
      entityId: c.id,
      caseId: c.id,
      cityId: c.cityId,
      data: {
        from: c.status,
        to: nextStatus,
        revisionId: revision.id,
        revisionNumber: revision.number,
        revisionFrom: "draft",
        revisionTo: "submitted",
        update: hasBeenPublished(c),
      },
    });
    return { result: ok(c, nextStatus, revision.id), notificationIds: [] };
  });
}

/** Takes a submission back out of the queue before a moderator decides; it becomes a draft again. */
export async function withdrawSubmission(
  actor: Actor | null,
  input: { caseId: string; version?: number },
  ctx?: TransitionContext,
): Promise<WorkflowResult> {
  return runTransition(ctx, async (tx) => {
    const c = await lockCase(tx, input.caseId);
    if (!c || !can(actor, "case.submit", { cityId: c.cityId })) return NOT_FOUND;
    const stale = checkVersion(c, input.version);
    if (stale) return stale;
    const revision = await loadRevision(tx, c.id, c.workingRevisionId);
    if (!revision || revision.status !== "submitted")
      return fail("invalid_transition", "There is no submission waiting for review to withdraw.");
    const now = new Date();
    const nextStatus: CaseStatus = hasBeenPublished(c) ? c.status : "draft";
    await tx
      .update(caseRevisions)
      .set({ status: "draft", submittedAt: null, updatedAt: now })
      .where(eq(caseRevisions.id, revision.id));
    await tx
      .update(policyCases)
      .set({ status: nextStatus, version: c.version + 1, updatedAt: now })
      .where(eq(policyCases.id, c.id));
    await recordAudit(tx, {
      actorId: actor!.id,
      actorIp: ctx?.ip,
      action: "case.withdrawn",
      entityType: "case",
      entityId: c.id,
      caseId: c.id,
      cityId: c.cityId,
      data: {
        from: c.status,
        to: nextStatus,
        revisionId: revision.id,
        revisionNumber: revision.number,
        revisionFrom: "submitted",
        revisionTo: "draft",
        update: hasBeenPublished(c),
      },
    });
    return { result: ok(c, nextStatus, revision.id), notificationIds: [] };
  });
}

// ---------------------------------------------------------------------------------------------
// Moderators: approve, request changes, reject. Moderators decide; they never edit content.

/** Loads and checks what every decision needs: the case (locked), the submitted revision. */
async function loadForDecision(
  tx: Transaction,
  actor: Actor | null,
  caseId: string,
  revisionId: string,
): Promise<{ c: CaseRow; revision: RevisionRow } | WorkflowError> {
  const c = await lockCase(tx, caseId);
  if (!c || !can(actor, "case.review", { cityId: c.cityId })) return NOT_FOUND;
  const revision = await loadRevision(tx, c.id, revisionId);
  if (!revision) return NOT_FOUND;
  const [existing] = await tx.select({ id: reviews.id }).from(reviews).where(eq(reviews.revisionId, revision.id));
  if (existing || DECIDED_REVISION_STATUSES.includes(revision.status))
    return fail("already_decided", "This submission has already been decided — by another moderator or earlier.");
  if (revision.status !== "submitted" || c.workingRevisionId !== revision.id)
    return fail("invalid_transition", "This revision is not waiting for review (it may have been withdrawn).");
  if (c.status === "archived") return fail("invalid_transition", "This case is archived.");
  return { c, revision };
}

const approveInput = z.object({
  caseId: z.string(),
  revisionId: z.string(),
  comment: z.string().trim().max(5000, "Keep the comment under 5000 characters.").optional(),
});

/** Makes the submitted revision the live one. */
export async function approveSubmission(
  actor: Actor | null,
  input: { caseId: string; revisionId: string; comment?: string },
  ctx?: TransitionContext,
): Promise<WorkflowResult> {
  const parsed = approveInput.safeParse(input);
  if (!parsed.success)
    return fail("invalid", "Check the comment.", parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  return runTransition(ctx, async (tx) => {
    const loaded = await loadForDecision(tx, actor, parsed.data.caseId, parsed.data.revisionId);
    if ("ok" in loaded) return loaded;
    const { c, revision } = loaded;
    const now = new Date();
    const comment = parsed.data.comment || null;
    await tx.insert(reviews).values({
      caseId: c.id,
      revisionId: revision.id,
      moderatorId: actor!.id,
      decision: "approve",
      comment,
      createdAt: now,
    });
    if (c.publishedRevisionId && c.publishedRevisionId !== revision.id) {
      await tx
        .update(caseRevisions)
        .set({ status: "superseded", updatedAt: now })
        .where(eq(caseRevisions.id, c.publishedRevisionId));
    }
    await tx.update(caseRevisions).set({ status: "approved", updatedAt: now }).where(eq(caseRevisions.id, revision.id));
    await tx
      .update(policyCases)
      .set({
        status: "published",
        publishedRevisionId: revision.id,
        workingRevisionId: null,
        publishedAt: c.publishedAt ?? now,
        lastReviewedAt: now,
        updatedAt: now,
        version: c.version + 1,
      })
      .where(eq(policyCases.id, c.id));
    await recordAudit(tx, {
      actorId: actor!.id,
      actorIp: ctx?.ip,
      action: "case.approved",
      entityType: "case",
      entityId: c.id,
      caseId: c.id,
      cityId: c.cityId,
      data: {
        from: c.status,
        to: "published",
        revisionId: revision.id,
        revisionNumber: revision.number,
        revisionFrom: "submitted",
        revisionTo: "approved",
        previousRevisionId: c.publishedRevisionId,
        update: hasBeenPublished(c),
        comment,
      },
    });
    const notificationIds = await notify(tx, authorsOf(revision), actor!.id, "case.approved", c.id, {
      title: revision.title,
      slug: c.slug,
      revisionNumber: revision.number,
      update: hasBeenPublished(c),
      comment,
    });
    await enqueueSearchUpdate(tx, c.id, "upsert");
    return { result: ok(c, "published", revision.id), notificationIds };
  });
}

const fieldCommentSchema = z.object({
  field: z.string().refine(isRevisionFieldKey, "Choose one of the case's fields."),
  comment: z.string().trim().min(1, "Write the comment for this field.").max(2000, "Keep it under 2000 characters."),
});

const requestChangesInput = z.object({
  caseId: z.string(),
  revisionId: z.string(),
  comment: z.string().trim().min(1, "Explain what needs to change.").max(5000, "Keep the comment under 5000 characters."),
  fieldComments: z.array(fieldCommentSchema).max(REVISION_FIELD_KEYS.length * 3).default([]),
});

export type FieldComment = { field: string; comment: string };

/** Sends the submission back to its authors with a comment, optionally pinned to fields. */
export async function requestChanges(
  actor: Actor | null,
  input: { caseId: string; revisionId: string; comment: string; fieldComments?: FieldComment[] },
  ctx?: TransitionContext,
): Promise<WorkflowResult> {
  const parsed = requestChangesInput.safeParse(input);
  if (!parsed.success)
    return fail(
      "invalid",
      "Explain what needs to change.",
      parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    );
  return runTransition(ctx, async (tx) => {
    const loaded = await loadForDecision(tx, actor, parsed.data.caseId, parsed.data.revisionId);
    if ("ok" in loaded) return loaded;
    const { c, revision } = loaded;
    const now = new Date();
    const nextStatus: CaseStatus = hasBeenPublished(c) ? c.status : "changes_requested";
    await tx.insert(reviews).values({
      caseId: c.id,
      revisionId: revision.id,
      moderatorId: actor!.id,
      decision: "request_changes",
      comment: parsed.data.comment,
      fieldComments: parsed.data.fieldComments,
      createdAt: now,
    });
    await tx
      .update(caseRevisions)
      .set({ status: "changes_requested", updatedAt: now })
      .where(eq(caseRevisions.id, revision.id));
    await tx
      .update(policyCases)
      .set({ status: nextStatus, updatedAt: now, version: c.version + 1 })
      .where(eq(policyCases.id, c.id));
    await recordAudit(tx, {
      actorId: actor!.id,
      actorIp: ctx?.ip,
      action: "case.changes_requested",
      entityType: "case",
      entityId: c.id,
      caseId: c.id,
      cityId: c.cityId,
      data: {
        from: c.status,
        to: nextStatus,
        revisionId: revision.id,
        revisionNumber: revision.number,
        revisionFrom: "submitted",
        revisionTo: "changes_requested",
        update: hasBeenPublished(c),
        comment: parsed.data.comment,
        fieldComments: parsed.data.fieldComments,
      },
    });
    const notificationIds = await notify(tx, authorsOf(revision), actor!.id, "case.changes_requested", c.id, {
      title: revision.title,
      slug: c.slug,
      revisionNumber: revision.number,
      update: hasBeenPublished(c),
      comment: parsed.data.comment,
      fields: parsed.data.fieldComments.map((f) => f.field),
    });
    return { result: ok(c, nextStatus, revision.id), notificationIds };
  });
}

const reasonSchema = z
  .string()
  .trim()
  .min(1, "Give the reason.")
  .max(5000, "Keep the reason under 5000 characters.");

const rejectInput = z.object({ caseId: z.string(), revisionId: z.string(), reason: reasonSchema });

/**
 * Refuses the submission. A case never published becomes `rejected` (final; it stays visible to
 * its city and staff only). A rejected update is dropped: the live revision stays live and the
 * authors may start a new edit.
 */
export async function rejectSubmission(
  actor: Actor | null,
  input: { caseId: string; revisionId: string; reason: string },
  ctx?: TransitionContext,
): Promise<WorkflowResult> {
  const parsed = rejectInput.safeParse(input);
  if (!parsed.success)
    return fail("invalid", "Give the reason for rejecting.", parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  return runTransition(ctx, async (tx) => {
    const loaded = await loadForDecision(tx, actor, parsed.data.caseId, parsed.data.revisionId);
    if ("ok" in loaded) return loaded;
    const { c, revision } = loaded;
    const now = new Date();
    const update = hasBeenPublished(c);
    const nextStatus: CaseStatus = update ? c.status : "rejected";
    await tx.insert(reviews).values({
      caseId: c.id,
      revisionId: revision.id,
      moderatorId: actor!.id,
      decision: "reject",
      comment: parsed.data.reason,
      createdAt: now,
    });
    await tx.update(caseRevisions).set({ status: "rejected", updatedAt: now }).where(eq(caseRevisions.id, revision.id));
    await tx
      .update(policyCases)
      .set({
        status: nextStatus,
        // A rejected update no longer blocks a fresh edit of the live revision.
        workingRevisionId: update ? null : c.workingRevisionId,
        updatedAt: now,
        version: c.version + 1,
      })
      .where(eq(policyCases.id, c.id));
    await recordAudit(tx, {
      actorId: actor!.id,
      actorIp: ctx?.ip,
      action: "case.rejected",
      entityType: "case",
      entityId: c.id,
      caseId: c.id,
      cityId: c.cityId,
      data: {
        from: c.status,
        to: nextStatus,
        revisionId: revision.id,
        revisionNumber: revision.number,
        revisionFrom: "submitted",
        revisionTo: "rejected",
        update,
        comment: parsed.data.reason,
      },
    });
    const notificationIds = await notify(tx, authorsOf(revision), actor!.id, "case.rejected", c.id, {
      title: revision.title,
      slug: c.slug,
      revisionNumber: revision.number,
      update,
      comment: parsed.data.reason,
    });
    return { result: ok(c, nextStatus, revision.id), notificationIds };
  });
}

// ---------------------------------------------------------------------------------------------
// Taking a case offline and back.

const offlineInput = z.object({ caseId: z.string(), reason: reasonSchema, version: z.number().int().optional() });

async function titleOf(tx: Transaction, c: CaseRow): Promise<string> {
  const revisionId = c.publishedRevisionId ?? c.workingRevisionId;
  if (!revisionId) return c.slug;
  const [row] = await tx.select({ title: caseRevisions.title }).from(caseRevisions).where(eq(caseRevisions.id, revisionId));
  return row?.title || c.slug;
}

/** An administrator takes a published case offline, with a reason its city is told. */
export async function unpublishCase(
  actor: Actor | null,
  input: { caseId: string; reason: string; version?: number },
  ctx?: TransitionContext,
): Promise<WorkflowResult> {
  const parsed = offlineInput.safeParse(input);
  if (!parsed.success)
    return fail("invalid", "Give the reason for unpublishing.", parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  return runTransition(ctx, async (tx) => {
    const c = await lockCase(tx, parsed.data.caseId);
    if (!c || !can(actor, "case.unpublish", { cityId: c.cityId, published: c.status === "published" })) return NOT_FOUND;
    const stale = checkVersion(c, parsed.data.version);
    if (stale) return stale;
    if (c.status !== "published") return fail("invalid_transition", "Only a published case can be unpublished.");
    const now = new Date();
    await tx
      .update(policyCases)
      .set({ status: "unpublished", updatedAt: now, version: c.version + 1 })
      .where(eq(policyCases.id, c.id));
    await recordAudit(tx, {
      actorId: actor!.id,
      actorIp: ctx?.ip,
      action: "case.unpublished",
      entityType: "case",
      entityId: c.id,
      caseId: c.id,
      cityId: c.cityId,
      data: { from: c.status, to: "unpublished", revisionId: c.publishedRevisionId, comment: parsed.data.reason },
    });
    const published = await loadRevision(tx, c.id, c.publishedRevisionId);
    const notificationIds = await notify(
      tx,
      [...(await activeOfficialsOf(tx, c.cityId)), ...(published ? authorsOf(published) : [])],
      actor!.id,
      "case.unpublished",
      c.id,
      { title: await titleOf(tx, c), slug: c.slug, comment: parsed.data.reason },
    );
    await enqueueSearchUpdate(tx, c.id, "remove");
    return { result: ok(c, "unpublished", c.publishedRevisionId!), notificationIds };
  });
}

const archiveInput = z.object({
  caseId: z.string(),
  reason: z.string().trim().max(5000, "Keep the reason under 5000 characters.").optional(),
  version: z.number().int().optional(),
});

/**
 * The city (its admin) or an administrator retires a case. It leaves public view; nothing is
 * deleted. A submission waiting for review must be withdrawn or decided first.
 */
export async function archiveCase(
  actor: Actor | null,
  input: { caseId: string; reason?: string; version?: number },
  ctx?: TransitionContext,
): Promise<WorkflowResult> {
  const parsed = archiveInput.safeParse(input);
  if (!parsed.success)
    return fail("invalid", "Check the reason.", parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  return runTransition(ctx, async (tx) => {
    const c = await lockCase(tx, parsed.data.caseId);
    if (!c || !can(actor, "case.archive", { cityId: c.cityId, published: c.status === "published" })) return NOT_FOUND;
    const stale = checkVersion(c, parsed.data.version);
    if (stale) return stale;
    if (c.status === "archived") return fail("invalid_transition", "This case is already archived.");
    const working = await loadRevision(tx, c.id, c.workingRevisionId);
    if (working?.status === "submitted")
      return fail("invalid_transition", "A submission of this case is waiting for review. Withdraw it or wait for the decision first.");
    const now = new Date();
    await tx
      .update(policyCases)
      .set({ status: "archived", updatedAt: now, version: c.version + 1 })
      .where(eq(policyCases.id, c.id));
    const reason = parsed.data.reason || null;
    await recordAudit(tx, {
      actorId: actor!.id,
      actorIp: ctx?.ip,
      action: "case.archived",
      entityType: "case",
      entityId: c.id,
      caseId: c.id,
      cityId: c.cityId,
      data: { from: c.status, to: "archived", comment: reason },
    });
    const notificationIds = await notify(tx, await activeOfficialsOf(tx, c.cityId), actor!.id, "case.archived", c.id, {
      title: await titleOf(tx, c),
      slug: c.slug,
      comment: reason,
    });
    if (c.status === "published") await enqueueSearchUpdate(tx, c.id, "remove");
    return { result: ok(c, "archived", c.publishedRevisionId ?? c.workingRevisionId ?? ""), notificationIds };
  });
}

/**
 * Undoes an unpublish (administrators) or an archive (the city's admin or an administrator).
 * An archived case returns to the status it had when it was archived, read from the audit log.
 */
export async function restoreCase(
  actor: Actor | null,
  input: { caseId: string; reason?: string; version?: number },
  ctx?: TransitionContext,
): Promise<WorkflowResult> {
  const parsed = archiveInput.safeParse(input);
  if (!parsed.success)
    return fail("invalid", "Check the reason.", parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  return runTransition(ctx, async (tx) => {
    const c = await lockCase(tx, parsed.data.caseId);
    if (!c) return NOT_FOUND;
    const resource = { cityId: c.cityId, published: c.status === "published" };
    const mayUnpublish = can(actor, "case.unpublish", resource);
    const mayArchive = can(actor, "case.archive", resource);
    if (c.status === "unpublished" ? !mayUnpublish : c.status === "archived" ? !mayArchive : !mayUnpublish && !mayArchive)
      return NOT_FOUND;
    const stale = checkVersion(c, parsed.data.version);
    if (stale) return stale;
    let nextStatus: CaseStatus;
    if (c.status === "unpublished") {
      nextStatus = "published";
    } else if (c.status === "archived") {
      const [archived] = await tx
        .select({ data: auditEvents.data })
        .from(auditEvents)
        .where(and(eq(auditEvents.caseId, c.id), eq(auditEvents.action, "case.archived")))
        .orderBy(desc(auditEvents.id))
        .limit(1);
      const from = archived?.data.from as CaseStatus | undefined;
      nextStatus =
        from && from !== "archived" && from !== "submitted" && (from !== "published" || c.publishedRevisionId)
          ? from
          : c.publishedRevisionId
            ? "unpublished"
            : "draft";
    } else {
      return fail("invalid_transition", "Only an unpublished or archived case can be restored.");
    }
    const now = new Date();
    await tx
      .update(policyCases)
      .set({ status: nextStatus, updatedAt: now, version: c.version + 1 })
      .where(eq(policyCases.id, c.id));
    const reason = parsed.data.reason || null;
    await recordAudit(tx, {
      actorId: actor!.id,
      actorIp: ctx?.ip,
      action: "case.restored",
      entityType: "case",
      entityId: c.id,
      caseId: c.id,
      cityId: c.cityId,
      data: { from: c.status, to: nextStatus, comment: reason },
    });
    const notificationIds = await notify(tx, await activeOfficialsOf(tx, c.cityId), actor!.id, "case.restored", c.id, {
      title: await titleOf(tx, c),
      slug: c.slug,
      comment: reason,
      to: nextStatus,
    });
    if (nextStatus === "published") await enqueueSearchUpdate(tx, c.id, "upsert");
    return { result: ok(c, nextStatus, c.publishedRevisionId ?? c.workingRevisionId ?? ""), notificationIds };
  });
}

// ---------------------------------------------------------------------------------------------
// Editing after a decision: a new draft revision. The studio calls these.

const CONTENT_EXCLUDED = new Set([
  "id",
  "caseId",
  "number",
  "status",
  "authorId",
  "lastEditorId",
  "createdAt",
  "updatedAt",
  "submittedAt",
]);

export type NewDraftResult = { ok: true; revisionId: string; version: number; created: boolean } | WorkflowError;

/**
 * Starts a new draft revision copied from `revisionId` — the live revision (editing a published or
 * unpublished case) or the revision a moderator sent back (answering a change request). The
 * original stays frozen. If a draft already exists it is returned unchanged (idempotent, so a
 * double click cannot fork two drafts). Runs in the caller's transaction; the CALLER checks
 * `can(actor, "case.edit", { cityId })` first (or use `startNewDraft`, which does).
 */
export async function startNewDraftFrom(
  tx: Transaction,
  caseId: string,
  revisionId: string,
  actorId: string,
): Promise<NewDraftResult> {
  const c = await lockCase(tx, caseId);
  if (!c) return NOT_FOUND;
  const source = await loadRevision(tx, c.id, revisionId);
  if (!source) return NOT_FOUND;
  const working = await loadRevision(tx, c.id, c.workingRevisionId);
  if (working?.status === "draft") return { ok: true, revisionId: working.id, version: c.version, created: false };
  if (c.status === "archived") return fail("invalid_transition", "This case is archived. Restore it before editing.");
  if (c.status === "rejected") return fail("invalid_transition", "This case was rejected and cannot be edited.");
  if (working?.status === "submitted")
    return fail("invalid_transition", "This case is waiting for review. Withdraw the submission to edit it.");
  const fromChangeRequest = working?.status === "changes_requested" && working.id === source.id;
  const fromLive = !working && c.publishedRevisionId === source.id;
  if (!fromChangeRequest && !fromLive)
    return fail("invalid_transition", "A new draft can start only from the live revision or from one sent back for changes.");

  const [{ highest } = { highest: 0 }] = await tx
    .select({ highest: max(caseRevisions.number) })
    .from(caseRevisions)
    .where(eq(caseRevisions.caseId, c.id));
  const content = Object.fromEntries(Object.entries(source).filter(([k]) => !CONTENT_EXCLUDED.has(k))) as Omit<
    RevisionRow,
    "id" | "caseId" | "number" | "status" | "authorId" | "lastEditorId" | "createdAt" | "updatedAt" | "submittedAt"
  >;
  const now = new Date();
  const [created] = await tx
    .insert(caseRevisions)
    .values({
      ...content,
      caseId: c.id,
      number: (highest ?? 0) + 1,
      status: "draft",
      authorId: actorId,
      lastEditorId: actorId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: caseRevisions.id });
  await tx
    .update(policyCases)
    .set({ workingRevisionId: created!.id, updatedAt: now, version: c.version + 1 })
    .where(eq(policyCases.id, c.id));
  await recordAudit(tx, {
    actorId,
    action: "case.draft_started",
    entityType: "case",
    entityId: c.id,
    caseId: c.id,
    cityId: c.cityId,
    data: { from: c.status, to: c.status, revisionId: created!.id, copiedFromRevisionId: source.id, revisionNumber: (highest ?? 0) + 1 },
  });
  return { ok: true, revisionId: created!.id, version: c.version + 1, created: true };
}

/** `startNewDraftFrom` with its own transaction and the `case.edit` check. */
export async function startNewDraft(
  actor: Actor | null,
  input: { caseId: string; revisionId: string },
): Promise<NewDraftResult> {
  if (!actor) return NOT_FOUND;
  try {
    return await db.transaction(async (tx) => {
      const [c] = uuidSchema.safeParse(input.caseId).success
        ? await tx.select({ cityId: policyCases.cityId }).from(policyCases).where(eq(policyCases.id, input.caseId))
        : [];
      if (!c || !can(actor, "case.edit", { cityId: c.cityId })) return NOT_FOUND;
      const result = await startNewDraftFrom(tx, input.caseId, input.revisionId, actor.id);
      if (!result.ok) throw new RollbackWith(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RollbackWith) return error.result;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Read helpers for the studio and the review pages.

export type ChangeRequest = {
  reviewId: string;
  revisionId: string;
  revisionNumber: number;
  comment: string;
  fieldComments: FieldComment[];
  createdAt: Date;
};

/**
 * The moderator's request for changes the authors are answering right now: the latest review of
 * the case when it asked for changes and the case's working revision (the one sent back, or the
 * draft started from it) has not been submitted again. Null otherwise. The caller has already
 * checked the actor may edit the case.
 */
export async function openChangeRequest(caseId: string, dbOrTx: DbOrTx = db): Promise<ChangeRequest | null> {
  if (!uuidSchema.safeParse(caseId).success) return null;
  const [latest] = await dbOrTx
    .select({
      reviewId: reviews.id,
      revisionId: reviews.revisionId,
      revisionNumber: caseRevisions.number,
      decision: reviews.decision,
      comment: reviews.comment,
      fieldComments: reviews.fieldComments,
      createdAt: reviews.createdAt,
    })
    .from(reviews)
    .innerJoin(caseRevisions, eq(caseRevisions.id, reviews.revisionId))
    .where(eq(reviews.caseId, caseId))
    .orderBy(desc(reviews.createdAt), desc(caseRevisions.number))
    .limit(1);
  if (!latest || latest.decision !== "request_changes") return null;
  const [c] = await dbOrTx
    .select({ working: caseRevisions.status, number: caseRevisions.number })
    .from(policyCases)
    .innerJoin(caseRevisions, eq(caseRevisions.id, policyCases.workingRevisionId))
    .where(eq(policyCases.id, caseId));
  if (!c || c.working === "submitted" || c.number < latest.revisionNumber) return null;
  return {
    reviewId: latest.reviewId,
    revisionId: latest.revisionId,
    revisionNumber: latest.revisionNumber,
    comment: latest.comment ?? "",
    fieldComments: latest.fieldComments,
    createdAt: latest.createdAt,
  };
}

/**
 * The actions the actor could take on the case now, for showing buttons. The transition functions
 * check again; this only decides what to offer.
 */
export async function availableActions(
  actor: Actor | null,
  caseId: string,
  dbOrTx: DbOrTx = db,
): Promise<WorkflowAction[]> {
  if (!uuidSchema.safeParse(caseId).success) return [];
  const [c] = await dbOrTx.select().from(policyCases).where(eq(policyCases.id, caseId));
  if (!c) return [];
  const working = await loadRevision(dbOrTx, c.id, c.workingRevisionId);
  const resource = { cityId: c.cityId, published: c.status === "published" };
  const actions: WorkflowAction[] = [];
  const submittable = working?.status === "draft" && c.status !== "archived" && c.status !== "rejected";
  if (submittable && can(actor, "case.submit", resource)) actions.push("submit");
  if (working?.status === "submitted") {
    if (can(actor, "case.submit", resource)) actions.push("withdraw");
    if (can(actor, "case.review", resource)) actions.push("approve", "request_changes", "reject");
  }
  if (c.status === "published" && can(actor, "case.unpublish", resource)) actions.push("unpublish");
  if (c.status !== "archived" && working?.status !== "submitted" && can(actor, "case.archive", resource))
    actions.push("archive");
  if (
    (c.status === "unpublished" && can(actor, "case.unpublish", resource)) ||
    (c.status === "archived" && can(actor, "case.archive", resource))
  )
    actions.push("restore");
  return actions;
}

/** Cases whose working revision waits for review — used by the queue and by tests. */
export async function countPendingSubmissions(dbOrTx: DbOrTx = db): Promise<number> {
  const [row] = await dbOrTx
    .select({ n: sql<number>`count(*)::int` })
    .from(policyCases)
    .innerJoin(caseRevisions, eq(caseRevisions.id, policyCases.workingRevisionId))
    .where(and(eq(caseRevisions.status, "submitted"), ne(policyCases.status, "archived")));
  return row?.n ?? 0;
}
