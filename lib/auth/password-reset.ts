/**
 * Password reset by an emailed one-time token: 32 random bytes, only their SHA-256 at rest,
 * 30 minutes to use it, once. The answer to a request is the same whether or not the email has
 * an account, so the form cannot be used to find out who is registered.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { passwordResetTokens, users } from "../../db/schema/users";
import { appUrl } from "../env";
import { mailAvailability, sendMail } from "../mail/mailer";
import { hashPassword } from "./password";
import { passwordProblem } from "./password-rules";
import { normalizeEmail } from "./email";
import { hitRateLimit, RATE_RULES } from "./rate-limit";
import { recordAuthEvent } from "./audit";
import type { Failure, Ok } from "./accounts";

export const RESET_TOKEN_TTL_MS = 30 * 60 * 1000;

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function resetLink(token: string): string {
  return `${appUrl}/reset-password?token=${encodeURIComponent(token)}`;
}

export async function requestPasswordReset(
  emailInput: string,
  ip: string,
  now = new Date(),
): Promise<Ok | Failure<"unavailable" | "rate_limited" | "mail_failed">> {
  if (mailAvailability() === "unavailable") {
    return { ok: false, code: "unavailable", message: "Password reset by email is not available on this server. Ask an administrator to help you." };
  }
  const ipLimit = await hitRateLimit(db, RATE_RULES.resetRequestsPerIp, ip, now);
  if (ipLimit.limited) return { ok: false, code: "rate_limited", message: "Too many reset requests from this network.", retryAfterSeconds: ipLimit.retryAfterSeconds };

  const email = normalizeEmail(emailInput);
  const [user] = await db.select({ id: users.id, name: users.name, disabledAt: users.disabledAt }).from(users).where(eq(users.email, email));
  if (!user || user.disabledAt) return { ok: true };
  const accountLimit = await hitRateLimit(db, RATE_RULES.resetRequestsPerAccount, email, now);
  if (accountLimit.limited) return { ok: true };

  const token = randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
    await tx.insert(passwordResetTokens).values({ tokenHash: hashResetToken(token), userId: user.id, expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS) });
    await recordAuthEvent(tx, { action: "auth.password_reset_requested", actorId: null, ip, entityId: user.id });
  });
  try {
    await sendMail({
      to: email,
      subject: "Reset your password",
      text: [
        `Hello ${user.name},`,
        "",
        "Someone (hopefully you) asked to reset the password of your account on the Urban Policy Knowledge Platform.",
        "Open this link within 30 minutes to choose a new password. It works once.",
        "",
        resetLink(token),
        "",
        "If you did not ask for this, ignore this message: your password stays as it is.",
      ].join("\n"),
    });
  } catch (e) {
    console.error("password reset: the mail could not be sent", e);
    return { ok: false, code: "mail_failed", message: "The reset mail could not be sent just now. Try again in a few minutes." };
  }
  return { ok: true };
}

/** Whether a token can still be used (for showing the form or an explanation). */
export async function isResetTokenUsable(token: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ userId: passwordResetTokens.userId })
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.tokenHash, hashResetToken(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)));
  return !!row;
}

export async function resetPassword(
  token: string,
  newPassword: string,
  ip: string,
  now = new Date(),
): Promise<Ok | Failure<"invalid_token" | "weak_password">> {
  const problem = passwordProblem(newPassword);
  if (problem) return { ok: false, code: "weak_password", message: problem };
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    // Claiming the token and using it is one statement, so two concurrent uses cannot both win.
    const [claimed] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.tokenHash, hashResetToken(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
      .returning({ userId: passwordResetTokens.userId });
    if (!claimed) {
      return { ok: false as const, code: "invalid_token" as const, message: "This reset link has expired or was already used. Ask for a new one." };
    }
    // Every other outstanding link for this account stops working too.
    await tx.update(passwordResetTokens).set({ usedAt: now }).where(and(eq(passwordResetTokens.userId, claimed.userId), isNull(passwordResetTokens.usedAt)));
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, claimed.userId));
    await recordAuthEvent(tx, { action: "auth.password_reset", actorId: claimed.userId, ip, entityId: claimed.userId });
    return { ok: true as const };
  });
}
