/**
 * Accounts: registration, sign-in checks, self-service changes and the admin's user actions.
 * Each function does its work and its audit entry in one transaction and returns a typed result;
 * nothing here returns a password hash.
 */
import { asc, eq, ilike, or, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { users, type GlobalRole, GLOBAL_ROLES } from "../../db/schema/users";
import { hashPassword, verifyPassword } from "./password";
import { passwordProblem } from "./password-rules";
import { normalizeEmail } from "./email";
import { clearRateLimit, hitRateLimit, peekRateLimit, RATE_RULES } from "./rate-limit";
import { recordAuthEvent } from "./audit";
import { can, NotFoundError, type Actor } from "./policy";

export type Failure<C extends string> = { ok: false; code: C; message: string; retryAfterSeconds?: number };
export type Ok<T = object> = { ok: true } & T;

const SIGN_IN_REFUSED = "That email and password do not match an account.";

/** A real argon2id hash of a random string: unknown emails are verified against it so they take as long as known ones. */
let dummyHash: Promise<string> | null = null;
function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(`timing-equaliser-${Math.random()}`);
  return dummyHash;
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === "23505" || err?.cause?.code === "23505";
}

export type SignedInUser = { id: string; sessionVersion: number };

/**
 * Checks an email and password for sign-in. Limits failed attempts per account and per IP
 * before spending an argon2 verification; the same message for an unknown email and a wrong
 * password, and about the same time (a dummy hash is verified for unknown emails).
 */
export async function authenticate(
  input: { email: string; password: string },
  ip: string,
  now = new Date(),
): Promise<Ok<{ user: SignedInUser }> | Failure<"invalid" | "rate_limited">> {
  const email = normalizeEmail(input.email);
  const [ipState, accountState] = await Promise.all([
    peekRateLimit(db, RATE_RULES.signInFailuresPerIp, ip, now),
    peekRateLimit(db, RATE_RULES.signInFailuresPerAccount, email, now),
  ]);
  if (ipState.limited || accountState.limited) {
    const retryAfterSeconds = Math.max(ipState.retryAfterSeconds, accountState.retryAfterSeconds);
    await recordAuthEvent(db, { action: "auth.sign_in_limited", actorId: null, ip, data: { email, retryAfterSeconds } });
    return { ok: false, code: "rate_limited", message: "Too many failed sign-in attempts.", retryAfterSeconds };
  }
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, email));
  const passwordOk =
    input.password.length <= 1024 && (await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), input.password));
  if (!user || !passwordOk || user.disabledAt) {
    await db.transaction(async (tx) => {
      await hitRateLimit(tx, RATE_RULES.signInFailuresPerIp, ip, now);
      await hitRateLimit(tx, RATE_RULES.signInFailuresPerAccount, email, now);
      await recordAuthEvent(tx, {
        action: "auth.sign_in_failed",
        actorId: null,
        ip,
        entityId: user?.id ?? null,
        data: { email, reason: !user ? "unknown_email" : !passwordOk ? "wrong_password" : "disabled" },
      });
    });
    return { ok: false, code: "invalid", message: SIGN_IN_REFUSED };
  }
  await db.transaction(async (tx) => {
    await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
    await clearRateLimit(tx, RATE_RULES.signInFailuresPerAccount, email);
    await recordAuthEvent(tx, { action: "auth.sign_in", actorId: user.id, ip, entityId: user.id });
  });
  return { ok: true, user: { id: user.id, sessionVersion: user.sessionVersion } };
}

export async function registerUser(
  input: { name: string; email: string; password: string },
  ip: string,
  now = new Date(),
): Promise<Ok<{ user: { id: string } }> | Failure<"rate_limited" | "email_taken" | "weak_password">> {
  const email = normalizeEmail(input.email);
  const problem = passwordProblem(input.password, { email });
  if (problem) return { ok: false, code: "weak_password", message: problem };
  const limit = await hitRateLimit(db, RATE_RULES.signUpsPerIp, ip, now);
  if (limit.limited) return { ok: false, code: "rate_limited", message: "Too many sign-ups from this network.", retryAfterSeconds: limit.retryAfterSeconds };
  const passwordHash = await hashPassword(input.password);
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx.insert(users).values({ name: input.name, email, passwordHash }).returning({ id: users.id });
      await recordAuthEvent(tx, { action: "user.registered", actorId: row!.id, ip, entityId: row!.id, data: { name: input.name, email } });
      return row!.id;
    });
    return { ok: true, user: { id } };
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, code: "email_taken", message: "An account with this email already exists. Sign in, or reset your password." };
    throw e;
  }
}

/** Ends every session of the user, including the current one, by bumping the session version. */
export async function signOutEverywhere(actor: Actor, ip: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() }).where(eq(users.id, actor.id));
    await recordAuthEvent(tx, { action: "auth.sign_out_everywhere", actorId: actor.id, ip, entityId: actor.id });
  });
}

async function checkCurrentPassword(userId: string, password: string): Promise<boolean> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return !!row && (await verifyPassword(row.passwordHash, password));
}

