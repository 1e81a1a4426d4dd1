import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { getRevisionDataOrThrow, listRevisionsOrThrow } from "@/lib/cases/studio-queries";
import { diffRevisions } from "@/lib/cases/diff";
import { DiffView } from "@/components/moderation/diff-view";
import { CaseHistoryPanel } from "@/components/moderation/case-history-panel";
import { formatDate } from "@/lib/i18n/format";
import { STATUS_LABELS } from "@/components/studio/status";
import { orNotFound } from "../load";

export const metadata: Metadata = { title: "History", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> };

const when = (d: Date) => `${formatDate(d)} ${d.toISOString().slice(11, 16)} UTC`;

export default async function HistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { from, to } = await searchParams;
  const actor = await requireActor(`/studio/cases/${id}/history`);
  const { title, revisions } = await orNotFound(listRevisionsOrThrow(actor, id));
  const fromId = from ?? revisions[1]?.id;
  const toId = to ?? revisions[0]?.id;
  const canCompare = fromId && toId && fromId !== toId;
  const changes = canCompare
    ? diffRevisions(await orNotFound(getRevisionDataOrThrow(actor, id, fromId)), await orNotFound(getRevisionDataOrThrow(actor, id, toId)))
    : null;
  const numberOf = (rid: string | undefined) => revisions.find((r) => r.id === rid)?.number;

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/studio" className="underline">
          Studio
        </Link>{" "}
        /{" "}
        <Link href={`/studio/cases/${id}`} className="underline">
          {title || "Untitled case"}
        </Link>
      </nav>
      <h1 className="text-3xl font-bold">History</h1>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Revisions, newest first</caption>
        <thead>
          <tr className="bg-slate-100 text-left">
            <th scope="col" className="border border-slate-300 px-2 py-1">Revision</th>
            <th scope="col" className="border border-slate-300 px-2 py-1">Status</th>
            <th scope="col" className="border border-slate-300 px-2 py-1">Started by</th>
            <th scope="col" className="border border-slate-300 px-2 py-1">Last edited by</th>
            <th scope="col" className="border border-slate-300 px-2 py-1">Started</th>
            <th scope="col" className="border border-slate-300 px-2 py-1">Last change</th>
            <th scope="col" className="border border-slate-300 px-2 py-1">Submitted</th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="border border-slate-300 px-2 py-1 text-left">{r.number}</th>
              <td className="border border-slate-300 px-2 py-1">{STATUS_LABELS[r.status] ?? r.status}</td>
              <td className="border border-slate-300 px-2 py-1">{r.author ?? "—"}</td>
              <td className="border border-slate-300 px-2 py-1">{r.lastEditor ?? "—"}</td>
              <td className="border border-slate-300 px-2 py-1">{when(r.createdAt)}</td>
              <td className="border border-slate-300 px-2 py-1">{when(r.updatedAt)}</td>
              <td className="border border-slate-300 px-2 py-1">{r.submittedAt ? when(r.submittedAt) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {revisions.length > 1 ? (
        <section aria-labelledby="compare" className="flex flex-col gap-3">
          <h2 id="compare" className="text-xl font-semibold">
            Compare two revisions
          </h2>
          <form method="get" className="flex flex-wrap items-end gap-3">
            <label className="flex flex-col">
              <span className="font-semibold">From</span>
              <select name="from" defaultValue={fromId} className="rounded border border-slate-400 px-2 py-1">
                {revisions.map((r) => (
                  <option key={r.id} value={r.id}>
                    Revision {r.number}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col">
              <span className="font-semibold">To</span>
              <select name="to" defaultValue={toId} className="rounded border border-slate-400 px-2 py-1">
                {revisions.map((r) => (
                  <option key={r.id} value={r.id}>
                    Revision {r.number}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="rounded border border-slate-400 px-3 py-1">
              Compare
            </button>
          </form>
          {!canCompare && <p>Choose two different revisions.</p>}
          {changes && <DiffView diff={changes} caption={`Changes from revision ${numberOf(fromId)} to revision ${numberOf(toId)}`} />}
        </section>
      ) : (
        <p>There is only one revision so far; after the first submission you can compare versions here.</p>
      )}
      <CaseHistoryPanel actor={actor} caseId={id} />
    </div>
  );
}
