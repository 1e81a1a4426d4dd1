/**
 * City membership: a member asks to join a city as an official; the city's admins or a
 * platform admin approve or refuse; an official can leave; a city admin revokes; platform admins
 * appoint city admins. Each change and its audit entry share one transaction. Memberships the
 * actor may not see answer "not found".
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { db } from "../../db/client";
import { cities, cityMemberships, users, type CityRole, type MembershipStatus } from "../../db/schema";
import { can, NotFoundError, type Actor } from "../auth/policy";
import { recordAuthEvent } from "../auth/audit";
import { normalizeEmail } from "../auth/email";
import type { Failure, Ok } from "../auth/accounts";

export type OwnMembership = { id: string; cityId: string; citySlug: string; cityName: string; role: CityRole; status: MembershipStatus; requestedAt: Date; decidedAt: Date | null };

export async function listOwnMemberships(actor: Actor): Promise<OwnMembership[]> {
  return db
    .select({
      id: cityMemberships.id,
      cityId: cityMemberships.cityId,
      citySlug: cities.slug,
      cityName: cities.name,
      role: cityMemberships.role,
      status: cityMemberships.status,
      requestedAt: cityMemberships.requestedAt,
      decidedAt: cityMemberships.decidedAt,
    })
    .from(cityMemberships)
    .innerJoin(cities, eq(cities.id, cityMemberships.cityId))
    .where(eq(cityMemberships.userId, actor.id))
    .orderBy(asc(cities.name));
}

export type MembershipResult = Ok | Failure<"already" | "not_pending" | "not_active" | "no_such_user" | "no_such_city" | "last_city_admin">;

export async function requestMembership(actor: Actor, citySlug: string, message: string | null, ip: string): Promise<MembershipResult> {
  const [city] = await db.select({ id: cities.id, name: cities.name }).from(cities).where(eq(cities.slug, citySlug));
  if (!city) return { ok: false, code: "no_such_city", message: "There is no such city on the platform." };
  if (!can(actor, "membership.request", { cityId: city.id })) throw new NotFoundError("This city");
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: cityMemberships.id, status: cityMemberships.status })
      .from(cityMemberships)
      .where(and(eq(cityMemberships.userId, actor.id), eq(cityMemberships.cityId, city.id)))
      .for("update");
    if (existing?.status === "active") return { ok: false as const, code: "already" as const, message: `You are already a member of ${city.name}.` };
    if (existing?.status === "requested") return { ok: false as const, code: "already" as const, message: `Your request to join ${city.name} is waiting for a decision.` };
    let id: string;
    if (existing) {
      // Refused, revoked or left before: asking again reopens the same row (one row per user × city).
      await tx
        .update(cityMemberships)
        .set({ status: "requested", role: "official", message, requestedAt: new Date(), decidedAt: null, decidedBy: null })
        .where(eq(cityMemberships.id, existing.id));
      id = existing.id;
    } else {
      const [row] = await tx.insert(cityMemberships).values({ userId: actor.id, cityId: city.id, role: "official", status: "requested", message }).returning({ id: cityMemberships.id });
      id = row!.id;
    }
    await recordAuthEvent(tx, { action: "membership.requested", actorId: actor.id, ip, entityType: "city_membership", entityId: id, cityId: city.id, data: { message } });
    return { ok: true as const };
  });
}

type LoadedMembership = { id: string; userId: string; cityId: string; role: CityRole; status: MembershipStatus };

async function loadMembershipForUpdate(tx: Parameters<Parameters<typeof db.transaction>[0]>[0], membershipId: string): Promise<LoadedMembership | null> {
  if (!/^[0-9a-f-]{36}$/i.test(membershipId)) return null;
  const [row] = await tx
    .select({ id: cityMemberships.id, userId: cityMemberships.userId, cityId: cityMemberships.cityId, role: cityMemberships.role, status: cityMemberships.status })
    .from(cityMemberships)
    .where(eq(cityMemberships.id, membershipId))
    .for("update");
  return row ?? null;
}

/** City admins of the city (or platform admins) approve or refuse a pending request. */
export async function decideMembership(actor: Actor, membershipId: string, decision: "approve" | "refuse", ip: string): Promise<MembershipResult> {
  return db.transaction(async (tx) => {
    const membership = await loadMembershipForUpdate(tx, membershipId);
    if (!membership || !can(actor, "membership.decide", { cityId: membership.cityId })) throw new NotFoundError("This request");
    if (membership.status !== "requested") return { ok: false as const, code: "not_pending" as const, message: "This request has already been decided." };
    const status = decision === "approve" ? "active" : "refused";
    await tx.update(cityMemberships).set({ status, decidedAt: new Date(), decidedBy: actor.id }).where(eq(cityMemberships.id, membership.id));
    await recordAuthEvent(tx, {
      action: decision === "approve" ? "membership.approved" : "membership.refused",
      actorId: actor.id,
      ip,
      entityType: "city_membership",
      entityId: membership.id,
      cityId: membership.cityId,
      data: { userId: membership.userId, role: membership.role, before: membership.status, after: status },
    });
    return { ok: true as const };
  });
}

