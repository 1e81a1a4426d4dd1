/**
 * Field-by-field comparison of two revisions, for the review page (an update against the live
 * revision) and the studio's history (any two revisions). Every field of REVISION_FIELDS gets a
 * row. Rich text is compared as plain text (docToPlainText), never as HTML or JSON; structured
 * lists are compared one line per item, so a reordered or edited stakeholder shows as such.
 */
import { docToPlainText } from "../editor/allowlist";
import { REVISION_FIELDS, type RevisionFieldKey } from "./fields";
import type { RevisionData, SectionKey } from "./schemas";

export type DiffOp = "same" | "added" | "removed";
export type DiffSegment = { op: DiffOp; text: string };

export type FieldDiff = {
  key: RevisionFieldKey;
  label: string;
  /** "text": word-level segments of running text; "lines": one segment per item or line. */
  mode: "text" | "lines";
  changed: boolean;
  before: string;
  after: string;
  segments: DiffSegment[];
};

/** Token sequences longer than this (product of both) are shown as replaced wholesale. */
const MAX_LCS_CELLS = 4_000_000;

const num = (v: number | null | undefined) => (v == null ? "" : String(v));
const joinParts = (...parts: (string | null | undefined)[]) => parts.filter((p) => p != null && p !== "").join(" — ");

/** Each field as the lines (or the text) a reader would compare. */
function fieldLines(r: RevisionData | null, key: RevisionFieldKey): string[] {
  if (!r) return [];
  if (key.startsWith("sections.")) {
    const text = docToPlainText(r.sections[key.slice("sections.".length) as SectionKey]);
    return text ? text.split("\n") : [];
  }
  switch (key) {
    case "title":
      return r.title ? [r.title] : [];
    case "summary":
      return r.summary ? [r.summary] : [];
    case "language":
      return [r.language];
    case "sdgGoals":
      return r.sdgGoals.map((g) => `Goal ${g}`);
    case "sdgTargets":
      return r.sdgTargets.map((t) => `Target ${t}`);
    case "policyAreas":
      return [...r.policyAreas];
    case "tags":
      return [...r.tags];
    case "budget": {
      const b = r.budget;
      if (!b) return [];
      const lines: string[] = [];
      if (b.amount != null || b.currency) lines.push(`Amount: ${joinParts(num(b.amount), b.currency)}`.trim());
      if (b.year != null) lines.push(`Budget year: ${b.year}`);
      if (b.usd != null) lines.push(`About USD ${b.usd}`);
      if (b.note) lines.push(`Note: ${b.note}`);
      for (const f of b.fundingSources) lines.push(`Funding: ${joinParts(f.source, f.type, num(f.amount))}`);
      return lines;
    }
    case "staff": {
      const s = r.staff;
      if (!s) return [];
      const lines: string[] = [];
      if (s.headcount != null) lines.push(`Headcount: ${s.headcount}`);
      if (s.fte != null) lines.push(`Full-time equivalent: ${s.fte}`);
      for (const d of s.departments) lines.push(`Department: ${d}`);
      for (const p of s.partnerPersonnel) lines.push(`Partner personnel: ${p}`);
      if (s.note) lines.push(`Note: ${s.note}`);
      return lines;
    }
    case "stakeholders":
      return r.stakeholders.map((s) => joinParts(s.name, s.type, s.role));
    case "timeline": {
      const t = r.timeline;
      const lines: string[] = [];
      if (t.start) lines.push(`Start: ${t.start}`);
      if (t.end) lines.push(`End: ${t.end}`);
      if (t.ongoing) lines.push("Ongoing");
      for (const m of t.milestones) lines.push(`Milestone: ${joinParts(m.date, m.title, m.description)}`);
      return lines;
    }
    case "obstacles":
      return r.obstacles.map((o) => (o.adaptation ? `${o.obstacle} → ${o.adaptation}` : o.obstacle));
    case "results":
      return r.results.map((x) =>
        joinParts(
          x.indicator,
          x.baseline != null ? `baseline ${x.baseline}` : null,
          x.value != null ? `value ${x.value}` : null,
          x.unit,
          num(x.year),
          x.sdgIndicator ? `SDG ${x.sdgIndicator}` : null,
        ),
      );
    case "contacts":
      return r.contacts.map((c) => joinParts(c.name, c.title, c.department, c.organisation, c.email));
    case "media":
      return r.media.map((m) =>
        m.kind === "image"
          ? joinParts("Image", m.alt, m.caption, `#${m.uploadId.slice(0, 8)}`)
          : m.kind === "document"
            ? joinParts("Document", m.title, `#${m.uploadId.slice(0, 8)}`)
            : joinParts("Video", m.title, m.url),
      );
    case "references":
      return r.references.map((x) => joinParts(x.title, x.publisher, num(x.year), x.url));
    case "translations":
      return Object.entries(r.translations)
        .sort(([a], [b]) => a.localeCompare(b))
        .flatMap(([lang, t]) => [
          ...(t.title ? [`${lang} title: ${t.title}`] : []),
          ...(t.summary ? [`${lang} summary: ${t.summary}`] : []),
        ]);
    default:
      return [];
  }
}

