/**
 * The reviewable fields of a revision: the keys a moderator's field comment points at, the rows of
 * a revision diff, and (for the studio) where to show a comment. Keys follow the paths of
 * `revisionSchema` issues, so `sections.implementation` or `budget` match a validation error's path
 * prefix too.
 */
import { SECTION_KEYS, SECTION_LABELS } from "./schemas";

export const REVISION_FIELDS = [
  { key: "title", label: "Title" },
  { key: "summary", label: "Summary" },
  { key: "language", label: "Language" },
  { key: "sdgGoals", label: "SDG goals" },
  { key: "sdgTargets", label: "SDG targets" },
  { key: "policyAreas", label: "Policy areas" },
  { key: "tags", label: "Tags" },
  ...SECTION_KEYS.map((k) => ({ key: `sections.${k}`, label: SECTION_LABELS[k] })),
  { key: "budget", label: "Budget" },
  { key: "staff", label: "Staff" },
  { key: "stakeholders", label: "Stakeholders" },
  { key: "timeline", label: "Timeline" },
  { key: "obstacles", label: "Obstacles and adaptations" },
  { key: "results", label: "Results (indicators)" },
  { key: "contacts", label: "Contacts" },
  { key: "media", label: "Media" },
  { key: "references", label: "References" },
  { key: "translations", label: "Translations" },
] as const satisfies readonly { key: string; label: string }[];

export type RevisionFieldKey = (typeof REVISION_FIELDS)[number]["key"];

export const REVISION_FIELD_KEYS: readonly RevisionFieldKey[] = REVISION_FIELDS.map((f) => f.key);

const LABELS = new Map<string, string>(REVISION_FIELDS.map((f) => [f.key, f.label]));

export function isRevisionFieldKey(value: string): value is RevisionFieldKey {
  return LABELS.has(value);
}

export function revisionFieldLabel(key: string): string {
  return LABELS.get(key) ?? key;
}

/**
 * The field key a form path belongs to: "timeline.start" → "timeline", "sections.implementation"
 * → itself, "stakeholders[2].name" → "stakeholders". The studio uses it to put a moderator's
 * comment beside the input that the path names.
 */
export function fieldKeyOfPath(path: string): RevisionFieldKey | null {
  const parts = path.replace(/\[\d+\]/g, "").split(".");
  const two = parts.slice(0, 2).join(".");
  if (isRevisionFieldKey(two)) return two;
  return isRevisionFieldKey(parts[0]!) ? (parts[0] as RevisionFieldKey) : null;
}
