/**
 * Audit actions of the auth and membership domain, in one place so the log reads consistently.
 * Every call goes through recordAudit with the caller's transaction: values are jsonb data, so a
 * newline or quote in a name or email is stored as data and cannot forge a second entry.
 */
import { recordAudit } from "../audit/record";
import type { DbOrTx } from "../../db/client";

export const AUTH_AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_in_limited",
  "auth.sign_out_everywhere",
  "auth.password_changed",
  "auth.password_reset_requested",
  "auth.password_reset",
  "user.registered",
  "user.name_changed",
  "user.email_changed",
  "user.role_changed",
  "user.disabled",
  "user.enabled",
  "user.sessions_ended",
  "membership.requested",
  "membership.approved",
  "membership.refused",
  "membership.revoked",
  "membership.left",
  "membership.city_admin_appointed",
  "city.created",
  "city.updated",
] as const;
export type AuthAuditAction = (typeof AUTH_AUDIT_ACTIONS)[number];

export async function recordAuthEvent(
  tx: DbOrTx,
  event: {
    action: AuthAuditAction;
    actorId: string | null;
    ip?: string | null;
    entityType?: "user" | "city_membership" | "city";
    entityId?: string | null;
    cityId?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await recordAudit(tx, {
    actorId: event.actorId,
    actorIp: event.ip ?? null,
    action: event.action,
    entityType: event.entityType ?? "user",
    entityId: event.entityId ?? null,
    cityId: event.cityId ?? null,
    data: event.data ?? {},
  });
}
