import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field } from "@/components/auth/form";
import { CITY_ROLE_LABELS, MEMBERSHIP_STATUS_LABELS } from "@/components/auth/membership-labels";
import { requireActor } from "@/lib/auth/session";
import { listOwnMemberships } from "@/lib/cities/membership";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { changeEmailAction, changeNameAction, changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

const GLOBAL_ROLE_LABELS = { member: "Member", moderator: "Moderator", admin: "Administrator" } as const;

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/account");
  const { welcome } = await searchParams;
  const memberships = await listOwnMemberships(actor);
  return (
    <div className="flex max-w-3xl flex-col gap-10">
      <div>
        <h1 className="text-2xl font-semibold">Your account</h1>
        {welcome ? (
          <p role="status" className="mt-3 rounded border border-green-700 bg-green-50 p-3 text-sm text-green-900">
            Welcome, {actor.name}! Your account is ready. If you work for a city, <Link href="/account/cities">ask to join it</Link> to publish its cases.
          </p>
        ) : null}
        <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">Name</dt>
          <dd>{actor.name}</dd>
          <dt className="font-medium">Email</dt>
          <dd>{actor.email}</dd>
          <dt className="font-medium">Role</dt>
          <dd data-testid="global-role">{GLOBAL_ROLE_LABELS[actor.role]}</dd>
        </dl>
      </div>

      <section aria-labelledby="memberships-heading">
        <h2 id="memberships-heading" className="mb-2 text-xl font-semibold">
          Your cities
        </h2>
        {memberships.length === 0 ? (
          <p className="text-sm">You are not a member of any city.</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm" data-testid="own-memberships">
            {memberships.map((m) => (
              <li key={m.id}>
                <Link href={`/cities/${m.citySlug}`}>{m.cityName}</Link> — {CITY_ROLE_LABELS[m.role]}, {MEMBERSHIP_STATUS_LABELS[m.status].toLowerCase()}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-sm">
          <Link href="/account/cities">Join or leave a city</Link>
        </p>
      </section>

      <section aria-labelledby="name-heading">
        <h2 id="name-heading" className="mb-2 text-xl font-semibold">
          Change your name
        </h2>
        <ActionForm action={changeNameAction} submitLabel="Save name">
          <Field name="name" label="Name" autoComplete="name" defaultValue={actor.name} required maxLength={200} />
        </ActionForm>
      </section>

      <section aria-labelledby="email-heading">
        <h2 id="email-heading" className="mb-2 text-xl font-semibold">
          Change your email address
        </h2>
        <ActionForm action={changeEmailAction} submitLabel="Save email address">
          <Field name="email" label="New email address" type="email" autoComplete="email" required />
          <Field name="currentPassword" label="Your current password" type="password" autoComplete="current-password" required hint="To confirm it is you." />
        </ActionForm>
      </section>

      <section aria-labelledby="password-heading">
        <h2 id="password-heading" className="mb-2 text-xl font-semibold">
          Change your password
        </h2>
        <p className="mb-3 text-sm text-slate-700">This signs you out everywhere; you then sign in with the new password.</p>
        <ActionForm action={changePasswordAction} submitLabel="Change password">
          <Field name="currentPassword" label="Current password" type="password" autoComplete="current-password" required />
          <Field name="newPassword" label="New password" type="password" autoComplete="new-password" required hint={`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`} />
          <Field name="confirm" label="New password again" type="password" autoComplete="new-password" required />
        </ActionForm>
      </section>

      <p className="text-sm">
        <Link href="/logout">Sign out, or sign out everywhere</Link>
      </p>
    </div>
  );
}
