"use server";
/**
 * Thin server actions for the review page: parse → actor → the workflow transition (which loads
 * the case, asks `can` and checks the state) → revalidate → redirect. Expected failures come back
 * as plain-words state for the form; unexpected ones are logged and shown as a generic message.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentActor } from "@/lib/auth/session";
import { currentClientIp } from "@/lib/auth/request-info";
import {
  approveSubmission,
  archiveCase,
  rejectSubmission,
  requestChanges,
  restoreCase,
  unpublishCase,
  type WorkflowResult,
} from "@/lib/cases/workflow";

export type DecisionFormState =
  | { status: "idle" }
  | {
      status: "error";
      code?: string;
      message: string;
      issues?: { path: string; message: string }[];
      /** What the moderator typed, so the form shows it again: nothing typed is lost. */
      values: { comment: string; fieldComments: { field: string; comment: string }[] };
      /** Distinguishes one failed attempt from the next (the form remounts with the values). */
      at: number;
    };

const decisionSchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve"), caseId: z.string(), revisionId: z.string(), comment: z.string().default("") }),
  z.object({
    decision: z.literal("request_changes"),
    caseId: z.string(),
    revisionId: z.string(),
    comment: z.string().default(""),
    fieldComments: z.array(z.object({ field: z.string(), comment: z.string() })).default([]),
  }),
  z.object({ decision: z.literal("reject"), caseId: z.string(), revisionId: z.string(), comment: z.string().default("") }),
  z.object({ decision: z.literal("unpublish"), caseId: z.string(), comment: z.string().default(""), version: z.coerce.number().int() }),
  z.object({ decision: z.literal("archive"), caseId: z.string(), comment: z.string().default(""), version: z.coerce.number().int() }),
  z.object({ decision: z.literal("restore"), caseId: z.string(), comment: z.string().default(""), version: z.coerce.number().int() }),
]);

function fieldCommentsFrom(formData: FormData) {
  const fields = formData.getAll("fieldComment.field").map(String);
  const comments = formData.getAll("fieldComment.comment").map(String);
  // Rows the moderator added but left empty are not comments.
  return fields
    .map((field, i) => ({ field, comment: comments[i] ?? "" }))
    .filter((row) => row.field !== "" || row.comment.trim() !== "");
}

export async function decideAction(_prev: DecisionFormState, formData: FormData): Promise<DecisionFormState> {
  const values = { comment: String(formData.get("comment") ?? ""), fieldComments: fieldCommentsFrom(formData) };
  const failure = (message: string, extra: { code?: string; issues?: { path: string; message: string }[] } = {}): DecisionFormState => ({
    status: "error",
    message,
    ...extra,
    values,
    at: Date.now(),
  });
  const parsed = decisionSchema.safeParse({
    decision: formData.get("decision"),
    caseId: formData.get("caseId"),
    revisionId: formData.get("revisionId") ?? undefined,
    comment: formData.get("comment") ?? "",
    version: formData.get("version") ?? undefined,
    fieldComments: fieldCommentsFrom(formData),
  });
  if (!parsed.success) return failure("The form was not complete. Reload the page and try again.");
  const actor = await getCurrentActor();
  if (!actor) return failure("Your session has ended. Sign in again (in another tab), then repeat your decision.");

  const input = parsed.data;
  let result: WorkflowResult;
  try {
    const ctx = { ip: await currentClientIp() };
    switch (input.decision) {
      case "approve":
        result = await approveSubmission(actor, { caseId: input.caseId, revisionId: input.revisionId, comment: input.comment }, ctx);
        break;
      case "request_changes":
        result = await requestChanges(
          actor,
          { caseId: input.caseId, revisionId: input.revisionId, comment: input.comment, fieldComments: input.fieldComments },
          ctx,
        );
        break;
      case "reject":
        result = await rejectSubmission(actor, { caseId: input.caseId, revisionId: input.revisionId, reason: input.comment }, ctx);
        break;
      case "unpublish":
        result = await unpublishCase(actor, { caseId: input.caseId, reason: input.comment, version: input.version }, ctx);
        break;
      case "archive":
        result = await archiveCase(actor, { caseId: input.caseId, reason: input.comment, version: input.version }, ctx);
        break;
      case "restore":
        result = await restoreCase(actor, { caseId: input.caseId, reason: input.comment, version: input.version }, ctx);
        break;
    }
  } catch (error) {
    console.error("moderation: decision failed unexpectedly", error);
    return failure("Something went wrong and nothing was changed. Please try again.");
  }
  if (!result.ok) return failure(result.message, { code: result.code, issues: result.issues });

  revalidatePath("/moderation");
  revalidatePath(`/moderation/${input.caseId}`);
  redirect(`/moderation?done=${input.decision}`);
}
