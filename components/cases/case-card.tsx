import Link from "next/link";
import type { CaseCard as CaseCardData } from "@/lib/cases/queries";
import { languageName } from "@/lib/i18n/format";

export function CaseCard({ item, headingLevel = 3 }: { item: CaseCardData; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="flex flex-col gap-2 rounded border border-slate-200 p-4">
      <Heading className="text-base font-semibold leading-snug">
        <Link href={`/cases/${item.slug}`}>{item.title}</Link>
      </Heading>
      <p className="text-sm text-slate-700">
        <Link href={`/cities/${item.city.slug}`} className="text-slate-700">
          {item.city.name}
        </Link>
        , {item.city.country}
        {item.language !== "en" && <> · {languageName(item.language)}</>}
        {item.sdgGoals.length > 0 && <> · SDG {item.sdgGoals.join(", ")}</>}
      </p>
      <p className="line-clamp-3 text-sm text-slate-800" lang={item.language}>
        {item.summary}
      </p>
    </article>
  );
}

export function CaseCardList({ items, headingLevel = 3 }: { items: CaseCardData[]; headingLevel?: 2 | 3 }) {
  if (items.length === 0) return <p className="text-slate-700">No published cases yet.</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {items.map((item) => (
        <li key={item.slug} className="flex">
          <CaseCard item={item} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
