/**
 * Who is signed in, checked against the database on every request. Other areas (studio,
 * moderation) build on exactly these two functions.
 */
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { auth } from "@/auth";
import type { ActorWithSession } from "./actor";
import { actorFromSessionClaims } from "./session-check";
import type { SessionClaims } from "./session-config";

export type { ActorWithSession } from "./actor";

/**
 * The signed-in actor, or null when nobody is signed in, the session version is stale (sign-out
 * everywhere, role change, password change), the user is disabled, or the idle or absolute
 * lifetime has passed. Cached for the duration of one request.
 */
export const getCurrentActor = cache(async (): Promise<ActorWithSession | null> => {
  const session = (await auth()) as { claims?: SessionClaims } | null;
  return actorFromSessionClaims(session?.claims);
});

/** A path on this site to come back to after signing in; anything else becomes "/". */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next.slice(0, 2000);
}

/** The signed-in actor; otherwise a redirect to /login that comes back here. */
export async function requireActor(nextPath?: string): Promise<ActorWithSession> {
  const actor = await getCurrentActor();
  if (actor) return actor;
  let next = nextPath;
  if (!next) {
    const h = await headers();
    // Next.js does not hand the path to server components; the proxy copies it into this header.
    next = h.get("x-request-path") ?? "/";
  }
  redirect(`/login?next=${encodeURIComponent(safeNextPath(next))}`);
}
