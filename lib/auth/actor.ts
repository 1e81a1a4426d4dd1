/** Loads who is acting — global role and active city memberships — fresh from the database. */
import { and, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { cityMemberships, users } from "../../db/schema";
import type { Actor } from "./policy";

export type ActorWithSession = Actor & { sessionVersion: number; disabled: boolean; name: string; email: string };

export async function loadActor(userId: string): Promise<ActorWithSession | null> {
  const [user] = await db
    .select({
      id: users.id,
      role: users.role,
      name: users.name,
      email: users.email,
      sessionVersion: users.sessionVersion,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const memberships = await db
    .select({ cityId: cityMemberships.cityId, role: cityMemberships.role })
    .from(cityMemberships)
    .where(and(eq(cityMemberships.userId, userId), eq(cityMemberships.status, "active")));
  return {
    id: user.id,
    role: user.role,
    name: user.name,
    email: user.email,
    sessionVersion: user.sessionVersion,
    disabled: user.disabledAt !== null,
    cities: Object.fromEntries(memberships.map((m) => [m.cityId, m.role])),
  };
}
