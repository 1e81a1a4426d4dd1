import type { CityRole, MembershipStatus } from "@/db/schema/users";

export const CITY_ROLE_LABELS: Record<CityRole, string> = { official: "Official", city_admin: "City admin" };
export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = {
  requested: "Waiting for a decision",
  active: "Active",
  refused: "Refused",
  revoked: "Revoked",
  left: "Left",
};

export function formatUtc(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—";
}
