import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { getCaseForEditOrThrow, loadStudioReferenceData } from "@/lib/cases/studio-queries";
import { CaseForm } from "@/components/studio/case-form";
import { STATUS_LABELS } from "@/components/studio/status";
import { submitCaseAction, withdrawCaseAction } from "../../actions";
import { orNotFound } from "./load";

export const metadata: Metadata = { title: "Edit case", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function EditCasePage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/studio/cases/${id}`);
  const [item, reference] = await Promise.all([orNotFound(getCaseForEditOrThrow(actor, id)), loadStudioReferenceData()]);
  const revisionLabel = STATUS_LABELS[item.revision.status] ?? item.revision.status;
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/studio" className="underline">
          Studio
        </Link>{" "}
        / {item.city.name}
      </nav>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-3xl font-bold">{item.data.title || "Untitled case"}</h1>
        <div className="flex gap-3 text-sm">
          {item.hasBeenPublished && (
            <Link href={`/cases/${item.slug}`} className="underline">
              Live page
            </Link>
          )}
        </div>
      </div>
      <p className="text-sm text-slate-700" data-testid="revision-info">
        Revision {item.revision.number} · {revisionLabel}
        {item.revision.lastEditor && <> · last edited by {item.revision.lastEditor}</>}
        {item.hasBeenPublished && item.revision.status === "approved" && <> · editing starts a new draft; the published version stays live until it is approved</>}
      </p>
      {item.status === "archived" && <p role="status">This case is archived. A city admin can restore it.</p>}
      {item.status === "rejected" && <p role="status">This case was rejected and can no longer be edited.</p>}
      {item.revision.status === "submitted" && <p role="status">This revision is waiting for review. Withdraw it to make more changes.</p>}
      <CaseForm
        key={item.id}
        caseId={item.id}
        version={item.version}
        initial={item.data}
        editable={item.editable}
        revisionStatus={item.revision.status}
        reference={reference}
        changeRequest={item.changeRequest ? { comment: item.changeRequest.comment, fieldComments: item.changeRequest.fieldComments } : null}
        submitAction={submitCaseAction}
        withdrawAction={withdrawCaseAction}
      />
    </div>
  );
}