/** A city admin (or platform admin) removes an active official. Only platform admins remove city admins. */
export async function revokeMembership(actor: Actor, membershipId: string, ip: string): Promise<MembershipResult> {
  return db.transaction(async (tx) => {
    const membership = await loadMembershipForUpdate(tx, membershipId);
    if (!membership || !can(actor, "membership.decide", { cityId: membership.cityId })) throw new NotFoundError("This membership");
    if (membership.role === "city_admin" && !can(actor, "membership.appoint_city_admin", { cityId: membership.cityId })) {
      throw new NotFoundError("This membership");
    }
    if (membership.status !== "active") return { ok: false as const, code: "not_active" as const, message: "This membership is not active." };
    await tx.update(cityMemberships).set({ status: "revoked", decidedAt: new Date(), decidedBy: actor.id }).where(eq(cityMemberships.id, membership.id));
    await recordAuthEvent(tx, {
      action: "membership.revoked",
      actorId: actor.id,
      ip,
      entityType: "city_membership",
      entityId: membership.id,
      cityId: membership.cityId,
      data: { userId: membership.userId, role: membership.role, before: "active", after: "revoked" },
    });
    return { ok: true as const };
  });
}

/** A member withdraws a pending request or leaves a city. */
export async function leaveMembership(actor: Actor, membershipId: string, ip: string): Promise<MembershipResult> {
  return db.transaction(async (tx) => {
    const membership = await loadMembershipForUpdate(tx, membershipId);
    if (!membership || !can(actor, "membership.leave", { ownerId: membership.userId })) throw new NotFoundError("This membership");
    if (membership.status !== "active" && membership.status !== "requested") {
      return { ok: false as const, code: "not_active" as const, message: "You are not a member of this city." };
    }
    await tx.update(cityMemberships).set({ status: "left", decidedAt: new Date(), decidedBy: actor.id }).where(eq(cityMemberships.id, membership.id));
    await recordAuthEvent(tx, {
      action: "membership.left",
      actorId: actor.id,
      ip,
      entityType: "city_membership",
      entityId: membership.id,
      cityId: membership.cityId,
      data: { role: membership.role, before: membership.status, after: "left" },
    });
    return { ok: true as const };
  });
}

/** Platform admins make a user (by email) an active city admin of a city. */
export async function appointCityAdmin(actor: Actor, cityId: string, email: string, ip: string): Promise<MembershipResult> {
  if (!can(actor, "membership.appoint_city_admin", { cityId })) throw new NotFoundError("This city");
  const [city] = await db.select({ id: cities.id }).from(cities).where(eq(cities.id, cityId));
  if (!city) return { ok: false, code: "no_such_city", message: "That city no longer exists." };
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, normalizeEmail(email)));
  if (!user) return { ok: false, code: "no_such_user", message: "No account uses that email address. Ask the person to register first." };
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: cityMemberships.id, role: cityMemberships.role, status: cityMemberships.status })
      .from(cityMemberships)
      .where(and(eq(cityMemberships.userId, user.id), eq(cityMemberships.cityId, city.id)))
      .for("update");
    if (existing?.status === "active" && existing.role === "city_admin") {
      return { ok: false as const, code: "already" as const, message: "This person is already a city admin of this city." };
    }
    const now = new Date();
    let id: string;
    if (existing) {
      await tx.update(cityMemberships).set({ role: "city_admin", status: "active", decidedAt: now, decidedBy: actor.id }).where(eq(cityMemberships.id, existing.id));
      id = existing.id;
    } else {
      const [row] = await tx
        .insert(cityMemberships)
        .values({ userId: user.id, cityId: city.id, role: "city_admin", status: "active", decidedAt: now, decidedBy: actor.id })
        .returning({ id: cityMemberships.id });
      id = row!.id;
    }
    await recordAuthEvent(tx, {
      action: "membership.city_admin_appointed",
      actorId: actor.id,
      ip,
      entityType: "city_membership",
      entityId: id,
      cityId: city.id,
      data: { userId: user.id, before: existing ? { role: existing.role, status: existing.status } : null, after: { role: "city_admin", status: "active" } },
    });
    return { ok: true as const };
  });
}

export type CityMembershipRow = { id: string; userName: string; userEmail: string; role: CityRole; status: MembershipStatus; message: string | null; requestedAt: Date; cityId: string; cityName: string };

/**
 * Memberships of the cities the actor may decide for (all cities for platform admins),
 * pending first. City admins see the people of their own city only.
 */
export async function listDecidableMemberships(actor: Actor, opts: { statuses?: MembershipStatus[]; cityId?: string } = {}): Promise<CityMembershipRow[]> {
  // Asked about no city in particular: only a platform admin may decide for every city.
  const isPlatformAdmin = can(actor, "membership.decide", { cityId: null });
  const cityIds = Object.keys(actor.cities).filter((cityId) => can(actor, "membership.decide", { cityId }));
  if (!isPlatformAdmin && cityIds.length === 0) return [];
  const conditions = [];
  if (!isPlatformAdmin) conditions.push(inArray(cityMemberships.cityId, cityIds));
  if (opts.cityId) conditions.push(eq(cityMemberships.cityId, opts.cityId));
  if (opts.statuses?.length) conditions.push(inArray(cityMemberships.status, opts.statuses));
  return db
    .select({
      id: cityMemberships.id,
      userName: users.name,
      userEmail: users.email,
      role: cityMemberships.role,
      status: cityMemberships.status,
      message: cityMemberships.message,
      requestedAt: cityMemberships.requestedAt,
      cityId: cityMemberships.cityId,
      cityName: cities.name,
    })
    .from(cityMemberships)
    .innerJoin(users, eq(users.id, cityMemberships.userId))
    .innerJoin(cities, eq(cities.id, cityMemberships.cityId))
    .where(and(...conditions))
    .orderBy(asc(cities.name), desc(cityMemberships.requestedAt))
    .limit(500);
}

export async function listCityOptions(): Promise<{ id: string; slug: string; name: string; country: string }[]> {
  return db.select({ id: cities.id, slug: cities.slug, name: cities.name, country: cities.country }).from(cities).orderBy(asc(cities.name));
}
