import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { formatWaiting, listReviewQueue } from "@/lib/moderation/queue";
import { languageName } from "@/lib/i18n/format";
import { formatUtc } from "@/components/moderation/case-history-panel";

export const metadata: Metadata = { title: "Review queue" };

const DONE_MESSAGES: Record<string, string> = {
  approve: "Approved: the revision is now live.",
  request_changes: "Changes requested: the authors have been told.",
  reject: "Rejected: the authors have been told.",
  unpublish: "Unpublished: the case is offline and its city has been told.",
  archive: "Archived.",
  restore: "Restored.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewQueuePage({ searchParams }: Props) {
  const actor = await requireActor("/moderation");
  const queue = await listReviewQueue(actor);
  if (!queue) notFound();
  const done = (await searchParams).done;
  const doneMessage = typeof done === "string" ? DONE_MESSAGES[done] : undefined;

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Review queue</h1>
      {doneMessage && (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">
          {doneMessage}
        </p>
      )}
      <p>
        {queue.length === 0
          ? "Nothing is waiting for review."
          : `${queue.length} submission${queue.length === 1 ? "" : "s"} waiting, oldest first.`}
      </p>
      {queue.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="review-queue">
            <caption className="sr-only">Submissions waiting for review, oldest first</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="py-2 pr-3">Case</th>
                <th scope="col" className="py-2 pr-3">Kind</th>
                <th scope="col" className="py-2 pr-3">City</th>
                <th scope="col" className="py-2 pr-3">Language</th>
                <th scope="col" className="py-2 pr-3">SDGs</th>
                <th scope="col" className="py-2 pr-3">Submitted</th>
                <th scope="col" className="py-2">Waiting</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((q) => (
                <tr key={q.revisionId} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-3">
                    <Link href={`/moderation/${q.caseId}`} className="font-semibold">
                      {q.title}
                    </Link>
                    <div className="text-slate-700">
                      Revision {q.revisionNumber}
                      {q.submittedBy && <> by {q.submittedBy}</>}
                    </div>
                  </td>
                  <td className="py-2 pr-3">
                    {q.kind === "new" ? "New case" : q.caseStatus === "unpublished" ? "Update (case is offline)" : "Update of a live case"}
                  </td>
                  <td className="py-2 pr-3">
                    {q.city.name}, {q.city.country}
                  </td>
                  <td className="py-2 pr-3">{languageName(q.language)}</td>
                  <td className="py-2 pr-3">{q.sdgGoals.length ? q.sdgGoals.map((g) => `Goal ${g}`).join(", ") : "—"}</td>
                  <td className="py-2 pr-3">
                    <time dateTime={q.submittedAt.toISOString()}>{formatUtc(q.submittedAt)}</time>
                  </td>
                  <td className="py-2">{formatWaiting(q.waitingMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
