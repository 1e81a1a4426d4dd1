import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/queries";
import { formatUtc } from "@/components/moderation/case-history-panel";
import { markAllReadAction, openNotificationAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const actor = await requireActor("/notifications");
  const items = await listNotifications(actor.id);
  const unread = items.filter((n) => !n.read).length;
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Notifications</h1>
      <div className="flex items-center gap-4">
        <p>{unread === 0 ? "You have no unread notifications." : `${unread} unread.`}</p>
        {unread > 0 && (
          <form action={markAllReadAction}>
            <button type="submit" className="rounded border border-slate-500 px-3 py-1 text-sm">
              Mark all as read
            </button>
          </form>
        )}
      </div>
      {items.length > 0 && (
        <ul className="flex flex-col gap-2" data-testid="notifications">
          {items.map((n) => (
            <li key={n.id} className={`rounded border p-3 ${n.read ? "border-slate-200" : "border-brand-700 bg-brand-50"}`}>
              <form action={openNotificationAction} className="flex flex-col gap-1">
                <input type="hidden" name="id" value={n.id} />
                <input type="hidden" name="href" value={n.href} />
                <p className="font-semibold">
                  {!n.read && <span className="sr-only">Unread: </span>}
                  {n.headline}
                </p>
                {n.detail && <p className="whitespace-pre-wrap">{n.detail}</p>}
                <p className="text-sm text-slate-700">
                  <time dateTime={n.createdAt.toISOString()}>{formatUtc(n.createdAt)}</time>
                </p>
                <div>
                  <button type="submit" className="text-sm underline">
                    Open<span className="sr-only">: {n.headline}</span>
                  </button>
                </div>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
