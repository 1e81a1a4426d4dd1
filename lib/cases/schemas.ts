/**
 * The one schema of a case revision, shared by the studio (client feedback and server truth),
 * the seed and `npm run import`. A draft may be incomplete; `submittableRevisionSchema` adds
 * what a submission needs.
 */
import { z } from "zod";
import { tiptapDocSchema, checkRichText } from "../editor/allowlist";

export const SECTION_KEYS = [
  "background",
  "objectives",
  "implementation",
  "results",
  "obstacles",
  "lessons",
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const SECTION_LABELS: Record<SectionKey, string> = {
  background: "Background and philosophy",
  objectives: "Objectives",
  implementation: "What was done",
  results: "Results and impact",
  obstacles: "Obstacles and adaptation",
  lessons: "Lessons and how to transfer it",
};

export const STAKEHOLDER_TYPES = [
  "government",
  "public-enterprise",
  "private",
  "civil-society",
  "academia",
  "international-organisation",
  "citizens",
] as const;
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];
export const STAKEHOLDER_TYPE_LABELS: Record<StakeholderType, string> = {
  government: "Government",
  "public-enterprise": "Public enterprise",
  private: "Private sector",
  "civil-society": "Civil society",
  academia: "Academia",
  "international-organisation": "International organisation",
  citizens: "Citizens",
};

const trimmed = (max: number) => z.string().trim().max(max, `Keep it under ${max} characters.`);
const requiredText = (max: number, what: string) =>
  z.string().trim().min(1, `Enter ${what}.`).max(max, `Keep it under ${max} characters.`);

/** "2004", "2016-06" or "2016-06-09" — the precision the source actually knows. */
export const partialDateSchema = z
  .string()
  .trim()
  // abort: a malformed value gets one message, not a second one about its year.
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
    message: "Use a year (2016), a month (2016-06) or a date (2016-06-09).",
    abort: true,
  })
  .refine((v) => {
    const y = Number(v.slice(0, 4));
    return y >= 1900 && y <= 2100;
  }, "The year must be between 1900 and 2100.");

export const languageSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Use a language code such as en, ko, fr or pt-BR.");

export const sdgTargetCodeSchema = z
  .string()
  .trim()
  .regex(/^(1[0-7]|[1-9])\.([0-9]{1,2}|[a-z])$/, "An SDG target looks like 11.2 or 6.a.");
export const sdgIndicatorCodeSchema = z
  .string()
  .trim()
  .regex(/^(1[0-7]|[1-9])\.([0-9]{1,2}|[a-z])\.[0-9]{1,2}$/, "An SDG indicator looks like 11.2.1.");

export const fundingSourceSchema = z.object({
  source: requiredText(200, "the funding source"),
  type: z.enum(["own-budget", "national", "international", "private", "loan", "grant", "other"]),
  amount: z.number().nonnegative("The amount cannot be negative.").nullish(),
});

export const staffSchema = z.object({
  departments: z.array(requiredText(200, "a department")).max(50).default([]),
  partnerPersonnel: z.array(requiredText(300, "the partner personnel")).max(50).default([]),
  note: trimmed(1000).nullish(),
});

export const stakeholderSchema = z.object({
  name: requiredText(200, "the stakeholder's name"),
  type: z.enum(STAKEHOLDER_TYPES, { error: "Choose the kind of stakeholder." }),
  role: trimmed(500).default(""),
});

export const milestoneSchema = z.object({
  date: partialDateSchema,
  title: requiredText(300, "what happened"),
  description: trimmed(1000).nullish(),
});

export const obstacleSchema = z.object({
  obstacle: requiredText(1000, "the obstacle"),
  adaptation: trimmed(1000).default(""),
});

export const resultIndicatorSchema = z.object({
  indicator: requiredText(300, "the indicator"),
  baseline: z.number().nullish(),
  value: z.number({ error: "Enter the value as a number." }).nullish(),
  unit: trimmed(100).default(""),
  year: z.number().int().min(1900).max(2100).nullish(),
  sdgIndicator: sdgIndicatorCodeSchema.nullish(),
});

export const contactSchema = z.object({
  name: trimmed(200).nullish(),
  title: trimmed(200).nullish(),
  department: trimmed(200).nullish(),
  organisation: trimmed(200).nullish(),
  email: z.email("Enter a valid email address.").nullish(),
});

const httpUrlSchema = z
  .url({ protocol: /^https?$/, error: "Use a web address starting with http:// or https://." })
  .max(2000);

