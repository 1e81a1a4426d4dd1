/**
 * Search through the real moderation workflow: approving makes a case findable within a second,
 * unpublishing removes it within a second, and a submission or a rejected case never appears.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/client";
import type { Actor } from "../auth/policy";
import { actorByEmail, cityIdBySlug, completeRevision, createDraftCase, DEMO, getCase } from "../cases/workflow.fixtures";
import { approveSubmission, rejectSubmission, submitCase, unpublishCase } from "../cases/workflow";
import { emptyFilters } from "./engine";
import { createPostgresEngine } from "./postgres";
import { drainSearchOutbox, startSearchDrainer, stopSearchDrainer } from "./outbox";

const engine = createPostgresEngine(db);
const find = async (q: string) =>
  (await engine.search({ q, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 })).hits.map((h) => h.slug);

async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - started;
}

describe("search follows the moderation workflow", () => {
  let official: Actor;
  let moderator: Actor;
  let admin: Actor;
  let seoul: string;

  beforeAll(async () => {
    official = await actorByEmail(DEMO.seoulOfficial);
    moderator = await actorByEmail(DEMO.moderator);
    admin = await actorByEmail(DEMO.admin);
    seoul = await cityIdBySlug("seoul");
    await drainSearchOutbox(db, engine);
    await startSearchDrainer({ engine, pollMs: 60_000 });
  });
  afterAll(() => stopSearchDrainer());

  async function submitted(title: string) {
    const created = await createDraftCase({ cityId: seoul, authorId: official.id, revision: completeRevision({ title }) });
    const r = await submitCase(official, { caseId: created.caseId, version: (await getCase(created.caseId)).version });
    expect(r.ok).toBe(true);
    return created;
  }

  it("approve → findable within 1 s; unpublish → gone within 1 s", async () => {
    const { caseId, revisionId, slug } = await submitted("Gondolaferry crossing for commuters");
    expect(await find("gondolaferry")).toEqual([]); // submitted is not published
    expect((await approveSubmission(moderator, { caseId, revisionId })).ok).toBe(true);
    expect(await within(1000, async () => (await find("gondolaferry")).includes(slug))).toBeLessThan(1000);

    const r = await unpublishCase(admin, { caseId, reason: "The city asked to take it down for an update." });
    expect(r.ok).toBe(true);
    expect(await within(1000, async () => (await find("gondolaferry")).length === 0)).toBeLessThan(1000);
  });

  it("a rejected submission never appears", async () => {
    const { caseId, revisionId } = await submitted("Hovercraftbus trial that was turned down");
    expect((await rejectSubmission(moderator, { caseId, revisionId, reason: "Out of scope for the platform." })).ok).toBe(true);
    await drainSearchOutbox(db, engine);
    expect(await find("hovercraftbus")).toEqual([]);
  });
});
