import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** The drainer indexes the demo cases just after boot; wait until search sees them. */
async function waitForIndex(page: Page) {
  await expect
    .poll(async () => (await (await page.request.get("/api/v1/search?per_page=1")).json()).total, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(16);
}

test.describe("search with JavaScript", () => {
  test("type a query, pick two facets, open a result, come back to the same state", async ({ page }) => {
    await waitForIndex(page);
    await page.goto("/search");
    const box = page.getByRole("combobox", { name: "Describe the problem or the policy" });
    await box.fill("transp");
    const suggestions = page.getByRole("listbox", { name: "Suggestions" });
    await expect(suggestions.getByRole("option").first()).toBeVisible();
    await expect(suggestions).toContainText("Integrated transportation card");

    await box.fill("transport");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=transport$/);
    const heading = page.getByRole("heading", { level: 2, name: /cases?/ }).first();
    await expect(heading).toContainText(/\d+ cases?/);
    const before = await page.getByRole("list", { name: "Results" }).getByRole("listitem").count();

    // Two facets; each change submits the form at once.
    await page.getByRole("group", { name: "SDG goal" }).getByLabel(/^11\. /).check();
    await expect(page).toHaveURL(/sdg=11/);
    await page.getByRole("group", { name: "Policy area" }).getByLabel(/^Transportation/).check();
    await expect(page).toHaveURL(/area=transportation/);
    const results = page.getByRole("list", { name: "Results" }).getByRole("listitem");
    await expect(results.first()).toBeVisible();
    const titles = await results.getByRole("heading").allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThan(before);
    const stateUrl = page.url();
    expect(stateUrl).toContain("q=transport");

    const firstLink = results.first().getByRole("link").first();
    const firstTitle = (await firstLink.textContent())!;
    await firstLink.click();
    await expect(page).toHaveURL(/\/cases\/[a-z0-9-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(firstTitle.slice(0, 20));
    await page.goBack();

    await expect(page).toHaveURL(stateUrl);
    await expect(page.getByRole("combobox", { name: "Describe the problem or the policy" })).toHaveValue("transport");
    await expect(page.getByRole("group", { name: "SDG goal" }).getByLabel(/^11\. /)).toBeChecked();
    await expect(page.getByRole("group", { name: "Policy area" }).getByLabel(/^Transportation/)).toBeChecked();
    await expect(results.getByRole("heading")).toHaveText(titles);
  });

  test("the words of four languages find the seeded cases, with highlights", async ({ page }) => {
    await waitForIndex(page);
    for (const [q, title] of [
      ["traffic congestion", "Seoul TOPIS"],
      ["교통카드", "Integrated transportation card"],
      ["gestion des déchets", "Waste disposal policy"],
      ["pequeños negocios", "Downtown Market Analysis Service"],
    ] as const) {
      await page.goto(`/search?q=${encodeURIComponent(q)}`);
      await expect(page.getByRole("list", { name: "Results" }).getByRole("listitem").first()).toContainText(title);
    }
    await page.goto("/search?q=traffic");
    await expect(page.locator("mark").first()).toHaveText(/traffic/i);
  });

  test("an empty result explains what to do, and a bad address says which parameter is wrong", async ({ page }) => {
    await page.goto("/search?q=zzqxjv&sdg=3");
    await expect(page.getByRole("heading", { name: "No cases found" })).toBeVisible();
    await expect(page.getByTestId("empty-state")).toContainText("Search all cases for these words");
    await page.goto("/search?sdg=99");
    await expect(page.getByRole("alert").filter({ hasText: "search address" })).toContainText("sdg");
  });

  test("the search API answers JSON and names a bad parameter", async ({ request }) => {
    const ok = await request.get("/api/v1/search?q=fare%20card&per_page=5");
    expect(ok.status()).toBe(200);
    const body = await ok.json();
    expect(body.hits[0].slug).toBe("seoul-integrated-transportation-card");
    expect(body.hits[0].highlight.title).toContain("<mark>");
    const bad = await request.get("/api/v1/search?per_page=1000");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.parameter).toBe("per_page");
  });

  test("axe finds no accessibility violations on the search page", async ({ page }) => {
    await waitForIndex(page);
    await page.goto("/search?q=transport&sdg=11");
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
  });
});

test.describe("search without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the plain GET form searches and filters", async ({ page }) => {
    await waitForIndex(page);
    await page.goto("/search");
    await page.getByRole("searchbox", { name: "Describe the problem or the policy" }).fill("water");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/q=water/);
    await expect(page.getByRole("list", { name: "Results" })).toContainText("Waterworks");

    await page.getByRole("group", { name: "Policy area" }).getByLabel(/^Water and waterworks/).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/area=water/);
    await expect(page.getByRole("group", { name: "Policy area" }).getByLabel(/^Water and waterworks/)).toBeChecked();
    const items = page.getByRole("list", { name: "Results" }).getByRole("listitem");
    for (const text of await items.allTextContents()) expect(text).toMatch(/water/i);
    await page.getByRole("combobox", { name: "Sort by" }).selectOption("newest");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/sort=newest/);
  });
});