export async function changeName(actor: Actor, name: string, ip: string): Promise<Ok | Failure<"not_found">> {
  if (!can(actor, "account.edit", { ownerId: actor.id })) throw new NotFoundError("This account");
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id));
    if (!before) return { ok: false as const, code: "not_found" as const, message: "This account no longer exists." };
    await tx.update(users).set({ name, updatedAt: new Date() }).where(eq(users.id, actor.id));
    await recordAuthEvent(tx, { action: "user.name_changed", actorId: actor.id, ip, entityId: actor.id, data: { before: before.name, after: name } });
    return { ok: true as const };
  });
}

export async function changeEmail(
  actor: Actor,
  input: { email: string; currentPassword: string },
  ip: string,
): Promise<Ok | Failure<"wrong_password" | "email_taken">> {
  if (!can(actor, "account.edit", { ownerId: actor.id })) throw new NotFoundError("This account");
  if (!(await checkCurrentPassword(actor.id, input.currentPassword))) return { ok: false, code: "wrong_password", message: "Your current password is not correct." };
  const email = normalizeEmail(input.email);
  try {
    await db.transaction(async (tx) => {
      const [before] = await tx.select({ email: users.email }).from(users).where(eq(users.id, actor.id));
      await tx.update(users).set({ email, updatedAt: new Date() }).where(eq(users.id, actor.id));
      await recordAuthEvent(tx, { action: "user.email_changed", actorId: actor.id, ip, entityId: actor.id, data: { before: before?.email, after: email } });
    });
    return { ok: true };
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, code: "email_taken", message: "Another account already uses this email address." };
    throw e;
  }
}

/** Changing the password ends every session (the caller signs the person in again). */
export async function changePassword(
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  ip: string,
): Promise<Ok | Failure<"wrong_password" | "weak_password">> {
  if (!can(actor, "account.edit", { ownerId: actor.id })) throw new NotFoundError("This account");
  if (!(await checkCurrentPassword(actor.id, input.currentPassword))) return { ok: false, code: "wrong_password", message: "Your current password is not correct." };
  const problem = passwordProblem(input.newPassword);
  if (problem) return { ok: false, code: "weak_password", message: problem };
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() }).where(eq(users.id, actor.id));
    await recordAuthEvent(tx, { action: "auth.password_changed", actorId: actor.id, ip, entityId: actor.id });
  });
  return { ok: true };
}

// ---- Admin: users ----

export type UserListRow = { id: string; name: string; email: string; role: GlobalRole; disabled: boolean; lastSignInAt: Date | null; createdAt: Date };

export async function searchUsers(actor: Actor, query: string, limit = 50): Promise<UserListRow[]> {
  if (!can(actor, "user.manage")) throw new NotFoundError("This page");
  const q = query.trim();
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, disabledAt: users.disabledAt, lastSignInAt: users.lastSignInAt, createdAt: users.createdAt })
    .from(users)
    .where(q ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined)
    .orderBy(asc(users.email))
    .limit(limit);
  return rows.map(({ disabledAt, ...r }) => ({ ...r, disabled: disabledAt !== null }));
}

type AdminUserResult = Ok | Failure<"not_found" | "self">;

async function adminUpdateUser(
  actor: Actor,
  userId: string,
  ip: string,
  change: (current: { role: GlobalRole; disabledAt: Date | null }) => { set: Partial<typeof users.$inferInsert> | null; action: Parameters<typeof recordAuthEvent>[1]["action"]; data: Record<string, unknown> } | null,
  opts: { refuseSelf: boolean },
): Promise<AdminUserResult> {
  if (!can(actor, "user.manage")) throw new NotFoundError("This user");
  if (opts.refuseSelf && userId === actor.id) return { ok: false, code: "self", message: "You cannot do that to your own account; ask another admin." };
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId)).for("update");
    if (!current) return { ok: false as const, code: "not_found" as const, message: "That user no longer exists." };
    const planned = change(current);
    if (!planned) return { ok: true as const };
    await tx
      .update(users)
      .set({ ...planned.set, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await recordAuthEvent(tx, { action: planned.action, actorId: actor.id, ip, entityId: userId, data: planned.data });
    return { ok: true as const };
  });
}

/** A role change ends the user's sessions: old JWTs carry the old session version. */
export function setUserRole(actor: Actor, userId: string, role: GlobalRole, ip: string): Promise<AdminUserResult> {
  if (!GLOBAL_ROLES.includes(role)) throw new Error(`unknown role ${role}`);
  return adminUpdateUser(
    actor,
    userId,
    ip,
    (current) => (current.role === role ? null : { set: { role }, action: "user.role_changed", data: { before: current.role, after: role } }),
    { refuseSelf: true },
  );
}

export function setUserDisabled(actor: Actor, userId: string, disabled: boolean, ip: string): Promise<AdminUserResult> {
  return adminUpdateUser(
    actor,
    userId,
    ip,
    (current) =>
      (current.disabledAt !== null) === disabled
        ? null
        : { set: { disabledAt: disabled ? new Date() : null }, action: disabled ? "user.disabled" : "user.enabled", data: {} },
    { refuseSelf: true },
  );
}

export function endUserSessions(actor: Actor, userId: string, ip: string): Promise<AdminUserResult> {
  return adminUpdateUser(actor, userId, ip, () => ({ set: {}, action: "user.sessions_ended", data: {} }), { refuseSelf: false });
}
