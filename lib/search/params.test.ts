import { describe, expect, test } from "vitest";
import { parseSearchParams, PAGE_PARAMETERS, searchParamsOf } from "./params";

const parse = (qs: string, page = false) => parseSearchParams(new URLSearchParams(qs), page ? { allowed: PAGE_PARAMETERS } : {});

describe("search parameters", () => {
  test("repeated parameters are lists; defaults fill the rest", () => {
    const r = parse("q=traffic&sdg=11&sdg=13&area=transportation&country=kr&transferred=true&sort=newest&page=2&per_page=50");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request).toMatchObject({
      q: "traffic",
      sort: "newest",
      page: 2,
      perPage: 50,
      filters: { sdg: [11, 13], area: ["transportation"], country: ["KR"], transferred: true },
    });
    expect(parse("").ok && (parse("") as { ok: true; request: { perPage: number; sort: string } }).request).toMatchObject({ perPage: 20, sort: "relevance" });
  });

  test.each([
    ["sdg=18", "sdg"],
    ["sdg=eleven", "sdg"],
    ["target=11", "target"],
    ["per_page=101", "per_page"],
    ["per_page=0", "per_page"],
    ["page=-1", "page"],
    ["sort=popular", "sort"],
    ["transferred=yes", "transferred"],
    ["year_from=2020&year_to=2010", "year_to"],
    ["budget_usd_min=abc", "budget_usd_min"],
    ["stakeholder_type=aliens", "stakeholder_type"],
    ["colour=blue", "colour"],
    ["sort=newest&sort=budget", "sort"],
    ["budget_band=1m-10m", "budget_band"], // a page parameter, not an API one
  ])("%s is rejected naming %s", (qs, parameter) => {
    const r = parse(qs);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.parameter).toBe(parameter);
      expect(r.error.message).toContain(parameter);
    }
  });

  test("the page accepts budget bands, and a state survives a round trip through its URL", () => {
    const r = parse("q=waste&sdg=12&budget_band=1m-10m&year_from=2001&city=seoul&sort=budget&page=3", true);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const again = parse(searchParamsOf(r.request).toString(), true);
    expect(again).toEqual(r);
  });
});
