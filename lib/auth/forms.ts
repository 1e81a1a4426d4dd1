/** Helpers for server actions: zod problems → the form's per-field messages. */
import type { z } from "zod";

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}

export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

export const CHECK_FORM = "Please correct the fields marked below.";
export const UNEXPECTED = "Something went wrong on our side and nothing was changed. Please try again in a moment.";
