import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getCityProfile } from "@/lib/cities/queries";
import { listCasesOfCity } from "@/lib/cases/queries";
import { CaseCardList } from "@/components/cases/case-card";
import { formatNumber } from "@/lib/i18n/format";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const city = await getCityProfile((await params).slug);
  return { title: city ? city.name : "City not found" };
}

export default async function CityPage({ params }: Props) {
  await connection();
  const city = await getCityProfile((await params).slug);
  if (!city) notFound();
  const cases = await listCasesOfCity(city.id);
  const sister = city.relations.filter((r) => r.type === "sister");
  const friendship = city.relations.filter((r) => r.type === "friendship");
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{city.name}</h1>
        <p className="text-slate-700">
          {city.kind[0]!.toUpperCase() + city.kind.slice(1)} in {city.country} · {city.subregion ?? city.region}
          {city.population != null && <> · population {formatNumber(city.population)}</>}
        </p>
        {city.description && <p className="max-w-3xl">{city.description}</p>}
      </header>

      <section aria-labelledby="city-cases">
        <h2 id="city-cases" className="mb-3 text-2xl font-semibold">
          Published cases ({cases.length})
        </h2>
        <CaseCardList items={cases} />
      </section>

      {city.relations.length > 0 && (
        <section aria-labelledby="city-relations" className="flex flex-col gap-3">
          <h2 id="city-relations" className="text-2xl font-semibold">
            Sister and friendship cities
          </h2>
          {[
            ["Sister cities", sister],
            ["Friendship cities", friendship],
          ].map(([label, list]) =>
            (list as typeof sister).length > 0 ? (
              <div key={label as string}>
                <h3 className="font-semibold">
                  {label as string} ({(list as typeof sister).length})
                </h3>
                <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
                  {(list as typeof sister).map((r) => (
                    <li key={r.slug}>
                      <Link href={`/cities/${r.slug}`}>{r.name}</Link>, {r.country}
                      {r.since && <span className="text-sm text-slate-700"> (since {r.since})</span>}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null,
          )}
        </section>
      )}

      {city.networks.length > 0 && (
        <section aria-labelledby="city-networks">
          <h2 id="city-networks" className="mb-3 text-2xl font-semibold">
            City networks
          </h2>
          <ul className="flex flex-col gap-2">
            {city.networks.map((n) => (
              <li key={n.acronym}>
                <span className="font-semibold">{n.acronym}</span> — {n.name}
                {n.joinedYear && <>, member since {n.joinedYear}</>}
                {n.role && <span className="text-slate-700"> ({n.role})</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
