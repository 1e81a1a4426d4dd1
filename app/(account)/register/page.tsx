import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm, Field } from "@/components/auth/form";
import { getCurrentActor } from "@/lib/auth/session";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { registerAction } from "../actions";

export const metadata: Metadata = { title: "Create an account" };

export default async function RegisterPage() {
  if (await getCurrentActor()) redirect("/account");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-semibold">Create an account</h1>
      <p className="mb-4 text-sm text-slate-700">
        Members can comment, follow cases and ask cities for cooperation. City staff can then ask to join their city to publish its cases.
      </p>
      <ActionForm action={registerAction} submitLabel="Create account">
        <Field name="name" label="Your name" autoComplete="name" required maxLength={200} />
        <Field name="email" label="Email" type="email" autoComplete="email" required />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          hint={`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters. A few unrelated words make a strong, memorable password.`}
        />
        <Field name="confirm" label="Password again" type="password" autoComplete="new-password" required />
      </ActionForm>
      <p className="mt-6 text-sm">
        Already registered? <Link href="/login">Sign in</Link>.
      </p>
    </div>
  );
}
