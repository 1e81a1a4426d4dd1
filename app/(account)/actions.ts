"use server";
/**
 * Thin server actions for signing in and out, registering and resetting a password:
 * parse → call lib/auth → answer in plain words.
 */
import { redirect, unstable_rethrow } from "next/navigation";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/auth";
import { registerUser, signOutEverywhere } from "@/lib/auth/accounts";
import { displayNameSchema, emailSchema } from "@/lib/auth/email";
import { CHECK_FORM, fieldErrors, formText, UNEXPECTED } from "@/lib/auth/forms";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-rules";
import { describeWait } from "@/lib/auth/rate-limit";
import { currentClientIp } from "@/lib/auth/request-info";
import { getCurrentActor, safeNextPath } from "@/lib/auth/session";
import type { FormState } from "@/components/auth/form";

const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(320),
  password: z.string().min(1, "Enter your password.").max(1024),
});

async function startSession(email: string, password: string, next: string): Promise<FormState> {
  try {
    await signIn("credentials", { email, password, redirectTo: safeNextPath(next) });
    return null;
  } catch (e) {
    unstable_rethrow(e);
    if (e instanceof CredentialsSignin) {
      const limited = /^rate_limited:(\d+)$/.exec(e.code);
      if (limited) {
        return { message: `Too many failed sign-in attempts. Try again in ${describeWait(Number(limited[1]))}.` };
      }
      return { message: "That email and password do not match an account." };
    }
    console.error("sign-in failed unexpectedly", e);
    return { message: UNEXPECTED };
  }
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse({ email: formText(formData, "email"), password: formText(formData, "password") });
  if (!parsed.success) return { message: CHECK_FORM, errors: fieldErrors(parsed.error) };
  return startSession(parsed.data.email, parsed.data.password, formText(formData, "next"));
}

const registerSchema = z
  .object({
    name: displayNameSchema,
    email: emailSchema,
    password: z.string().min(1, "Choose a password.").max(PASSWORD_MAX_LENGTH * 4),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords are not the same." });

export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = registerSchema.safeParse({
    name: formText(formData, "name"),
    email: formText(formData, "email"),
    password: formText(formData, "password"),
    confirm: formText(formData, "confirm"),
  });
  if (!parsed.success) return { message: CHECK_FORM, errors: fieldErrors(parsed.error) };
  try {
    const result = await registerUser(parsed.data, await currentClientIp());
    if (!result.ok) {
      if (result.code === "weak_password") return { message: CHECK_FORM, errors: { password: result.message } };
      if (result.code === "email_taken") return { message: CHECK_FORM, errors: { email: result.message } };
      return { message: `${result.message} Try again in ${describeWait(result.retryAfterSeconds ?? 60)}.` };
    }
  } catch (e) {
    console.error("registration failed unexpectedly", e);
    return { message: UNEXPECTED };
  }
  return startSession(parsed.data.email, parsed.data.password, "/account?welcome=1");
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

export async function signOutEverywhereAction(): Promise<void> {
  const actor = await getCurrentActor();
  if (actor) await signOutEverywhere(actor, await currentClientIp());
  await signOut({ redirectTo: "/login?signedOut=everywhere" });
}

export async function forgotPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = z.object({ email: emailSchema }).safeParse({ email: formText(formData, "email") });
  if (!parsed.success) return { message: CHECK_FORM, errors: fieldErrors(parsed.error) };
  try {
    const result = await requestPasswordReset(parsed.data.email, await currentClientIp());
    if (!result.ok) {
      return { message: result.code === "rate_limited" ? `${result.message} Try again in ${describeWait(result.retryAfterSeconds ?? 60)}.` : result.message };
    }
  } catch (e) {
    console.error("password reset request failed unexpectedly", e);
    return { message: UNEXPECTED };
  }
  return { ok: true, message: "If an account uses that address, we have sent it a link to choose a new password. The link works for 30 minutes." };
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = z
    .object({ token: z.string().min(1).max(200), password: z.string().min(1, "Choose a new password.").max(PASSWORD_MAX_LENGTH * 4), confirm: z.string() })
    .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords are not the same." })
    .safeParse({ token: formText(formData, "token"), password: formText(formData, "password"), confirm: formText(formData, "confirm") });
  if (!parsed.success) return { message: CHECK_FORM, errors: fieldErrors(parsed.error) };
  let result;
  try {
    result = await resetPassword(parsed.data.token, parsed.data.password, await currentClientIp());
  } catch (e) {
    console.error("password reset failed unexpectedly", e);
    return { message: UNEXPECTED };
  }
  if (!result.ok) return result.code === "weak_password" ? { message: CHECK_FORM, errors: { password: result.message } } : { message: result.message };
  redirect("/login?reset=1");
}
