import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { getSearchEngine } from "@/lib/search/engine";
import { drainSearchOutbox } from "@/lib/search/outbox";
import { GET } from "./route";
import { GET as SUGGEST } from "./suggest/route";

async function call(qs: string) {
  const res = await GET(new Request(`http://localhost/api/v1/search?${qs}`));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("GET /api/v1/search", () => {
  beforeAll(async () => {
    await drainSearchOutbox(db, await getSearchEngine()); // the demo seed's outbox rows
  });

  test("returns exactly the documented shape", async () => {
    const { status, body } = await call("q=교통카드");
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["engine", "facets", "facetsApproximate", "hits", "page", "perPage", "tookMs", "total", "totalApproximate"]);
    expect(Object.keys(body.facets as object).sort()).toEqual(
      ["area", "budgetBand", "city", "country", "language", "region", "sdg", "stakeholderType", "target", "year"].sort(),
    );
    const hit = (body.hits as Record<string, unknown>[])[0]!;
    expect(hit.slug).toBe("seoul-integrated-transportation-card");
    expect(Object.keys(hit).sort()).toEqual(
      ["city", "highlight", "language", "policyAreas", "publishedAt", "sdgGoals", "sdgTargets", "slug", "summary", "title"].sort(),
    );
    expect(Object.keys(hit.city as object).sort()).toEqual(["country", "name", "slug"]);
    expect(body.engine).toBe("postgres");
  });

  test("filters combine and highlight marks the words", async () => {
    const { body } = await call("q=waste&sdg=12&sdg=11&region=Asia&per_page=5");
    const hits = body.hits as { slug: string; highlight: { title: string } }[];
    expect(hits[0]!.slug).toBe("seoul-waste-management");
    expect(hits[0]!.highlight.title).toContain("<mark>Waste</mark>");
    expect(body.perPage).toBe(5);
  });

  test("a bad parameter is a 400 naming it", async () => {
    for (const [qs, parameter] of [
      ["per_page=500", "per_page"],
      ["sdg=0", "sdg"],
      ["sort=random", "sort"],
      ["nonsense=1", "nonsense"],
    ]) {
      const { status, body } = await call(qs!);
      expect(status).toBe(400);
      expect((body.error as { parameter: string }).parameter).toBe(parameter);
    }
  });

  test("suggestions: titles by prefix, cities and SDG targets", async () => {
    const res = await SUGGEST(new Request("http://localhost/api/v1/search/suggest?q=transp"));
    const { suggestions } = (await res.json()) as { suggestions: { kind: string; label: string; href: string }[] };
    expect(suggestions.some((s) => s.kind === "case" && s.href === "/cases/seoul-integrated-transportation-card")).toBe(true);
    const city = (await (await SUGGEST(new Request("http://localhost/api/v1/search/suggest?q=bangk"))).json()) as { suggestions: { kind: string; href: string }[] };
    expect(city.suggestions).toContainEqual(expect.objectContaining({ kind: "city", href: "/search?city=bangkok" }));
    const target = (await (await SUGGEST(new Request("http://localhost/api/v1/search/suggest?q=11.2"))).json()) as { suggestions: { kind: string; href: string }[] };
    expect(target.suggestions).toContainEqual(expect.objectContaining({ kind: "target", href: "/search?target=11.2" }));
  });
});
