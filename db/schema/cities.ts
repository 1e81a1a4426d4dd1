import {
  check,
  doublePrecision,
  bigint,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const CITY_KINDS = [
  "city",
  "metropolis",
  "province",
  "state",
  "prefecture",
  "federal district",
  "metropolitan municipality",
  "district",
  "county",
  "municipality",
] as const;
export type CityKind = (typeof CITY_KINDS)[number];

export const CITY_RELATION_TYPES = ["sister", "friendship"] as const;

/** Any local government: city, province, state, district. */
export const cities = pgTable(
  "cities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    countryCode: text("country_code").notNull(),
    country: text("country").notNull(),
    region: text("region").notNull(),
    subregion: text("subregion"),
    kind: text("kind").$type<CityKind>().notNull().default("city"),
    population: bigint("population", { mode: "number" }),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    defaultLanguage: text("default_language").notNull().default("en"),
    description: text("description"),
    logoUrl: text("logo_url"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cities_country_idx").on(t.countryCode),
    check("cities_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("cities_country_code_format", sql`${t.countryCode} ~ '^[A-Z]{2}$'`),
    check(
      "cities_kind_valid",
      sql`${t.kind} in ('city', 'metropolis', 'province', 'state', 'prefecture', 'federal district', 'metropolitan municipality', 'district', 'county', 'municipality')`,
    ),
    check("cities_population_positive", sql`${t.population} is null or ${t.population} >= 0`),
    check("cities_lat_range", sql`${t.lat} is null or ${t.lat} between -90 and 90`),
    check("cities_lng_range", sql`${t.lng} is null or ${t.lng} between -180 and 180`),
  ],
);

/** Sister and friendship relations, stored once per direction the source gives. */
export const cityRelations = pgTable(
  "city_relations",
  {
    cityId: uuid("city_id")
      .notNull()
      .references(() => cities.id, { onDelete: "cascade" }),
    relatedCityId: uuid("related_city_id")
      .notNull()
      .references(() => cities.id, { onDelete: "cascade" }),
    type: text("type").$type<(typeof CITY_RELATION_TYPES)[number]>().notNull(),
    since: integer("since"),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.relatedCityId] }),
    check("city_relations_not_self", sql`${t.cityId} <> ${t.relatedCityId}`),
    check("city_relations_type_valid", sql`${t.type} in ('sister', 'friendship')`),
    check("city_relations_since_range", sql`${t.since} is null or ${t.since} between 1800 and 2200`),
  ],
);

/** City networks such as CityNet, UCLG, Metropolis. */
export const networks = pgTable(
  "networks",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    acronym: text("acronym").notNull().unique(),
    name: text("name").notNull(),
    members: text("members"),
    purpose: text("purpose"),
  },
  (t) => [check("networks_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)],
);

export const cityNetworks = pgTable(
  "city_networks",
  {
    cityId: uuid("city_id")
      .notNull()
      .references(() => cities.id, { onDelete: "cascade" }),
    networkId: integer("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    joinedYear: integer("joined_year"),
    role: text("role"),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.networkId] }),
    check("city_networks_joined_range", sql`${t.joinedYear} is null or ${t.joinedYear} between 1800 and 2200`),
  ],
);
