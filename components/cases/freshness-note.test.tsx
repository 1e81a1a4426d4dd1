import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { FreshnessNote } from "./freshness-note";

const now = new Date("2026-11-23T12:00:00Z");

describe("FreshnessNote", () => {
  it("warns when the content is older than 24 months", () => {
    const html = renderToStaticMarkup(
      <FreshnessNote lastUpdatedAt={new Date("2024-10-01T00:00:00Z")} lastReviewedAt={new Date("2024-10-02T00:00:00Z")} now={now} />,
    );
    expect(html).toContain("has not been updated for more than 2 years");
    expect(html).toContain("Last updated 1 October 2024");
    expect(html).toContain("Last reviewed 2 October 2024");
  });

  it("says nothing about a fresh case when the dates are shown elsewhere", () => {
    const html = renderToStaticMarkup(
      <FreshnessNote lastUpdatedAt={new Date("2025-01-01T00:00:00Z")} lastReviewedAt={null} now={now} showDates={false} />,
    );
    expect(html).toBe("");
  });
});
