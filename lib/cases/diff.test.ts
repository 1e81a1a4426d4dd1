import { describe, expect, it } from "vitest";
import { changedFields, diffRevisions, diffTokens } from "./diff";
import { REVISION_FIELD_KEYS } from "./fields";
import { revisionSchema } from "./schemas";
import { completeRevision } from "./workflow.fixtures";

const base = revisionSchema.parse(completeRevision());

describe("diffRevisions", () => {
  it("has one row per field, none changed for identical revisions", () => {
    const rows = diffRevisions(base, base);
    expect(rows.map((r) => r.key)).toEqual([...REVISION_FIELD_KEYS]);
    expect(rows.filter((r) => r.changed)).toEqual([]);
  });

  it("compares rich text as plain text, word by word", () => {
    const after = revisionSchema.parse(
      completeRevision({
        sections: {
          implementation: {
            type: "doc",
            content: [
              {
                type: "paragraph",
                content: [
                  { type: "text", text: "The city closed " },
                  { type: "text", text: "5 km", marks: [{ type: "bold" }] },
                  { type: "text", text: " of road every Sunday from 8:00 to 18:00." },
                ],
              },
            ],
          },
          background: base.sections.background,
        },
      }),
    );
    const [row] = changedFields(base, after);
    expect(row?.key).toBe("sections.implementation");
    expect(row?.mode).toBe("text");
    expect(row?.segments.filter((s) => s.op === "removed").map((s) => s.text.trim())).toEqual(["3"]);
    expect(row?.segments.filter((s) => s.op === "added").map((s) => s.text.trim())).toEqual(["5"]);
    expect(row?.after).not.toContain("<");
  });

  it("punctuation is its own token, so an added clause does not replace the word before it", () => {
    const after = revisionSchema.parse(completeRevision({ title: "Car-free Sundays, citywide, on the river road" }));
    const [row] = changedFields(base, after);
    expect(row?.segments.filter((s) => s.op === "removed")).toEqual([]);
    expect(row?.segments.filter((s) => s.op === "added").map((s) => s.text)).toEqual([", citywide,"]);
  });

  it("a mark alone (bold) is not a change of text", () => {
    const bold = revisionSchema.parse(
      completeRevision({
        sections: {
          implementation: {
            type: "doc",
            content: [{ type: "paragraph", content: [{ type: "text", text: "The city closed 3 km of road every Sunday from 8:00 to 18:00.", marks: [{ type: "bold" }] }] }],
          },
          background: base.sections.background,
        },
      }),
    );
    expect(changedFields(base, bold)).toEqual([]);
  });

  it("lists show added and removed items; structured fields show what moved", () => {
    const after = revisionSchema.parse(
      completeRevision({
        tags: ["streets", "parks"],
        stakeholders: [
          { name: "River residents' association", type: "civil-society", role: "Co-design" },
          { name: "Seoul Metropolitan Government", type: "government", role: "Lead" },
        ],
        budget: { amount: 150000, currency: "KRW", year: 2020, fundingSources: [] },
      }),
    );
    const byKey = Object.fromEntries(changedFields(base, after).map((r) => [r.key, r]));
    expect(Object.keys(byKey).sort()).toEqual(["budget", "stakeholders", "tags"]);
    expect(byKey.tags!.segments).toEqual([
      { op: "same", text: "streets" },
      { op: "added", text: "parks" },
    ]);
    expect(byKey.budget!.segments).toEqual(
      expect.arrayContaining([
        { op: "removed", text: "Amount: 120000 — KRW" },
        { op: "added", text: "Amount: 150000 — KRW" },
        { op: "same", text: "Budget year: 2020" },
      ]),
    );
    expect(byKey.stakeholders!.segments.at(-1)).toEqual({ op: "added", text: "Seoul Metropolitan Government — government — Lead" });
  });

  it("against nothing (a new case) every filled field is added", () => {
    const rows = changedFields(null, base);
    expect(rows.map((r) => r.key)).toEqual(expect.arrayContaining(["title", "summary", "sections.implementation", "budget"]));
    expect(rows.every((r) => r.segments.every((s) => s.op === "added"))).toBe(true);
  });

  it("a section removed entirely shows as removed text", () => {
    const after = revisionSchema.parse(completeRevision({ sections: { implementation: base.sections.implementation } }));
    const [row] = changedFields(base, after);
    expect(row?.key).toBe("sections.background");
    expect(row?.after).toBe("");
    expect(row?.segments.every((s) => s.op === "removed")).toBe(true);
  });

  it("stays quick on very long texts", () => {
    const long = Array.from({ length: 3000 }, (_, i) => `word${i}`);
    const t0 = performance.now();
    const segs = diffTokens(long, [...long.slice(0, 1500), "inserted", ...long.slice(1500)]);
    expect(segs.filter((s) => s.op === "added")).toEqual([{ op: "added", text: "inserted" }]);
    const other = diffTokens(long, long.map((w) => w + "x"));
    expect(other.filter((s) => s.op === "same")).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
