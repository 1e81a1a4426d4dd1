import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { listGoals } from "@/lib/sdgs/queries";
import { caseCountsByGoal } from "@/lib/cases/queries";
import { goalTextColor } from "@/lib/sdgs/colors";

export const metadata: Metadata = { title: "Sustainable Development Goals" };

export default async function GoalsPage() {
  await connection();
  const [goals, counts] = await Promise.all([listGoals(), caseCountsByGoal()]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">The 17 Sustainable Development Goals</h1>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {goals.map((g) => (
          <li key={g.goal}>
            <Link
              href={`/sdgs/${g.goal}`}
              className="flex h-full flex-col gap-1 rounded p-4 no-underline hover:underline"
              style={{ backgroundColor: g.color, color: goalTextColor(g.color) }}
            >
              <span className="text-lg font-bold">
                {g.goal}. {g.shortName}
              </span>
              <span className="text-sm">{g.title}</span>
              <span className="text-sm font-semibold">{counts.get(g.goal) ?? 0} published cases</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
