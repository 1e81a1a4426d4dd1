/**
 * Password rules (NIST SP 800-63B style): 12 to 128 characters, no composition rules, refused
 * when it is one of the most common passwords or a common password with digits or symbols
 * tacked on. The list ships with the app (common-passwords.txt), so no network is needed.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

let commonPasswords: Set<string> | null = null;

function loadCommonPasswords(): Set<string> {
  if (!commonPasswords) {
    const file = path.join(process.cwd(), "lib", "auth", "common-passwords.txt");
    const lines = fs.readFileSync(file, "utf8").split("\n");
    commonPasswords = new Set(lines.filter((l) => l && !l.startsWith("#")).map((l) => l.trim()));
  }
  return commonPasswords;
}

/** Counts what a person sees as characters, so an emoji is one, not two. */
export function passwordLength(password: string): number {
  return [...password].length;
}

export function isCommonPassword(password: string): boolean {
  const list = loadCommonPasswords();
  const lower = password.toLowerCase();
  if (list.has(lower)) return true;
  // "password1234!", "!!qwerty123456": a listed word padded with digits or symbols.
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, "");
  if (core.length >= 4 && list.has(core)) return true;
  // One character repeated ("aaaaaaaaaaaa") or a word repeated ("passwordpassword").
  if (/^(.+?)\1+$/u.test(lower) && (new Set(lower).size === 1 || list.has(lower.match(/^(.+?)\1+$/u)![1]!))) return true;
  return false;
}

/** A plain-words reason the password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters (this one has ${length}).`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (isCommonPassword(password)) return "This password is too common; pick something others would not guess, such as a few unrelated words.";
  if (context.email && password.toLowerCase() === context.email.toLowerCase()) return "Do not use your email address as your password.";
  return null;
}

/** A new password as typed by the person (never trimmed: spaces are allowed characters). */
export const newPasswordSchema = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
