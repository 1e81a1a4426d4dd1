import { describe, expect, it } from "vitest";
import { db } from "../../db/client";
import { importCaseRecords } from "./import";
import { getPublishedCase, listCasesOfCity, listCasesOfGoal, listNewestCases, platformCounts } from "./queries";
import { listPublishedForFeeds } from "./feed";
import { getCityProfile, listCities } from "../cities/queries";

const draft = {
  slug: "unreviewed-draft",
  city: "bangkok",
  language: "th",
  title: "An unreviewed draft",
  summary: "Must never be visible to the public.",
  sdgGoals: [14],
  policyAreas: ["water"],
  sections: { implementation: ["Secret plans."] },
  timeline: { start: "2024", milestones: [] },
};

describe("public reads show published cases only", () => {
  it("hides a draft from the case page, lists, counts, sitemap and feed", async () => {
    const before = await platformCounts();
    const imported = await importCaseRecords(db, [draft], { as: "draft", existing: "new-revision" });
    expect(imported.ok).toBe(true);

    expect(await getPublishedCase("unreviewed-draft", { withContactEmails: false })).toBeNull();
    expect((await listNewestCases(100)).map((c) => c.slug)).not.toContain("unreviewed-draft");
    expect((await listCasesOfGoal(14)).map((c) => c.slug)).not.toContain("unreviewed-draft");
    const bangkok = await getCityProfile("bangkok");
    expect(await listCasesOfCity(bangkok!.id)).toEqual([]);
    expect((await listCities()).find((c) => c.slug === "bangkok")?.publishedCases).toBe(0);
    expect((await listPublishedForFeeds()).map((c) => c.slug)).not.toContain("unreviewed-draft");
    expect(await platformCounts()).toEqual(before);
  });

  it("hides contact emails unless asked for them", async () => {
    await importCaseRecords(
      db,
      [{ ...draft, slug: "with-contact", contacts: [{ name: "Ms Kim", email: "kim@example.org" }] }],
      { as: "published", existing: "new-revision" },
    );
    const visitor = await getPublishedCase("with-contact", { withContactEmails: false });
    expect(visitor?.contacts).toEqual([expect.objectContaining({ name: "Ms Kim", email: null })]);
    const member = await getPublishedCase("with-contact", { withContactEmails: true });
    expect(member?.contacts[0]?.email).toBe("kim@example.org");
  });
});
