/**
 * Reference data (SDGs, policy areas, cities, networks) and the demo content. Every insert is
 * idempotent: seeding twice changes nothing.
 */
import { eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import {
  cities,
  cityMemberships,
  cityNetworks,
  cityRelations,
  networks,
  policyAreas,
  policyCases,
  sdgGoals,
  sdgIndicators,
  sdgTargets,
  transfers,
  users,
  type GlobalRole,
  type CityRole,
} from "../schema";
import sdgData from "./data/sdgs.json";
import policyAreaData from "./data/policy-areas.json";
import cityData from "./data/cities.json";
import networkData from "./data/networks.json";
import caseData from "./data/cases.json";
import transferData from "./data/transfers.json";
import { validateCaseRecords, writeCaseRecords } from "../../lib/cases/import";
import { hashPassword } from "../../lib/auth/password";

const LANGUAGES_BY_COUNTRY: Record<string, string[]> = {
  KR: ["ko"], US: ["en"], CN: ["zh"], TW: ["zh"], JP: ["ja"], VN: ["vi"], TH: ["th"], PH: ["en", "fil"],
  ID: ["id"], MY: ["ms"], FR: ["fr"], ES: ["es"], IT: ["it"], DE: ["de"], GB: ["en"], RU: ["ru"],
  MX: ["es"], BR: ["pt"], AR: ["es"], CO: ["es"], PE: ["es"], CL: ["es"], EG: ["ar"], TR: ["tr"],
  IN: ["hi", "en"], MN: ["mn"], KZ: ["kk", "ru"], UZ: ["uz"], AU: ["en"], NZ: ["en"], CA: ["en", "fr"],
  ET: ["am"], KE: ["en", "sw"], GR: ["el"], PL: ["pl"], HU: ["hu"], CZ: ["cs"], RO: ["ro"], BD: ["bn"],
  LK: ["si", "ta"], NP: ["ne"], KH: ["km"], LA: ["lo"], MM: ["my"], PK: ["ur"], IR: ["fa"], AE: ["ar"],
  SA: ["ar"], ZA: ["en"], NG: ["en"], GH: ["en"], UA: ["uk"], AZ: ["az"], KG: ["ky"], TJ: ["tg"],
};

export async function seedReferenceData(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    for (const g of sdgData) {
      await tx
        .insert(sdgGoals)
        .values({ goal: g.goal, shortName: g.shortName, title: g.title, color: g.color })
        .onConflictDoNothing();
      const targetRows = g.targets.map((t, i) => ({ code: t.code, goal: g.goal, position: i + 1, text: t.text }));
      if (targetRows.length) await tx.insert(sdgTargets).values(targetRows).onConflictDoNothing();
      const indicatorRows = g.targets.flatMap((t) =>
        t.indicators.map((ind, i) => ({ code: ind.code, targetCode: t.code, position: i + 1, text: ind.text })),
      );
      if (indicatorRows.length) await tx.insert(sdgIndicators).values(indicatorRows).onConflictDoNothing();
    }

    await tx
      .insert(policyAreas)
      .values(policyAreaData.map((a, i) => ({ key: a.key, position: i + 1, labels: a.labels })))
      .onConflictDoNothing();

    await tx
      .insert(cities)
      .values(
        cityData.cities.map((c) => ({
          slug: c.slug,
          name: c.name,
          countryCode: c.countryCode,
          country: c.country,
          region: c.region,
          subregion: c.subregion ?? null,
          kind: c.kind as (typeof cities.$inferInsert)["kind"],
          lat: c.lat ?? null,
          lng: c.lng ?? null,
          languages: LANGUAGES_BY_COUNTRY[c.countryCode] ?? [],
          defaultLanguage: LANGUAGES_BY_COUNTRY[c.countryCode]?.[0] ?? "en",
        })),
      )
      .onConflictDoNothing();

    const cityRows = await tx.select({ id: cities.id, slug: cities.slug }).from(cities);
    const cityId = new Map(cityRows.map((c) => [c.slug, c.id]));
    const relationRows = cityData.relations.map((r) => ({
      cityId: cityId.get(r.from)!,
      relatedCityId: cityId.get(r.to)!,
      type: r.type as "sister" | "friendship",
      since: (r as { since?: number }).since ?? null,
    }));
    if (relationRows.length) await tx.insert(cityRelations).values(relationRows).onConflictDoNothing();

    await tx
      .insert(networks)
      .values(
        networkData.map((n) => ({
          slug: n.acronym.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""),
          acronym: n.acronym,
          name: n.name,
          members: n.members ?? null,
          purpose: n.purpose ?? null,
        })),
      )
      .onConflictDoNothing();
    const networkRows = await tx.select({ id: networks.id, acronym: networks.acronym }).from(networks);
    const networkId = new Map(networkRows.map((n) => [n.acronym, n.id]));
    const seoul = cityId.get("seoul");
    if (seoul) {
      const memberships = networkData
        .filter((n) => n.seoulJoined != null || n.seoulRole != null)
        .map((n) => ({
          cityId: seoul,
          networkId: networkId.get(n.acronym)!,
          joinedYear: n.seoulJoined ?? null,
          role: n.seoulRole ?? null,
        }));
      if (memberships.length) await tx.insert(cityNetworks).values(memberships).onConflictDoNothing();
    }
  });
}

