import { describe, expect, test } from "vitest";
import { cjkBigrams, foldText, highlightHtml, highlightSegments } from "./text";

describe("search text helpers", () => {
  test("CJK runs become overlapping bigrams; other text is untouched", () => {
    expect(cjkBigrams("교통카드를 쓴다").trim().split(/\s+/)).toEqual(["교통", "통카", "카드", "드를", "쓴다"]);
    expect(cjkBigrams("fare card")).toBe("fare card");
  });

  test("folding removes accents and case", () => {
    expect(foldText("Gestion des DÉCHETS")).toBe("gestion des dechets");
  });

  test("highlights are escaped: markup in a title shows as text", () => {
    const html = highlightHtml('<script>alert("x")</script> traffic & congestion', "traffic");
    expect(html).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>traffic</mark> &amp; congestion");
    expect(html).not.toContain("<script");
  });

  test("matches fold accents and stems loosely; CJK matches inside words", () => {
    expect(highlightSegments("Gestion des déchets", "dechets").filter((s) => s.match).map((s) => s.text)).toEqual(["déchets"]);
    expect(highlightSegments("Congested roads", "congestion").filter((s) => s.match).map((s) => s.text)).toEqual(["Congested"]);
    expect(highlightSegments("통합 교통카드", "교통").filter((s) => s.match).map((s) => s.text)).toEqual(["교통"]);
  });
});
