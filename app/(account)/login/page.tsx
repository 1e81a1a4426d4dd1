import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm, Field, HiddenField } from "@/components/auth/form";
import { getCurrentActor, safeNextPath } from "@/lib/auth/session";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  reset: "Your password has been changed. Sign in with the new one.",
  changed: "Your password has been changed and your other sessions ended. Sign in with the new one.",
  everywhere: "You have been signed out on every device.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : "/");
  if (await getCurrentActor()) redirect(next);
  const notice = params.reset ? NOTICES.reset : params.changed ? NOTICES.changed : params.signedOut === "everywhere" ? NOTICES.everywhere : null;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-semibold">Sign in</h1>
      {notice ? (
        <p role="status" className="mb-4 rounded border border-green-700 bg-green-50 p-3 text-sm text-green-900">
          {notice}
        </p>
      ) : null}
      <ActionForm action={signInAction} submitLabel="Sign in">
        <HiddenField name="next" value={next} />
        <Field name="email" label="Email" type="email" autoComplete="username" required />
        <Field name="password" label="Password" type="password" autoComplete="current-password" required />
      </ActionForm>
      <p className="mt-6 text-sm">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="mt-2 text-sm">
        No account yet? <Link href="/register">Create one</Link>.
      </p>
    </div>
  );
}
