import Link from "next/link";
import { connection } from "next/server";
import { caseCountsByGoal, listNewestCases, platformCounts } from "@/lib/cases/queries";
import { listGoals } from "@/lib/sdgs/queries";
import { goalTextColor } from "@/lib/sdgs/colors";
import { CaseCardList } from "@/components/cases/case-card";
import { formatNumber } from "@/lib/i18n/format";

export default async function HomePage() {
  await connection();
  const [counts, goals, goalCounts, newest] = await Promise.all([
    platformCounts(),
    listGoals(),
    caseCountsByGoal(),
    listNewestCases(6),
  ]);
  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="intro" className="flex flex-col gap-4">
        <h1 id="intro" className="text-3xl font-bold">
          Urban policies that work, shared by the cities that made them
        </h1>
        <p className="max-w-3xl text-lg leading-8 text-slate-800">
          Cities publish policy cases here: the problem they faced, what they did, and the know-how another city
          needs to repeat it — budget, staff, stakeholders, timeline, obstacles and how they adapted, and results —
          tagged with the UN Sustainable Development Goals. Moderators review every case before it goes live.
        </p>
        <form action="/search" method="get" role="search" className="flex max-w-2xl gap-2">
          <label htmlFor="home-q" className="sr-only">
            Search cases
          </label>
          <input
            id="home-q"
            name="q"
            type="search"
            placeholder="e.g. traffic congestion, waste, 교통카드"
            className="min-w-0 flex-1 rounded border border-slate-400 px-3 py-2"
          />
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            Search
          </button>
        </form>
        <dl className="flex flex-wrap gap-8" aria-label="The platform in numbers">
          {[
            ["Published cases", counts.cases],
            ["Cities", counts.cities],
            ["Countries", counts.countries],
          ].map(([label, n]) => (
            <div key={label as string}>
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="text-3xl font-bold" data-testid={`count-${String(label).toLowerCase().replace(" ", "-")}`}>
                {formatNumber(n as number)}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="goals" className="flex flex-col gap-4">
        <h2 id="goals" className="text-2xl font-semibold">
          Browse by Sustainable Development Goal
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {goals.map((g) => (
            <li key={g.goal}>
              <Link
                href={`/sdgs/${g.goal}`}
                className="flex h-full min-h-28 flex-col justify-between rounded p-3 no-underline hover:underline"
                style={{ backgroundColor: g.color, color: goalTextColor(g.color) }}
              >
                <span className="text-2xl font-bold">{g.goal}</span>
                <span className="font-semibold leading-tight">{g.shortName}</span>
                <span className="text-sm">
                  {goalCounts.get(g.goal) ?? 0} {(goalCounts.get(g.goal) ?? 0) === 1 ? "case" : "cases"}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="newest" className="flex flex-col gap-4">
        <h2 id="newest" className="text-2xl font-semibold">
          Newest cases
        </h2>
        <CaseCardList items={newest} />
        <p>
          <Link href="/search">See all cases</Link>
        </p>
      </section>
    </div>
  );
}
