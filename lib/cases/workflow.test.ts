/**
 * The workflow beyond the matrix: parallel decisions, atomicity under an injected failure, input
 * validation, the update cycle (the live revision stays live), change requests the studio shows,
 * notifications.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, asc, count, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { auditEvents, caseRevisions, notifications, policyCases, reviews, searchOutbox } from "../../db/schema";
import type { Actor } from "../auth/policy";
import {
  actorByEmail,
  cityIdBySlug,
  completeRevision,
  createDraftCase,
  DEMO,
  getCase,
  getRevision,
} from "./workflow.fixtures";
import {
  approveSubmission,
  availableActions,
  openChangeRequest,
  rejectSubmission,
  requestChanges,
  startNewDraft,
  submitCase,
  unpublishCase,
  type WorkflowResult,
} from "./workflow";

let official: Actor;
let cityAdmin: Actor;
let moderator: Actor;
let admin: Actor;
let seoul: string;

beforeAll(async () => {
  official = await actorByEmail(DEMO.seoulOfficial);
  cityAdmin = await actorByEmail(DEMO.seoulAdmin);
  moderator = await actorByEmail(DEMO.moderator);
  admin = await actorByEmail(DEMO.admin);
  seoul = await cityIdBySlug("seoul");
});

async function submittedCase() {
  const created = await createDraftCase({ cityId: seoul, authorId: official.id });
  const result = await submitCase(official, { caseId: created.caseId, version: (await getCase(created.caseId)).version });
  expect(result.ok).toBe(true);
  return created;
}

async function effects(caseId: string) {
  const audit = await db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.caseId, caseId))
    .orderBy(asc(auditEvents.id));
  const notes = await db.select({ kind: notifications.kind, userId: notifications.userId }).from(notifications).where(eq(notifications.caseId, caseId));
  const outbox = await db.select({ op: searchOutbox.op }).from(searchOutbox).where(eq(searchOutbox.caseId, caseId));
  const [r] = await db.select({ n: count() }).from(reviews).where(eq(reviews.caseId, caseId));
  return { audit: audit.map((a) => a.action), notifications: notes, outbox: outbox.map((o) => o.op), reviews: r!.n };
}

describe("two moderators deciding at once", () => {
  it("two approvals in parallel: exactly one succeeds, one audit event, one notification", async () => {
    for (let round = 0; round < 5; round++) {
      const { caseId, revisionId } = await submittedCase();
      const results = await Promise.all([
        approveSubmission(moderator, { caseId, revisionId }),
        approveSubmission(admin, { caseId, revisionId }),
      ]);
      const winners = results.filter((r) => r.ok);
      const losers = results.filter((r): r is Extract<WorkflowResult, { ok: false }> => !r.ok);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0]!.code).toBe("already_decided");
      const after = await effects(caseId);
      expect(after.audit.filter((a) => a === "case.approved")).toHaveLength(1);
      expect(after.notifications.filter((n) => n.kind === "case.approved")).toHaveLength(1);
      expect(after.outbox).toEqual(["upsert"]);
      expect(after.reviews).toBe(1);
    }
  });

  it("an approval racing a rejection: one decision stands, the other is told it was already decided", async () => {
    for (let round = 0; round < 3; round++) {
      const { caseId, revisionId } = await submittedCase();
      const results = await Promise.all([
        rejectSubmission(moderator, { caseId, revisionId, reason: "Duplicate of another case." }),
        approveSubmission(admin, { caseId, revisionId }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ code: "already_decided" });
      const c = await getCase(caseId);
      const winner = results.find((r) => r.ok)!;
      expect(c.status).toBe(winner.ok ? winner.status : "never");
      expect((await effects(caseId)).reviews).toBe(1);
    }
  });
});

describe("atomicity", () => {
  const injected = new Error("injected failure after the state change, before commit");

  async function expectRolledBack(caseId: string, run: (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) => Promise<WorkflowResult>) {
    const before = await getCase(caseId);
    const revisionBefore = before.workingRevisionId ? await getRevision(before.workingRevisionId) : null;
    const effectsBefore = await effects(caseId);
    let seenInside: WorkflowResult | null = null;
    await expect(
      db.transaction(async (tx) => {
        seenInside = await run(tx);
        // The transition did its writes inside this transaction…
        const [inside] = await tx.select({ status: policyCases.status, version: policyCases.version }).from(policyCases).where(eq(policyCases.id, caseId));
        expect(inside!.version).toBe(before.version + 1);
        const [auditInside] = await tx.select({ n: count() }).from(auditEvents).where(eq(auditEvents.caseId, caseId));
        expect(auditInside!.n).toBe(effectsBefore.audit.length + 1);
        throw injected;
      }),
    ).rejects.toThrow(injected.message);
    expect(seenInside).toMatchObject({ ok: true });
    // …and none of them survived.
    expect(await getCase(caseId)).toEqual(before);
    if (revisionBefore) expect(await getRevision(revisionBefore.id)).toEqual(revisionBefore);
    expect(await effects(caseId)).toEqual(effectsBefore);
  }

  it("an approval rolled back leaves no audit row, no notification, no outbox row, no review and the old state", async () => {
    const { caseId, revisionId } = await submittedCase();
    await expectRolledBack(caseId, (tx) => approveSubmission(moderator, { caseId, revisionId }, { tx }));
    expect((await getCase(caseId)).status).toBe("submitted");
    // The submission is still decidable afterwards.
    expect(await approveSubmission(moderator, { caseId, revisionId })).toMatchObject({ ok: true, status: "published" });
  });

  it("a change request and an unpublish rolled back leave nothing behind", async () => {
    const { caseId, revisionId } = await submittedCase();
    await expectRolledBack(caseId, (tx) =>
      requestChanges(moderator, { caseId, revisionId, comment: "Add the year.", fieldComments: [{ field: "budget", comment: "Which year?" }] }, { tx }),
    );
    expect(await approveSubmission(moderator, { caseId, revisionId })).toMatchObject({ ok: true });
    await expectRolledBack(caseId, (tx) => unpublishCase(admin, { caseId, reason: "Legal check." }, { tx }));
    expect((await getCase(caseId)).status).toBe("published");
  });
});

describe("bad input writes nothing", () => {
  it("submitting an incomplete draft names every missing field", async () => {
    const { caseId } = await createDraftCase({
      cityId: seoul,
      authorId: official.id,
      revision: { title: "Only a title" },
    });
    const before = await getCase(caseId);
    const result = await submitCase(official, { caseId, version: before.version });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("invalid");
    const paths = result.issues!.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["summary", "sdgGoals", "policyAreas", "sections.implementation", "timeline.start", "budget"]));
    expect(paths).not.toContain("title");
    expect(result.issues!.every((i) => i.message.length > 0)).toBe(true);
    expect(await getCase(caseId)).toEqual(before);
    expect((await effects(caseId)).audit).toEqual([]);
  });

  it("a stale version is refused with a typed error", async () => {
    const { caseId } = await createDraftCase({ cityId: seoul, authorId: official.id });
    const before = await getCase(caseId);
    const result = await submitCase(official, { caseId, version: before.version - 1 + 5 });
    expect(result).toMatchObject({ ok: false, code: "stale" });
    expect(await getCase(caseId)).toEqual(before);
  });

  it("a change request needs a comment, and field comments must name a field of the case", async () => {
    const { caseId, revisionId } = await submittedCase();
    const before = await getCase(caseId);
    expect(await requestChanges(moderator, { caseId, revisionId, comment: "   " })).toMatchObject({ ok: false, code: "invalid" });
    const badField = await requestChanges(moderator, {
      caseId,
      revisionId,
      comment: "See below.",
      fieldComments: [{ field: "passwordHash", comment: "?" }],
    });
    expect(badField).toMatchObject({ ok: false, code: "invalid", issues: [{ path: "fieldComments[0].field" }] });
    expect(await rejectSubmission(moderator, { caseId, revisionId, reason: "" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await unpublishCase(admin, { caseId, reason: "" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await getCase(caseId)).toEqual(before);
    expect((await effects(caseId)).reviews).toBe(0);
  });

  it("ids that are not ids answer not_found", async () => {
    expect(await submitCase(official, { caseId: "not-a-uuid", version: 1 })).toMatchObject({ code: "not_found" });
    expect(await approveSubmission(moderator, { caseId: "00000000-0000-0000-0000-000000000000", revisionId: "x" })).toMatchObject({
      code: "not_found",
    });
  });

  it("a revision of another case cannot be decided through this one", async () => {
    const a = await submittedCase();
    const b = await submittedCase();
    expect(await approveSubmission(moderator, { caseId: a.caseId, revisionId: b.revisionId })).toMatchObject({ code: "not_found" });
    expect((await getCase(b.caseId)).status).toBe("submitted");
  });
});

describe("the change-request loop and the update cycle", () => {
  it("comments reach the studio while the authors answer them, and the author is notified", async () => {
    const { caseId, revisionId } = await submittedCase();
    const rc = await requestChanges(moderator, {
      caseId,
      revisionId,
      comment: "Nearly there.",
      fieldComments: [
        { field: "budget", comment: "Which year is this budget for?" },
        { field: "sections.implementation", comment: "Say who ran it." },
      ],
    });
    expect(rc).toMatchObject({ ok: true, status: "changes_requested" });
    const open = await openChangeRequest(caseId);
    expect(open?.fieldComments.map((f) => f.field)).toEqual(["budget", "sections.implementation"]);
    expect(await availableActions(official, caseId)).not.toContain("submit");

    // Submitting the frozen revision again without editing is refused.
    expect(await submitCase(official, { caseId, version: (await getCase(caseId)).version })).toMatchObject({
      code: "invalid_transition",
    });

    const draft = await startNewDraft(official, { caseId, revisionId });
    expect(draft).toMatchObject({ ok: true, created: true });
    if (!draft.ok) return;
    // A second click does not fork another draft.
    expect(await startNewDraft(official, { caseId, revisionId })).toMatchObject({ ok: true, revisionId: draft.revisionId, created: false });
    const copy = await getRevision(draft.revisionId);
    const original = await getRevision(revisionId);
    expect(copy).toMatchObject({ number: 2, status: "draft", title: original.title, budgetAmount: original.budgetAmount });
    expect(original.status).toBe("changes_requested");
    expect((await openChangeRequest(caseId))?.reviewId).toBe(open?.reviewId);
    expect(await availableActions(official, caseId)).toContain("submit");

    const resubmit = await submitCase(official, { caseId, version: draft.version });
    expect(resubmit).toMatchObject({ ok: true, status: "submitted", revisionId: draft.revisionId });
    expect(await openChangeRequest(caseId)).toBeNull();

    const notes = (await effects(caseId)).notifications;
    expect(notes).toEqual([{ kind: "case.changes_requested", userId: official.id }]);
  });

  it("an update stays invisible until approved; then the old revision is superseded", async () => {
    const { caseId, revisionId: first } = await submittedCase();
    await approveSubmission(moderator, { caseId, revisionId: first });
    const published = await getCase(caseId);
    expect(published).toMatchObject({ status: "published", publishedRevisionId: first, workingRevisionId: null });

    const draft = await startNewDraft(cityAdmin, { caseId, revisionId: first });
    if (!draft.ok) throw new Error(JSON.stringify(draft));
    await db.update(caseRevisions).set({ title: "Car-free Sundays, now citywide" }).where(eq(caseRevisions.id, draft.revisionId));
    expect(await submitCase(cityAdmin, { caseId, version: draft.version })).toMatchObject({ ok: true, status: "published" });

    const during = await getCase(caseId);
    expect(during).toMatchObject({ status: "published", publishedRevisionId: first, workingRevisionId: draft.revisionId });
    expect((await getRevision(first)).title).toBe(completeRevision().title);

    await new Promise((r) => setTimeout(r, 5));
    expect(await approveSubmission(moderator, { caseId, revisionId: draft.revisionId })).toMatchObject({ ok: true });
    const after = await getCase(caseId);
    expect(after).toMatchObject({ status: "published", publishedRevisionId: draft.revisionId, workingRevisionId: null });
    expect(after.publishedAt).toEqual(published.publishedAt);
    expect(after.lastReviewedAt!.getTime()).toBeGreaterThan(published.lastReviewedAt!.getTime());
    expect((await getRevision(first)).status).toBe("superseded");
    expect((await getRevision(draft.revisionId)).status).toBe("approved");
    // The update's author (the city admin) is told; the moderator is never notified of their own decision.
    const notes = await db.select({ userId: notifications.userId }).from(notifications).where(and(eq(notifications.caseId, caseId), eq(notifications.kind, "case.approved")));
    expect(notes.map((n) => n.userId).sort()).toEqual([official.id, cityAdmin.id].sort());
  });

  it("a rejected update drops out and the live revision stays; the authors may start again", async () => {
    const { caseId, revisionId: first } = await submittedCase();
    await approveSubmission(moderator, { caseId, revisionId: first });
    const draft = await startNewDraft(official, { caseId, revisionId: first });
    if (!draft.ok) throw new Error("draft");
    await submitCase(official, { caseId, version: draft.version });
    expect(await rejectSubmission(moderator, { caseId, revisionId: draft.revisionId, reason: "Unsourced figures." })).toMatchObject({
      ok: true,
      status: "published",
    });
    expect(await getCase(caseId)).toMatchObject({ status: "published", publishedRevisionId: first, workingRevisionId: null });
    expect(await startNewDraft(official, { caseId, revisionId: first })).toMatchObject({ ok: true, created: true });
  });
});
