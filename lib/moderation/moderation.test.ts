/**
 * The moderators' read side and the authors' feedback: queue, review data, audit log and case
 * history, notifications, freshness.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { auditEvents, caseRevisions, policyCases } from "../../db/schema";
import type { Actor } from "../auth/policy";
import { actorByEmail, cityIdBySlug, createDraftCase, DEMO, getCase } from "../cases/workflow.fixtures";
import { approveSubmission, requestChanges, startNewDraft, submitCase } from "../cases/workflow";
import { formatWaiting, getSubmissionForReview, listReviewQueue } from "./queue";
import { auditFilterSchema, describeTransition, getCaseHistory, listAuditEvents } from "../audit/queries";
import { countUnread, listNotifications, markNotificationsRead } from "../notifications/queries";
import { listCasesNeedingRefresh, needsRefresh } from "../cases/freshness";

let official: Actor, bangkokOfficial: Actor, moderator: Actor, admin: Actor, member: Actor, seoulAdmin: Actor;
let seoul: string, bangkok: string;

beforeAll(async () => {
  official = await actorByEmail(DEMO.seoulOfficial);
  bangkokOfficial = await actorByEmail(DEMO.bangkokOfficial);
  moderator = await actorByEmail(DEMO.moderator);
  admin = await actorByEmail(DEMO.admin);
  member = await actorByEmail(DEMO.member);
  seoulAdmin = await actorByEmail(DEMO.seoulAdmin);
  seoul = await cityIdBySlug("seoul");
  bangkok = await cityIdBySlug("bangkok");
});

async function submit(caseId: string, actor: Actor = official) {
  const r = await submitCase(actor, { caseId, version: (await getCase(caseId)).version });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r;
}

describe("review queue", () => {
  it("lists submissions oldest first with waiting time, city, language, goals and new/update; staff only", async () => {
    const older = await createDraftCase({ cityId: bangkok, authorId: bangkokOfficial.id });
    await submit(older.caseId, bangkokOfficial);
    // Make the order independent of clock resolution: the Bangkok one waited three days.
    await db
      .update(caseRevisions)
      .set({ submittedAt: new Date(Date.now() - 3 * 24 * 3600_000) })
      .where(eq(caseRevisions.id, older.revisionId));
    const newer = await createDraftCase({ cityId: seoul, authorId: official.id });
    await submit(newer.caseId);

    // An update of a published demo case.
    const [demo] = await db.select().from(policyCases).where(eq(policyCases.status, "published")).limit(1);
    const draft = await startNewDraft(seoulAdmin, { caseId: demo!.id, revisionId: demo!.publishedRevisionId! });
    if (!draft.ok) throw new Error("draft");
    await submit(demo!.id, seoulAdmin);

    const queue = (await listReviewQueue(moderator))!;
    expect(queue.map((q) => q.caseId)).toEqual([older.caseId, newer.caseId, demo!.id]);
    expect(queue[0]).toMatchObject({ kind: "new", city: { name: "Bangkok" }, language: "en", sdgGoals: [11] });
    expect(queue[0]!.waitingMs).toBeGreaterThan(3 * 24 * 3600_000 - 60_000);
    expect(formatWaiting(queue[0]!.waitingMs)).toBe("3 days");
    expect(queue[2]).toMatchObject({ kind: "update", caseStatus: "published" });

    expect(await listReviewQueue(official)).toBeNull();
    expect(await listReviewQueue(member)).toBeNull();
    expect(await listReviewQueue(null)).toBeNull();
    expect((await listReviewQueue(admin))!.length).toBe(3);

    // Decided submissions leave the queue.
    await approveSubmission(moderator, { caseId: older.caseId, revisionId: older.revisionId });
    expect((await listReviewQueue(moderator))!.map((q) => q.caseId)).not.toContain(older.caseId);
  });

  it("the review data of an update carries a diff against the live revision; not for officials", async () => {
    const [demo] = await db
      .select()
      .from(policyCases)
      .where(eq(policyCases.slug, (await db.select({ slug: policyCases.slug }).from(policyCases).where(eq(policyCases.status, "published")).limit(2))[1]!.slug));
    const draft = await startNewDraft(official, { caseId: demo!.id, revisionId: demo!.publishedRevisionId! });
    if (!draft.ok) throw new Error("draft");
    await db.update(caseRevisions).set({ title: "A new title for review" }).where(eq(caseRevisions.id, draft.revisionId));
    await submit(demo!.id);
    const review = (await getSubmissionForReview(moderator, demo!.id))!;
    expect(review.kind).toBe("update");
    expect(review.pending?.revisionId).toBe(draft.revisionId);
    expect(review.pending?.submittedBy).toContain("Min-jun Lee");
    expect(review.diff.filter((d) => d.changed).map((d) => d.key)).toEqual(["title"]);
    expect(review.actions).toEqual(expect.arrayContaining(["approve", "request_changes", "reject"]));
    expect(await getSubmissionForReview(official, demo!.id)).toBeNull();
    expect(await getSubmissionForReview(moderator, "nope")).toBeNull();
  });
});

describe("audit log and case history", () => {
  it("records who, when, from/to and the comment; filters by case, city, moderator and date", async () => {
    const a = await createDraftCase({ cityId: seoul, authorId: official.id });
    await submit(a.caseId);
    await requestChanges(moderator, {
      caseId: a.caseId,
      revisionId: a.revisionId,
      comment: "Add the budget year.",
      fieldComments: [{ field: "budget", comment: "Which year?" }],
    });
    const b = await createDraftCase({ cityId: bangkok, authorId: bangkokOfficial.id });
    await submit(b.caseId, bangkokOfficial);
    await approveSubmission(admin, { caseId: b.caseId, revisionId: b.revisionId });

    const byCase = (await listAuditEvents(moderator, auditFilterSchema.parse({ case: a.caseId })))!;
    expect(byCase.rows.map((r) => r.action)).toEqual(["case.changes_requested", "case.submitted"]);
    expect(byCase.rows[0]).toMatchObject({
      actor: { id: moderator.id, name: "Mo Moderator" },
      from: "submitted",
      to: "changes_requested",
      comment: "Add the budget year.",
      fieldComments: [{ field: "budget", comment: "Which year?" }],
      city: { name: "Seoul" },
    });

    expect(describeTransition(byCase.rows[0]!)).toBe("case submitted → changes requested; revision submitted → changes requested");
    expect(describeTransition({ from: "published", to: "published", revisionFrom: "submitted", revisionTo: "approved" })).toBe(
      "revision submitted → approved; case stays published",
    );
    expect(describeTransition({ from: null, to: null, revisionFrom: null, revisionTo: null })).toBeNull();
    const bySlug = (await listAuditEvents(moderator, auditFilterSchema.parse({ case: a.slug })))!;
    expect(bySlug.rows.map((r) => r.id)).toEqual(byCase.rows.map((r) => r.id));

    const byCity = (await listAuditEvents(admin, auditFilterSchema.parse({ cityId: bangkok })))!;
    expect(byCity.rows.every((r) => r.city.id === bangkok)).toBe(true);
    expect(byCity.rows.map((r) => r.case.id)).toContain(b.caseId);

    const byModerator = (await listAuditEvents(admin, auditFilterSchema.parse({ actorId: admin.id })))!;
    expect(byModerator.rows.map((r) => r.action)).toContain("case.approved");
    expect(byModerator.rows.every((r) => r.actor.id === admin.id)).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    const todayRows = (await listAuditEvents(moderator, auditFilterSchema.parse({ from: today, to: today, case: b.caseId })))!;
    expect(todayRows.rows).toHaveLength(2);
    const past = (await listAuditEvents(moderator, auditFilterSchema.parse({ to: "2001-01-01", case: b.caseId })))!;
    expect(past.rows).toHaveLength(0);

    // Garbage in the query string is ignored, not an error.
    expect(auditFilterSchema.parse({ case: "'; drop table x", from: "yesterday", page: "-4" })).toMatchObject({
      case: undefined,
      from: undefined,
      page: 1,
    });
    expect(await listAuditEvents(official, auditFilterSchema.parse({}))).toBeNull();
    expect(await listAuditEvents(null, auditFilterSchema.parse({}))).toBeNull();
  });

  it("a case's history is for its city's officials and staff only", async () => {
    const a = await createDraftCase({ cityId: seoul, authorId: official.id });
    await submit(a.caseId);
    const history = (await getCaseHistory(official, a.caseId))!;
    expect(history.map((h) => h.action)).toEqual(["case.submitted"]);
    expect(await getCaseHistory(moderator, a.caseId)).toHaveLength(1);
    expect(await getCaseHistory(bangkokOfficial, a.caseId)).toBeNull();
    expect(await getCaseHistory(member, a.caseId)).toBeNull();
    expect(await getCaseHistory(null, a.caseId)).toBeNull();
  });

  it("audit rows are append-only: the count only grows through a whole review loop", async () => {
    const before = (await db.select({ id: auditEvents.id }).from(auditEvents)).map((r) => r.id);
    const a = await createDraftCase({ cityId: seoul, authorId: official.id });
    await submit(a.caseId);
    await approveSubmission(moderator, { caseId: a.caseId, revisionId: a.revisionId });
    const after = (await db.select({ id: auditEvents.id }).from(auditEvents)).map((r) => r.id);
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after.length).toBe(before.length + 2);
  });
});

describe("notifications", () => {
  it("counts unread, lists in plain words and marks only the user's own as read", async () => {
    const a = await createDraftCase({ cityId: seoul, authorId: official.id, revision: undefined });
    await submit(a.caseId);
    const unreadBefore = await countUnread(official.id);
    await requestChanges(moderator, { caseId: a.caseId, revisionId: a.revisionId, comment: "Name the partners." });
    expect(await countUnread(official.id)).toBe(unreadBefore + 1);
    const list = await listNotifications(official.id);
    expect(list[0]).toMatchObject({
      kind: "case.changes_requested",
      read: false,
      headline: "A moderator asked for changes to “Car-free Sundays on the river road”",
      detail: "Name the partners.",
      href: `/studio/cases/${a.caseId}`,
    });
    // Someone else's id does nothing.
    expect(await markNotificationsRead(moderator.id, [list[0]!.id])).toBe(0);
    expect(await countUnread(official.id)).toBe(unreadBefore + 1);
    expect(await markNotificationsRead(official.id, [list[0]!.id])).toBe(1);
    expect(await countUnread(official.id)).toBe(unreadBefore);
    await markNotificationsRead(official.id, "all");
    expect(await countUnread(official.id)).toBe(0);
    expect(await countUnread(moderator.id)).toBe(0);
  });
});

describe("freshness", () => {
  it("lists published cases not updated for 24 months to their city's officials only", async () => {
    const [demo] = await db.select().from(policyCases).where(eq(policyCases.status, "published")).limit(1);
    const old = new Date();
    old.setUTCMonth(old.getUTCMonth() - 25);
    await db.update(caseRevisions).set({ submittedAt: old }).where(eq(caseRevisions.id, demo!.publishedRevisionId!));
    const seoulList = await listCasesNeedingRefresh(official);
    expect(seoulList.map((c) => c.caseId)).toContain(demo!.id);
    expect(seoulList.every((c) => c.city.id === seoul)).toBe(true);
    const item = seoulList.find((c) => c.caseId === demo!.id)!;
    expect(needsRefresh(item.lastUpdatedAt)).toBe(true);
    expect(await listCasesNeedingRefresh(bangkokOfficial)).toEqual([]);
    expect(await listCasesNeedingRefresh(member)).toEqual([]);
    expect(await listCasesNeedingRefresh(null)).toEqual([]);

    // 23 months is still fresh.
    const recent = new Date();
    recent.setUTCMonth(recent.getUTCMonth() - 23);
    await db.update(caseRevisions).set({ submittedAt: recent }).where(eq(caseRevisions.id, demo!.publishedRevisionId!));
    expect((await listCasesNeedingRefresh(official)).map((c) => c.caseId)).not.toContain(demo!.id);
    expect(needsRefresh(recent)).toBe(false);
  });
});

describe("the audit log is append-only in the database", () => {
  it("refuses to change or delete a row, but lets a deleted user's id be forgotten", async () => {
    const { users } = await import("../../db/schema");
    const { sql } = await import("drizzle-orm");
    const a = await createDraftCase({ cityId: seoul, authorId: official.id });
    await submit(a.caseId);
    const [row] = await db.select().from(auditEvents).where(eq(auditEvents.caseId, a.caseId));
    const refusal = async (query: PromiseLike<unknown>) => {
      const error = await Promise.resolve(query).then(
        () => null,
        (e: unknown) => e as { message?: string; cause?: { message?: string } },
      );
      return `${error?.message ?? ""} ${error?.cause?.message ?? ""}`;
    };
    expect(await refusal(db.update(auditEvents).set({ action: "case.approved" }).where(eq(auditEvents.id, row!.id)))).toMatch(
      /append-only: rows cannot be changed/,
    );
    expect(await refusal(db.update(auditEvents).set({ data: { from: "forged" } }).where(eq(auditEvents.id, row!.id)))).toMatch(
      /append-only: rows cannot be changed/,
    );
    expect(await refusal(db.delete(auditEvents).where(eq(auditEvents.id, row!.id)))).toMatch(/append-only: rows cannot be deleted/);
    const [still] = await db.select().from(auditEvents).where(eq(auditEvents.id, row!.id));
    expect(still).toEqual(row);

    // A user who acted can still be deleted; the entry stays, without the id.
    const [temp] = await db
      .insert(users)
      .values({ email: `temp-${Date.now()}@example.org`, name: "Temporary", passwordHash: "x" })
      .returning({ id: users.id });
    await db.insert(auditEvents).values({ actorId: temp!.id, action: "test.event", entityType: "test" });
    await db.delete(users).where(eq(users.id, temp!.id));
    const [kept] = await db.select().from(auditEvents).where(sql`${auditEvents.action} = 'test.event'`);
    expect(kept).toMatchObject({ actorId: null, action: "test.event" });
  });
});
