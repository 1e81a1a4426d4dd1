import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/auth/admin-nav";
import { ActionForm, HiddenField, SelectField } from "@/components/auth/form";
import { formatUtc } from "@/components/auth/membership-labels";
import { searchUsers } from "@/lib/auth/accounts";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { endSessionsAction, setDisabledAction, setRoleAction } from "../actions";

export const metadata: Metadata = { title: "Users · Administration" };

const ROLE_OPTIONS = [
  { value: "member", label: "Member" },
  { value: "moderator", label: "Moderator" },
  { value: "admin", label: "Administrator" },
];

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/admin/users");
  if (!can(actor, "user.manage")) notFound();
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.slice(0, 200) : "";
  const users = await searchUsers(actor, query);
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Users</h1>
      <AdminNav current="users" />
      <form role="search" method="get" className="mb-6 flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="user-search" className="text-sm font-medium">
            Name or email
          </label>
          <input id="user-search" name="q" type="search" defaultValue={query} className="rounded border border-slate-500 px-3 py-2" />
        </div>
        <button type="submit" className="rounded bg-brand-900 px-4 py-2 text-sm font-medium text-white">
          Search
        </button>
      </form>
      <p className="mb-3 text-sm text-slate-700" role="status">
        {users.length === 0 ? "No users match." : `${users.length} user${users.length === 1 ? "" : "s"}${users.length === 50 ? " (first 50; refine the search)" : ""}.`}
      </p>
      <ul className="flex flex-col gap-4">
        {users.map((u) => (
          <li key={u.id} className="rounded border border-slate-300 p-3" data-testid="admin-user">
            <p className="font-medium">
              {u.name} <span className="font-normal text-slate-700">({u.email})</span>
              {u.disabled ? <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs text-red-900">disabled</span> : null}
            </p>
            <p className="text-xs text-slate-700">
              Registered {formatUtc(u.createdAt)} · last sign-in {formatUtc(u.lastSignInAt)}
            </p>
            {u.id === actor.id ? (
              <p className="mt-2 text-sm text-slate-700">This is you: another admin changes your role or account.</p>
            ) : (
              <div className="mt-2 flex flex-wrap items-end gap-6">
                <ActionForm action={setRoleAction} submitLabel="Save role" className="flex items-end gap-2">
                  <HiddenField name="id" value={u.id} />
                  <SelectField name="role" label={`Role of ${u.name}`} options={ROLE_OPTIONS} defaultValue={u.role} />
                </ActionForm>
                <ActionForm action={setDisabledAction} submitLabel={u.disabled ? `Enable ${u.name}` : `Disable ${u.name}`} variant={u.disabled ? "secondary" : "danger"} className="flex flex-col gap-2">
                  <HiddenField name="id" value={u.id} />
                  <HiddenField name="disabled" value={u.disabled ? "0" : "1"} />
                </ActionForm>
                <ActionForm action={endSessionsAction} submitLabel="End sessions" variant="secondary" className="flex flex-col gap-2">
                  <HiddenField name="id" value={u.id} />
                </ActionForm>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
