/**
 * Outgoing mail through nodemailer to SMTP_URL. Without SMTP_URL: in demo mode the message is
 * written to the server log (so a newcomer can still reset a password); in production mode mail
 * features say they are unavailable instead of pretending to send.
 */
import nodemailer from "nodemailer";
import { env, isProductionMode } from "../env";

export type MailMessage = { to: string; subject: string; text: string };
export type MailAvailability = "smtp" | "log" | "unavailable";

export function mailAvailability(): MailAvailability {
  if (env.SMTP_URL) return "smtp";
  return isProductionMode ? "unavailable" : "log";
}

let transport: nodemailer.Transporter | null = null;

function smtpTransport(url: string): nodemailer.Transporter {
  // Plain smtp:// on loopback is fine; anything else upgrades with STARTTLS when offered.
  transport ??= nodemailer.createTransport(url);
  return transport;
}

export class MailUnavailableError extends Error {
  constructor() {
    super("Sending mail is not set up on this server (SMTP_URL is not set).");
    this.name = "MailUnavailableError";
  }
}

/** Sends one plain-text message; throws when the SMTP server refuses or is unreachable. */
export async function sendMail(message: MailMessage): Promise<void> {
  const mode = mailAvailability();
  if (mode === "unavailable") throw new MailUnavailableError();
  if (mode === "log") {
    console.log(
      JSON.stringify({ event: "mail.logged", note: "SMTP_URL is unset (demo mode): mail written to the log", to: message.to, subject: message.subject, text: message.text }),
    );
    return;
  }
  await smtpTransport(env.SMTP_URL!).sendMail({ from: env.MAIL_FROM, to: message.to, subject: message.subject, text: message.text });
}
