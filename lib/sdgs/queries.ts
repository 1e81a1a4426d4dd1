import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { sdgGoals, sdgIndicators, sdgTargets } from "../../db/schema";

export type Goal = typeof sdgGoals.$inferSelect;

export async function listGoals(): Promise<Goal[]> {
  return db.select().from(sdgGoals).orderBy(asc(sdgGoals.goal));
}

export async function getGoal(goal: number) {
  const [row] = await db.select().from(sdgGoals).where(eq(sdgGoals.goal, goal));
  if (!row) return null;
  const [targets, indicators] = await Promise.all([
    db.select().from(sdgTargets).where(eq(sdgTargets.goal, goal)).orderBy(asc(sdgTargets.position)),
    db
      .select({ code: sdgIndicators.code, targetCode: sdgIndicators.targetCode, text: sdgIndicators.text })
      .from(sdgIndicators)
      .innerJoin(sdgTargets, eq(sdgTargets.code, sdgIndicators.targetCode))
      .where(eq(sdgTargets.goal, goal))
      .orderBy(asc(sdgIndicators.position)),
  ]);
  return {
    ...row,
    targets: targets.map((t) => ({ code: t.code, text: t.text, indicators: indicators.filter((i) => i.targetCode === t.code) })),
  };
}
