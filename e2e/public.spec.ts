import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

test("a visitor reads a case, its city and an SDG page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Urban policies that work");
  await expect(page.getByTestId("count-published-cases")).toHaveText("16");

  const newest = page.getByRole("region", { name: "Newest cases" });
  await newest.getByRole("link", { name: /119 fire emergency system/ }).click();
  await expect(page).toHaveURL(/\/cases\/seoul-119-fire-emergency-system$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("119 fire emergency system");
  await expect(page.getByTestId("budget")).toContainText("Not reported");
  await expect(page.getByTestId("staff")).toContainText("Fire emergency department");
  await expect(page.getByRole("region", { name: "Stakeholders" })).toContainText("Fire Service and Civil Defence of Bangladesh");
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Started 9 June 2016");
  await expect(page.getByRole("region", { name: "What was done" })).toContainText("The MOU was signed");

  await page.goto("/cases/seoul-foreign-officials-internship-muap");
  await expect(page.getByTestId("budget")).toContainText("₩690,000,000 (2017)");

  await page.getByRole("link", { name: "Seoul" }).first().click();
  await expect(page).toHaveURL(/\/cities\/seoul$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seoul");
  await expect(page.getByRole("heading", { name: "Sister cities (23)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Friendship cities (34)" })).toBeVisible();
  await expect(page.getByRole("region", { name: "City networks" })).toContainText("CITYNET");

  await page.goto("/sdgs/11");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sustainable cities and communities");
  await expect(page.locator("#target-11\\.2")).toContainText("By 2030, provide access to safe, affordable");
});

test("unknown and malformed addresses answer 404", async ({ page, request }) => {
  const missing = await page.goto("/cases/no-such-case");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  expect((await page.goto("/sdgs/18"))?.status()).toBe(404);
  expect((await page.goto("/cities/atlantis"))?.status()).toBe(404);
  const api = await request.get("/api/v1/cases/no-such-case");
  expect(api.status()).toBe(404);
  expect((await api.json()).error.code).toBe("not_found");
});

test("the read API and the health check answer JSON", async ({ request }) => {
  const health = await (await request.get("/api/health")).json();
  expect(health.status).toBe("ok");
  expect(health.database.ok).toBe(true);
  expect(["pglite", "postgres"]).toContain(health.database.driver);

  const one = await (await request.get("/api/v1/cases/seoul-waterworks")).json();
  expect(one.case.city.slug).toBe("seoul");
  expect(JSON.stringify(one)).not.toMatch(/"email"/);
  const cities = await (await request.get("/api/v1/cities")).json();
  expect(cities.total).toBe(67);
  const seoul = await (await request.get("/api/v1/cities/seoul")).json();
  expect(seoul.city.cases).toHaveLength(16);
  const sdgs = await (await request.get("/api/v1/sdgs")).json();
  expect(sdgs.goals).toHaveLength(17);
  expect(sdgs.goals.reduce((n: number, g: { targets: unknown[] }) => n + g.targets.length, 0)).toBe(169);
});

for (const path of ["/", "/cases/seoul-119-fire-emergency-system", "/cities/seoul", "/sdgs/11"]) {
  test(`axe finds no accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
  });
}
