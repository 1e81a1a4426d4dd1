import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/auth/admin-nav";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminHomePage() {
  const actor = await requireActor("/admin");
  // Only platform admins have an admin area; for everyone else it does not exist.
  if (!can(actor, "user.manage")) notFound();
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Administration</h1>
      <AdminNav current="home" />
      <ul className="flex list-disc flex-col gap-2 pl-6">
        <li>
          <Link href="/admin/users">Users</Link>: search, change a role, disable or enable an account, end its sessions.
        </li>
        <li>
          <Link href="/admin/cities">Cities</Link>: create and edit cities, appoint city admins.
        </li>
        <li>
          <Link href="/admin/memberships">Membership requests</Link>: people asking to join a city, in every city.
        </li>
      </ul>
    </div>
  );
}
