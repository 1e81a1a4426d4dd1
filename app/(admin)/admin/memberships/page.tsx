import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/auth/admin-nav";
import { ActionForm, HiddenField } from "@/components/auth/form";
import { CITY_ROLE_LABELS, formatUtc, MEMBERSHIP_STATUS_LABELS } from "@/components/auth/membership-labels";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { listDecidableMemberships } from "@/lib/cities/membership";
import { adminDecideMembershipAction } from "../actions";

export const metadata: Metadata = { title: "Membership requests · Administration" };

export default async function AdminMembershipsPage() {
  const actor = await requireActor("/admin/memberships");
  if (!can(actor, "membership.decide", { cityId: null })) notFound();
  const pending = await listDecidableMemberships(actor, { statuses: ["requested"] });
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Membership requests</h1>
      <AdminNav current="memberships" />
      {pending.length === 0 ? (
        <p>No requests are waiting.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {pending.map((m) => (
            <li key={m.id} className="rounded border border-slate-300 p-3 text-sm">
              <p>
                <span className="font-medium">{m.userName}</span> ({m.userEmail}) asks to join <span className="font-medium">{m.cityName}</span> as{" "}
                {CITY_ROLE_LABELS[m.role].toLowerCase()} — {MEMBERSHIP_STATUS_LABELS[m.status].toLowerCase()} since {formatUtc(m.requestedAt)}
              </p>
              {m.message ? <p className="mt-1 whitespace-pre-wrap text-slate-700">“{m.message}”</p> : null}
              <div className="mt-2 flex gap-3">
                <ActionForm action={adminDecideMembershipAction} submitLabel={`Approve ${m.userName}`} className="flex flex-col gap-2">
                  <HiddenField name="id" value={m.id} />
                  <HiddenField name="decision" value="approve" />
                </ActionForm>
                <ActionForm action={adminDecideMembershipAction} submitLabel={`Refuse ${m.userName}`} variant="secondary" className="flex flex-col gap-2">
                  <HiddenField name="id" value={m.id} />
                  <HiddenField name="decision" value="refuse" />
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
