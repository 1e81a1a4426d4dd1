/**
 * A field-by-field comparison of two revisions, for the history page and for the message a stale
 * save gets. Every field is turned into readable text first (rich text through
 * `docToPlainText`, never HTML), so the comparison is what a reader would notice.
 *
 * The moderation branch may bring a richer `lib/cases/diff.ts`; this one is deliberately small.
 */
import { docToPlainText, type TiptapNode } from "../editor/allowlist";
import { REVISION_FIELDS, type RevisionFieldKey } from "./fields";
import type { RevisionData } from "./schemas";

export type FieldChange = { field: RevisionFieldKey; label: string; before: string; after: string };

const line = (parts: (string | number | null | undefined | false)[], sep = " · ") =>
  parts.filter((p) => p !== null && p !== undefined && p !== false && p !== "").join(sep);

/** The text a reader would see for one field of a revision. */
export function fieldText(r: RevisionData, field: RevisionFieldKey): string {
  if (field.startsWith("sections.")) {
    const key = field.slice("sections.".length) as keyof RevisionData["sections"];
    return docToPlainText(r.sections[key] as TiptapNode | undefined);
  }
  switch (field) {
    case "title":
      return r.title;
    case "summary":
      return r.summary;
    case "language":
      return r.language;
    case "sdgGoals":
      return [...r.sdgGoals].sort((a, b) => a - b).join(", ");
    case "sdgTargets":
      return r.sdgTargets.join(", ");
    case "policyAreas":
      return r.policyAreas.join(", ");
    case "tags":
      return r.tags.join(", ");
    case "budget": {
      const b = r.budget;
      if (!b) return "";
      return [
        line([b.amount != null && `${b.amount} ${b.currency ?? ""}`.trim(), b.year && `year ${b.year}`, b.usd != null && `about USD ${b.usd}`]),
        b.note ?? "",
        ...b.fundingSources.map((f) => `Funding: ${line([f.source, f.type, f.amount])}`),
      ]
        .filter(Boolean)
        .join("\n");
    }
    case "staff": {
      const s = r.staff;
      if (!s) return "";
      return [
        line([s.headcount != null && `${s.headcount} people`, s.fte != null && `${s.fte} FTE`]),
        s.departments.length ? `Departments: ${s.departments.join("; ")}` : "",
        s.partnerPersonnel.length ? `Partners: ${s.partnerPersonnel.join("; ")}` : "",
        s.note ?? "",
      ]
        .filter(Boolean)
        .join("\n");
    }
    case "stakeholders":
      return r.stakeholders.map((s) => line([s.name, s.type, s.role])).join("\n");
    case "timeline": {
      const t = r.timeline;
      return [
        line([t.start && `Start ${t.start}`, t.end ? `End ${t.end}` : t.ongoing && "Ongoing"]),
        ...t.milestones.map((m) => line([m.date, m.title, m.description])),
      ]
        .filter(Boolean)
        .join("\n");
    }
    case "obstacles":
      return r.obstacles.map((o) => line([o.obstacle, o.adaptation && `Adaptation: ${o.adaptation}`])).join("\n");
    case "results":
      return r.results
        .map((x) => line([x.indicator, x.baseline != null && `baseline ${x.baseline}`, x.value != null && `value ${x.value}`, x.unit, x.year, x.sdgIndicator]))
        .join("\n");
    case "contacts":
      return r.contacts.map((c) => line([c.name, c.title, c.department, c.organisation, c.email])).join("\n");
    case "media":
      return r.media
        .map((m) =>
          m.kind === "image" ? line(["Image", m.alt, m.caption]) : m.kind === "document" ? line(["Document", m.title]) : line(["Video", m.title, m.url]),
        )
        .join("\n");
    case "references":
      return r.references.map((x) => line([x.title, x.publisher, x.year, x.url])).join("\n");
    case "translations":
      return Object.entries(r.translations)
        .map(([lang, t]) => line([lang, t.title, t.summary]))
        .join("\n");
    default:
      return "";
  }
}

/** The fields whose text differs between `before` and `after`, in form order. */
export function diffRevisions(before: RevisionData, after: RevisionData): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const { key, label } of REVISION_FIELDS) {
    const a = fieldText(before, key);
    const b = fieldText(after, key);
    if (a !== b) changes.push({ field: key, label, before: a, after: b });
  }
  return changes;
}
