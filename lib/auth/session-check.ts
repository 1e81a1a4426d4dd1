/**
 * The one session check: a decoded session JWT is good only while the user exists, is not
 * disabled, still has the session version the JWT was issued with, and neither the absolute
 * (12 h) nor the idle (2 h) lifetime has passed. Called on every request by getCurrentActor.
 */
import { decode } from "next-auth/jwt";
import { loadActor, type ActorWithSession } from "./actor";
import { getAuthSecret } from "./secret";
import { ABSOLUTE_SESSION_SECONDS, IDLE_SESSION_SECONDS, sessionCookieName, type SessionClaims } from "./session-config";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function actorFromSessionClaims(claims: SessionClaims | null | undefined, nowMs = Date.now()): Promise<ActorWithSession | null> {
  if (!claims) return null;
  const { sub, sv, authTime, iat } = claims;
  if (typeof sub !== "string" || !UUID.test(sub) || typeof sv !== "number" || typeof authTime !== "number") return null;
  const now = nowMs / 1000;
  if (now - authTime > ABSOLUTE_SESSION_SECONDS) return null;
  if (typeof iat === "number" && now - iat > IDLE_SESSION_SECONDS) return null;
  const actor = await loadActor(sub);
  if (!actor || actor.disabled || actor.sessionVersion !== sv) return null;
  return actor;
}

/** Checks a raw session cookie value (a next-auth JWE), e.g. one captured from a browser. */
export async function actorFromSessionToken(token: string, nowMs = Date.now()): Promise<ActorWithSession | null> {
  let claims: SessionClaims | null;
  try {
    claims = (await decode({ token, secret: getAuthSecret(), salt: sessionCookieName })) as SessionClaims | null;
  } catch {
    return null;
  }
  return actorFromSessionClaims(claims, nowMs);
}
