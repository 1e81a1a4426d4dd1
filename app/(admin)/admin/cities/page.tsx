import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/auth/admin-nav";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { listCityOptions } from "@/lib/cities/membership";

export const metadata: Metadata = { title: "Cities · Administration" };

export default async function AdminCitiesPage() {
  const actor = await requireActor("/admin/cities");
  if (!can(actor, "city.create")) notFound();
  const cities = await listCityOptions();
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Cities</h1>
      <AdminNav current="cities" />
      <p className="mb-4">
        <Link href="/admin/cities/new" className="rounded bg-brand-900 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-800">
          Add a city
        </Link>
      </p>
      <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
        {cities.map((c) => (
          <li key={c.id}>
            <Link href={`/admin/cities/${c.id}`}>{c.name}</Link> <span className="text-sm text-slate-700">({c.country})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
