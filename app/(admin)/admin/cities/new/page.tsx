import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/auth/admin-nav";
import { CityFields } from "@/components/auth/city-fields";
import { ActionForm } from "@/components/auth/form";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { createCityAction } from "../../actions";

export const metadata: Metadata = { title: "Add a city · Administration" };

export default async function NewCityPage() {
  const actor = await requireActor("/admin/cities/new");
  if (!can(actor, "city.create")) notFound();
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Add a city</h1>
      <AdminNav current="cities" />
      <ActionForm action={createCityAction} submitLabel="Create city">
        <CityFields />
      </ActionForm>
    </div>
  );
}
