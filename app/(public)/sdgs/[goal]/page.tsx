import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getGoal } from "@/lib/sdgs/queries";
import { listCasesOfGoal } from "@/lib/cases/queries";
import { goalTextColor } from "@/lib/sdgs/colors";
import { CaseCardList } from "@/components/cases/case-card";

type Props = { params: Promise<{ goal: string }> };

function parseGoal(value: string): number | null {
  return /^(?:[1-9]|1[0-7])$/.test(value) ? Number(value) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const n = parseGoal((await params).goal);
  const goal = n ? await getGoal(n) : null;
  return { title: goal ? `SDG ${goal.goal}: ${goal.shortName}` : "Goal not found" };
}

export default async function GoalPage({ params }: Props) {
  await connection();
  const n = parseGoal((await params).goal);
  const goal = n ? await getGoal(n) : null;
  if (!goal) notFound();
  const cases = await listCasesOfGoal(goal.goal);
  return (
    <div className="flex flex-col gap-8">
      <header className="rounded p-6" style={{ backgroundColor: goal.color, color: goalTextColor(goal.color) }}>
        <p className="font-semibold">Sustainable Development Goal {goal.goal}</p>
        <h1 className="text-3xl font-bold">{goal.shortName}</h1>
        <p className="mt-2 text-lg">{goal.title}</p>
      </header>
      <section aria-labelledby="goal-cases">
        <h2 id="goal-cases" className="mb-3 text-2xl font-semibold">
          Published cases ({cases.length})
        </h2>
        <CaseCardList items={cases} />
      </section>
      <section aria-labelledby="goal-targets">
        <h2 id="goal-targets" className="mb-3 text-2xl font-semibold">
          Targets and indicators
        </h2>
        <ol className="flex flex-col gap-4">
          {goal.targets.map((t) => (
            <li key={t.code} id={`target-${t.code}`}>
              <p>
                <span className="font-semibold">Target {t.code}.</span> {t.text}
              </p>
              {t.indicators.length > 0 && (
                <ul className="mt-1 list-disc pl-6 text-sm text-slate-700">
                  {t.indicators.map((i) => (
                    <li key={i.code}>
                      Indicator {i.code}: {i.text}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
