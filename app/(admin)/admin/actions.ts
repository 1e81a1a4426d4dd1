"use server";
/** Thin server actions of the admin pages: parse → call lib (which loads and asks `can`) → revalidate. */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { endUserSessions, setUserDisabled, setUserRole } from "@/lib/auth/accounts";
import { CHECK_FORM, fieldErrors, formText, UNEXPECTED } from "@/lib/auth/forms";
import { NotFoundError } from "@/lib/auth/policy";
import { currentClientIp } from "@/lib/auth/request-info";
import { requireActor } from "@/lib/auth/session";
import { cityInputSchema, createCity, updateCity } from "@/lib/cities/admin";
import { appointCityAdmin, decideMembership, revokeMembership } from "@/lib/cities/membership";
import { GLOBAL_ROLES } from "@/db/schema/users";
import type { FormState } from "@/components/auth/form";

async function run(work: () => Promise<FormState>): Promise<FormState> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof NotFoundError) return { message: e.message };
    console.error("admin action failed unexpectedly", e);
    return { message: UNEXPECTED };
  }
}

const userIdSchema = z.uuid();

export async function setRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("/admin/users");
  const parsed = z.object({ id: userIdSchema, role: z.enum(GLOBAL_ROLES, "Choose a role.") }).safeParse({ id: formText(formData, "id"), role: formText(formData, "role") });
  if (!parsed.success) return { message: CHECK_FORM, errors: fieldErrors(parsed.error) };
  return run(async () => {
    const result = await setUserRole(actor, parsed.data.id, parsed.data.role, await currentClientIp());
    if (!result.ok) return { message: result.message };
    revalidatePath("/admin/users");
    return { ok: true, message: "Role saved. The person's sessions were ended; they sign in again to use it." };
  });
}

export async function setDisabledAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("/admin/users");
  const parsed = z.object({ id: userIdSchema, disabled: z.enum(["1", "0"]) }).safeParse({ id: formText(formData, "id"), disabled: formText(formData, "disabled") });
  if (!parsed.success) return { message: "This user could not be found." };
  return run(async () => {
    const result = await setUserDisabled(actor, parsed.data.id, parsed.data.disabled === "1", await currentClientIp());
    if (!result.ok) return { message: result.message };
    revalidatePath("/admin/users");
    return { ok: true, message: parsed.data.disabled === "1" ? "Account disabled and signed out." : "Account enabled." };
  });
}

export async function endSessionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("/admin/users");
  const parsed = z.object({ id: userIdSchema }).safeParse({ id: formText(formData, "id") });
  if (!parsed.success) return { message: "This user could not be found." };
  return run(async () => {
    const result = await endUserSessions(actor, parsed.data.id, await currentClientIp());
    if (!result.ok) return { message: result.message };
    return { ok: true, message: "Every session of this account has been ended." };
  });
}

function cityFormValues(formData: FormData) {
  return Object.fromEntries(["name", "slug", "countryCode", "country", "region", "kind", "population", "description"].map((k) => [k, formText(formData, k)]));
}

export async function createCityAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("/admin/cities/new");
  const parsed = cityInputSchema.safeParse(cityFormValues(formData));
  if (!parsed.success) return { message: CHECK_FORM, errors: fieldErrors(parsed.error) };
  let id: string | null = null;
  const outcome = await run(async () => {
    const result = await createCity(actor, parsed.data, await currentClientIp());
    if (!result.ok) return { message: CHECK_FORM, errors: { slug: result.message } };
    id = result.id;
    return { ok: true };
  });
  if (!id) return outcome;
  revalidatePath("/admin/cities");
  redirect(`/admin/cities/${id}?created=1`);
}

export async function updateCityAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const cityId = formText(formData, "cityId");
  const actor = await requireActor(`/admin/cities/${encodeURIComponent(cityId)}`);
  if (!z.uuid().safeParse(cityId).success) return { message: "This city could not be found." };
  const parsed = cityInputSchema.safeParse(cityFormValues(formData));
  if (!parsed.success) return { message: CHECK_FORM, errors: fieldErrors(parsed.error) };
  return run(async () => {
    const result = await updateCity(actor, cityId, parsed.data, await currentClientIp());
    if (!result.ok) return { message: CHECK_FORM, errors: { slug: result.message } };
    revalidatePath("/admin/cities");
    revalidatePath(`/cities/${parsed.data.slug}`);
    return { ok: true, message: "City saved." };
  });
}

export async function appointCityAdminAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("/admin/cities");
  const parsed = z
    .object({ cityId: z.uuid(), email: z.string().trim().min(1, "Enter the person's email address.").max(320) })
    .safeParse({ cityId: formText(formData, "cityId"), email: formText(formData, "email") });
  if (!parsed.success) return { message: CHECK_FORM, errors: fieldErrors(parsed.error) };
  return run(async () => {
    const result = await appointCityAdmin(actor, parsed.data.cityId, parsed.data.email, await currentClientIp());
    if (!result.ok) return { message: CHECK_FORM, errors: { email: result.message } };
    revalidatePath(`/admin/cities/${parsed.data.cityId}`);
    return { ok: true, message: "City admin appointed." };
  });
}

export async function adminDecideMembershipAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("/admin/memberships");
  const parsed = z.object({ id: z.uuid(), decision: z.enum(["approve", "refuse", "revoke"]) }).safeParse({ id: formText(formData, "id"), decision: formText(formData, "decision") });
  if (!parsed.success) return { message: "This request could not be found." };
  return run(async () => {
    const ip = await currentClientIp();
    const result = parsed.data.decision === "revoke" ? await revokeMembership(actor, parsed.data.id, ip) : await decideMembership(actor, parsed.data.id, parsed.data.decision, ip);
    if (!result.ok) return { message: result.message };
    revalidatePath("/admin/memberships");
    return { ok: true, message: "Saved." };
  });
}
