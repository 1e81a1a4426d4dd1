"use server";
/** Thin server actions of the studio: parse → actor → lib/cases → revalidate. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentActor } from "@/lib/auth/session";
import { currentClientIp } from "@/lib/auth/request-info";
import { createDraftCase } from "@/lib/cases/mutations";
import { submitCase, withdrawSubmission } from "@/lib/cases/workflow";

export type StudioActionResult = { ok: boolean; message?: string; issues?: { path: string; message: string }[]; code?: string };

const UNEXPECTED = "Something went wrong on our side. Your work is saved; try again in a moment.";

export async function createCaseAction(_prev: StudioActionResult | null, form: FormData): Promise<StudioActionResult> {
  const actor = await getCurrentActor();
  if (!actor) return { ok: false, message: "Sign in to start a case." };
  const parsed = z
    .object({ cityId: z.string().min(1, "Choose a city."), title: z.string().max(200).optional() })
    .safeParse({ cityId: form.get("cityId") ?? "", title: form.get("title") ?? undefined });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const result = await createDraftCase(actor, parsed.data);
  if (!result.ok) return { ok: false, message: result.message, code: result.code, issues: "issues" in result ? result.issues : undefined };
  revalidatePath("/studio");
  redirect(`/studio/cases/${result.caseId}`);
}

const submitInput = z.object({ caseId: z.string(), version: z.number().int() });

export async function submitCaseAction(input: { caseId: string; version: number }): Promise<StudioActionResult> {
  const parsed = submitInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: "The request was not understood." };
  const actor = await getCurrentActor();
  if (!actor) return { ok: false, message: "Your session has ended. Sign in again; your draft is saved." };
  try {
    const result = await submitCase(actor, parsed.data, { ip: await currentClientIp() });
    if (!result.ok) return { ok: false, message: result.message, issues: result.issues, code: result.code };
    revalidatePath("/studio");
    revalidatePath(`/studio/cases/${parsed.data.caseId}`);
    return { ok: true };
  } catch (e) {
    console.error("submit failed", e);
    return { ok: false, message: UNEXPECTED };
  }
}

export async function withdrawCaseAction(input: { caseId: string }): Promise<StudioActionResult> {
  const parsed = z.object({ caseId: z.string() }).safeParse(input);
  if (!parsed.success) return { ok: false, message: "The request was not understood." };
  const actor = await getCurrentActor();
  if (!actor) return { ok: false, message: "Your session has ended. Sign in again." };
  try {
    const result = await withdrawSubmission(actor, parsed.data, { ip: await currentClientIp() });
    if (!result.ok) return { ok: false, message: result.message, code: result.code };
    revalidatePath(`/studio/cases/${parsed.data.caseId}`);
    return { ok: true };
  } catch (e) {
    console.error("withdraw failed", e);
    return { ok: false, message: UNEXPECTED };
  }
}
