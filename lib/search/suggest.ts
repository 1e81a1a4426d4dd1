/** Suggestions as you type: case titles (from the engine), cities and SDG targets. */
import { and, asc, ilike, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { cities, sdgTargets } from "../../db/schema";
import { emptyFilters, type SearchEngine } from "./engine";

export type Suggestion = { kind: "case" | "city" | "target"; label: string; detail: string; href: string };

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function suggest(db: DbOrTx, engine: SearchEngine, q: string): Promise<Suggestion[]> {
  const text = q.trim().slice(0, 100);
  if (text.length < 2) return [];
  const pattern = likePattern(text);
  const [cases, cityRows, targetRows] = await Promise.all([
    engine.search({ q: text, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 5, withFacets: false, prefix: true }),
    db
      .select({ slug: cities.slug, name: cities.name, country: cities.country })
      .from(cities)
      .where(or(ilike(cities.name, pattern), ilike(cities.country, pattern)))
      .orderBy(asc(cities.name))
      .limit(3),
    db
      .select({ code: sdgTargets.code, text: sdgTargets.text })
      .from(sdgTargets)
      .where(
        /^\d/.test(text)
          ? ilike(sdgTargets.code, `${text.replace(/[\\%_]/g, "")}%`)
          : and(ilike(sdgTargets.text, pattern), sql`true`),
      )
      .orderBy(asc(sdgTargets.goal), asc(sdgTargets.position))
      .limit(3),
  ]);
  return [
    ...cases.hits.map((h) => ({ kind: "case" as const, label: h.title, detail: `${h.city.name}, ${h.city.country}`, href: `/cases/${h.slug}` })),
    ...cityRows.map((c) => ({ kind: "city" as const, label: c.name, detail: c.country, href: `/search?city=${encodeURIComponent(c.slug)}` })),
    ...targetRows.map((t) => ({
      kind: "target" as const,
      label: `SDG target ${t.code}`,
      detail: t.text.length > 90 ? `${t.text.slice(0, 89)}…` : t.text,
      href: `/search?target=${encodeURIComponent(t.code)}`,
    })),
  ];
}
