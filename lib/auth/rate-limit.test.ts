/**
 * Abuse limits in the database: counting, windows, concurrency, and the sign-in, sign-up and
 * reset limits as the app applies them. Also measures a sign-in (argon2id verify + database).
 */
import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { auditEvents, rateLimits, users } from "../../db/schema";
import { clearRateLimit, describeWait, hitRateLimit, peekRateLimit, RATE_RULES, type RateRule } from "./rate-limit";
import { authenticate, registerUser } from "./accounts";

const rule: RateRule = { name: "test-rule", limit: 3, windowSeconds: 60 };

describe("the rate-limit counter", () => {
  it("counts hits, limits past the limit, and tells how long to wait", async () => {
    const now = new Date("2026-01-01T10:00:00Z");
    const states = [];
    for (let i = 0; i < 4; i++) states.push(await hitRateLimit(db, rule, "subject-1", new Date(now.getTime() + i * 1000)));
    expect(states.map((s) => s.count)).toEqual([1, 2, 3, 4]);
    expect(states.map((s) => s.limited)).toEqual([false, false, false, true]);
    expect(states[3]!.retryAfterSeconds).toBe(57);
    expect((await peekRateLimit(db, rule, "subject-1", new Date(now.getTime() + 5000))).limited).toBe(true);
    // Other subjects are counted apart.
    expect((await peekRateLimit(db, rule, "subject-2", now)).count).toBe(0);
  });

  it("starts a fresh window once the old one has passed", async () => {
    const now = new Date("2026-01-01T11:00:00Z");
    for (let i = 0; i < 5; i++) await hitRateLimit(db, rule, "subject-3", now);
    const later = new Date(now.getTime() + 61_000);
    expect((await peekRateLimit(db, rule, "subject-3", later)).limited).toBe(false);
    const state = await hitRateLimit(db, rule, "subject-3", later);
    expect(state).toMatchObject({ count: 1, limited: false });
  });

  it("loses no hit when many arrive at once (one atomic upsert each)", async () => {
    const now = new Date();
    await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(db, rule, "subject-4", now)));
    const state = await peekRateLimit(db, rule, "subject-4", now);
    expect(state.count).toBe(25);
  });

  it("stores digests, not emails or IPs", async () => {
    await hitRateLimit(db, rule, "person@example.org", new Date());
    const rows = await db.select({ key: rateLimits.key }).from(rateLimits).where(sql`${rateLimits.key} like 'test-rule:%'`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.key.includes("example.org"))).toBe(false);
    await clearRateLimit(db, rule, "person@example.org");
  });

  it("describes waits in plain words", () => {
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(59)).toBe("59 seconds");
    expect(describeWait(61)).toBe("2 minutes");
    expect(describeWait(900)).toBe("15 minutes");
  });
});

describe("sign-in limits", () => {
  const password = "correct horse battery staple 9";

  it("refuses the right password too once an account has had 5 failures, and says how long to wait", async () => {
    const registered = await registerUser({ name: "Limit Tester", email: "limit.tester@example.net", password }, "198.51.100.1");
    expect(registered.ok).toBe(true);
    const results = [];
    for (let i = 0; i < RATE_RULES.signInFailuresPerAccount.limit; i++) {
      // From different IPs: the per-account limit holds whatever the address.
      results.push(await authenticate({ email: "limit.tester@example.net", password: "wrong password " + i }, `198.51.100.${10 + i}`));
    }
    expect(results.every((r) => !r.ok && r.code === "invalid")).toBe(true);
    const limited = await authenticate({ email: "Limit.Tester@example.net ", password }, "198.51.100.99");
    expect(limited).toMatchObject({ ok: false, code: "rate_limited" });
    expect(!limited.ok && limited.retryAfterSeconds).toBeGreaterThan(800);
    const audited = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.sign_in_failed"), sql`${auditEvents.data}->>'email' = 'limit.tester@example.net'`));
    expect(audited[0]!.n).toBe(5);
    // After the window the right password works again and clears the counter.
    const later = new Date(Date.now() + (RATE_RULES.signInFailuresPerAccount.windowSeconds + 1) * 1000);
    expect((await authenticate({ email: "limit.tester@example.net", password }, "198.51.100.99", later)).ok).toBe(true);
  });

  it("limits failures per IP across accounts (password spraying)", async () => {
    const ip = "203.0.113.77";
    for (let i = 0; i < RATE_RULES.signInFailuresPerIp.limit; i++) {
      const r = await authenticate({ email: `nobody${i}@example.net`, password: "whatever password" }, ip);
      expect(r).toMatchObject({ ok: false, code: "invalid" });
    }
    expect(await authenticate({ email: "member@example.org", password: "demo-password-2026" }, ip)).toMatchObject({ ok: false, code: "rate_limited" });
    expect((await authenticate({ email: "member@example.org", password: "demo-password-2026" }, "203.0.113.78")).ok).toBe(true);
  });

  it("gives the same answer for an unknown email and a wrong password, in about the same time", async () => {
    const unknown = await authenticate({ email: "no.such.person@example.net", password: "some password here" }, "192.0.2.50");
    const wrong = await authenticate({ email: "moderator@example.org", password: "some password here" }, "192.0.2.51");
    expect(unknown).toEqual(wrong);
    const time = async (email: string) => {
      const started = performance.now();
      await authenticate({ email, password: "timing probe password" }, "192.0.2.52");
      return performance.now() - started;
    };
    const samples = { unknown: [] as number[], wrong: [] as number[] };
    for (let i = 0; i < 3; i++) {
      samples.unknown.push(await time(`ghost${i}@example.net`));
      samples.wrong.push(await time("seoul.official@example.org"));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    const [u, w] = [median(samples.unknown), median(samples.wrong)];
    console.log(`failed sign-in, median of 3: unknown email ${u.toFixed(1)} ms, wrong password ${w.toFixed(1)} ms`);
    // Both verify an argon2id hash; neither may be a fast path.
    expect(Math.min(u, w) / Math.max(u, w)).toBeGreaterThan(0.5);
  });

  it("measures a successful sign-in (argon2id verify + database)", async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const r = await authenticate({ email: "admin@example.org", password: "demo-password-2026" }, "192.0.2.60");
      times.push(performance.now() - started);
      expect(r.ok).toBe(true);
    }
    times.sort((a, b) => a - b);
    console.log(`successful sign-in (argon2id m=19 MiB t=2 p=1 + DB): median ${times[2]!.toFixed(1)} ms, min ${times[0]!.toFixed(1)} ms, max ${times[4]!.toFixed(1)} ms`);
    expect(times[2]).toBeLessThan(2000);
  });
});

describe("sign-up limits", () => {
  it("refuses a new account past the limit per IP, without creating it", async () => {
    const ip = "198.51.100.200";
    for (let i = 0; i < RATE_RULES.signUpsPerIp.limit; i++) {
      const r = await registerUser({ name: `Signup ${i}`, email: `signup${i}@example.net`, password: "quite a long passphrase here" }, ip);
      expect(r.ok).toBe(true);
    }
    const refused = await registerUser({ name: "One too many", email: "toomany@example.net", password: "quite a long passphrase here" }, ip);
    expect(refused).toMatchObject({ ok: false, code: "rate_limited" });
    const rows = await db.select({ id: users.id }).from(users).where(eq(users.email, "toomany@example.net"));
    expect(rows).toHaveLength(0);
  });
});
