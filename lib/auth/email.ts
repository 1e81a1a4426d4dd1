import { z } from "zod";

/** Emails are stored trimmed and lower-cased; the database refuses anything else. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter an email address like name@example.org."));

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, "Enter your name.")
  .max(200, "Use at most 200 characters for your name.");
