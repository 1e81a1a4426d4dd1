/**
 * Reading the audit log: the staff page /moderation/audit and a case's own history. The log is
 * append-only; nothing here (or anywhere in the app) updates or deletes a row.
 */
import { and, desc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "../../db/client";
import { auditEvents, cities, policyCases, users } from "../../db/schema";
import { can, type Actor } from "../auth/policy";

export const auditFilterSchema = z.object({
  /** A case id or slug. */
  case: z.string().trim().max(200).regex(/^[A-Za-z0-9-]+$/).optional().catch(undefined),
  cityId: z.uuid().optional().catch(undefined),
  actorId: z.uuid().optional().catch(undefined),
  /** Inclusive days, YYYY-MM-DD, UTC. */
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  /** Only case workflow events (the default on the moderation page) or everything. */
  scope: z.enum(["workflow", "all"]).default("workflow").catch("workflow"),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export type AuditRow = {
  id: number;
  occurredAt: Date;
  action: string;
  actor: { id: string | null; name: string | null };
  case: { id: string | null; slug: string | null };
  city: { id: string | null; name: string | null };
  from: string | null;
  to: string | null;
  /** The revision's own move, e.g. submitted → approved, when the event concerns one. */
  revisionFrom: string | null;
  revisionTo: string | null;
  comment: string | null;
  fieldComments: { field: string; comment: string }[];
  revisionNumber: number | null;
};

export const AUDIT_PAGE_SIZE = 50;

const str = (v: unknown) => (typeof v === "string" ? v : null);

function toRow(r: {
  id: number;
  occurredAt: Date;
  action: string;
  actorId: string | null;
  actorName: string | null;
  caseId: string | null;
  caseSlug: string | null;
  cityId: string | null;
  cityName: string | null;
  data: Record<string, unknown>;
}): AuditRow {
  const fieldComments = Array.isArray(r.data.fieldComments)
    ? (r.data.fieldComments as { field: unknown; comment: unknown }[]).map((f) => ({ field: String(f.field), comment: String(f.comment) }))
    : [];
  return {
    id: r.id,
    occurredAt: r.occurredAt,
    action: r.action,
    actor: { id: r.actorId, name: r.actorName },
    case: { id: r.caseId, slug: r.caseSlug },
    city: { id: r.cityId, name: r.cityName },
    from: str(r.data.from),
    to: str(r.data.to),
    revisionFrom: str(r.data.revisionFrom),
    revisionTo: str(r.data.revisionTo),
    comment: str(r.data.comment),
    fieldComments,
    revisionNumber: typeof r.data.revisionNumber === "number" ? r.data.revisionNumber : null,
  };
}

function baseQuery() {
  return db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      actorId: auditEvents.actorId,
      actorName: users.name,
      caseId: auditEvents.caseId,
      caseSlug: policyCases.slug,
      cityId: auditEvents.cityId,
      cityName: cities.name,
      data: auditEvents.data,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(policyCases, eq(policyCases.id, auditEvents.caseId))
    .leftJoin(cities, eq(cities.id, auditEvents.cityId));
}

/** The audit log, newest first, filtered. Null when the actor may not read it. */
export async function listAuditEvents(
  actor: Actor | null,
  filter: AuditFilter,
): Promise<{ rows: AuditRow[]; hasMore: boolean } | null> {
  if (!can(actor, "audit.view")) return null;
  const conditions: SQL[] = [];
  if (filter.case)
    conditions.push(
      z.uuid().safeParse(filter.case).success ? eq(auditEvents.caseId, filter.case) : eq(policyCases.slug, filter.case),
    );
  if (filter.cityId) conditions.push(eq(auditEvents.cityId, filter.cityId));
  if (filter.actorId) conditions.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, new Date(`${filter.from}T00:00:00Z`)));
  if (filter.to) {
    const end = new Date(`${filter.to}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    conditions.push(lt(auditEvents.occurredAt, end));
  }
  if (filter.scope === "workflow") conditions.push(eq(auditEvents.entityType, "case"));
  const rows = await baseQuery()
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((filter.page - 1) * AUDIT_PAGE_SIZE);
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE).map(toRow), hasMore: rows.length > AUDIT_PAGE_SIZE };
}

/**
 * A case's own history, oldest first, for its staff panel (the city's officials, moderators,
 * admins). Null when the actor may not see it or the case does not exist.
 */
export async function getCaseHistory(actor: Actor | null, caseId: string): Promise<AuditRow[] | null> {
  if (!z.uuid().safeParse(caseId).success) return null;
  const [c] = await db.select({ cityId: policyCases.cityId }).from(policyCases).where(eq(policyCases.id, caseId));
  if (!c || !can(actor, "case.view_history", { cityId: c.cityId })) return null;
  const rows = await baseQuery()
    .where(eq(auditEvents.caseId, caseId))
    .orderBy(auditEvents.occurredAt, auditEvents.id);
  return rows.map(toRow);
}

/** Moderators and administrators, for the audit log's "who" filter. */
export async function listDeciders(actor: Actor | null): Promise<{ id: string; name: string }[]> {
  if (!can(actor, "audit.view")) return [];
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.role, ["moderator", "admin"]))
    .orderBy(users.name);
}

const ACTION_LABELS: Record<string, string> = {
  "case.imported": "Imported",
  "case.created": "Created",
  "case.draft_started": "New draft started",
  "case.submitted": "Submitted for review",
  "case.withdrawn": "Submission withdrawn",
  "case.approved": "Approved and published",
  "case.changes_requested": "Changes requested",
  "case.rejected": "Rejected",
  "case.unpublished": "Unpublished",
  "case.archived": "Archived",
  "case.restored": "Restored",
};

const STATUS_WORDS: Record<string, string> = {
  draft: "draft",
  submitted: "submitted",
  changes_requested: "changes requested",
  published: "published",
  rejected: "rejected",
  unpublished: "unpublished",
  archived: "archived",
  approved: "approved",
  superseded: "superseded",
};
const word = (s: string) => STATUS_WORDS[s] ?? s;

/**
 * The state change of an event in plain words: the case's status when it moved, and the
 * revision's when it did ("case published → unpublished"; "revision submitted → approved, case
 * stays published"). Null when the event changed no state.
 */
export function describeTransition(row: Pick<AuditRow, "from" | "to" | "revisionFrom" | "revisionTo">): string | null {
  const parts: string[] = [];
  if (row.from && row.to && row.from !== row.to) parts.push(`case ${word(row.from)} → ${word(row.to)}`);
  if (row.revisionFrom && row.revisionTo && row.revisionFrom !== row.revisionTo)
    parts.push(`revision ${word(row.revisionFrom)} → ${word(row.revisionTo)}`);
  if (parts.length === 0) return null;
  if (row.from && row.from === row.to && parts.length > 0) parts.push(`case stays ${word(row.from)}`);
  return parts.join("; ");
}

export function auditActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}
