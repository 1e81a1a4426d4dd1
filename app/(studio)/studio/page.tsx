import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { RefreshList } from "@/components/cases/refresh-list";
import { listStudioCases, pendingMembershipCities } from "@/lib/cases/studio-queries";
import { formatDate } from "@/lib/i18n/format";
import { STATUS_LABELS } from "@/components/studio/status";

export const metadata: Metadata = { title: "Studio", robots: { index: false } };

const GROUPS = ["draft", "changes_requested", "submitted", "published", "rejected", "unpublished", "archived"] as const;

export default async function StudioPage() {
  const actor = await requireActor("/studio");
  if (Object.keys(actor.cities).length === 0) {
    const pending = await pendingMembershipCities(actor);
    return (
      <div className="flex max-w-2xl flex-col gap-4">
        <h1 className="text-3xl font-bold">Studio</h1>
        <p>The studio is where city officials write their city&apos;s policy cases. You are not an official of any city yet.</p>
        {pending.length > 0 && <p>You have asked to join {pending.join(", ")}; a city admin will answer your request.</p>}
        <p>
          <Link href="/account/cities" className="font-semibold underline">
            Ask to join your city
          </Link>{" "}
          — once a city admin accepts you, you can write cases here.
        </p>
      </div>
    );
  }
  const cases = await listStudioCases(actor);
  // Work in progress groups by its revision (an update to a published case is a draft too).
  const groupOf = (c: (typeof cases)[number]) =>
    c.revisionStatus === "draft" || c.revisionStatus === "submitted" || c.revisionStatus === "changes_requested" ? c.revisionStatus : c.status;
  const byGroup = (status: string) => cases.filter((c) => groupOf(c) === status);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">Studio</h1>
        <Link href="/studio/cases/new" className="rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900">
          Start a new case
        </Link>
      </div>
      {cases.length === 0 && <p>Your cities have no cases yet. Start the first one.</p>}
      <RefreshList actor={actor} />
      {GROUPS.map((status) => {
        const rows = byGroup(status);
        if (rows.length === 0) return null;
        return (
          <section key={status} aria-labelledby={`group-${status}`}>
            <h2 id={`group-${status}`} className="mb-2 text-xl font-semibold">
              {STATUS_LABELS[status]} ({rows.length})
            </h2>
            <table className="w-full border-collapse text-sm">
              <thead>
                <tr className="bg-slate-100 text-left">
                  <th scope="col" className="border border-slate-300 px-2 py-1">Case</th>
                  <th scope="col" className="border border-slate-300 px-2 py-1">City</th>
                  <th scope="col" className="border border-slate-300 px-2 py-1">Revision</th>
                  <th scope="col" className="border border-slate-300 px-2 py-1">Last edited by</th>
                  <th scope="col" className="border border-slate-300 px-2 py-1">Last change</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" className="border border-slate-300 px-2 py-1 text-left font-normal">
                      <Link href={`/studio/cases/${c.id}`} className="underline">
                        {c.title || "Untitled case"}
                      </Link>
                    </th>
                    <td className="border border-slate-300 px-2 py-1">{c.city}</td>
                    <td className="border border-slate-300 px-2 py-1">
                      {c.revisionNumber}
                      {c.revisionStatus && c.revisionStatus !== "approved" && c.status !== c.revisionStatus ? ` (update: ${STATUS_LABELS[c.revisionStatus] ?? c.revisionStatus})` : ""}
                    </td>
                    <td className="border border-slate-300 px-2 py-1">{c.lastEditor ?? "—"}</td>
                    <td className="border border-slate-300 px-2 py-1">
                      <time dateTime={c.updatedAt.toISOString()}>{formatDate(c.updatedAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
