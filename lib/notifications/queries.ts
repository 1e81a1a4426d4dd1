/** The signed-in user's notifications: the bell's count, the list page, marking read. */
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { db } from "../../db/client";
import { notifications } from "../../db/schema";
import { describeNotification, type NotificationText } from "./describe";

export type NotificationItem = NotificationText & { id: string; kind: string; read: boolean; createdAt: Date };

export async function countUnread(userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.read, false)));
  return row?.n ?? 0;
}

export async function listNotifications(userId: string, limit = 100): Promise<NotificationItem[]> {
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      caseId: notifications.caseId,
      data: notifications.data,
      read: notifications.read,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, kind: r.kind, read: r.read, createdAt: r.createdAt, ...describeNotification(r) }));
}

/** Marks the user's own notifications read: the given ids, or all of them. Others' ids are ignored. */
export async function markNotificationsRead(userId: string, ids: string[] | "all"): Promise<number> {
  const mine = eq(notifications.userId, userId);
  if (ids !== "all" && ids.length === 0) return 0;
  const rows = await db
    .update(notifications)
    .set({ read: true })
    .where(and(mine, eq(notifications.read, false), ids === "all" ? undefined : inArray(notifications.id, ids)))
    .returning({ id: notifications.id });
  return rows.length;
}
