/**
 * City membership: ask → approve or refuse → leave or revoke; who may decide; and that every
 * change is audited in the same transaction.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { auditEvents, cities, cityMemberships, users } from "../../db/schema";
import { loadActor } from "../auth/actor";
import { can, NotFoundError, type Actor } from "../auth/policy";
import { registerUser } from "../auth/accounts";
import { appointCityAdmin, decideMembership, leaveMembership, listDecidableMemberships, listOwnMemberships, requestMembership, revokeMembership } from "./membership";

const IP = "192.0.2.20";
let seoulId: string;
let seoulAdmin: Actor;
let bangkokOfficial: Actor;
let platformAdmin: Actor;

async function actorByEmail(email: string): Promise<Actor> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadActor(row!.id))!;
}

let n = 0;
async function newMember(): Promise<Actor> {
  n += 1;
  const r = await registerUser({ name: `Joiner ${n}`, email: `joiner${n}@example.net`, password: "a long enough passphrase" }, `192.0.2.${100 + n}`);
  if (!r.ok) throw new Error(r.message);
  return (await loadActor(r.user.id))!;
}

async function membershipOf(actor: Actor, cityId: string) {
  const [row] = await db.select().from(cityMemberships).where(and(eq(cityMemberships.userId, actor.id), eq(cityMemberships.cityId, cityId)));
  return row!;
}

beforeAll(async () => {
  const [seoul] = await db.select({ id: cities.id }).from(cities).where(eq(cities.slug, "seoul"));
  seoulId = seoul!.id;
  seoulAdmin = await actorByEmail("seoul.admin@example.org");
  bangkokOfficial = await actorByEmail("bangkok.official@example.org");
  platformAdmin = await actorByEmail("admin@example.org");
});

describe("joining a city", () => {
  it("a member asks, Seoul's city admin approves, and the member becomes an official of Seoul", async () => {
    const member = await newMember();
    expect(await requestMembership(member, "seoul", "Urban planning department", IP)).toEqual({ ok: true });
    expect(await requestMembership(member, "seoul", null, IP)).toMatchObject({ ok: false, code: "already" });
    const pending = await listDecidableMemberships(seoulAdmin, { statuses: ["requested"] });
    const request = pending.find((p) => p.userEmail === "joiner1@example.net");
    expect(request).toMatchObject({ cityId: seoulId, status: "requested", message: "Urban planning department" });

    // Not yet an official.
    expect(can(await loadActor(member.id), "case.create", { cityId: seoulId })).toBe(false);
    expect(await decideMembership(seoulAdmin, request!.id, "approve", IP)).toEqual({ ok: true });
    const after = (await loadActor(member.id))!;
    expect(after.cities[seoulId]).toBe("official");
    expect(can(after, "case.create", { cityId: seoulId })).toBe(true);
    expect(await decideMembership(seoulAdmin, request!.id, "approve", IP)).toMatchObject({ ok: false, code: "not_pending" });

    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "membership.approved")).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ actorId: seoulAdmin.id, actorIp: IP, entityType: "city_membership", entityId: request!.id, cityId: seoulId });
    expect(event!.data).toMatchObject({ userId: member.id, before: "requested", after: "active" });
  });

  it("an official of another city, or the requester, cannot decide: the request does not exist for them", async () => {
    const member = await newMember();
    await requestMembership(member, "seoul", null, IP);
    const m = await membershipOf(member, seoulId);
    await expect(decideMembership(bangkokOfficial, m.id, "approve", IP)).rejects.toBeInstanceOf(NotFoundError);
    await expect(decideMembership(member, m.id, "approve", IP)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listDecidableMemberships(bangkokOfficial)).length).toBe(0);
    expect((await membershipOf(member, seoulId)).status).toBe("requested");
  });

  it("a refused member may ask again; a platform admin decides for any city", async () => {
    const member = await newMember();
    await requestMembership(member, "seoul", null, IP);
    const m = await membershipOf(member, seoulId);
    expect(await decideMembership(platformAdmin, m.id, "refuse", IP)).toEqual({ ok: true });
    expect((await membershipOf(member, seoulId)).status).toBe("refused");
    expect(await requestMembership(member, "seoul", "Second try", IP)).toEqual({ ok: true });
    expect((await membershipOf(member, seoulId)).status).toBe("requested");
  });

  it("an official can leave; a city admin can revoke an official but not another city admin", async () => {
    const leaver = await newMember();
    await requestMembership(leaver, "seoul", null, IP);
    await decideMembership(seoulAdmin, (await membershipOf(leaver, seoulId)).id, "approve", IP);
    const mine = (await listOwnMemberships(leaver)).find((x) => x.citySlug === "seoul")!;
    await expect(leaveMembership(seoulAdmin, mine.id, IP)).rejects.toBeInstanceOf(NotFoundError);
    expect(await leaveMembership(leaver, mine.id, IP)).toEqual({ ok: true });
    expect((await loadActor(leaver.id))!.cities[seoulId]).toBeUndefined();

    const revoked = await newMember();
    await requestMembership(revoked, "seoul", null, IP);
    const rm = await membershipOf(revoked, seoulId);
    await decideMembership(seoulAdmin, rm.id, "approve", IP);
    await expect(revokeMembership(bangkokOfficial, rm.id, IP)).rejects.toBeInstanceOf(NotFoundError);
    expect(await revokeMembership(seoulAdmin, rm.id, IP)).toEqual({ ok: true });
    expect((await membershipOf(revoked, seoulId)).status).toBe("revoked");

    const ownAdminRow = await membershipOf(seoulAdmin, seoulId);
    await expect(revokeMembership(seoulAdmin, ownAdminRow.id, IP)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("only a platform admin appoints a city admin", async () => {
    const member = await newMember();
    const email = `joiner${n}@example.net`;
    await expect(appointCityAdmin(seoulAdmin, seoulId, email, IP)).rejects.toBeInstanceOf(NotFoundError);
    expect(await appointCityAdmin(platformAdmin, seoulId, email, IP)).toEqual({ ok: true });
    expect((await loadActor(member.id))!.cities[seoulId]).toBe("city_admin");
    expect(await appointCityAdmin(platformAdmin, seoulId, "nobody@example.net", IP)).toMatchObject({ ok: false, code: "no_such_user" });
  });
});
