import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { getCaseForEditOrThrow } from "@/lib/cases/studio-queries";
import { loadCaseView } from "@/lib/cases/queries";
import { CaseView } from "@/components/cases/case-view";
import { orNotFound } from "../load";

export const metadata: Metadata = { title: "Preview", robots: { index: false } };

/** The draft through the very component the public page uses, so the preview is what will be published. */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/studio/cases/${id}/preview`);
  const item = await orNotFound(getCaseForEditOrThrow(actor, id));
  // Visitors never see contact emails; the preview shows what a visitor will see.
  const view = await loadCaseView(item.id, item.revision.id, { withContactEmails: false });
  if (!view) notFound();
  return (
    <div className="flex flex-col gap-4">
      <div role="note" className="flex flex-wrap items-center justify-between gap-2 rounded border border-amber-600 bg-amber-50 p-3">
        <p>
          Preview of revision {item.revision.number} — not public. Signed-in members will also see contact emails.
        </p>
        <Link href={`/studio/cases/${item.id}`} className="font-semibold underline">
          Back to editing
        </Link>
      </div>
      <CaseView item={view} />
    </div>
  );
}
