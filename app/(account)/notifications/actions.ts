"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentActor } from "@/lib/auth/session";
import { markNotificationsRead } from "@/lib/notifications/queries";

/** Marks one notification read and opens what it is about. Only the user's own notifications. */
export async function openNotificationAction(formData: FormData): Promise<void> {
  const parsed = z.object({ id: z.uuid(), href: z.string().regex(/^\/[^/\\]/) }).safeParse({
    id: formData.get("id"),
    href: formData.get("href"),
  });
  const actor = await getCurrentActor();
  if (!actor) redirect("/login?next=/notifications");
  if (!parsed.success) redirect("/notifications");
  await markNotificationsRead(actor.id, [parsed.data.id]);
  revalidatePath("/", "layout");
  redirect(parsed.data.href);
}

export async function markAllReadAction(): Promise<void> {
  const actor = await getCurrentActor();
  if (!actor) redirect("/login?next=/notifications");
  await markNotificationsRead(actor.id, "all");
  revalidatePath("/", "layout");
  redirect("/notifications");
}
