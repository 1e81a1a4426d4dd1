import Link from "next/link";
import { goalTextColor } from "@/lib/sdgs/colors";

/** A goal's number in its official colour, linking to the goal's page. */
export function GoalBadge({ goal, shortName, color }: { goal: number; shortName: string; color: string }) {
  return (
    <Link
      href={`/sdgs/${goal}`}
      className="inline-flex items-center gap-1 rounded px-2 py-1 text-sm font-semibold no-underline hover:underline"
      style={{ backgroundColor: color, color: goalTextColor(color) }}
    >
      <span aria-hidden="true">{goal}</span>
      <span>
        <span className="sr-only">Goal {goal}: </span>
        {shortName}
      </span>
    </Link>
  );
}
