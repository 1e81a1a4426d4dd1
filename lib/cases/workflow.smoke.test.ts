import { describe, expect, it } from "vitest";
import { actorByEmail, cityIdBySlug, createDraftCase, DEMO, getCase } from "./workflow.fixtures";
import { approveSubmission, requestChanges, startNewDraft, submitCase } from "./workflow";

describe("smoke", () => {
  it("submit → request changes → redraft → submit → approve", async () => {
    const official = await actorByEmail(DEMO.seoulOfficial);
    const moderator = await actorByEmail(DEMO.moderator);
    const seoul = await cityIdBySlug("seoul");
    const { caseId, revisionId } = await createDraftCase({ cityId: seoul, authorId: official.id });
    const c0 = await getCase(caseId);
    const s = await submitCase(official, { caseId, version: c0.version });
    expect(s).toMatchObject({ ok: true, status: "submitted" });
    const rc = await requestChanges(moderator, { caseId, revisionId, comment: "Budget year?", fieldComments: [{ field: "budget", comment: "Which year?" }] });
    expect(rc).toMatchObject({ ok: true, status: "changes_requested" });
    const d = await startNewDraft(official, { caseId, revisionId });
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    const s2 = await submitCase(official, { caseId, version: d.version });
    expect(s2).toMatchObject({ ok: true, status: "submitted" });
    const a = await approveSubmission(moderator, { caseId, revisionId: d.revisionId });
    expect(a).toMatchObject({ ok: true, status: "published" });
    const a2 = await approveSubmission(moderator, { caseId, revisionId: d.revisionId });
    expect(a2).toMatchObject({ ok: false, code: "already_decided" });
  });
});
