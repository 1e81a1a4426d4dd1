/**
 * Mail for in-app notifications, sent after the transaction that created them has committed.
 * The notification row is the record; mail is a courtesy copy. Goes through lib/mail (SMTP_URL;
 * in demo mode without it, the server log; in production mode without it, nothing).
 */
import { eq, inArray } from "drizzle-orm";
import { db, type DbOrTx } from "../../db/client";
import { notifications, users } from "../../db/schema";
import { appUrl, env } from "../env";
import { mailAvailability, sendMail, type MailMessage } from "../mail/mailer";
import { describeNotification } from "./describe";

/** Builds the mail for each notification whose recipient is an active account. */
export async function buildNotificationMails(ids: string[], dbOrTx: DbOrTx = db): Promise<MailMessage[]> {
  if (ids.length === 0) return [];
  const rows = await dbOrTx
    .select({
      kind: notifications.kind,
      caseId: notifications.caseId,
      data: notifications.data,
      email: users.email,
      disabledAt: users.disabledAt,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(inArray(notifications.id, ids));
  return rows
    .filter((r) => r.disabledAt === null)
    .map((r) => {
      const { headline, detail, href } = describeNotification(r);
      const lines = [headline, "", ...(detail ? [detail, ""] : []), `Open it: ${new URL(href, appUrl).toString()}`];
      lines.push("", "You receive this because you write cases for your city on the Urban Policy Knowledge Platform.");
      return { to: r.email, subject: headline, text: lines.join("\n") };
    });
}

/**
 * Sends the mail of the given notifications; returns how many went out. Each message is tried
 * even if an earlier one failed; the first failure is rethrown at the end for the caller to log.
 */
export async function sendNotificationEmails(ids: string[]): Promise<number> {
  const mode = mailAvailability();
  // Logged demo mail would bury test output under hundreds of lines; tests use a real SMTP server.
  if (mode === "unavailable" || (mode === "log" && env.NODE_ENV === "test")) return 0;
  const mails = await buildNotificationMails(ids);
  let sent = 0;
  let firstError: unknown = null;
  for (const mail of mails) {
    try {
      await sendMail(mail);
      sent++;
    } catch (error) {
      firstError ??= error;
    }
  }
  if (firstError) throw firstError;
  return sent;
}
