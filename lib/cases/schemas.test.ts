/** The one revision schema: drafts may be incomplete, submissions may not; messages are plain words. */
import { describe, expect, it } from "vitest";
import { revisionSchema, submittableRevisionSchema } from "./schemas";
import { completeRevision } from "./workflow.fixtures";

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("revisionSchema", () => {
  it("accepts an empty draft and fills the defaults", () => {
    const parsed = revisionSchema.parse({});
    expect(parsed).toMatchObject({ title: "", summary: "", language: "en", sdgGoals: [], stakeholders: [], timeline: { ongoing: false, milestones: [] } });
  });

  it("limits the summary to 600 characters and the title to 200, and trims", () => {
    expect(revisionSchema.parse({ summary: "  " + "s".repeat(600) + "  " }).summary).toHaveLength(600);
    const bad = revisionSchema.safeParse({ summary: "s".repeat(601), title: "t".repeat(201) });
    expect(messages(bad)).toMatchObject({ summary: "Keep it under 600 characters.", title: "Keep it under 200 characters." });
  });

  it("explains bad values in plain words", () => {
    const bad = revisionSchema.safeParse({
      language: "English",
      sdgGoals: [18],
      sdgTargets: ["11.99x"],
      budget: { amount: -1, currency: "won" },
      timeline: { start: "June 2016" },
      stakeholders: [{ name: "", type: "aliens" }],
      results: [{ indicator: "Riders", sdgIndicator: "11.2" }],
      contacts: [{ email: "not-an-email" }],
      references: [{ title: "Ref", url: "javascript:alert(1)" }],
      media: [{ kind: "image", uploadId: "00000000-0000-4000-8000-000000000000", alt: "" }],
    });
    expect(messages(bad)).toMatchObject({
      language: "Use a language code such as en, ko, fr or pt-BR.",
      "sdgTargets.0": "An SDG target looks like 11.2 or 6.a.",
      "budget.amount": "The budget cannot be negative.",
      "budget.currency": "Choose a currency.",
      "timeline.start": "Use a year (2016), a month (2016-06) or a date (2016-06-09).",
      "stakeholders.0.name": "Enter the stakeholder's name.",
      "stakeholders.0.type": "Choose the kind of stakeholder.",
      "results.0.sdgIndicator": "An SDG indicator looks like 11.2.1.",
      "contacts.0.email": "Enter a valid email address.",
      "references.0.url": "Use a web address starting with http:// or https://.",
      "media.0.alt": "Enter a text alternative for the image.",
    });
    expect(Object.keys(messages(bad))).toContain("sdgGoals.0");
  });

  it("refuses rich text outside the allowlist inside a section", () => {
    const bad = revisionSchema.safeParse({ sections: { background: { type: "doc", content: [{ type: "div" }] } } });
    expect(messages(bad)["sections.background"]).toBe('"div" is not an allowed kind of content.');
  });
});

describe("submittableRevisionSchema", () => {
  it("accepts a complete revision", () => {
    expect(submittableRevisionSchema.safeParse(completeRevision()).success).toBe(true);
  });

  it("names every missing requirement", () => {
    const result = submittableRevisionSchema.safeParse({});
    expect(messages(result)).toEqual({
      title: "Give the case a title.",
      summary: "Write a short summary.",
      sdgGoals: "Choose at least one SDG goal.",
      policyAreas: "Choose at least one policy area.",
      "sections.implementation": "Describe what was done.",
      "timeline.start": "Say when it started.",
      budget: "Give at least one of: the budget, the staff, or the stakeholders.",
    });
  });

  it("takes staff or stakeholders instead of a budget, and checks targets belong to chosen goals", () => {
    expect(submittableRevisionSchema.safeParse(completeRevision({ budget: null, staff: { headcount: 3 } })).success).toBe(true);
    expect(submittableRevisionSchema.safeParse(completeRevision({ budget: null })).success).toBe(true);
    const wrongTarget = submittableRevisionSchema.safeParse(completeRevision({ sdgTargets: ["6.1"] }));
    expect(messages(wrongTarget).sdgTargets).toBe("Target 6.1 belongs to goal 6, which is not chosen.");
  });
});