const TEXT_FIELDS = new Set<string>(["title", "summary"]);
const isTextField = (key: string) => TEXT_FIELDS.has(key) || key.startsWith("sections.");

/** Longest-common-subsequence diff of two token lists, with common ends trimmed first. */
export function diffTokens(a: readonly string[], b: readonly string[]): DiffSegment[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head = a.slice(0, start).map((text) => ({ op: "same" as const, text }));
  const tail = a.slice(endA).map((text) => ({ op: "same" as const, text }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  let middle: DiffSegment[];
  if (midA.length === 0 || midB.length === 0 || midA.length * midB.length > MAX_LCS_CELLS) {
    middle = [...midA.map((text) => ({ op: "removed" as const, text })), ...midB.map((text) => ({ op: "added" as const, text }))];
  } else {
    const n = midA.length;
    const m = midB.length;
    // lengths[i][j] = LCS of midA[i..] and midB[j..], flattened.
    const lengths = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lengths[i * (m + 1) + j] =
          midA[i] === midB[j]
            ? lengths[(i + 1) * (m + 1) + j + 1]! + 1
            : Math.max(lengths[(i + 1) * (m + 1) + j]!, lengths[i * (m + 1) + j + 1]!);
    middle = [];
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        middle.push({ op: "same", text: midA[i]! });
        i++;
        j++;
      } else if (lengths[(i + 1) * (m + 1) + j]! >= lengths[i * (m + 1) + j + 1]!) {
        middle.push({ op: "removed", text: midA[i++]! });
      } else {
        middle.push({ op: "added", text: midB[j++]! });
      }
    }
    while (i < n) middle.push({ op: "removed", text: midA[i++]! });
    while (j < m) middle.push({ op: "added", text: midB[j++]! });
  }
  return [...head, ...middle, ...tail];
}

/** Merges neighbouring segments of the same kind, so text renders as runs rather than words. */
function mergeRuns(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last.op === s.op) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/** Words, runs of whitespace and single punctuation marks, so "workers," → "workers" + ",". */
const words = (text: string) => text.split(/(\s+|\p{P})/u).filter((t) => t !== "");

/**
 * Compares `before` (null for a case never published) with `after`, one row per field, in the
 * order of REVISION_FIELDS.
 */
export function diffRevisions(before: RevisionData | null, after: RevisionData): FieldDiff[] {
  return REVISION_FIELDS.map(({ key, label }) => {
    const a = fieldLines(before, key);
    const b = fieldLines(after, key);
    const beforeText = a.join("\n");
    const afterText = b.join("\n");
    const changed = beforeText !== afterText;
    const mode = isTextField(key) ? ("text" as const) : ("lines" as const);
    let segments: DiffSegment[];
    if (!changed) segments = a.map((text) => ({ op: "same", text }));
    else if (mode === "text") segments = mergeRuns(diffTokens(words(beforeText), words(afterText)));
    else segments = diffTokens(a, b);
    return { key, label, mode, changed, before: beforeText, after: afterText, segments };
  });
}

/** Only the fields that differ. */
export function changedFields(before: RevisionData | null, after: RevisionData): FieldDiff[] {
  return diffRevisions(before, after).filter((d) => d.changed);
}
