/**
 * For the studio: the actor's cities' published cases not updated for 24 months. Renders nothing
 * when there are none. Pass the signed-in actor.
 */
import Link from "next/link";
import type { Actor } from "@/lib/auth/policy";
import { listCasesNeedingRefresh } from "@/lib/cases/freshness";
import { formatDate } from "@/lib/i18n/format";

export async function RefreshList({ actor }: { actor: Actor | null }) {
  const items = await listCasesNeedingRefresh(actor);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="refresh-heading" className="rounded border border-amber-500 bg-amber-50 p-4" data-testid="refresh-list">
      <h2 id="refresh-heading" className="text-lg font-semibold">
        Due for a refresh
      </h2>
      <p className="text-sm">These published cases have not been updated for two years. Check they are still accurate.</p>
      <ul className="mt-2 flex flex-col gap-1">
        {items.map((c) => (
          <li key={c.caseId}>
            <Link href={`/studio/cases/${c.caseId}`}>{c.title}</Link> — {c.city.name}, last updated {formatDate(c.lastUpdatedAt)}
            {c.updateInProgress && <span className="ml-1 text-sm">(an update is in progress)</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
