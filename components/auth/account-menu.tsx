/**
 * The signed-in person's links in the site header (placed by app/layout.tsx into SiteHeader's
 * accountSlot). Each link shows only when the policy says the area is open to this actor.
 */
import Link from "next/link";
import { can } from "@/lib/auth/policy";
import { getCurrentActor } from "@/lib/auth/session";
import { NotificationBell } from "@/components/notifications/bell";

export async function AccountMenu() {
  const actor = await getCurrentActor();
  if (!actor) {
    return (
      <>
        <li>
          <Link className="text-white" href="/login">
            Sign in
          </Link>
        </li>
        <li>
          <Link className="text-white" href="/register">
            Register
          </Link>
        </li>
      </>
    );
  }
  return (
    <>
      <NotificationBell userId={actor.id} />
      <li>
        <Link className="text-white" href="/account" data-testid="account-link">
          Account<span className="sr-only"> ({actor.name})</span>
        </Link>
      </li>
      {can(actor, "studio.use") ? (
        <li>
          <Link className="text-white" href="/studio">
            Studio
          </Link>
        </li>
      ) : null}
      {can(actor, "moderation.queue") ? (
        <li>
          <Link className="text-white" href="/moderation">
            Moderation
          </Link>
        </li>
      ) : null}
      {can(actor, "user.manage") ? (
        <li>
          <Link className="text-white" href="/admin">
            Admin
          </Link>
        </li>
      ) : null}
      <li>
        <Link className="text-white" href="/logout">
          Sign out
        </Link>
      </li>
    </>
  );
}