export const mediaItemSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("image"),
    uploadId: z.uuid(),
    alt: requiredText(300, "a text alternative for the image"),
    caption: trimmed(500).nullish(),
  }),
  z.object({
    kind: z.literal("document"),
    uploadId: z.uuid(),
    title: requiredText(300, "the document's title"),
  }),
  z.object({
    kind: z.literal("video"),
    url: httpUrlSchema,
    title: requiredText(300, "the video's title"),
  }),
]);

export const referenceSchema = z.object({
  title: requiredText(500, "the reference's title"),
  url: httpUrlSchema.nullish(),
  publisher: trimmed(200).nullish(),
  year: z.number().int().min(1900).max(2100).nullish(),
});

export const translationSchema = z.object({
  title: trimmed(200).nullish(),
  summary: trimmed(600).nullish(),
});

const richTextSchema = tiptapDocSchema.superRefine((doc, ctx) => {
  for (const problem of checkRichText(doc)) ctx.addIssue({ code: "custom", message: problem });
});

export const sectionsSchema = z.object(
  Object.fromEntries(SECTION_KEYS.map((k) => [k, richTextSchema.optional()])) as Record<
    SectionKey,
    z.ZodOptional<typeof richTextSchema>
  >,
);

/** Everything a revision holds. A draft may leave most of it empty. */
export const revisionSchema = z.object({
  title: trimmed(200).default(""),
  summary: trimmed(600).default(""),
  language: languageSchema.default("en"),
  sdgGoals: z.array(z.number().int().min(1).max(17)).max(17).default([]),
  sdgTargets: z.array(sdgTargetCodeSchema).max(169).default([]),
  policyAreas: z.array(z.string().trim().min(1)).max(17).default([]),
  tags: z.array(requiredText(60, "a tag")).max(30).default([]),
  sections: sectionsSchema.default({}),
  budget: z
    .object({
      amount: z.number().nonnegative("The budget cannot be negative.").nullish(),
      currency: z.string().regex(/^[A-Z]{3}$/, "Choose a currency.").nullish(),
      year: z.number().int().min(1900).max(2100).nullish(),
      usd: z.number().nonnegative().nullish(),
      note: trimmed(1000).nullish(),
      fundingSources: z.array(fundingSourceSchema).max(30).default([]),
    })
    .nullish(),
  staff: z
    .object({
      headcount: z.number().int().nonnegative().nullish(),
      fte: z.number().nonnegative().nullish(),
    })
    .and(staffSchema)
    .nullish(),
  stakeholders: z.array(stakeholderSchema).max(100).default([]),
  timeline: z
    .object({
      start: partialDateSchema.nullish(),
      end: partialDateSchema.nullish(),
      ongoing: z.boolean().default(false),
      milestones: z.array(milestoneSchema).max(100).default([]),
    })
    .default({ ongoing: false, milestones: [] }),
  obstacles: z.array(obstacleSchema).max(50).default([]),
  results: z.array(resultIndicatorSchema).max(100).default([]),
  contacts: z.array(contactSchema).max(20).default([]),
  media: z.array(mediaItemSchema).max(50).default([]),
  references: z.array(referenceSchema).max(100).default([]),
  translations: z.record(languageSchema, translationSchema).default({}),
});
export type RevisionInput = z.input<typeof revisionSchema>;
export type RevisionData = z.output<typeof revisionSchema>;

function sectionHasText(doc: unknown): boolean {
  return JSON.stringify(doc ?? {}).includes('"text":"');
}

/** What a submission needs on top of a draft (DESIGN: "A case's life"). */
export const submittableRevisionSchema = revisionSchema.superRefine((r, ctx) => {
  const need = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  if (!r.title) need(["title"], "Give the case a title.");
  if (!r.summary) need(["summary"], "Write a short summary.");
  if (r.sdgGoals.length === 0) need(["sdgGoals"], "Choose at least one SDG goal.");
  if (r.policyAreas.length === 0) need(["policyAreas"], "Choose at least one policy area.");
  if (!sectionHasText(r.sections.implementation)) need(["sections", "implementation"], "Describe what was done.");
  if (!r.timeline.start) need(["timeline", "start"], "Say when it started.");
  const hasBudget = r.budget?.amount != null;
  const hasStaff = r.staff != null && (r.staff.headcount != null || r.staff.fte != null || r.staff.departments.length > 0);
  if (!hasBudget && !hasStaff && r.stakeholders.length === 0)
    need(["budget"], "Give at least one of: the budget, the staff, or the stakeholders.");
  for (const t of r.sdgTargets) {
    if (!r.sdgGoals.includes(Number(t.split(".")[0])))
      need(["sdgTargets"], `Target ${t} belongs to goal ${t.split(".")[0]}, which is not chosen.`);
  }
});

