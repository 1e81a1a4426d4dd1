/** Plain-words text of a notification, shared by the list page, the bell and the mail. */
export type NotificationLike = { kind: string; caseId: string | null; data: Record<string, unknown> };

export type NotificationText = { headline: string; detail: string | null; href: string };

function str(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

export function describeNotification(n: NotificationLike): NotificationText {
  const title = str(n.data.title) ?? "your case";
  const quoted = `“${title}”`;
  const comment = str(n.data.comment);
  const studio = n.caseId ? `/studio/cases/${n.caseId}` : "/studio";
  const update = n.data.update === true;
  switch (n.kind) {
    case "case.approved":
      return {
        headline: update ? `Your update to ${quoted} is live` : `${quoted} is published`,
        detail: comment,
        href: str(n.data.slug) ? `/cases/${String(n.data.slug)}` : studio,
      };
    case "case.changes_requested":
      return {
        headline: `A moderator asked for changes to ${quoted}`,
        detail: comment,
        href: studio,
      };
    case "case.rejected":
      return {
        headline: update ? `Your update to ${quoted} was not accepted` : `${quoted} was rejected`,
        detail: comment ? `Reason: ${comment}` : null,
        href: studio,
      };
    case "case.unpublished":
      return { headline: `${quoted} was taken offline by an administrator`, detail: comment ? `Reason: ${comment}` : null, href: studio };
    case "case.archived":
      return { headline: `${quoted} was archived`, detail: comment ? `Reason: ${comment}` : null, href: studio };
    case "case.restored":
      return { headline: `${quoted} was restored`, detail: comment, href: studio };
    default:
      return { headline: "Something changed on one of your cases", detail: null, href: studio };
  }
}
