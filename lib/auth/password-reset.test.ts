/**
 * Password reset end to end through a real SMTP server on loopback (smtp-server): the token is
 * read from the received mail, used once, and then refused.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
const smtpPort = vi.hoisted(() => {
  const port = 20000 + Math.floor(Math.random() * 20000);
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.APP_URL = "http://localhost:3201";
  return port;
});
import { SMTPServer } from "smtp-server";
import { and, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { auditEvents, passwordResetTokens, users } from "../../db/schema";
import { hashResetToken, requestPasswordReset, resetPassword, RESET_TOKEN_TTL_MS } from "./password-reset";
import { authenticate, registerUser } from "./accounts";
import { RATE_RULES } from "./rate-limit";

type Received = { to: string[]; raw: string };
const inbox: Received[] = [];
let server: SMTPServer;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(smtpPort, "127.0.0.1", () => resolve());
  });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The reset link's token from a mail body (quoted-printable soft breaks undone). */
function tokenFrom(mail: Received): string {
  const body = mail.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const match = body.match(/\/reset-password\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no reset link in mail:\n${mail.raw}`);
  return match[1]!;
}

const oldPassword = "my first unusual passphrase";
const newPassword = "a second, different passphrase";

describe("password reset by mail", () => {
  it("mails a one-time link that sets a new password once, and ends old sessions", async () => {
    const r = await registerUser({ name: "Reset Tester", email: "reset.tester@example.net", password: oldPassword }, "192.0.2.80");
    expect(r.ok).toBe(true);
    const [before] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.email, "reset.tester@example.net"));

    const result = await requestPasswordReset("  Reset.Tester@Example.net ", "192.0.2.80");
    expect(result).toEqual({ ok: true });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.to).toEqual(["reset.tester@example.net"]);
    expect(inbox[0]!.raw).toContain("Subject: Reset your password");
    const token = tokenFrom(inbox[0]!);
    expect(inbox[0]!.raw.replace(/=\r?\n/g, "")).toContain("http://localhost:3201/reset-password?token=");

    // Only a hash is stored.
    const stored = await db.select({ tokenHash: passwordResetTokens.tokenHash }).from(passwordResetTokens);
    expect(stored.some((s) => s.tokenHash === token)).toBe(false);
    expect(stored.some((s) => s.tokenHash === hashResetToken(token))).toBe(true);

    expect((await resetPassword(token, "short", "192.0.2.80")).ok).toBe(false);
    expect(await resetPassword(token, newPassword, "192.0.2.80")).toEqual({ ok: true });
    expect((await authenticate({ email: "reset.tester@example.net", password: newPassword }, "192.0.2.81")).ok).toBe(true);
    expect((await authenticate({ email: "reset.tester@example.net", password: oldPassword }, "192.0.2.81")).ok).toBe(false);
    const [after] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.email, "reset.tester@example.net"));
    expect(after!.sv).toBe(before!.sv + 1);

    // Single use.
    expect(await resetPassword(token, "yet another new passphrase", "192.0.2.80")).toMatchObject({ ok: false, code: "invalid_token" });
    const audit = await db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.action, "auth.password_reset"), eq(auditEvents.actorIp, "192.0.2.80")));
    expect(audit).toHaveLength(1);
  });

  it("refuses an expired token", async () => {
    inbox.length = 0;
    const requestedAt = new Date(Date.now() - RESET_TOKEN_TTL_MS - 60_000);
    expect(await requestPasswordReset("member@example.org", "192.0.2.82", requestedAt)).toEqual({ ok: true });
    const token = tokenFrom(inbox[0]!);
    expect(await resetPassword(token, "a fresh passphrase for member", "192.0.2.82")).toMatchObject({ ok: false, code: "invalid_token" });
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    inbox.length = 0;
    expect(await requestPasswordReset("nobody.here@example.net", "192.0.2.83")).toEqual({ ok: true });
    expect(inbox).toHaveLength(0);
  });

  it("limits reset requests per IP with a retry time, and per account silently", async () => {
    inbox.length = 0;
    const ip = "192.0.2.90";
    const results = [];
    for (let i = 0; i <= RATE_RULES.resetRequestsPerIp.limit; i++) results.push(await requestPasswordReset("moderator@example.org", ip));
    expect(results.slice(0, RATE_RULES.resetRequestsPerIp.limit).every((r) => r.ok)).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, code: "rate_limited" });
    // Only 3 mails reached the account: the per-account limit stopped the rest without saying so.
    expect(inbox).toHaveLength(RATE_RULES.resetRequestsPerAccount.limit);
  });
});
