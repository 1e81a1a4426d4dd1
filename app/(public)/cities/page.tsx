import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { listCities } from "@/lib/cities/queries";

export const metadata: Metadata = { title: "Cities" };

export default async function CitiesPage() {
  await connection();
  const cities = await listCities();
  const byRegion = new Map<string, typeof cities>();
  for (const c of cities) byRegion.set(c.region, [...(byRegion.get(c.region) ?? []), c]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Cities</h1>
      {[...byRegion.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([region, list]) => (
        <section key={region} aria-labelledby={`region-${region}`}>
          <h2 id={`region-${region}`} className="mb-2 text-xl font-semibold">
            {region}
          </h2>
          <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
            {list.map((c) => (
              <li key={c.slug}>
                <Link href={`/cities/${c.slug}`}>{c.name}</Link>, {c.country}
                {c.publishedCases > 0 && <span className="text-sm text-slate-700"> · {c.publishedCases} cases</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
