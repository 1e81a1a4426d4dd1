/** Production mode without SMTP_URL: mail features say they are unavailable, nothing is pretended. */
import { describe, expect, it, vi } from "vitest";
vi.hoisted(() => {
  process.env.APP_MODE = "production";
  delete process.env.SMTP_URL;
});
import { mailAvailability, MailUnavailableError, sendMail } from "./mailer";
import { requestPasswordReset } from "../auth/password-reset";

describe("mail in production mode without SMTP_URL", () => {
  it("is unavailable, and password reset says so", async () => {
    expect(mailAvailability()).toBe("unavailable");
    await expect(sendMail({ to: "a@example.org", subject: "x", text: "y" })).rejects.toBeInstanceOf(MailUnavailableError);
    expect(await requestPasswordReset("anyone@example.org", "192.0.2.1")).toMatchObject({ ok: false, code: "unavailable" });
  });
});
