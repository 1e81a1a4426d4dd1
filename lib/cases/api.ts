import type { CaseView } from "./queries";

/** The public JSON of a case: published data only, no internal ids, no contact emails. */
export function caseToApi(item: CaseView) {
  return {
    slug: item.slug,
    title: item.title,
    summary: item.summary,
    language: item.language,
    city: { slug: item.city.slug, name: item.city.name, country: item.city.country, region: item.city.region },
    sdgGoals: item.sdgGoals.map((g) => g.goal),
    sdgTargets: item.sdgTargets.map((t) => t.code),
    policyAreas: item.policyAreas.map((a) => a.key),
    tags: item.tags,
    sections: item.sections,
    budget: item.budget,
    staff: item.staff,
    stakeholders: item.stakeholders,
    timeline: item.timeline,
    obstacles: item.obstacles,
    results: item.results,
    contacts: item.contacts.map(({ email: _email, ...rest }) => rest),
    references: item.references,
    translations: item.translations,
    transfers: item.transfers,
    publishedAt: item.publishedAt,
    lastReviewedAt: item.lastReviewedAt,
  };
}
