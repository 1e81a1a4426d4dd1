/**
 * Audit entries are data in the same transaction as the change: a newline in a name cannot forge
 * a second entry, a failed change leaves no entry, and a failed entry leaves no change.
 */
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { auditEvents, users } from "../../db/schema";
import { authenticate, changeName, registerUser, setUserRole } from "./accounts";
import { loadActor } from "./actor";
import type { Actor } from "./policy";

async function count(action: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(eq(auditEvents.action, action));
  return row!.n;
}

describe("audit of auth events", () => {
  it("stores a name with a newline as data in one entry", async () => {
    const forged = 'Eve\n2026-01-01T00:00:00Z admin@example.org auth.sign_in ok\r\n{"action":"user.role_changed"}';
    const beforeRoleChanges = await count("user.role_changed");
    const r = await registerUser({ name: forged, email: "eve@example.net", password: "an unusual long passphrase" }, "192.0.2.30");
    expect(r.ok).toBe(true);
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.entityId, r.ok ? r.user.id : ""));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.action).toBe("user.registered");
    expect(rows[0]!.data).toEqual({ name: forged, email: "eve@example.net" });
    expect(await count("user.role_changed")).toBe(beforeRoleChanges);
  });

  it("records sign-in success and failure with the IP and UTC time", async () => {
    const started = Date.now();
    await authenticate({ email: "member@example.org", password: "demo-password-2026" }, "192.0.2.31");
    await authenticate({ email: "member@example.org", password: "not the password" }, "192.0.2.31");
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.actorIp, "192.0.2.31")).orderBy(auditEvents.id);
    expect(rows.map((r) => r.action)).toEqual(["auth.sign_in", "auth.sign_in_failed"]);
    expect(rows[1]!.data).toMatchObject({ email: "member@example.org", reason: "wrong_password" });
    expect(rows[0]!.occurredAt.getTime()).toBeGreaterThanOrEqual(started - 5000);
  });

  it("writes no entry when the change fails (a taken email)", async () => {
    const before = await count("user.registered");
    const r = await registerUser({ name: "Copycat", email: "MEMBER@example.org", password: "an unusual long passphrase" }, "192.0.2.32");
    expect(r).toMatchObject({ ok: false, code: "email_taken" });
    expect(await count("user.registered")).toBe(before);
  });

  it("makes no change when the entry cannot be written (same transaction)", async () => {
    const [member] = await db.select({ id: users.id, role: users.role, sv: users.sessionVersion }).from(users).where(eq(users.email, "member@example.org"));
    // An admin whose user row is gone: the audit entry's actor reference fails inside the transaction.
    const ghostAdmin: Actor = { id: "00000000-0000-4000-8000-000000000000", role: "admin", cities: {} };
    await expect(setUserRole(ghostAdmin, member!.id, "moderator", "192.0.2.33")).rejects.toThrow();
    const [after] = await db.select({ role: users.role, sv: users.sessionVersion }).from(users).where(eq(users.id, member!.id));
    expect(after).toEqual({ role: member!.role, sv: member!.sv });
  });

  it("records a name change with before and after", async () => {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, "seoul.official@example.org"));
    const actor = (await loadActor(row!.id))!;
    expect(await changeName(actor, "Min-jun Lee", "192.0.2.34")).toEqual({ ok: true });
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.actorIp, "192.0.2.34"));
    expect(event).toMatchObject({ action: "user.name_changed", actorId: actor.id, entityId: actor.id });
    expect(event!.data).toEqual({ before: "Min-jun Lee (Seoul official)", after: "Min-jun Lee" });
  });
});
