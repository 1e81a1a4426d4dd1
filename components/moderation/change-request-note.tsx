/**
 * The moderator's request for changes, for the studio: a banner with the overall comment and, per
 * field, the comment to show beside that field's input. Use with `openChangeRequest(caseId)` from
 * lib/cases/workflow.ts and `fieldKeyOfPath` from lib/cases/fields.ts.
 */
import type { ChangeRequest } from "@/lib/cases/workflow";
import { revisionFieldLabel } from "@/lib/cases/fields";

export function ChangeRequestBanner({ request }: { request: ChangeRequest }) {
  return (
    <section role="note" aria-labelledby="change-request-heading" className="rounded border-l-4 border-amber-600 bg-amber-50 p-4" data-testid="change-request">
      <h2 id="change-request-heading" className="font-semibold">
        A moderator asked for changes (revision {request.revisionNumber})
      </h2>
      <p className="mt-1 whitespace-pre-wrap">{request.comment}</p>
      {request.fieldComments.length > 0 && (
        <ul className="mt-2 list-disc pl-5">
          {request.fieldComments.map((f, i) => (
            <li key={i}>
              <span className="font-semibold">{revisionFieldLabel(f.field)}:</span> {f.comment}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-sm">Edit the case, then submit it again.</p>
    </section>
  );
}

/** The comments pinned to one field, to render right beside (after) its input. */
export function FieldReviewComment({ request, field }: { request: ChangeRequest | null; field: string }) {
  const comments = request?.fieldComments.filter((f) => f.field === field) ?? [];
  if (comments.length === 0) return null;
  return (
    <div className="mt-1 rounded border border-amber-500 bg-amber-50 p-2 text-sm" data-testid={`field-comment-${field}`}>
      <p className="font-semibold">Moderator’s comment</p>
      {comments.map((c, i) => (
        <p key={i} className="whitespace-pre-wrap">
          {c.comment}
        </p>
      ))}
    </div>
  );
}
