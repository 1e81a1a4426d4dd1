import { auditEvents } from "../../db/schema";
import type { DbOrTx } from "../../db/client";

export type AuditEntry = {
  actorId: string | null;
  actorIp?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  cityId?: string | null;
  caseId?: string | null;
  /** Before/after and anything else worth keeping, stored as data, never spliced into text. */
  data?: Record<string, unknown>;
};

/** Appends an audit event. Call it with the transaction that makes the change. */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: entry.actorId,
    actorIp: entry.actorIp ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    cityId: entry.cityId ?? null,
    caseId: entry.caseId ?? null,
    data: entry.data ?? {},
  });
}
