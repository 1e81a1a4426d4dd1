"use client";
/**
 * The moderator's decisions on one submission: approve, request changes (a comment is required;
 * comments can be pinned to fields), reject (a reason is required). Plus, for staff with the
 * right, taking the case offline and back. Works without JavaScript except for adding more
 * field-comment rows. A refused decision shows the reason and keeps what was typed.
 */
import { useActionState, useId, useState } from "react";
import { decideAction, type DecisionFormState } from "./actions";

type Field = { key: string; label: string };
type Values = { comment: string; fieldComments: { field: string; comment: string }[] };

const EMPTY: Values = { comment: "", fieldComments: [] };
const valuesOf = (s: DecisionFormState): Values => (s.status === "error" ? s.values : EMPTY);
const keyOf = (s: DecisionFormState) => (s.status === "error" ? s.at : 0);

function ErrorBox({ state }: { state: DecisionFormState }) {
  if (state.status !== "error") return null;
  return (
    <div role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-sm">
      <p className="font-semibold">{state.message}</p>
      {state.code === "already_decided" && (
        <p>
          <a href="/moderation">Back to the queue</a>
        </p>
      )}
      {state.issues && state.issues.length > 0 && (
        <ul className="list-disc pl-5">
          {state.issues.map((i, n) => (
            <li key={n}>{i.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

const buttonClass =
  "rounded px-4 py-2 font-semibold text-white focus:outline-none focus-visible:ring-4 focus-visible:ring-offset-2 disabled:opacity-60";
const inputClass = "rounded border border-slate-500 p-2";

function Hidden({ caseId, revisionId, decision }: { caseId: string; revisionId: string; decision: string }) {
  return (
    <>
      <input type="hidden" name="decision" value={decision} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="revisionId" value={revisionId} />
    </>
  );
}

function FieldCommentRows({ fields, initial }: { fields: Field[]; initial: Values["fieldComments"] }) {
  const id = useId();
  const [rows, setRows] = useState(() =>
    (initial.length ? initial : [{ field: "", comment: "" }]).map((r, i) => ({ ...r, key: i })),
  );
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="text-sm font-semibold">Comments on particular fields (optional)</legend>
      {rows.map((row, index) => (
        <div key={row.key} className="flex flex-col gap-1 rounded border border-slate-200 p-2">
          <div className="flex flex-col">
            <label htmlFor={`${id}-field-${row.key}`} className="text-sm">
              Field {index + 1}
            </label>
            <select id={`${id}-field-${row.key}`} name="fieldComment.field" defaultValue={row.field} className={inputClass}>
              <option value="">Choose a field…</option>
              {fields.map((f) => (
                <option key={f.key} value={f.key}>
                  {f.label}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col">
            <label htmlFor={`${id}-comment-${row.key}`} className="text-sm">
              Comment on field {index + 1}
            </label>
            <textarea id={`${id}-comment-${row.key}`} name="fieldComment.comment" rows={2} maxLength={2000} defaultValue={row.comment} className={inputClass} />
          </div>
          {rows.length > 1 && (
            <button
              type="button"
              className="self-start text-sm underline"
              onClick={() => setRows((r) => r.filter((x) => x.key !== row.key))}
              aria-label={`Remove the comment on field ${index + 1}`}
            >
              Remove
            </button>
          )}
        </div>
      ))}
      <div>
        <button
          type="button"
          className="text-sm underline"
          onClick={() => setRows((r) => [...r, { field: "", comment: "", key: Math.max(0, ...r.map((x) => x.key)) + 1 }])}
        >
          Add a comment on another field
        </button>
      </div>
    </fieldset>
  );
}

type FormProps = {
  caseId: string;
  revisionId: string;
  state: DecisionFormState;
  action: (formData: FormData) => void;
  pending: boolean;
};

function ApproveForm({ caseId, revisionId, state, action, pending }: FormProps) {
  const id = useId();
  return (
    <form action={action} className="flex flex-col gap-2" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="font-semibold">
        Approve and publish
      </h3>
      <Hidden caseId={caseId} revisionId={revisionId} decision="approve" />
      <label htmlFor={`${id}-comment`} className="text-sm">
        Note to the authors (optional)
      </label>
      <textarea id={`${id}-comment`} name="comment" rows={2} maxLength={5000} defaultValue={valuesOf(state).comment} className={inputClass} />
      <ErrorBox state={state} />
      <div>
        <button type="submit" disabled={pending} className={`${buttonClass} bg-green-800 hover:bg-green-900 focus-visible:ring-green-600`}>
          {pending ? "Approving…" : "Approve and publish"}
        </button>
      </div>
    </form>
  );
}

function ChangesForm({ caseId, revisionId, state, action, pending, fields }: FormProps & { fields: Field[] }) {
  const id = useId();
  const values = valuesOf(state);
  return (
    <form action={action} className="flex flex-col gap-2 border-t border-slate-200 pt-4" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="font-semibold">
        Request changes
      </h3>
      <Hidden caseId={caseId} revisionId={revisionId} decision="request_changes" />
      <label htmlFor={`${id}-comment`} className="text-sm">
        What needs to change (required)
      </label>
      <textarea id={`${id}-comment`} name="comment" rows={3} required maxLength={5000} defaultValue={values.comment} className={inputClass} />
      <FieldCommentRows fields={fields} initial={values.fieldComments} />
      <ErrorBox state={state} />
      <div>
        <button type="submit" disabled={pending} className={`${buttonClass} bg-amber-800 hover:bg-amber-900 focus-visible:ring-amber-600`}>
          {pending ? "Sending…" : "Request changes"}
        </button>
      </div>
    </form>
  );
}

function RejectForm({ caseId, revisionId, state, action, pending }: FormProps) {
  const id = useId();
  return (
    <form action={action} className="flex flex-col gap-2 border-t border-slate-200 pt-4" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="font-semibold">
        Reject
      </h3>
      <Hidden caseId={caseId} revisionId={revisionId} decision="reject" />
      <label htmlFor={`${id}-comment`} className="text-sm">
        Reason (required; the authors will read it)
      </label>
      <textarea id={`${id}-comment`} name="comment" rows={2} required maxLength={5000} defaultValue={valuesOf(state).comment} className={inputClass} />
      <ErrorBox state={state} />
      <div>
        <button type="submit" disabled={pending} className={`${buttonClass} bg-red-800 hover:bg-red-900 focus-visible:ring-red-600`}>
          {pending ? "Rejecting…" : "Reject"}
        </button>
      </div>
    </form>
  );
}

export function DecisionForms({ caseId, revisionId, fields }: { caseId: string; revisionId: string; fields: Field[] }) {
  const [approveState, approve, approving] = useActionState(decideAction, { status: "idle" });
  const [changesState, askChanges, asking] = useActionState(decideAction, { status: "idle" });
  const [rejectState, reject, rejecting] = useActionState(decideAction, { status: "idle" });
  const id = useId();
  return (
    <section aria-labelledby={`${id}-decide`} className="flex flex-col gap-4 rounded border border-slate-300 p-4" data-testid="decision-forms">
      <h2 id={`${id}-decide`} className="text-xl font-semibold">
        Your decision
      </h2>
      <p className="text-sm text-slate-700">Moderators decide; authors change. You cannot edit the case yourself.</p>
      <ApproveForm key={keyOf(approveState)} caseId={caseId} revisionId={revisionId} state={approveState} action={approve} pending={approving} />
      <ChangesForm
        key={keyOf(changesState)}
        caseId={caseId}
        revisionId={revisionId}
        state={changesState}
        action={askChanges}
        pending={asking}
        fields={fields}
      />
      <RejectForm key={keyOf(rejectState)} caseId={caseId} revisionId={revisionId} state={rejectState} action={reject} pending={rejecting} />
    </section>
  );
}

const OFFLINE_LABELS = {
  unpublish: { title: "Unpublish", help: "Takes the case offline. Its city is told the reason.", required: true },
  archive: { title: "Archive", help: "Retires the case; it leaves public view. Nothing is deleted.", required: false },
  restore: { title: "Restore", help: "Brings the case back to where it was before.", required: false },
} as const;

function OfflineFormBody({
  caseId,
  version,
  kind,
  state,
  action,
  pending,
}: {
  caseId: string;
  version: number;
  kind: keyof typeof OFFLINE_LABELS;
  state: DecisionFormState;
  action: (formData: FormData) => void;
  pending: boolean;
}) {
  const id = useId();
  const labels = OFFLINE_LABELS[kind];
  return (
    <form action={action} className="flex flex-col gap-2" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="font-semibold">
        {labels.title}
      </h3>
      <p className="text-sm text-slate-700">{labels.help}</p>
      <input type="hidden" name="decision" value={kind} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor={`${id}-reason`} className="text-sm">
        Reason{labels.required ? " (required)" : " (optional)"}
      </label>
      <textarea
        id={`${id}-reason`}
        name="comment"
        rows={2}
        required={labels.required}
        maxLength={5000}
        defaultValue={valuesOf(state).comment}
        className={inputClass}
      />
      <ErrorBox state={state} />
      <div>
        <button type="submit" disabled={pending} className={`${buttonClass} bg-slate-800 hover:bg-slate-900 focus-visible:ring-slate-600`}>
          {labels.title}
        </button>
      </div>
    </form>
  );
}

function OfflineForm({ caseId, version, kind }: { caseId: string; version: number; kind: keyof typeof OFFLINE_LABELS }) {
  const [state, action, pending] = useActionState(decideAction, { status: "idle" });
  return <OfflineFormBody key={keyOf(state)} caseId={caseId} version={version} kind={kind} state={state} action={action} pending={pending} />;
}

export function OfflineForms({ caseId, version, actions }: { caseId: string; version: number; actions: string[] }) {
  const offered = (["unpublish", "archive", "restore"] as const).filter((a) => actions.includes(a));
  if (offered.length === 0) return null;
  return (
    <section aria-label="Take the case offline or back" className="flex flex-col gap-4 rounded border border-slate-300 p-4">
      {offered.map((a) => (
        <OfflineForm key={a} caseId={caseId} version={version} kind={a} />
      ))}
    </section>
  );
}
