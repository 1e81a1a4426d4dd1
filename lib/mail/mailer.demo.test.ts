/** Demo mode without SMTP_URL: the message goes to the server log, so a newcomer can still reset a password. */
import { describe, expect, it, vi } from "vitest";
vi.hoisted(() => {
  process.env.APP_MODE = "demo";
  delete process.env.SMTP_URL;
});
import { mailAvailability, sendMail } from "./mailer";

describe("mail in demo mode without SMTP_URL", () => {
  it("is written to the log as one JSON line", async () => {
    expect(mailAvailability()).toBe("log");
    const lines: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    try {
      await sendMail({ to: "a@example.org", subject: "Reset your password", text: "line one\nhttp://localhost/reset-password?token=abc" });
    } finally {
      spy.mockRestore();
    }
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ event: "mail.logged", to: "a@example.org", text: "line one\nhttp://localhost/reset-password?token=abc" });
  });
});
