import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { FacetCount } from "./search-form";

// The whole form needs a mounted app router (its enhancements navigate); the count is its own part.
describe("FacetCount", () => {
  it("shows an exact count as it is", () => {
    expect(renderToStaticMarkup(<FacetCount n={12000} approximate={false} />)).toBe("(12,000)");
  });

  it("marks an estimate with ≈ and says 'about' to screen readers", () => {
    expect(renderToStaticMarkup(<FacetCount n={12000} approximate />)).toBe(
      '(<span aria-hidden="true">≈</span><span class="sr-only">about </span>12,000)',
    );
  });
});
