import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { asc } from "drizzle-orm";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/db/client";
import { cities } from "@/db/schema";
import { auditActionLabel, auditFilterSchema, describeTransition, listAuditEvents, listDeciders } from "@/lib/audit/queries";
import { revisionFieldLabel } from "@/lib/cases/fields";
import { formatUtc } from "@/components/moderation/case-history-panel";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireActor("/moderation/audit");
  const raw = await searchParams;
  const filter = auditFilterSchema.parse({
    case: one(raw.case),
    cityId: one(raw.cityId),
    actorId: one(raw.actorId),
    from: one(raw.from),
    to: one(raw.to),
    scope: one(raw.scope),
    page: one(raw.page),
  });
  const result = await listAuditEvents(actor, filter);
  if (!result) notFound();
  const [cityOptions, deciders] = await Promise.all([
    db.select({ id: cities.id, name: cities.name, country: cities.country }).from(cities).orderBy(asc(cities.name)),
    listDeciders(actor),
  ]);

  const pageLink = (page: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filter, page })) if (v !== undefined && v !== "") q.set(k, String(v));
    return `/moderation/audit?${q.toString()}`;
  };

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="text-sm text-slate-700">Every change of a case’s state: who, when (UTC), from and to, and the comment. Entries are never changed or removed.</p>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-slate-300 p-3 text-sm" aria-label="Filter the audit log">
        <div className="flex flex-col">
          <label htmlFor="audit-case">Case (id or slug)</label>
          <input id="audit-case" name="case" defaultValue={filter.case ?? ""} className="rounded border border-slate-500 p-2" />
        </div>
        <div className="flex flex-col">
          <label htmlFor="audit-city">City</label>
          <select id="audit-city" name="cityId" defaultValue={filter.cityId ?? ""} className="rounded border border-slate-500 p-2">
            <option value="">Any city</option>
            {cityOptions.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}, {c.country}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor="audit-actor">Moderator or admin</label>
          <select id="audit-actor" name="actorId" defaultValue={filter.actorId ?? ""} className="rounded border border-slate-500 p-2">
            <option value="">Anyone</option>
            {deciders.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor="audit-from">From (date)</label>
          <input id="audit-from" type="date" name="from" defaultValue={filter.from ?? ""} className="rounded border border-slate-500 p-2" />
        </div>
        <div className="flex flex-col">
          <label htmlFor="audit-to">To (date)</label>
          <input id="audit-to" type="date" name="to" defaultValue={filter.to ?? ""} className="rounded border border-slate-500 p-2" />
        </div>
        <div className="flex flex-col">
          <label htmlFor="audit-scope">Events</label>
          <select id="audit-scope" name="scope" defaultValue={filter.scope} className="rounded border border-slate-500 p-2">
            <option value="workflow">Case workflow</option>
            <option value="all">Everything</option>
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-800 px-4 py-2 font-semibold text-white">
          Filter
        </button>
        <Link href="/moderation/audit" className="py-2">
          Clear
        </Link>
      </form>

      {result.rows.length === 0 ? (
        <p role="status">No events match these filters.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="audit-table">
            <caption className="sr-only">Audit events, newest first</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="py-2 pr-3">When (UTC)</th>
                <th scope="col" className="py-2 pr-3">Who</th>
                <th scope="col" className="py-2 pr-3">What</th>
                <th scope="col" className="py-2 pr-3">Case</th>
                <th scope="col" className="py-2 pr-3">City</th>
                <th scope="col" className="py-2 pr-3">Change</th>
                <th scope="col" className="py-2">Comment</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-3 whitespace-nowrap">
                    <time dateTime={r.occurredAt.toISOString()}>{formatUtc(r.occurredAt).replace(" UTC", "")}</time>
                  </td>
                  <td className="py-2 pr-3">{r.actor.name ?? "System"}</td>
                  <td className="py-2 pr-3">
                    {auditActionLabel(r.action)}
                    {r.revisionNumber != null && <> (rev. {r.revisionNumber})</>}
                  </td>
                  <td className="py-2 pr-3">
                    {r.case.id ? (
                      <Link href={`/moderation/${r.case.id}`}>{r.case.slug ?? r.case.id}</Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="py-2 pr-3">{r.city.name ?? "—"}</td>
                  <td className="py-2 pr-3">{describeTransition(r) ?? "—"}</td>
                  <td className="py-2">
                    {r.comment && <p className="whitespace-pre-wrap">{r.comment}</p>}
                    {r.fieldComments.map((f, i) => (
                      <p key={i}>
                        <span className="font-semibold">{revisionFieldLabel(f.field)}:</span> {f.comment}
                      </p>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Audit log pages" className="flex gap-4 text-sm">
        {filter.page > 1 && <Link href={pageLink(filter.page - 1)}>← Newer</Link>}
        {result.hasMore && <Link href={pageLink(filter.page + 1)}>Older →</Link>}
      </nav>
    </div>
  );
}
