/**
 * Abuse limits kept in the database (`rate_limits`), so they hold across app replicas.
 * Fixed windows: one row per rule × subject, counted with one atomic upsert. Subjects (emails,
 * IPs) are stored as SHA-256 digests, so the table holds no personal data.
 */
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { rateLimits } from "../../db/schema";

export type RateRule = { name: string; limit: number; windowSeconds: number };

export const RATE_RULES = {
  /** Failed sign-ins for one account. */
  signInFailuresPerAccount: { name: "signin-fail-account", limit: 5, windowSeconds: 15 * 60 },
  /** Failed sign-ins from one IP, across accounts (password spraying). */
  signInFailuresPerIp: { name: "signin-fail-ip", limit: 20, windowSeconds: 15 * 60 },
  signUpsPerIp: { name: "signup-ip", limit: 10, windowSeconds: 60 * 60 },
  resetRequestsPerIp: { name: "reset-ip", limit: 5, windowSeconds: 60 * 60 },
  /** Reset mails to one account; past it the request looks the same but sends nothing. */
  resetRequestsPerAccount: { name: "reset-account", limit: 3, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateRule>;

export type RateState = { count: number; limited: boolean; retryAfterSeconds: number };

function keyFor(rule: RateRule, subject: string): string {
  return `${rule.name}:${createHash("sha256").update(subject).digest("hex")}`;
}

function retryAfter(rule: RateRule, windowStart: Date, now: Date): number {
  return Math.max(1, Math.ceil((windowStart.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000));
}

/** Counts one event and says whether the subject is now over the limit. */
export async function hitRateLimit(db: DbOrTx, rule: RateRule, subject: string, now = new Date()): Promise<RateState> {
  const nowIso = now.toISOString();
  const cutoffIso = new Date(now.getTime() - rule.windowSeconds * 1000).toISOString();
  const expired = sql`${rateLimits.windowStart} <= ${cutoffIso}::timestamptz`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key: keyFor(rule, subject), windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        windowStart: sql`case when ${expired} then ${nowIso}::timestamptz else ${rateLimits.windowStart} end`,
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
      },
    })
    .returning({ windowStart: rateLimits.windowStart, count: rateLimits.count });
  const limited = row!.count > rule.limit;
  return { count: row!.count, limited, retryAfterSeconds: limited ? retryAfter(rule, row!.windowStart, now) : 0 };
}

/** Whether the subject has already used up the window, without counting anything. */
export async function peekRateLimit(db: DbOrTx, rule: RateRule, subject: string, now = new Date()): Promise<RateState> {
  const [row] = await db
    .select({ windowStart: rateLimits.windowStart, count: rateLimits.count })
    .from(rateLimits)
    .where(eq(rateLimits.key, keyFor(rule, subject)));
  if (!row || row.windowStart.getTime() + rule.windowSeconds * 1000 <= now.getTime()) {
    return { count: 0, limited: false, retryAfterSeconds: 0 };
  }
  const limited = row.count >= rule.limit;
  return { count: row.count, limited, retryAfterSeconds: limited ? retryAfter(rule, row.windowStart, now) : 0 };
}

export async function clearRateLimit(db: DbOrTx, rule: RateRule, subject: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, keyFor(rule, subject)));
}

/** "about 14 minutes", for messages. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
