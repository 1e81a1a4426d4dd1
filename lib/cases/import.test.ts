import { describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { auditEvents, caseRevisions, cities, cityRelations, networks, policyCases, sdgGoals, sdgIndicators, sdgTargets, transfers, users } from "../../db/schema";
import { seedAll } from "../../db/seed";
import seedCases from "../../db/seed/data/cases.json";
import { importCaseRecords } from "./import";
import { getPublishedCase } from "./queries";

const good = (overrides: Record<string, unknown> = {}) => ({
  slug: "bogota-bike-lanes",
  city: "bogota",
  language: "es",
  title: "Ciclovías de Bogotá",
  summary: "Una red de ciclovías protegidas.",
  sdgGoals: [11],
  sdgTargets: ["11.2"],
  policyAreas: ["transportation"],
  sections: { implementation: ["Se construyeron 550 km de ciclovías."] },
  budget: { amount: 1000000, currency: "COP", year: 2019 },
  timeline: { start: "2019", milestones: [{ date: "2019-06", title: "Primera fase" }] },
  stakeholders: [{ name: "Alcaldía de Bogotá", type: "government", role: "Owner" }],
  results: [{ indicator: "Trips by bike", value: 880000, unit: "trips/day", year: 2020, sdgIndicator: "11.2.1" }],
  ...overrides,
});

async function tableCounts() {
  const [c] = await db.select({ n: count() }).from(policyCases);
  const [r] = await db.select({ n: count() }).from(caseRevisions);
  const [a] = await db.select({ n: count() }).from(auditEvents);
  return { cases: c!.n, revisions: r!.n, audit: a!.n };
}

describe("the demo seed", () => {
  it("loads the reference data and the demo content", async () => {
    expect((await db.select({ n: count() }).from(sdgGoals))[0]!.n).toBe(17);
    expect((await db.select({ n: count() }).from(sdgTargets))[0]!.n).toBe(169);
    expect((await db.select({ n: count() }).from(sdgIndicators))[0]!.n).toBeGreaterThan(200);
    expect((await db.select({ n: count() }).from(cities))[0]!.n).toBe(67);
    expect((await db.select({ n: count() }).from(cityRelations))[0]!.n).toBe(57);
    expect((await db.select({ n: count() }).from(networks))[0]!.n).toBe(17);
    expect((await db.select({ n: count() }).from(policyCases).where(eq(policyCases.status, "published")))[0]!.n).toBe(seedCases.length);
    expect((await db.select({ n: count() }).from(transfers))[0]!.n).toBe(25);
    const revisionNumbers = await db.selectDistinct({ number: caseRevisions.number }).from(caseRevisions);
    expect(revisionNumbers).toEqual([{ number: 1 }]);
  });

  it("changes nothing when it runs a second time", async () => {
    const before = { ...(await tableCounts()), transfers: (await db.select({ n: count() }).from(transfers))[0]!.n, users: (await db.select({ n: count() }).from(users))[0]!.n };
    await seedAll(db, { demo: true });
    const after = { ...(await tableCounts()), transfers: (await db.select({ n: count() }).from(transfers))[0]!.n, users: (await db.select({ n: count() }).from(users))[0]!.n };
    expect(after).toEqual(before);
  });

  it("turns paragraphs into tiptap documents", async () => {
    const item = await getPublishedCase("seoul-waterworks", { withContactEmails: false });
    expect(item?.sections.background?.type).toBe("doc");
    expect(item?.sections.background?.content?.[0]?.type).toBe("paragraph");
  });
});

describe("npm run import", () => {
  it("rejects a file with one bad record, naming index, field and reason, and writes nothing", async () => {
    const before = await tableCounts();
    const outcome = await importCaseRecords(
      db,
      [good(), good({ slug: "second", city: "atlantis", sdgTargets: ["11.99"], policyAreas: ["astrology"], sdgGoals: [11] }), good({ slug: "third", summary: "x".repeat(601) })],
      { as: "published", existing: "new-revision" },
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ index: 1, path: "city", message: 'Unknown city "atlantis".' }),
        expect.objectContaining({ index: 1, path: "sdgTargets[0]", message: 'Unknown SDG target "11.99".' }),
        expect.objectContaining({ index: 1, path: "policyAreas[0]", message: 'Unknown policy area "astrology".' }),
        expect.objectContaining({ index: 2, path: "summary" }),
      ]),
    );
    expect(outcome.problems.some((p) => p.index === 0)).toBe(false);
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses a target whose goal is not listed, and an unknown SDG indicator", async () => {
    const outcome = await importCaseRecords(
      db,
      [good({ sdgTargets: ["6.1"], results: [{ indicator: "x", value: 1, unit: "", sdgIndicator: "11.2.9" }] })],
      { as: "published", existing: "new-revision" },
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => p.path).sort()).toEqual(["results[0].sdgIndicator", "sdgTargets[0]"]);
  });

  it("validates only with a dry run", async () => {
    const before = await tableCounts();
    const outcome = await importCaseRecords(db, [good()], { as: "published", existing: "new-revision", dryRun: true });
    expect(outcome).toEqual({ ok: true, result: null, count: 1 });
    expect(await tableCounts()).toEqual(before);
  });

  it("imports a good file as published, and a re-import adds a revision instead of a duplicate", async () => {
    const first = await importCaseRecords(db, [good()], { as: "published", existing: "new-revision" });
    expect(first).toMatchObject({ ok: true, result: { created: ["bogota-bike-lanes"], revised: [] } });
    expect((await getPublishedCase("bogota-bike-lanes", { withContactEmails: false }))?.title).toBe("Ciclovías de Bogotá");

    const second = await importCaseRecords(db, [good({ title: "Ciclovías de Bogotá (2021)" })], { as: "published", existing: "new-revision" });
    expect(second).toMatchObject({ ok: true, result: { created: [], revised: ["bogota-bike-lanes"] } });
    const [row] = await db.select().from(policyCases).where(eq(policyCases.slug, "bogota-bike-lanes"));
    const revisions = await db.select({ number: caseRevisions.number, status: caseRevisions.status }).from(caseRevisions).where(eq(caseRevisions.caseId, row!.id)).orderBy(caseRevisions.number);
    expect(revisions).toEqual([
      { number: 1, status: "superseded" },
      { number: 2, status: "approved" },
    ]);
    expect((await getPublishedCase("bogota-bike-lanes", { withContactEmails: false }))?.title).toBe("Ciclovías de Bogotá (2021)");
  });

  it("imports drafts that stay invisible, and a draft re-import leaves the published revision live", async () => {
    await importCaseRecords(db, [good({ slug: "draft-only" })], { as: "draft", existing: "new-revision" });
    expect(await getPublishedCase("draft-only", { withContactEmails: false })).toBeNull();

    await importCaseRecords(db, [good({ slug: "seoul-waterworks", city: "seoul", title: "A draft rewrite" })], { as: "draft", existing: "new-revision" });
    const live = await getPublishedCase("seoul-waterworks", { withContactEmails: false });
    expect(live?.title).not.toBe("A draft rewrite");
    const [row] = await db.select().from(policyCases).where(eq(policyCases.slug, "seoul-waterworks"));
    expect(row!.workingRevisionId).not.toBeNull();
    expect(row!.workingRevisionId).not.toBe(row!.publishedRevisionId);
  });

  it("refuses to move an existing case to another city", async () => {
    const outcome = await importCaseRecords(db, [good({ slug: "seoul-waterworks", city: "bangkok" })], { as: "published", existing: "new-revision" });
    expect(outcome.ok).toBe(false);
  });

  it("rejects something that is not an array", async () => {
    const outcome = await importCaseRecords(db, { slug: "x" }, { as: "published", existing: "new-revision" });
    expect(outcome).toMatchObject({ ok: false, problems: [{ index: -1 }] });
  });
});
