import { describe, expect, it } from "vitest";
import { diffRevisions, fieldText } from "./revision-diff";
import { paragraphsToDoc, revisionSchema } from "./schemas";
import { completeRevision } from "./workflow.fixtures";

const rev = (over: Parameters<typeof completeRevision>[0] = {}) => revisionSchema.parse(completeRevision(over));

describe("diffRevisions", () => {
  it("finds nothing between equal revisions", () => {
    expect(diffRevisions(rev(), rev())).toEqual([]);
  });

  it("lists changed fields in form order with readable before and after", () => {
    const a = rev();
    const b = rev({
      title: "New title",
      sections: { ...completeRevision().sections, implementation: paragraphsToDoc(["Closed 5 km instead."]) },
      stakeholders: [{ name: "Bus union", type: "civil-society", role: "Drivers" }],
      budget: { amount: 200000, currency: "KRW", year: 2021, fundingSources: [] },
    });
    const changes = diffRevisions(a, b);
    expect(changes.map((c) => c.field)).toEqual(["title", "sections.implementation", "budget", "stakeholders"]);
    expect(changes[0]).toMatchObject({ label: "Title", before: "Car-free Sundays on the river road", after: "New title" });
    expect(changes[1]).toMatchObject({ label: "What was done", after: "Closed 5 km instead." });
    expect(changes[2]!.after).toContain("200000 KRW");
    expect(changes[3]!.before).toContain("River residents' association");
  });

  it("compares rich text as text, so formatting-only changes do not show", () => {
    const plain = rev();
    const bold = rev({
      sections: {
        ...completeRevision().sections,
        implementation: {
          type: "doc",
          content: [{ type: "paragraph", content: [{ type: "text", text: "The city closed 3 km of road every Sunday from 8:00 to 18:00.", marks: [{ type: "bold" }] }] }],
        },
      },
    });
    expect(diffRevisions(plain, bold)).toEqual([]);
  });

  it("turns structured fields into text", () => {
    const r = rev({ timeline: { start: "2020-04", end: null, ongoing: true, milestones: [{ date: "2020-05", title: "First Sunday" }] } });
    expect(fieldText(r, "timeline")).toBe("Start 2020-04 · Ongoing\n2020-05 · First Sunday");
    expect(fieldText(r, "sdgGoals")).toBe("11");
  });
});
