import Link from "next/link";
import { relatedCases } from "@/lib/search/related";

/**
 * "Related cases" for a published case page (a server component): the most similar published
 * cases by shared SDG targets, policy areas and words. Renders nothing when there are none.
 */
export async function RelatedCases({ caseId, limit = 4 }: { caseId: string; limit?: number }) {
  const items = await relatedCases(caseId, limit);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="related-cases" className="flex flex-col gap-3">
      <h2 id="related-cases" className="text-xl font-semibold">
        Related cases
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {items.map((r) => (
          <li key={r.id} className="rounded border border-slate-200 p-3">
            <Link href={`/cases/${r.slug}`} className="font-semibold">
              {r.title}
            </Link>
            <p className="text-sm text-slate-700">
              {r.city.name}, {r.city.country} · SDG {r.sdgGoals.join(", ")}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
