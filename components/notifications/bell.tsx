/**
 * The header's notification bell: a link to /notifications with the unread count. Renders an
 * <li>, to sit in SiteHeader's navigation list (its `accountSlot`). Server component; pass the
 * signed-in user's id.
 */
import Link from "next/link";
import { countUnread } from "@/lib/notifications/queries";

export async function NotificationBell({ userId }: { userId: string }) {
  const unread = await countUnread(userId);
  const label = unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <li>
      <Link href="/notifications" className="inline-flex items-center gap-1 text-white" aria-label={label} data-testid="notification-bell">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        <span>Notifications</span>
        {unread > 0 && (
          <span className="rounded-full bg-white px-2 text-xs font-bold text-brand-900" aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </Link>
    </li>
  );
}
