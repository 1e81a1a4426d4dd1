/**
 * "Last reviewed" / "last updated" for a published case, and the refresh marker when its content
 * has not been updated for 24 months. The case page's key facts already list both dates; place
 * this where a reader should see the warning (above the article or in its aside).
 */
import { formatDate } from "@/lib/i18n/format";
import { needsRefresh, REFRESH_AFTER_MONTHS } from "@/lib/cases/freshness";

export function FreshnessNote({
  lastReviewedAt,
  lastUpdatedAt,
  now = new Date(),
  showDates = true,
}: {
  lastReviewedAt: Date | null;
  lastUpdatedAt: Date | null;
  now?: Date;
  showDates?: boolean;
}) {
  const stale = needsRefresh(lastUpdatedAt, now);
  if (!stale && !showDates) return null;
  return (
    <div className={stale ? "rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-sm" : "text-sm"} data-testid="freshness">
      {stale && (
        <p className="font-semibold">
          This case has not been updated for more than {REFRESH_AFTER_MONTHS / 12} years; some facts may have changed.
        </p>
      )}
      {showDates && (
        <p>
          {lastUpdatedAt && <>Last updated {formatDate(lastUpdatedAt)}. </>}
          {lastReviewedAt && <>Last reviewed {formatDate(lastReviewedAt)}.</>}
        </p>
      )}
    </div>
  );
}
