import type { Metadata } from "next";
import { connection } from "next/server";
import { ActionForm, Field } from "@/components/auth/form";
import { mailAvailability } from "@/lib/mail/mailer";
import { forgotPasswordAction } from "../actions";

export const metadata: Metadata = { title: "Forgot your password?" };

export default async function ForgotPasswordPage() {
  await connection();
  const mail = mailAvailability();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-semibold">Forgot your password?</h1>
      {mail === "unavailable" ? (
        <p role="status" className="rounded border border-amber-700 bg-amber-50 p-3 text-sm text-amber-950">
          Password reset by email is not available on this server, because it has no mail server configured. Ask an administrator to help you.
        </p>
      ) : (
        <>
          <p className="mb-4 text-sm text-slate-700">Enter the email address of your account and we will send you a link to choose a new password.</p>
          {mail === "log" ? (
            <p className="mb-4 rounded border border-slate-300 bg-slate-50 p-3 text-sm text-slate-800">
              Demo mode: this server has no mail server, so the message is written to the server log instead.
            </p>
          ) : null}
          <ActionForm action={forgotPasswordAction} submitLabel="Send reset link">
            <Field name="email" label="Email" type="email" autoComplete="email" required />
          </ActionForm>
        </>
      )}
    </div>
  );
}
