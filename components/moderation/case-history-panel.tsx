/**
 * A case's own history for staff and its city's officials: every transition with who, when,
 * from/to and the comment. Renders nothing for anyone else. Place it on a case page (public page
 * for staff, studio, review page) and pass the signed-in actor.
 */
import Link from "next/link";
import type { Actor } from "@/lib/auth/policy";
import { can } from "@/lib/auth/policy";
import { auditActionLabel, describeTransition, getCaseHistory } from "@/lib/audit/queries";
import { revisionFieldLabel } from "@/lib/cases/fields";

export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export async function CaseHistoryPanel({ actor, caseId, headingLevel = 2 }: { actor: Actor | null; caseId: string; headingLevel?: 2 | 3 }) {
  const history = await getCaseHistory(actor, caseId);
  if (!history) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={`history-${caseId}`} className="rounded border border-slate-300 bg-slate-50 p-4 text-sm" data-testid="case-history">
      <Heading id={`history-${caseId}`} className="mb-2 text-lg font-semibold">
        History of this case <span className="font-normal text-slate-700">(visible to staff and the city)</span>
      </Heading>
      {history.length === 0 ? (
        <p>Nothing has happened to this case yet.</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {history.map((h) => (
            <li key={h.id} className="border-l-4 border-slate-300 pl-3">
              <p>
                <strong>{auditActionLabel(h.action)}</strong>
                {h.revisionNumber != null && <> (revision {h.revisionNumber})</>}
                {describeTransition(h) && <> — {describeTransition(h)}</>}
              </p>
              <p className="text-slate-700">
                {h.actor.name ?? "System"} · <time dateTime={h.occurredAt.toISOString()}>{formatUtc(h.occurredAt)}</time>
              </p>
              {h.comment && <p className="mt-1 whitespace-pre-wrap">“{h.comment}”</p>}
              {h.fieldComments.length > 0 && (
                <ul className="mt-1 list-disc pl-5">
                  {h.fieldComments.map((f, i) => (
                    <li key={i}>
                      <span className="font-semibold">{revisionFieldLabel(f.field)}:</span> {f.comment}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {can(actor, "audit.view") && (
        <p className="mt-3">
          <Link href={`/moderation/audit?case=${caseId}&scope=all`}>Open in the audit log</Link>
        </p>
      )}
    </section>
  );
}
