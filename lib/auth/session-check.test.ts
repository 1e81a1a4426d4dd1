/**
 * Revocation: real session JWTs, encrypted with next-auth's own `encode` exactly as the cookie
 * is, are refused after sign-out everywhere, after the user is disabled, after a role change and
 * after a password change — and past the idle and absolute lifetimes.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
vi.hoisted(() => {
  process.env.AUTH_SECRET = "test-secret-for-session-checks-0123456789abcdef";
});
import { encode } from "next-auth/jwt";
import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { users } from "../../db/schema";
import { actorFromSessionToken } from "./session-check";
import { ABSOLUTE_SESSION_SECONDS, IDLE_SESSION_SECONDS, sessionCookieName } from "./session-config";
import { getAuthSecret } from "./secret";
import { changePassword, registerUser, setUserDisabled, setUserRole, signOutEverywhere } from "./accounts";
import { loadActor } from "./actor";
import { authConfig } from "../../auth.config";
import type { Actor } from "./policy";

const PASSWORD = "long enough unusual passphrase 42";
let admin: Actor;

async function sessionCookieFor(userId: string, opts: { authTime?: number; maxAge?: number; secret?: string } = {}) {
  const [row] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return encode({
    token: { sub: userId, sv: row!.sv, authTime: opts.authTime ?? Math.floor(Date.now() / 1000) },
    secret: opts.secret ?? getAuthSecret(),
    salt: sessionCookieName,
    maxAge: opts.maxAge ?? IDLE_SESSION_SECONDS,
  });
}

let counter = 0;
async function newUser(): Promise<string> {
  counter += 1;
  const result = await registerUser({ name: `Session tester ${counter}`, email: `session${counter}@example.net`, password: PASSWORD }, "192.0.2.10");
  if (!result.ok) throw new Error(result.message);
  return result.user.id;
}

beforeAll(async () => {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@example.org"));
  admin = (await loadActor(row!.id))!;
});

describe("a captured session cookie", () => {
  it("is accepted while nothing changed", async () => {
    const userId = await newUser();
    const cookie = await sessionCookieFor(userId);
    const actor = await actorFromSessionToken(cookie);
    expect(actor?.id).toBe(userId);
    expect(actor?.role).toBe("member");
  });

  it("is refused after sign-out everywhere, while a new sign-in works", async () => {
    const userId = await newUser();
    const before = await sessionCookieFor(userId);
    const actor = (await actorFromSessionToken(before))!;
    await signOutEverywhere(actor, "192.0.2.10");
    expect(await actorFromSessionToken(before)).toBeNull();
    const after = await sessionCookieFor(userId);
    expect((await actorFromSessionToken(after))?.id).toBe(userId);
  });

  it("is refused after the user is disabled, and stays refused after re-enabling", async () => {
    const userId = await newUser();
    const before = await sessionCookieFor(userId);
    expect(await actorFromSessionToken(before)).not.toBeNull();
    expect((await setUserDisabled(admin, userId, true, "192.0.2.1")).ok).toBe(true);
    expect(await actorFromSessionToken(before)).toBeNull();
    // Even a cookie minted with the current version is refused while disabled.
    expect(await actorFromSessionToken(await sessionCookieFor(userId))).toBeNull();
    expect((await setUserDisabled(admin, userId, false, "192.0.2.1")).ok).toBe(true);
    expect(await actorFromSessionToken(before)).toBeNull();
    expect(await actorFromSessionToken(await sessionCookieFor(userId))).not.toBeNull();
  });

  it("is refused after a role change; the new session carries the new role", async () => {
    const userId = await newUser();
    const before = await sessionCookieFor(userId);
    expect((await setUserRole(admin, userId, "moderator", "192.0.2.1")).ok).toBe(true);
    expect(await actorFromSessionToken(before)).toBeNull();
    expect((await actorFromSessionToken(await sessionCookieFor(userId)))?.role).toBe("moderator");
  });

  it("is refused after the password is changed", async () => {
    const userId = await newUser();
    const before = await sessionCookieFor(userId);
    const actor = (await actorFromSessionToken(before))!;
    const result = await changePassword(actor, { currentPassword: PASSWORD, newPassword: "another unusual passphrase 43" }, "192.0.2.10");
    expect(result.ok).toBe(true);
    expect(await actorFromSessionToken(before)).toBeNull();
  });

  it("is refused past the idle lifetime (2 h) and the absolute lifetime (12 h)", async () => {
    const userId = await newUser();
    const fresh = await sessionCookieFor(userId);
    expect(await actorFromSessionToken(fresh, Date.now() + (IDLE_SESSION_SECONDS - 60) * 1000)).not.toBeNull();
    expect(await actorFromSessionToken(fresh, Date.now() + (IDLE_SESSION_SECONDS + 60) * 1000)).toBeNull();
    const oldSignIn = await sessionCookieFor(userId, { authTime: Math.floor(Date.now() / 1000) - ABSOLUTE_SESSION_SECONDS - 1 });
    expect(await actorFromSessionToken(oldSignIn)).toBeNull();
    // The JWT's own expiry (what the idle timeout slides) is enforced by decode.
    const expired = await sessionCookieFor(userId, { maxAge: -60 });
    expect(await actorFromSessionToken(expired)).toBeNull();
  });

  it("is refused when forged with another secret or tampered with", async () => {
    const userId = await newUser();
    const forged = await sessionCookieFor(userId, { secret: "an-attacker-guessed-secret-0123456789abcdefgh" });
    expect(await actorFromSessionToken(forged)).toBeNull();
    const good = await sessionCookieFor(userId);
    const tampered = good.slice(0, -4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await actorFromSessionToken(tampered)).toBeNull();
    expect(await actorFromSessionToken("not a jwt")).toBeNull();
  });
});

describe("the next-auth jwt callback", () => {
  const jwt = authConfig().callbacks!.jwt!;
  it("puts the user id, session version and sign-in time into a new session", async () => {
    const token = await jwt({ token: {}, user: { id: "u1", sessionVersion: 7 } as never, account: null, trigger: "signIn" } as never);
    expect(token).toMatchObject({ sub: "u1", sv: 7 });
    expect(Math.abs((token as { authTime: number }).authTime - Date.now() / 1000)).toBeLessThan(5);
  });
  it("drops a session past the absolute lifetime even though its idle expiry slides", async () => {
    const stale = { sub: "u1", sv: 1, authTime: Math.floor(Date.now() / 1000) - ABSOLUTE_SESSION_SECONDS - 5 };
    expect(await jwt({ token: stale } as never)).toBeNull();
    const recent = { ...stale, authTime: Math.floor(Date.now() / 1000) - 60 };
    expect(await jwt({ token: recent } as never)).toEqual(recent);
  });
});
