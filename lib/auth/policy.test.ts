/**
 * The whole permission table, walked: every permission × seven roles × four kinds of resource,
 * against an explicit expected table. A permission added to PERMISSIONS without a row here fails.
 *
 * Roles, relative to "the city" (A): anonymous; member (no city); official of the city;
 * official of another city (B); city admin of the city; moderator; admin.
 * Resource kinds: own — published, in city A, owned by the actor; foreign — published, in a
 * city C nobody here belongs to, owned by someone else; unpublished — in city A, not published,
 * owned by someone else; unscoped — no city at all (areas such as the studio or the queue).
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { can, citiesWhere, PERMISSION_NAMES, PERMISSIONS, type Actor, type Permission, type Resource } from "./policy";
import { loadActor } from "./actor";
import { db } from "../../db/client";
import { cities, users } from "../../db/schema";

const CITY_A = "11111111-1111-4111-8111-111111111111";
const CITY_B = "22222222-2222-4222-8222-222222222222";
const CITY_C = "33333333-3333-4333-8333-333333333333";

const ACTORS = {
  anonymous: null,
  member: { id: "u-member", role: "member", cities: {} },
  official: { id: "u-official", role: "member", cities: { [CITY_A]: "official" } },
  other_official: { id: "u-other-official", role: "member", cities: { [CITY_B]: "official" } },
  city_admin: { id: "u-city-admin", role: "member", cities: { [CITY_A]: "city_admin" } },
  moderator: { id: "u-moderator", role: "moderator", cities: {} },
  admin: { id: "u-admin", role: "admin", cities: {} },
} as const satisfies Record<string, Actor | null>;
type ActorName = keyof typeof ACTORS;

const KINDS = ["own", "foreign", "unpublished", "unscoped"] as const;
type Kind = (typeof KINDS)[number];

function resource(kind: Kind, actor: Actor | null): Resource {
  switch (kind) {
    case "own":
      return { cityId: CITY_A, published: true, ownerId: actor?.id ?? "nobody" };
    case "foreign":
      return { cityId: CITY_C, published: true, ownerId: "someone-else" };
    case "unpublished":
      return { cityId: CITY_A, published: false, ownerId: "someone-else" };
    case "unscoped":
      return {};
  }
}

const ALL: Kind[] = ["own", "foreign", "unpublished", "unscoped"];
const PUBLISHED: Kind[] = ["own", "foreign"];
const OWN_CITY: Kind[] = ["own", "unpublished", "unscoped"];
const NONE: Kind[] = [];
/** Officials may ask general questions ("may I use the studio at all?") about no city in particular. */
const OFFICIAL_ELSEWHERE: Kind[] = ["unscoped"];

/** Exactly what each role may do, per permission. Read it as the product's access rules. */
const EXPECTED: Record<Permission, Record<ActorName, Kind[]>> = {
  "case.view": { anonymous: PUBLISHED, member: PUBLISHED, official: ALL, other_official: ["own", "foreign", "unscoped"], city_admin: ALL, moderator: ALL, admin: ALL },
  "case.view_contacts": { anonymous: NONE, member: PUBLISHED, official: ALL, other_official: ["own", "foreign", "unscoped"], city_admin: ALL, moderator: ALL, admin: ALL },
  "case.view_history": { anonymous: NONE, member: NONE, official: OWN_CITY, other_official: OFFICIAL_ELSEWHERE, city_admin: OWN_CITY, moderator: ALL, admin: ALL },
  "case.create": { anonymous: NONE, member: NONE, official: OWN_CITY, other_official: OFFICIAL_ELSEWHERE, city_admin: OWN_CITY, moderator: NONE, admin: NONE },
  "case.edit": { anonymous: NONE, member: NONE, official: OWN_CITY, other_official: OFFICIAL_ELSEWHERE, city_admin: OWN_CITY, moderator: NONE, admin: NONE },
  "case.submit": { anonymous: NONE, member: NONE, official: OWN_CITY, other_official: OFFICIAL_ELSEWHERE, city_admin: OWN_CITY, moderator: NONE, admin: NONE },
  "case.archive": { anonymous: NONE, member: NONE, official: NONE, other_official: NONE, city_admin: OWN_CITY, moderator: NONE, admin: ALL },
  "case.unpublish": { anonymous: NONE, member: NONE, official: NONE, other_official: NONE, city_admin: NONE, moderator: NONE, admin: ALL },
  "case.review": { anonymous: NONE, member: NONE, official: NONE, other_official: NONE, city_admin: NONE, moderator: ALL, admin: ALL },
  "upload.create": { anonymous: NONE, member: NONE, official: OWN_CITY, other_official: OFFICIAL_ELSEWHERE, city_admin: OWN_CITY, moderator: NONE, admin: NONE },
  "upload.view": { anonymous: PUBLISHED, member: PUBLISHED, official: ALL, other_official: ["own", "foreign", "unscoped"], city_admin: ALL, moderator: ALL, admin: ALL },
  "comment.create": { anonymous: NONE, member: PUBLISHED, official: PUBLISHED, other_official: PUBLISHED, city_admin: PUBLISHED, moderator: PUBLISHED, admin: PUBLISHED },
  "comment.hide": { anonymous: NONE, member: NONE, official: NONE, other_official: NONE, city_admin: NONE, moderator: ALL, admin: ALL },
  "cooperation.send": { anonymous: NONE, member: PUBLISHED, official: PUBLISHED, other_official: PUBLISHED, city_admin: PUBLISHED, moderator: PUBLISHED, admin: PUBLISHED },
  "cooperation.answer": { anonymous: NONE, member: NONE, official: OWN_CITY, other_official: OFFICIAL_ELSEWHERE, city_admin: OWN_CITY, moderator: NONE, admin: NONE },
  "transfer.record": { anonymous: NONE, member: NONE, official: OWN_CITY, other_official: OFFICIAL_ELSEWHERE, city_admin: OWN_CITY, moderator: NONE, admin: ALL },
  "city.create": { anonymous: NONE, member: NONE, official: NONE, other_official: NONE, city_admin: NONE, moderator: NONE, admin: ALL },
  "city.edit": { anonymous: NONE, member: NONE, official: NONE, other_official: NONE, city_admin: OWN_CITY, moderator: NONE, admin: ALL },
  "membership.request": { anonymous: NONE, member: ALL, official: ALL, other_official: ALL, city_admin: ALL, moderator: ALL, admin: ALL },
  "membership.decide": { anonymous: NONE, member: NONE, official: NONE, other_official: NONE, city_admin: OWN_CITY, moderator: NONE, admin: ALL },
  "membership.leave": { anonymous: NONE, member: ["own"], official: ["own"], other_official: ["own"], city_admin: ["own"], moderator: ["own"], admin: ["own"] },
  "membership.appoint_city_admin": { anonymous: NONE, member: NONE, official: NONE, other_official: NONE, city_admin: NONE, moderator: NONE, admin: ALL },
  "moderation.queue": { anonymous: NONE, member: NONE, official: NONE, other_official: NONE, city_admin: NONE, moderator: ALL, admin: ALL },
  "audit.view": { anonymous: NONE, member: NONE, official: NONE, other_official: NONE, city_admin: NONE, moderator: ALL, admin: ALL },
  "user.manage": { anonymous: NONE, member: NONE, official: NONE, other_official: NONE, city_admin: NONE, moderator: NONE, admin: ALL },
  "account.edit": { anonymous: NONE, member: ["own"], official: ["own"], other_official: ["own"], city_admin: ["own"], moderator: ["own"], admin: ["own"] },
  "studio.use": { anonymous: NONE, member: NONE, official: OWN_CITY, other_official: OFFICIAL_ELSEWHERE, city_admin: OWN_CITY, moderator: NONE, admin: NONE },
};

