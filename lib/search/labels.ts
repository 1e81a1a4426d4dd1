/** Human labels for facet values (area keys, goal numbers, city slugs, country codes). */
import { db } from "../../db/client";
import { cities, policyAreas, sdgGoals } from "../../db/schema";
import { STAKEHOLDER_TYPE_LABELS, type StakeholderType } from "../cases/schemas";
import { BUDGET_BANDS } from "./document";
import type { Facet } from "./document";
import { languageName } from "../i18n/format";

export type FacetLabels = (facet: Facet, value: string) => string;

export async function loadFacetLabels(): Promise<FacetLabels> {
  const [areas, goals, cityRows] = await Promise.all([
    db.select({ key: policyAreas.key, labels: policyAreas.labels }).from(policyAreas),
    db.select({ goal: sdgGoals.goal, shortName: sdgGoals.shortName }).from(sdgGoals),
    db.select({ slug: cities.slug, name: cities.name, code: cities.countryCode, country: cities.country }).from(cities),
  ]);
  const area = new Map(areas.map((a) => [a.key, a.labels.en ?? a.key]));
  const goal = new Map(goals.map((g) => [String(g.goal), `${g.goal}. ${g.shortName}`]));
  const city = new Map(cityRows.map((c) => [c.slug, c.name]));
  const country = new Map(cityRows.map((c) => [c.code, c.country]));
  const band = new Map(BUDGET_BANDS.map((b) => [b.key as string, b.label as string]));
  return (facet, value) => {
    switch (facet) {
      case "sdg":
        return goal.get(value) ?? `SDG ${value}`;
      case "target":
        return `Target ${value}`;
      case "area":
        return area.get(value) ?? value;
      case "city":
        return city.get(value) ?? value;
      case "country":
        return country.get(value) ?? value;
      case "language":
        return languageName(value);
      case "budgetBand":
        return band.get(value) ?? value;
      case "stakeholderType":
        return STAKEHOLDER_TYPE_LABELS[value as StakeholderType] ?? value;
      case "transferred":
        return value === "true" ? "Adopted or studied by another city" : "Not yet transferred";
      default:
        return value;
    }
  };
}
