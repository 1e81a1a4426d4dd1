"use server";
/** Thin server actions of the account pages: parse → load → can (inside lib) → call lib → revalidate. */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signOut } from "@/auth";
import { changeEmail, changeName, changePassword } from "@/lib/auth/accounts";
import { displayNameSchema, emailSchema } from "@/lib/auth/email";
import { CHECK_FORM, fieldErrors, formText, UNEXPECTED } from "@/lib/auth/forms";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-rules";
import { NotFoundError } from "@/lib/auth/policy";
import { currentClientIp } from "@/lib/auth/request-info";
import { requireActor } from "@/lib/auth/session";
import { decideMembership, leaveMembership, requestMembership, revokeMembership, type MembershipResult } from "@/lib/cities/membership";
import type { FormState } from "@/components/auth/form";

async function run(work: () => Promise<FormState>): Promise<FormState> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof NotFoundError) return { message: e.message };
    console.error("account action failed unexpectedly", e);
    return { message: UNEXPECTED };
  }
}

export async function changeNameAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("/account");
  const parsed = z.object({ name: displayNameSchema }).safeParse({ name: formText(formData, "name") });
  if (!parsed.success) return { message: CHECK_FORM, errors: fieldErrors(parsed.error) };
  return run(async () => {
    const result = await changeName(actor, parsed.data.name, await currentClientIp());
    if (!result.ok) return { message: result.message };
    revalidatePath("/account");
    return { ok: true, message: "Your name has been saved." };
  });
}

export async function changeEmailAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("/account");
  const parsed = z
    .object({ email: emailSchema, currentPassword: z.string().min(1, "Enter your current password to confirm.").max(1024) })
    .safeParse({ email: formText(formData, "email"), currentPassword: formText(formData, "currentPassword") });
  if (!parsed.success) return { message: CHECK_FORM, errors: fieldErrors(parsed.error) };
  return run(async () => {
    const result = await changeEmail(actor, parsed.data, await currentClientIp());
    if (!result.ok) return { message: CHECK_FORM, errors: { [result.code === "wrong_password" ? "currentPassword" : "email"]: result.message } };
    revalidatePath("/account");
    return { ok: true, message: `Your email address is now ${parsed.data.email}.` };
  });
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("/account");
  const parsed = z
    .object({
      currentPassword: z.string().min(1, "Enter your current password.").max(1024),
      newPassword: z.string().min(1, "Choose a new password.").max(PASSWORD_MAX_LENGTH * 4),
      confirm: z.string(),
    })
    .refine((v) => v.newPassword === v.confirm, { path: ["confirm"], message: "The two passwords are not the same." })
    .safeParse({ currentPassword: formText(formData, "currentPassword"), newPassword: formText(formData, "newPassword"), confirm: formText(formData, "confirm") });
  if (!parsed.success) return { message: CHECK_FORM, errors: fieldErrors(parsed.error) };
  const outcome = await run(async () => {
    const result = await changePassword(actor, parsed.data, await currentClientIp());
    if (!result.ok) return { message: CHECK_FORM, errors: { [result.code === "wrong_password" ? "currentPassword" : "newPassword"]: result.message } };
    return { ok: true };
  });
  if (!outcome?.ok) return outcome;
  // Every session, this one included, ended with the password change.
  await signOut({ redirect: false });
  redirect("/login?changed=1");
}

function membershipOutcome(result: MembershipResult, success: string): FormState {
  if (!result.ok) return { message: result.message };
  revalidatePath("/account");
  revalidatePath("/account/cities");
  return { ok: true, message: success };
}

export async function requestMembershipAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("/account/cities");
  const parsed = z
    .object({
      city: z.string().min(1, "Choose a city."),
      message: z
        .string()
        .trim()
        .max(1000, "Use at most 1,000 characters.")
        .transform((v) => (v === "" ? null : v)),
    })
    .safeParse({ city: formText(formData, "city"), message: formText(formData, "message") });
  if (!parsed.success) return { message: CHECK_FORM, errors: fieldErrors(parsed.error) };
  return run(async () =>
    membershipOutcome(await requestMembership(actor, parsed.data.city, parsed.data.message, await currentClientIp()), "Your request has been sent to the city's admins."),
  );
}

const idSchema = z.object({ id: z.uuid("This membership could not be found.") });

export async function leaveMembershipAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("/account/cities");
  const parsed = idSchema.safeParse({ id: formText(formData, "id") });
  if (!parsed.success) return { message: "This membership could not be found." };
  return run(async () => membershipOutcome(await leaveMembership(actor, parsed.data.id, await currentClientIp()), "Done: you are no longer a member of this city."));
}

export async function decideMembershipAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("/account/cities");
  const parsed = idSchema.extend({ decision: z.enum(["approve", "refuse"]) }).safeParse({ id: formText(formData, "id"), decision: formText(formData, "decision") });
  if (!parsed.success) return { message: "This request could not be found." };
  return run(async () =>
    membershipOutcome(
      await decideMembership(actor, parsed.data.id, parsed.data.decision, await currentClientIp()),
      parsed.data.decision === "approve" ? "Approved." : "Refused.",
    ),
  );
}

export async function revokeMembershipAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("/account/cities");
  const parsed = idSchema.safeParse({ id: formText(formData, "id") });
  if (!parsed.success) return { message: "This membership could not be found." };
  return run(async () => membershipOutcome(await revokeMembership(actor, parsed.data.id, await currentClientIp()), "Membership revoked."));
}
