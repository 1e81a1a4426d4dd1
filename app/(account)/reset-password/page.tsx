import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field, HiddenField } from "@/components/auth/form";
import { isResetTokenUsable } from "@/lib/auth/password-reset";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { resetPasswordAction } from "../actions";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const usable = typeof token === "string" && token.length <= 200 && (await isResetTokenUsable(token));
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-semibold">Choose a new password</h1>
      {usable ? (
        <ActionForm action={resetPasswordAction} submitLabel="Save new password">
          <HiddenField name="token" value={token} />
          <Field
            name="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            hint={`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`}
          />
          <Field name="confirm" label="New password again" type="password" autoComplete="new-password" required />
        </ActionForm>
      ) : (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-sm text-red-900">
          This reset link has expired or was already used. <Link href="/forgot-password">Ask for a new one</Link>.
        </p>
      )}
    </div>
  );
}
