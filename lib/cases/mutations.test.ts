/**
 * Drafts against the real database: create, autosave in sequence, a stale save refused with what
 * changed, foreign officials answered "not found", bad input writes nothing, and editing a
 * published case starts a new draft while the live revision stays untouched.
 */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { caseRevisions, policyCases } from "../../db/schema";
import { NotFoundError } from "../auth/policy";
import { createDraftCase, saveDraft } from "./mutations";
import { getCaseForEditOrThrow, listRevisionsOrThrow, listStudioCases } from "./studio-queries";
import { approveSubmission, requestChanges, submitCase } from "./workflow";
import { DEMO, actorByEmail, cityIdBySlug, completeRevision } from "./workflow.fixtures";
import { revisionSchema } from "./schemas";

async function newSeoulDraft() {
  const official = await actorByEmail(DEMO.seoulOfficial);
  const created = await createDraftCase(official, { cityId: await cityIdBySlug("seoul"), title: "Night buses" });
  if (!created.ok) throw new Error(created.message);
  return { official, ...created };
}

describe("createDraftCase", () => {
  it("starts a draft in the official's city with the city's language", async () => {
    const { caseId, official } = await newSeoulDraft();
    const item = await getCaseForEditOrThrow(official, caseId);
    expect(item.status).toBe("draft");
    expect(item.revision.status).toBe("draft");
    expect(item.revision.number).toBe(1);
    expect(item.data.title).toBe("Night buses");
    expect(item.data.language).toBe("ko");
    expect(item.slug).toBe("seoul-night-buses");
    const listed = await listStudioCases(official);
    expect(listed.find((c) => c.id === caseId)?.lastEditor).toContain("Min-jun Lee");
    // Published cases with nothing in progress are listed once, by their live revision.
    const published = listed.filter((c) => c.status === "published");
    expect(published).toHaveLength(16);
    expect(new Set(listed.map((c) => c.id)).size).toBe(listed.length);
    expect(published.every((c) => c.revisionStatus === "approved" && c.revisionNumber === 1)).toBe(true);
    // Nothing of another city's.
    const bangkok = await actorByEmail(DEMO.bangkokOfficial);
    expect((await listStudioCases(bangkok)).map((c) => c.id)).not.toContain(caseId);
  });

  it("refuses a city the actor does not belong to, as not found", async () => {
    const bangkok = await actorByEmail(DEMO.bangkokOfficial);
    const result = await createDraftCase(bangkok, { cityId: await cityIdBySlug("seoul") });
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    const member = await actorByEmail(DEMO.member);
    expect(await createDraftCase(member, { cityId: await cityIdBySlug("seoul") })).toMatchObject({ ok: false, code: "not_found" });
    expect(await createDraftCase(null, { cityId: await cityIdBySlug("seoul") })).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("saveDraft (autosave)", () => {
  it("saves in sequence, bumping the version each time, and reload reads the last save", async () => {
    const { caseId, official, version } = await newSeoulDraft();
    const first = await saveDraft(official, { caseId, version, revision: { title: "Night buses", summary: "Owl buses" } });
    expect(first).toMatchObject({ ok: true, version: version + 1 });
    const second = await saveDraft(official, {
      caseId,
      version: version + 1,
      revision: completeRevision({ title: "Owl buses at night" }),
    });
    expect(second).toMatchObject({ ok: true, version: version + 2, newRevision: false });
    const reloaded = await getCaseForEditOrThrow(official, caseId);
    expect(reloaded.version).toBe(version + 2);
    expect(reloaded.data.title).toBe("Owl buses at night");
    expect(reloaded.data.stakeholders[0]!.name).toBe("River residents' association");
    expect(reloaded.slug).toBe("seoul-owl-buses-at-night");
  });

  it("refuses a stale version with the fields that differ and keeps the other person's save", async () => {
    const { caseId, official, version } = await newSeoulDraft();
    const colleague = await actorByEmail(DEMO.seoulAdmin);
    // Both open version 1. The colleague saves first.
    const theirs = await saveDraft(colleague, { caseId, version, revision: { title: "Night buses", summary: "Their summary" } });
    expect(theirs.ok).toBe(true);
    const mine = await saveDraft(official, { caseId, version, revision: { title: "My title", summary: "" } });
    expect(mine.ok).toBe(false);
    if (mine.ok || mine.code !== "conflict") throw new Error("expected a conflict");
    expect(mine.currentVersion).toBe(version + 1);
    expect(mine.message).toMatch(/saved this case after you opened it/);
    expect(mine.lastEditor).toContain("Seoul");
    const byField = Object.fromEntries(mine.changes.map((c) => [c.field, c]));
    expect(byField.title).toMatchObject({ before: "My title", after: "Night buses" });
    expect(byField.summary).toMatchObject({ before: "", after: "Their summary" });
    const stored = await getCaseForEditOrThrow(official, caseId);
    expect(stored.data.summary).toBe("Their summary");
    expect(stored.version).toBe(version + 1);
    // Choosing to overwrite on purpose uses the version the conflict reported.
    const overwrite = await saveDraft(official, { caseId, version: mine.currentVersion, revision: { title: "My title" } });
    expect(overwrite).toMatchObject({ ok: true, version: version + 2 });
  });

  it("refuses invalid input with field paths and writes nothing", async () => {
    const { caseId, official, version } = await newSeoulDraft();
    const result = await saveDraft(official, {
      caseId,
      version,
      revision: {
        title: "x".repeat(201),
        summary: "y".repeat(601),
        stakeholders: [{ name: "", type: "aliens" }],
        sections: { background: { type: "doc", content: [{ type: "script", content: [] }] } },
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok || result.code !== "invalid") throw new Error("expected invalid");
    const paths = result.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["title", "summary", "stakeholders[0].name", "stakeholders[0].type", "sections.background"]));
    expect(result.issues.find((i) => i.path === "sections.background")!.message).toMatch(/"script" is not an allowed kind of content/);
    const stored = await getCaseForEditOrThrow(official, caseId);
    expect(stored.version).toBe(version);
    expect(stored.data.title).toBe("Night buses");
  });

  it("answers not found to an official of another city, for reading and for writing", async () => {
    const { caseId, version } = await newSeoulDraft();
    const bangkok = await actorByEmail(DEMO.bangkokOfficial);
    await expect(getCaseForEditOrThrow(bangkok, caseId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listRevisionsOrThrow(bangkok, caseId)).rejects.toBeInstanceOf(NotFoundError);
    const write = await saveDraft(bangkok, { caseId, version, revision: { title: "Hijacked" } });
    expect(write).toMatchObject({ ok: false, code: "not_found" });
    // Unknown and malformed ids get the same answer.
    await expect(getCaseForEditOrThrow(bangkok, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCaseForEditOrThrow(bangkok, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    expect(await saveDraft(bangkok, { caseId: "nope", version: 1, revision: {} })).toMatchObject({ ok: false, code: "not_found" });
    const member = await actorByEmail(DEMO.member);
    await expect(getCaseForEditOrThrow(member, caseId)).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await db.select({ title: caseRevisions.title }).from(caseRevisions).where(eq(caseRevisions.caseId, caseId));
    expect(row!.title).toBe("Night buses");
  });

  it("refuses to edit a submitted revision", async () => {
    const { caseId, official, version } = await newSeoulDraft();
    const saved = await saveDraft(official, { caseId, version, revision: completeRevision() });
    if (!saved.ok) throw new Error("save failed");
    const submitted = await submitCase(official, { caseId, version: saved.version });
    expect(submitted.ok).toBe(true);
    const item = await getCaseForEditOrThrow(official, caseId);
    expect(item.editable).toBe(false);
    const result = await saveDraft(official, { caseId, version: item.version, revision: completeRevision({ title: "Late change" }) });
    expect(result).toMatchObject({ ok: false, code: "invalid_transition" });
  });

  it("editing a published case starts a new draft revision; the live one stays until approved", async () => {
    const { caseId, official, version } = await newSeoulDraft();
    const moderator = await actorByEmail(DEMO.moderator);
    const saved = await saveDraft(official, { caseId, version, revision: completeRevision({ title: "Owl buses" }) });
    if (!saved.ok) throw new Error("save failed");
    const submitted = await submitCase(official, { caseId, version: saved.version });
    if (!submitted.ok) throw new Error(submitted.message);
    const approved = await approveSubmission(moderator, { caseId, revisionId: submitted.revisionId });
    expect(approved).toMatchObject({ ok: true, status: "published" });

    const live = await getCaseForEditOrThrow(official, caseId);
    expect(live.revision.status).toBe("approved");
    expect(live.editable).toBe(true);
    const edit = await saveDraft(official, { caseId, version: live.version, revision: { ...live.data, title: "Owl buses, extended" } });
    expect(edit).toMatchObject({ ok: true, newRevision: true });
    if (!edit.ok) return;
    expect(edit.revisionId).not.toBe(submitted.revisionId);

    const [c] = await db.select().from(policyCases).where(eq(policyCases.id, caseId));
    expect(c!.status).toBe("published");
    expect(c!.publishedRevisionId).toBe(submitted.revisionId);
    expect(c!.workingRevisionId).toBe(edit.revisionId);
    const [liveRevision] = await db.select().from(caseRevisions).where(eq(caseRevisions.id, submitted.revisionId));
    expect(liveRevision!.title).toBe("Owl buses");
    expect(liveRevision!.status).toBe("approved");
    const [draft] = await db.select().from(caseRevisions).where(and(eq(caseRevisions.id, edit.revisionId)));
    expect(draft!).toMatchObject({ title: "Owl buses, extended", status: "draft", number: 2 });
    // The slug of a published case does not follow its title any more.
    expect(c!.slug).toBe("seoul-owl-buses");
    // A second save edits the same new draft.
    const again = await saveDraft(official, { caseId, version: edit.version, revision: { ...live.data, title: "Owl buses, third" } });
    expect(again).toMatchObject({ ok: true, newRevision: false, revisionId: edit.revisionId });
    const history = await listRevisionsOrThrow(official, caseId);
    expect(history.revisions.map((r) => [r.number, r.status])).toEqual([
      [2, "draft"],
      [1, "approved"],
    ]);
  });

  it("answering a change request starts a new draft from the returned revision and shows the field comments", async () => {
    const { caseId, official, version } = await newSeoulDraft();
    const moderator = await actorByEmail(DEMO.moderator);
    const saved = await saveDraft(official, { caseId, version, revision: completeRevision() });
    if (!saved.ok) throw new Error("save failed");
    const submitted = await submitCase(official, { caseId, version: saved.version });
    if (!submitted.ok) throw new Error(submitted.message);
    const decided = await requestChanges(moderator, {
      caseId,
      revisionId: submitted.revisionId,
      comment: "Please say which year the budget is for.",
      fieldComments: [{ field: "budget", comment: "Which year?" }],
    });
    expect(decided.ok).toBe(true);
    const item = await getCaseForEditOrThrow(official, caseId);
    expect(item.changeRequest?.fieldComments).toEqual([{ field: "budget", comment: "Which year?" }]);
    const edit = await saveDraft(official, {
      caseId,
      version: item.version,
      revision: { ...item.data, budget: { ...item.data.budget!, year: 2021 } },
    });
    expect(edit).toMatchObject({ ok: true, newRevision: true });
    const after = await getCaseForEditOrThrow(official, caseId);
    expect(after.revision.number).toBe(2);
    expect(after.data.budget?.year).toBe(2021);
    // The comments stay visible while the answer is being written.
    expect(after.changeRequest?.comment).toBe("Please say which year the budget is for.");
    const resubmitted = await submitCase(official, { caseId, version: after.version });
    expect(resubmitted.ok).toBe(true);
  });

  it("a submission with missing fields is refused with field paths for the form", async () => {
    const { caseId, official, version } = await newSeoulDraft();
    const result = await submitCase(official, { caseId, version });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("invalid");
    expect(result.issues?.map((i) => i.path)).toEqual(
      expect.arrayContaining(["summary", "sdgGoals", "policyAreas", "sections.implementation", "timeline.start", "budget"]),
    );
  });

  it("round-trips every field of a revision", async () => {
    const { caseId, official, version } = await newSeoulDraft();
    const full = revisionSchema.parse(
      completeRevision({
        staff: { headcount: 12, fte: 9.5, departments: ["Transport"], partnerPersonnel: ["Bus union"], note: "Night shift" },
        budget: { amount: 5, currency: "KRW", year: 2020, usd: 4, note: "n", fundingSources: [{ source: "City", type: "own-budget", amount: 5 }] },
        obstacles: [{ obstacle: "Drivers", adaptation: "Bonus" }],
        results: [{ indicator: "Riders", baseline: 0, value: 10, unit: "k", year: 2021, sdgIndicator: "11.2.1" }],
        contacts: [{ name: "Kim", title: "Director", department: "Transport", organisation: "City", email: "kim@example.org" }],
        media: [{ kind: "video", url: "https://youtu.be/abcdefghijk", title: "Launch" }],
        references: [{ title: "Report", url: "https://example.org/r", publisher: "City", year: 2022 }],
        translations: { ko: { title: "심야버스", summary: "요약" } },
        timeline: { start: "2013-04", end: "2014", ongoing: false, milestones: [{ date: "2013-09", title: "Launch", description: null }] },
      }),
    );
    const saved = await saveDraft(official, { caseId, version, revision: full });
    expect(saved.ok).toBe(true);
    const stored = await getCaseForEditOrThrow(official, caseId);
    expect(stored.data).toEqual(full);
  });
});