/** The bulk file format of `db/seed/data/cases.json` and `npm run import`. */
export const caseFileRecordSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "A slug is lower-case letters, digits and single hyphens.")
    .max(120),
  city: z.string().min(1, "Name the owning city by its slug."),
  language: languageSchema,
  title: requiredText(200, "a title"),
  summary: requiredText(600, "a summary"),
  sdgGoals: z.array(z.number().int().min(1).max(17)).min(1, "Give at least one SDG goal."),
  sdgTargets: z.array(sdgTargetCodeSchema).default([]),
  policyAreas: z.array(z.string().min(1)).min(1, "Give at least one policy area."),
  tags: z.array(z.string().trim().min(1).max(60)).default([]),
  sections: z.object(
    Object.fromEntries(SECTION_KEYS.map((k) => [k, z.array(z.string()).default([])])) as Record<
      SectionKey,
      z.ZodDefault<z.ZodArray<z.ZodString>>
    >,
  ),
  budget: z
    .object({
      amount: z.number().nonnegative().nullable(),
      currency: z.string().regex(/^[A-Z]{3}$/),
      year: z.number().int().min(1900).max(2100).nullish(),
      usd: z.number().nonnegative().nullish(),
      note: z.string().nullish(),
    })
    .nullish(),
  staff: z
    .object({
      count: z.number().int().nonnegative().nullish(),
      fte: z.number().nonnegative().nullish(),
      departments: z.array(z.string()).default([]),
      partnerPersonnel: z.array(z.string()).default([]),
      note: z.string().nullish(),
    })
    .nullish(),
  stakeholders: z.array(stakeholderSchema).default([]),
  timeline: z.object({
    start: partialDateSchema.nullish(),
    end: partialDateSchema.nullish(),
    milestones: z.array(milestoneSchema).default([]),
  }),
  obstacles: z.array(obstacleSchema).default([]),
  results: z.array(resultIndicatorSchema).default([]),
  contacts: z.array(contactSchema).default([]),
  references: z.array(referenceSchema).default([]),
  translations: z.record(languageSchema, translationSchema).default({}),
  // Provenance fields of the seed documents; accepted and ignored.
  sources: z.array(z.string()).optional(),
  _publicFacts: z.array(z.string()).optional(),
});
export type CaseFileRecord = z.output<typeof caseFileRecordSchema>;

/** Turns plain paragraphs into a tiptap document. */
export function paragraphsToDoc(paragraphs: string[]) {
  return {
    type: "doc" as const,
    content: paragraphs
      .filter((p) => p.trim() !== "")
      .map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })),
  };
}

/** Maps one record of the bulk file format onto the revision schema. */
export function caseFileRecordToRevision(record: CaseFileRecord): RevisionInput {
  const sections: Record<string, unknown> = {};
  for (const key of SECTION_KEYS) {
    const paragraphs = record.sections[key] ?? [];
    if (paragraphs.length > 0) sections[key] = paragraphsToDoc(paragraphs);
  }
  return {
    title: record.title,
    summary: record.summary,
    language: record.language,
    sdgGoals: record.sdgGoals,
    sdgTargets: record.sdgTargets,
    policyAreas: record.policyAreas,
    tags: record.tags,
    sections: sections as RevisionInput["sections"],
    budget: record.budget
      ? { ...record.budget, fundingSources: [] }
      : null,
    staff: record.staff
      ? {
          headcount: record.staff.count ?? null,
          fte: record.staff.fte ?? null,
          departments: record.staff.departments,
          partnerPersonnel: record.staff.partnerPersonnel,
          note: record.staff.note ?? null,
        }
      : null,
    stakeholders: record.stakeholders,
    timeline: {
      start: record.timeline.start ?? null,
      end: record.timeline.end ?? null,
      ongoing: !record.timeline.end,
      milestones: record.timeline.milestones,
    },
    obstacles: record.obstacles,
    results: record.results,
    contacts: record.contacts,
    references: record.references,
    translations: record.translations,
  };
}
