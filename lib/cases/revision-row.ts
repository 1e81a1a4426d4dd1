/** Maps a validated revision onto its table columns and back; the facet fields are real columns. */
import type { caseRevisions } from "../../db/schema";
import type { RevisionData } from "./schemas";

type RevisionRow = typeof caseRevisions.$inferSelect;
type RevisionColumns = Omit<
  typeof caseRevisions.$inferInsert,
  "id" | "caseId" | "number" | "status" | "authorId" | "lastEditorId" | "createdAt" | "updatedAt" | "submittedAt"
>;

export function startYearOf(partialDate: string | null | undefined): number | null {
  return partialDate ? Number(partialDate.slice(0, 4)) : null;
}

export function revisionToColumns(r: RevisionData): RevisionColumns {
  return {
    title: r.title,
    summary: r.summary,
    language: r.language,
    sdgGoals: [...new Set(r.sdgGoals)].sort((a, b) => a - b),
    sdgTargets: [...new Set(r.sdgTargets)],
    policyAreas: [...new Set(r.policyAreas)],
    tags: [...new Set(r.tags)],
    sections: r.sections,
    budgetAmount: r.budget?.amount ?? null,
    budgetCurrency: r.budget?.currency ?? null,
    budgetYear: r.budget?.year ?? null,
    budgetUsd: r.budget?.usd ?? null,
    budgetNote: r.budget?.note ?? null,
    fundingSources: r.budget?.fundingSources ?? [],
    staffHeadcount: r.staff?.headcount ?? null,
    staffFte: r.staff?.fte ?? null,
    staff: {
      departments: r.staff?.departments ?? [],
      partnerPersonnel: r.staff?.partnerPersonnel ?? [],
      note: r.staff?.note ?? null,
    },
    stakeholders: r.stakeholders,
    timelineStart: r.timeline.start ?? null,
    timelineEnd: r.timeline.end ?? null,
    ongoing: r.timeline.ongoing,
    startYear: startYearOf(r.timeline.start),
    milestones: r.timeline.milestones,
    obstacles: r.obstacles,
    results: r.results,
    contacts: r.contacts,
    media: r.media,
    references: r.references,
    translations: r.translations,
  };
}

export function columnsToRevision(row: RevisionRow): RevisionData {
  const hasBudget =
    row.budgetAmount != null || row.budgetCurrency != null || row.budgetNote != null || row.fundingSources.length > 0;
  const hasStaff =
    row.staffHeadcount != null ||
    row.staffFte != null ||
    row.staff.departments.length > 0 ||
    row.staff.partnerPersonnel.length > 0 ||
    !!row.staff.note;
  return {
    title: row.title,
    summary: row.summary,
    language: row.language,
    sdgGoals: row.sdgGoals,
    sdgTargets: row.sdgTargets,
    policyAreas: row.policyAreas,
    tags: row.tags,
    sections: row.sections,
    budget: hasBudget
      ? {
          amount: row.budgetAmount,
          currency: row.budgetCurrency,
          year: row.budgetYear,
          usd: row.budgetUsd,
          note: row.budgetNote,
          fundingSources: row.fundingSources,
        }
      : null,
    staff: hasStaff
      ? {
          headcount: row.staffHeadcount,
          fte: row.staffFte,
          departments: row.staff.departments,
          partnerPersonnel: row.staff.partnerPersonnel,
          note: row.staff.note ?? null,
        }
      : null,
    stakeholders: row.stakeholders,
    timeline: {
      start: row.timelineStart,
      end: row.timelineEnd,
      ongoing: row.ongoing,
      milestones: row.milestones,
    },
    obstacles: row.obstacles,
    results: row.results,
    contacts: row.contacts,
    media: row.media,
    references: row.references,
    translations: row.translations,
  };
}
