/** Plain words for case and revision statuses. */
export const STATUS_LABELS: Record<string, string> = {
  draft: "Drafts",
  submitted: "Waiting for review",
  changes_requested: "Changes requested",
  published: "Published",
  rejected: "Rejected",
  unpublished: "Unpublished",
  archived: "Archived",
  approved: "Approved",
  superseded: "Superseded",
};
