import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field, HiddenField } from "@/components/auth/form";
import { CitySelect } from "@/components/auth/city-select";
import { CITY_ROLE_LABELS, formatUtc, MEMBERSHIP_STATUS_LABELS } from "@/components/auth/membership-labels";
import { requireActor } from "@/lib/auth/session";
import { citiesWhere } from "@/lib/auth/policy";
import { listCityOptions, listDecidableMemberships, listOwnMemberships } from "@/lib/cities/membership";
import { decideMembershipAction, leaveMembershipAction, requestMembershipAction, revokeMembershipAction } from "../actions";

export const metadata: Metadata = { title: "Your cities" };

export default async function AccountCitiesPage() {
  const actor = await requireActor("/account/cities");
  const [own, cityOptions] = await Promise.all([listOwnMemberships(actor), listCityOptions()]);
  // City admins decide for their own cities here; platform admins use /admin/memberships.
  const adminCityIds = citiesWhere(actor, "membership.decide");
  const decidable = adminCityIds.length > 0 ? (await listDecidableMemberships(actor, { statuses: ["requested", "active"] })).filter((m) => adminCityIds.includes(m.cityId)) : [];
  const current = own.filter((m) => m.status === "active" || m.status === "requested");
  return (
    <div className="flex max-w-3xl flex-col gap-10">
      <h1 className="text-2xl font-semibold">Your cities</h1>

      <section aria-labelledby="own-heading">
        <h2 id="own-heading" className="mb-2 text-xl font-semibold">
          Your memberships
        </h2>
        {current.length === 0 ? (
          <p className="text-sm">You are not a member of any city yet.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {current.map((m) => (
              <li key={m.id} className="rounded border border-slate-300 p-3">
                <p className="text-sm">
                  <Link href={`/cities/${m.citySlug}`} className="font-medium">
                    {m.cityName}
                  </Link>{" "}
                  — {CITY_ROLE_LABELS[m.role]}, <span data-testid="membership-status">{MEMBERSHIP_STATUS_LABELS[m.status]}</span>
                </p>
                <ActionForm action={leaveMembershipAction} submitLabel={m.status === "requested" ? `Withdraw request to ${m.cityName}` : `Leave ${m.cityName}`} variant="secondary" className="mt-2 flex flex-col gap-2">
                  <HiddenField name="id" value={m.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="join-heading">
        <h2 id="join-heading" className="mb-2 text-xl font-semibold">
          Ask to join a city
        </h2>
        <p className="mb-3 text-sm text-slate-700">If you work for a city or another local government, ask to join it as an official. Its city admins decide.</p>
        <ActionForm action={requestMembershipAction} submitLabel="Send request">
          <CitySelect name="city" label="City" cities={cityOptions} />
          <Field name="message" label="Message to the city's admins (optional)" type="textarea" maxLength={1000} hint="For example your department and job title." />
        </ActionForm>
      </section>

      {adminCityIds.length > 0 ? (
        <section aria-labelledby="decide-heading">
          <h2 id="decide-heading" className="mb-2 text-xl font-semibold">
            People of the cities you administer
          </h2>
          <ul className="mb-3 text-sm">
            {own
              .filter((m) => m.status === "active" && adminCityIds.includes(m.cityId))
              .map((m) => (
                <li key={m.cityId}>
                  <Link href={`/admin/cities/${m.cityId}`}>Edit the profile of {m.cityName}</Link>
                </li>
              ))}
          </ul>
          {decidable.length === 0 ? (
            <p className="text-sm">No requests or members yet.</p>
          ) : (
            <ul className="flex flex-col gap-3" aria-label="Membership requests and members">
              {decidable.map((m) => (
                <li key={m.id} className="rounded border border-slate-300 p-3 text-sm" data-testid="city-member">
                  <p>
                    <span className="font-medium">{m.userName}</span> ({m.userEmail}) — {m.cityName}, {CITY_ROLE_LABELS[m.role]},{" "}
                    {MEMBERSHIP_STATUS_LABELS[m.status]} since {formatUtc(m.requestedAt)}
                  </p>
                  {m.message ? <p className="mt-1 whitespace-pre-wrap text-slate-700">“{m.message}”</p> : null}
                  <div className="mt-2 flex flex-wrap gap-3">
                    {m.status === "requested" ? (
                      <>
                        <ActionForm action={decideMembershipAction} submitLabel={`Approve ${m.userName}`} className="flex flex-col gap-2">
                          <HiddenField name="id" value={m.id} />
                          <HiddenField name="decision" value="approve" />
                        </ActionForm>
                        <ActionForm action={decideMembershipAction} submitLabel={`Refuse ${m.userName}`} variant="secondary" className="flex flex-col gap-2">
                          <HiddenField name="id" value={m.id} />
                          <HiddenField name="decision" value="refuse" />
                        </ActionForm>
                      </>
                    ) : m.role === "official" && m.status === "active" ? (
                      <ActionForm action={revokeMembershipAction} submitLabel={`Revoke ${m.userName}`} variant="danger" className="flex flex-col gap-2">
                        <HiddenField name="id" value={m.id} />
                      </ActionForm>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
