/**
 * Who may do what: the permission list, the role → permission table and the one `can`.
 * Every server action and route handler loads its resource on the server and asks `can` about
 * that resource — never about an id or a city the client claims.
 *
 * Roles are relative to the resource: "official" means an active official (or city admin) of the
 * city that owns the resource; an official of another city is just a "member" there.
 */
import type { CityRole, GlobalRole } from "../../db/schema/users";

export type Actor = {
  id: string;
  role: GlobalRole;
  /** Active memberships only: city id → role. */
  cities: Record<string, CityRole>;
};

export type Role = "anonymous" | "member" | "official" | "city_admin" | "moderator" | "admin";
export const ROLES: readonly Role[] = ["anonymous", "member", "official", "city_admin", "moderator", "admin"];

/** Whatever a permission is checked against. `cityId` is the owning city; `published` its visibility. */
export type Resource = {
  cityId?: string | null;
  /** True when the thing is live for the public (a published case, a visible comment). */
  published?: boolean;
  /** For user records: the user the resource belongs to. */
  ownerId?: string | null;
};

/** "any": no condition; "published": only on published resources; "own": the actor owns it. */
type Scope = "any" | "published" | "own";
type Grant = readonly [Role, Scope];

export const PERMISSIONS = {
  // Reading
  "case.view": [["anonymous", "published"], ["member", "published"], ["official", "any"], ["moderator", "any"], ["admin", "any"]],
  "case.view_contacts": [["member", "published"], ["official", "any"], ["moderator", "any"], ["admin", "any"]],
  "case.view_history": [["official", "any"], ["moderator", "any"], ["admin", "any"]],
  // Writing cases (authors change; moderators decide)
  "case.create": [["official", "any"]],
  "case.edit": [["official", "any"]],
  "case.submit": [["official", "any"]],
  "case.archive": [["city_admin", "any"], ["admin", "any"]],
  "case.unpublish": [["admin", "any"]],
  "case.review": [["moderator", "any"], ["admin", "any"]],
  "upload.create": [["official", "any"]],
  "upload.view": [["anonymous", "published"], ["member", "published"], ["official", "any"], ["moderator", "any"], ["admin", "any"]],
  // Community
  "comment.create": [["member", "published"]],
  "comment.hide": [["moderator", "any"], ["admin", "any"]],
  "cooperation.send": [["member", "published"]],
  "cooperation.answer": [["official", "any"]],
  "transfer.record": [["official", "any"], ["admin", "any"]],
  // Cities and membership
  "city.create": [["admin", "any"]],
  "city.edit": [["city_admin", "any"], ["admin", "any"]],
  "membership.request": [["member", "any"]],
  "membership.decide": [["city_admin", "any"], ["admin", "any"]],
  "membership.leave": [["member", "own"]],
  "membership.appoint_city_admin": [["admin", "any"]],
  // Staff areas
  "moderation.queue": [["moderator", "any"], ["admin", "any"]],
  "audit.view": [["moderator", "any"], ["admin", "any"]],
  "user.manage": [["admin", "any"]],
  "account.edit": [["member", "own"]],
  "studio.use": [["official", "any"]],
} as const satisfies Record<string, readonly Grant[]>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** The roles an actor holds with respect to one resource. */
export function rolesFor(actor: Actor | null, resource: Resource = {}): Set<Role> {
  const roles = new Set<Role>(["anonymous"]);
  if (!actor) return roles;
  roles.add("member");
  if (actor.role === "moderator") roles.add("moderator");
  if (actor.role === "admin") roles.add("admin");
  const cityRole = resource.cityId ? actor.cities[resource.cityId] : undefined;
  if (cityRole) roles.add("official");
  if (cityRole === "city_admin") roles.add("city_admin");
  return roles;
}

/**
 * Resources that belong to no city (the studio, the moderation queue) ask about the actor's
 * memberships in general: an official of any city may open the studio.
 */
export function can(actor: Actor | null, permission: Permission, resource: Resource = {}): boolean {
  const grants: readonly Grant[] = PERMISSIONS[permission];
  const roles =
    resource.cityId === undefined && actor && Object.keys(actor.cities).length > 0
      ? new Set<Role>([...rolesFor(actor), "official", ...(Object.values(actor.cities).includes("city_admin") ? (["city_admin"] as const) : [])])
      : rolesFor(actor, resource);
  return grants.some(([role, scope]) => {
    if (!roles.has(role)) return false;
    if (scope === "published") return resource.published === true;
    if (scope === "own") return !!actor && resource.ownerId === actor.id;
    return true;
  });
}

export class NotFoundError extends Error {
  constructor(what = "This page") {
    super(`${what} could not be found.`);
    this.name = "NotFoundError";
  }
}

/** Cities where the actor may do `permission` (e.g. where they may create a case). */
export function citiesWhere(actor: Actor | null, permission: Permission): string[] {
  if (!actor) return [];
  return Object.keys(actor.cities).filter((cityId) => can(actor, permission, { cityId }));
}
