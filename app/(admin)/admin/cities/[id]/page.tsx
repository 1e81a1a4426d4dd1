import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/auth/admin-nav";
import { CityFields } from "@/components/auth/city-fields";
import { ActionForm, Field, HiddenField } from "@/components/auth/form";
import { CITY_ROLE_LABELS, MEMBERSHIP_STATUS_LABELS } from "@/components/auth/membership-labels";
import { can, NotFoundError } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { getCityForEdit } from "@/lib/cities/admin";
import { listDecidableMemberships } from "@/lib/cities/membership";
import { appointCityAdminAction, updateCityAction } from "../../actions";

export const metadata: Metadata = { title: "Edit a city · Administration" };

/** Platform admins and the city's own admins edit the profile; only platform admins appoint city admins. */
export default async function EditCityPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const actor = await requireActor(`/admin/cities/${encodeURIComponent(id)}`);
  let city;
  try {
    city = await getCityForEdit(actor, id);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const { created } = await searchParams;
  const mayAppoint = can(actor, "membership.appoint_city_admin", { cityId: city.id });
  const people = mayAppoint ? await listDecidableMemberships(actor, { cityId: city.id, statuses: ["active", "requested"] }) : [];
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="mb-4 text-2xl font-semibold">{city.name}</h1>
        {can(actor, "user.manage") ? <AdminNav current="cities" /> : null}
        {created ? (
          <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-sm text-green-900">
            City created.
          </p>
        ) : null}
      </div>
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading" className="mb-2 text-xl font-semibold">
          Profile
        </h2>
        <ActionForm action={updateCityAction} submitLabel="Save city">
          <HiddenField name="cityId" value={city.id} />
          <CityFields city={city} />
        </ActionForm>
      </section>
      {mayAppoint ? (
        <section aria-labelledby="people-heading">
          <h2 id="people-heading" className="mb-2 text-xl font-semibold">
            People
          </h2>
          {people.length === 0 ? (
            <p className="text-sm">Nobody belongs to this city yet.</p>
          ) : (
            <ul className="mb-4 text-sm">
              {people.map((p) => (
                <li key={p.id}>
                  {p.userName} ({p.userEmail}) — {CITY_ROLE_LABELS[p.role]}, {MEMBERSHIP_STATUS_LABELS[p.status].toLowerCase()}
                </li>
              ))}
            </ul>
          )}
          <h3 className="mb-2 font-semibold">Appoint a city admin</h3>
          <ActionForm action={appointCityAdminAction} submitLabel="Appoint city admin">
            <HiddenField name="cityId" value={city.id} />
            <Field name="email" label="Email of a registered person" type="email" required />
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}
