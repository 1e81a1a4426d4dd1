import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { alias } from "drizzle-orm/pg-core";
import { cities, cityNetworks, cityRelations, networks, policyCases } from "../../db/schema";
import { isPublished } from "../cases/queries";

export type CitySummary = { slug: string; name: string; country: string; countryCode: string; region: string; publishedCases: number };

export async function listCities(): Promise<CitySummary[]> {
  const rows = await db
    .select({
      slug: cities.slug,
      name: cities.name,
      country: cities.country,
      countryCode: cities.countryCode,
      region: cities.region,
      publishedCases: sql<number>`(select count(*)::int from ${policyCases} where ${policyCases.cityId} = ${cities.id} and ${isPublished})`,
    })
    .from(cities)
    .orderBy(asc(cities.name));
  return rows.map((r) => ({ ...r, publishedCases: Number(r.publishedCases) }));
}

export async function getCityProfile(slug: string) {
  const [city] = await db
    .select({
      id: cities.id,
      slug: cities.slug,
      name: cities.name,
      country: cities.country,
      countryCode: cities.countryCode,
      region: cities.region,
      subregion: cities.subregion,
      kind: cities.kind,
      population: cities.population,
      lat: cities.lat,
      lng: cities.lng,
      languages: cities.languages,
      description: cities.description,
    })
    .from(cities)
    .where(eq(cities.slug, slug));
  if (!city) return null;
  const related = alias(cities, "related");
  const relationColumns = { type: cityRelations.type, since: cityRelations.since, slug: related.slug, name: related.name, country: related.country };
  const [outgoing, incoming, networkRows] = await Promise.all([
    db
      .select(relationColumns)
      .from(cityRelations)
      .innerJoin(related, eq(related.id, cityRelations.relatedCityId))
      .where(eq(cityRelations.cityId, city.id)),
    db
      .select(relationColumns)
      .from(cityRelations)
      .innerJoin(related, eq(related.id, cityRelations.cityId))
      .where(eq(cityRelations.relatedCityId, city.id)),
    db
      .select({ acronym: networks.acronym, name: networks.name, joinedYear: cityNetworks.joinedYear, role: cityNetworks.role })
      .from(cityNetworks)
      .innerJoin(networks, eq(networks.id, cityNetworks.networkId))
      .where(eq(cityNetworks.cityId, city.id))
      .orderBy(sql`${cityNetworks.joinedYear} nulls last`),
  ]);
  const relations = [...outgoing, ...incoming].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
  return { ...city, relations, networks: networkRows };
}