export const DEMO_PASSWORD = "demo-password-2026";

export const DEMO_ACCOUNTS: { email: string; name: string; role: GlobalRole; city?: { slug: string; role: CityRole } }[] = [
  { email: "admin@example.org", name: "Ada Admin", role: "admin" },
  { email: "moderator@example.org", name: "Mo Moderator", role: "moderator" },
  { email: "seoul.admin@example.org", name: "Seo-yeon Kim (Seoul city admin)", role: "member", city: { slug: "seoul", role: "city_admin" } },
  { email: "seoul.official@example.org", name: "Min-jun Lee (Seoul official)", role: "member", city: { slug: "seoul", role: "official" } },
  { email: "bangkok.official@example.org", name: "Somchai Chai (Bangkok official)", role: "member", city: { slug: "bangkok", role: "official" } },
  { email: "member@example.org", name: "Maria Member", role: "member" },
];

export async function seedDemoAccounts(db: Database): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const account of DEMO_ACCOUNTS) {
      await tx
        .insert(users)
        .values({ email: account.email, name: account.name, role: account.role, passwordHash })
        .onConflictDoNothing();
      if (!account.city) continue;
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, account.email));
      const [city] = await tx.select({ id: cities.id }).from(cities).where(eq(cities.slug, account.city.slug));
      if (!user || !city) continue;
      await tx
        .insert(cityMemberships)
        .values({ userId: user.id, cityId: city.id, role: account.city.role, status: "active", decidedAt: new Date() })
        .onConflictDoNothing();
    }
  });
}

export async function seedDemoCases(db: Database): Promise<void> {
  const validated = await validateCaseRecords(db, caseData);
  if (!validated.ok) {
    const p = validated.problems[0]!;
    throw new Error(`Demo case ${p.index} (${p.slug}) is invalid at ${p.path}: ${p.message}`);
  }
  await db.transaction(async (tx) => {
    await writeCaseRecords(tx, validated.records, { as: "published", existing: "skip" });
    const caseRows = await tx.select({ id: policyCases.id, slug: policyCases.slug }).from(policyCases);
    const caseId = new Map(caseRows.map((c) => [c.slug, c.id]));
    const cityRows = await tx.select({ id: cities.id, slug: cities.slug }).from(cities);
    const cityId = new Map(cityRows.map((c) => [c.slug, c.id]));
    const rows = transferData.map((t) => {
      const id = caseId.get(t.case);
      const adopting = cityId.get(t.city);
      if (!id || !adopting) throw new Error(`Transfer of ${t.case} to ${t.city} names an unknown case or city.`);
      return {
        caseId: id,
        adoptingCityId: adopting,
        kind: t.kind as (typeof transfers.$inferInsert)["kind"],
        year: t.year ?? null,
        status: t.status as (typeof transfers.$inferInsert)["status"],
        outcome: t.note ?? null,
        source: t.source ?? null,
      };
    });
    if (rows.length) await tx.insert(transfers).values(rows).onConflictDoNothing();
  });
}

/** Whether the demo content has been loaded before (so a first start knows to load it). */
export async function hasAnyCase(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(policyCases);
  return (row?.n ?? 0) > 0;
}

export async function seedAll(db: Database, opts: { demo: boolean }): Promise<void> {
  await seedReferenceData(db);
  if (opts.demo) {
    await seedDemoCases(db);
    await seedDemoAccounts(db);
  }
}
