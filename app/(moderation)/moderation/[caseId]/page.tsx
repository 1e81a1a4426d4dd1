import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { getSubmissionForReview, formatWaiting } from "@/lib/moderation/queue";
import { loadCaseView } from "@/lib/cases/queries";
import { REVISION_FIELDS, revisionFieldLabel } from "@/lib/cases/fields";
import { CaseView } from "@/components/cases/case-view";
import { DiffView } from "@/components/moderation/diff-view";
import { CaseHistoryPanel, formatUtc } from "@/components/moderation/case-history-panel";
import { DecisionForms, OfflineForms } from "./decision-forms";

export const metadata: Metadata = { title: "Review a submission" };

type Props = { params: Promise<{ caseId: string }> };

const DECISION_LABELS: Record<string, string> = {
  approve: "Approved",
  request_changes: "Changes requested",
  reject: "Rejected",
};

const STATUS_LABELS: Record<string, string> = {
  draft: "Draft",
  submitted: "Submitted, never published",
  changes_requested: "Changes requested",
  published: "Published",
  rejected: "Rejected",
  unpublished: "Unpublished (offline)",
  archived: "Archived",
};

export default async function ReviewPage({ params }: Props) {
  const { caseId } = await params;
  const actor = await requireActor(`/moderation/${caseId}`);
  const review = await getSubmissionForReview(actor, caseId);
  if (!review) notFound();

  const shownRevisionId = review.pending?.revisionId ?? review.liveRevisionId;
  const view = shownRevisionId ? await loadCaseView(review.caseId, shownRevisionId, { withContactEmails: true }) : null;
  const title = view?.title || "(untitled)";
  const fields = REVISION_FIELDS.map((f) => ({ key: f.key, label: f.label }));

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm">
          <Link href="/moderation">← Review queue</Link>
        </p>
        <h1 className="text-2xl font-bold">Review: {title}</h1>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-semibold">Case status</dt>
          <dd>{STATUS_LABELS[review.caseStatus] ?? review.caseStatus}</dd>
          <dt className="font-semibold">Kind</dt>
          <dd>{review.kind === "new" ? "New case" : "Update of a case that has been published"}</dd>
          {view && (
            <>
              <dt className="font-semibold">City</dt>
              <dd>
                {view.city.name}, {view.city.country}
              </dd>
            </>
          )}
          {review.pending && (
            <>
              <dt className="font-semibold">Submitted</dt>
              <dd>
                Revision {review.pending.revisionNumber}
                {review.pending.submittedBy && <> by {review.pending.submittedBy}</>}
                {review.pending.submittedAt && (
                  <>
                    , <time dateTime={review.pending.submittedAt.toISOString()}>{formatUtc(review.pending.submittedAt)}</time> (waiting{" "}
                    {formatWaiting(Date.now() - review.pending.submittedAt.getTime())})
                  </>
                )}
              </dd>
            </>
          )}
          {review.caseStatus === "published" && (
            <>
              <dt className="font-semibold">Public page</dt>
              <dd>
                <Link href={`/cases/${review.slug}`}>/cases/{review.slug}</Link>
              </dd>
            </>
          )}
        </dl>
      </header>

      {!review.pending && (
        <p role="status" className="rounded border-l-4 border-slate-500 bg-slate-50 p-3">
          Nothing from this case is waiting for review.
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="flex min-w-0 flex-col gap-8">
          {review.pending && review.kind === "update" && (
            <DiffView diff={review.diff} caption="What changed against the live version" />
          )}
          {view ? (
            // A plain group, not a region landmark: the case's own "Key facts" aside must stay a
            // top-level complementary landmark.
            <div className="flex flex-col gap-3" data-testid="as-published">
              <h2 id="as-published" className="text-xl font-semibold">
                {review.pending ? "As it will be published" : "The live version"}
              </h2>
              <div className="rounded border border-slate-300 p-4">
                <CaseView item={view} />
              </div>
            </div>
          ) : (
            <p>There is no submitted or published revision to show.</p>
          )}
        </div>
        <aside className="flex flex-col gap-4" aria-label="Decision and history">
          {review.pending && review.actions.includes("approve") && (
            <DecisionForms caseId={review.caseId} revisionId={review.pending.revisionId} fields={fields} />
          )}
          <OfflineForms caseId={review.caseId} version={review.version} actions={review.actions} />
          {review.pastReviews.length > 0 && (
            <section aria-labelledby="past-reviews" className="text-sm">
              <h2 id="past-reviews" className="mb-2 text-lg font-semibold">
                Earlier decisions
              </h2>
              <ol className="flex flex-col gap-2">
                {review.pastReviews.map((r, i) => (
                  <li key={i} className="border-l-4 border-slate-300 pl-3">
                    <p>
                      <strong>{DECISION_LABELS[r.decision] ?? r.decision}</strong> (revision {r.revisionNumber}) by {r.moderator ?? "a former moderator"},{" "}
                      {formatUtc(r.createdAt)}
                    </p>
                    {r.comment && <p className="whitespace-pre-wrap">“{r.comment}”</p>}
                    {r.fieldComments.length > 0 && (
                      <ul className="list-disc pl-5">
                        {r.fieldComments.map((f, j) => (
                          <li key={j}>
                            <span className="font-semibold">{revisionFieldLabel(f.field)}:</span> {f.comment}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          )}
          <CaseHistoryPanel actor={actor} caseId={review.caseId} />
        </aside>
      </div>
    </div>
  );
}
