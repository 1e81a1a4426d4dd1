/**
 * Mail for in-app notifications, sent after the transaction that created them has committed.
 * The notification row is the record; mail is a courtesy copy. Uses SMTP_URL when set; in demo
 * mode without SMTP_URL it writes one line per message to the server log instead.
 *
 * Written against nodemailer directly because `lib/mail` (the accounts work) was not on this
 * branch yet; swap `deliver` for it when it lands.
 */
import nodemailer from "nodemailer";
import { eq, inArray } from "drizzle-orm";
import { db, type DbOrTx } from "../../db/client";
import { notifications, users } from "../../db/schema";
import { appUrl, env, isProductionMode } from "../env";
import { describeNotification } from "./describe";

export type OutgoingMail = { to: string; subject: string; text: string };

export type MailOptions = {
  /** Defaults to SMTP_URL. */
  smtpUrl?: string;
  from?: string;
  dbOrTx?: DbOrTx;
};

let cachedTransport: { url: string; transport: nodemailer.Transporter } | null = null;

function transportFor(url: string): nodemailer.Transporter {
  if (cachedTransport?.url !== url) cachedTransport = { url, transport: nodemailer.createTransport(url) };
  return cachedTransport.transport;
}

/** Builds the mail for each notification whose recipient is an active account. */
export async function buildNotificationMails(ids: string[], dbOrTx: DbOrTx = db): Promise<OutgoingMail[]> {
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
      lines.push("", "You receive this because you write cases for your city on the Urban Policy Platform.");
      return { to: r.email, subject: headline, text: lines.join("\n") };
    });
}

/** Sends the mail of the given notifications. Failures throw; the caller logs them. */
export async function sendNotificationEmails(ids: string[], options: MailOptions = {}): Promise<number> {
  const smtpUrl = options.smtpUrl ?? env.SMTP_URL;
  if (!smtpUrl && isProductionMode) return 0;
  const mails = await buildNotificationMails(ids, options.dbOrTx);
  if (!smtpUrl) {
    if (env.NODE_ENV !== "test")
      for (const mail of mails) console.info(`[mail:demo] to=${mail.to} subject=${JSON.stringify(mail.subject)}`);
    return 0;
  }
  const transport = transportFor(smtpUrl);
  for (const mail of mails) {
    await transport.sendMail({ from: options.from ?? env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
  }
  return mails.length;
}