const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];
const MATRIX_SIZE = { roles: ACTOR_NAMES.length, permissions: PERMISSION_NAMES.length, resourceKinds: KINDS.length };

describe("the permission matrix", () => {
  it("has a row for every permission in PERMISSIONS and no row for anything else", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSION_NAMES].sort());
    expect(Object.keys(PERMISSIONS).length).toBe(PERMISSION_NAMES.length);
  });

  it("allows exactly the expected set for every role × permission × resource kind", () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const permission of PERMISSION_NAMES) {
      const row = EXPECTED[permission];
      expect(row, `no expected row for ${permission}`).toBeDefined();
      for (const name of ACTOR_NAMES) {
        const actor = ACTORS[name];
        const allowed = KINDS.filter((kind) => can(actor, permission, resource(kind, actor)));
        checked += KINDS.length;
        const expected = KINDS.filter((k) => row[name].includes(k));
        if (allowed.join(",") !== expected.join(",")) mismatches.push(`${permission} × ${name}: got [${allowed}] expected [${expected}]`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(MATRIX_SIZE.roles * MATRIX_SIZE.permissions * MATRIX_SIZE.resourceKinds);
    console.log(
      `policy matrix: ${MATRIX_SIZE.roles} roles × ${MATRIX_SIZE.permissions} permissions × ${MATRIX_SIZE.resourceKinds} resource kinds = ${checked} checks`,
    );
  });

  it("never grants anything to the anonymous visitor beyond reading published things", () => {
    const granted = PERMISSION_NAMES.filter((p) => KINDS.some((k) => can(null, p, resource(k, null))));
    expect(granted.sort()).toEqual(["case.view", "upload.view"]);
  });

  it("names only the cities where an official holds the permission", () => {
    expect(citiesWhere(ACTORS.official, "case.create")).toEqual([CITY_A]);
    expect(citiesWhere(ACTORS.city_admin, "membership.decide")).toEqual([CITY_A]);
    expect(citiesWhere(ACTORS.official, "membership.decide")).toEqual([]);
    expect(citiesWhere(null, "case.create")).toEqual([]);
  });
});

describe("actors loaded from the database behave like the matrix's roles", () => {
  async function actorFor(email: string) {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(row!.id))!;
  }
  async function cityId(slug: string) {
    const [row] = await db.select({ id: cities.id }).from(cities).where(eq(cities.slug, slug));
    return row!.id;
  }

  it("the seeded Seoul official edits Seoul's drafts but not Bangkok's; the Seoul city admin decides Seoul's requests", async () => {
    const seoul = await cityId("seoul");
    const bangkok = await cityId("bangkok");
    const official = await actorFor("seoul.official@example.org");
    const cityAdmin = await actorFor("seoul.admin@example.org");
    const bangkokOfficial = await actorFor("bangkok.official@example.org");
    const moderator = await actorFor("moderator@example.org");
    expect(can(official, "case.edit", { cityId: seoul, published: false })).toBe(true);
    expect(can(official, "case.edit", { cityId: bangkok, published: false })).toBe(false);
    expect(can(bangkokOfficial, "case.view", { cityId: seoul, published: false })).toBe(false);
    expect(can(cityAdmin, "membership.decide", { cityId: seoul })).toBe(true);
    expect(can(official, "membership.decide", { cityId: seoul })).toBe(false);
    expect(can(moderator, "case.review", { cityId: seoul, published: false })).toBe(true);
    expect(can(moderator, "case.edit", { cityId: seoul, published: false })).toBe(false);
  });
});
