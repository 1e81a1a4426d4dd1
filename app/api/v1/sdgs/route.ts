import { getGoal, listGoals } from "@/lib/sdgs/queries";
import { caseCountsByGoal } from "@/lib/cases/queries";
import { jsonOk } from "@/lib/api/responses";

export async function GET() {
  const [goals, counts] = await Promise.all([listGoals(), caseCountsByGoal()]);
  const full = await Promise.all(goals.map((g) => getGoal(g.goal)));
  return jsonOk({
    goals: full.map((g) => ({
      goal: g!.goal,
      shortName: g!.shortName,
      title: g!.title,
      color: g!.color,
      publishedCases: counts.get(g!.goal) ?? 0,
      targets: g!.targets,
    })),
  });
}
