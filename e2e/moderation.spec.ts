/**
 * The review loop in Chromium, as the people involved would do it: an official writes and
 * submits a case; a moderator asks for a change on one field; the official sees the comment
 * beside that field, edits and resubmits; the moderator approves; a visitor finds the case.
 * Then an update of the live case stays invisible to the visitor until it is approved.
 */
import { test, expect, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { SMTPServer } from "smtp-server";

const PASSWORD = "demo-password-2026";
/** playwright.config.ts points the server's SMTP_URL here; this spec listens while it runs. */
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2525);

type Mail = { to: string[]; text: string };

async function startMailbox(): Promise<{ mails: Mail[]; close: () => Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        const text = raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(smtpPort, "127.0.0.1", () => resolve());
  });
  return { mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
const stamp = Date.now().toString(36);
const TITLE = `Night buses for shift workers ${stamp}`;
const UPDATED_TITLE = `Night buses for shift workers, citywide ${stamp}`;

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("dialog", (d) => {
    throw new Error(`Unexpected dialog: ${d.message()}`);
  });
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("account-link")).toBeVisible();
  return page;
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${page.url()} ${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
}

async function waitSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 20_000 });
}

async function submitForReview(page: Page) {
  await page.getByRole("button", { name: "Submit for review" }).click();
  // The lasting sign (the studio's transient "Submitted" message can vanish when the form
  // remounts on refresh): the revision is now read-only and waiting for review.
  await expect(page.getByRole("status").filter({ hasText: "This revision is waiting for review" })).toBeVisible();
}

test("official submits → moderator requests a change → official fixes it → approved → visitor reads it; updates wait for review", async ({ browser }) => {
  test.setTimeout(240_000);
  const mailbox = await startMailbox();
  try {
  const official = await signedIn(browser, "seoul.official@example.org");
  const moderator = await signedIn(browser, "moderator@example.org");
  const visitor = await (await browser.newContext()).newPage();

  // 1. The official writes a complete case and submits it.
  await official.goto("/studio/cases/new");
  await official.getByLabel("Title").fill(TITLE);
  await official.getByRole("button", { name: "Start writing" }).click();
  await expect(official).toHaveURL(/\/studio\/cases\/[0-9a-f-]{36}$/);
  const studioUrl = official.url();
  const caseId = studioUrl.split("/").pop()!;

  await official
    .getByLabel("Summary")
    .fill("Night buses every 40 minutes on nine routes let shift workers get home safely and cheaply.");
  await official.getByRole("checkbox", { name: "Transportation" }).check();
  await official.getByRole("list", { name: "Goals" }).getByRole("checkbox").nth(10).check();
  const whatWasDone = official.getByRole("textbox", { name: "What was done" });
  await whatWasDone.click();
  await whatWasDone.pressSequentially("Nine night routes were planned from mobile phone call data.");
  await official.getByLabel("Start", { exact: true }).fill("2013-04");
  await official.getByLabel("Budget amount").fill("1500000000");
  await official.getByLabel("Currency", { exact: true }).selectOption("KRW");
  await waitSaved(official);
  await submitForReview(official);

  // 2. The moderator finds it in the queue and asks for a change on the budget.
  await moderator.goto("/moderation");
  const row = moderator.getByTestId("review-queue").getByRole("row", { name: new RegExp(TITLE) });
  await expect(row).toContainText("New case");
  await expect(row).toContainText("Seoul");
  await expectAccessible(moderator);
  await row.getByRole("link", { name: TITLE }).click();
  await expect(moderator).toHaveURL(new RegExp(`/moderation/${caseId}$`));
  await expect(moderator.getByRole("heading", { level: 2, name: "As it will be published" })).toBeVisible();
  await expect(moderator.getByRole("heading", { level: 1, name: `Review: ${TITLE}` })).toBeVisible();
  await expect(moderator.getByTestId("as-published").getByRole("heading", { name: TITLE, exact: true })).toBeVisible();
  await expectAccessible(moderator);
  await moderator.getByLabel("What needs to change (required)").fill("Nearly ready. Please complete the budget.");
  await moderator.getByLabel("Field 1", { exact: true }).selectOption("budget");
  await moderator.getByLabel("Comment on field 1").fill("Which year is this budget for?");
  await moderator.getByRole("button", { name: "Request changes" }).click();
  await expect(moderator.getByRole("status")).toContainText("Changes requested");
  await expect(moderator.getByTestId("review-queue").getByText(TITLE)).toHaveCount(0);

  // 3. The official is told (by mail and in the app), sees the comment beside the budget, edits
  // and resubmits.
  await expect
    .poll(() => mailbox.mails.filter((m) => m.to.includes("seoul.official@example.org") && m.text.includes("asked for changes")).length)
    .toBe(1);
  expect(mailbox.mails.find((m) => m.text.includes("asked for changes"))!.text).toContain("Nearly ready. Please complete the budget.");
  expect(mailbox.mails.some((m) => m.to.includes("moderator@example.org"))).toBe(false);
  await official.goto("/notifications");
  const note = official.getByTestId("notifications").getByRole("listitem").filter({ hasText: "A moderator asked for changes" }).first();
  await expect(note).toContainText(TITLE);
  await expect(official.getByTestId("notification-bell")).toHaveAccessibleName(/[1-9]\d* unread/);
  await expectAccessible(official);
  await expect(note).toContainText("Nearly ready. Please complete the budget.");
  await note.getByRole("button", { name: /Open/ }).click();
  await expect(official).toHaveURL(studioUrl);
  const budgetSection = official.locator("section[aria-labelledby='budget-heading']");
  await expect(budgetSection.locator("[data-moderator-comment]")).toContainText("Which year is this budget for?");
  await official.getByLabel("Budget year").fill("2013");
  await waitSaved(official);
  await submitForReview(official);

  // 4. The moderator approves.
  await moderator.goto(`/moderation/${caseId}`);
  await expect(moderator.getByText("Changes requested").first()).toBeVisible();
  await moderator.getByRole("button", { name: "Approve and publish" }).click();
  await expect(moderator.getByRole("status")).toContainText("Approved");

  // 5. A visitor finds it.
  await moderator.goto(`/moderation/${caseId}`);
  const publicLink = moderator.getByRole("link", { name: /^\/cases\// });
  const publicPath = (await publicLink.textContent())!.trim();
  const visit = await visitor.goto(publicPath);
  expect(visit?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(visitor.getByText("Nine night routes were planned")).toBeVisible();

  // 6. An update stays invisible until approved.
  await official.goto(studioUrl);
  await official.getByLabel("Title").fill(UPDATED_TITLE);
  await waitSaved(official);
  await submitForReview(official);
  await visitor.reload();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  const api = await visitor.request.get(`/api/v1${publicPath}`);
  expect(JSON.stringify(await api.json())).not.toContain(UPDATED_TITLE);

  await moderator.goto("/moderation");
  const updateRow = moderator.getByTestId("review-queue").getByRole("row", { name: new RegExp(UPDATED_TITLE) });
  await expect(updateRow).toContainText("Update of a live case");
  await updateRow.getByRole("link").first().click();
  const changed = moderator.getByTestId("diff-changed");
  await expect(changed.locator("[data-field='title'] del")).toHaveCount(0);
  await expect(changed.locator("[data-field='title'] ins")).toHaveText(/^\[added: , citywide\]$/);
  await expect(changed.locator("[data-field]")).toHaveCount(1);
  await moderator.getByRole("button", { name: "Approve and publish" }).click();
  await expect(moderator.getByRole("status")).toContainText("Approved");

  await visitor.reload();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(UPDATED_TITLE);

  // 7. The audit log has the whole story.
  await moderator.goto(`/moderation/audit?case=${caseId}`);
  const audit = moderator.getByTestId("audit-table");
  const changesRow = audit.getByRole("row").filter({ hasText: "Changes requested (rev. 1)" });
  await expect(changesRow).toHaveCount(1);
  await expect(changesRow).toContainText("Mo Moderator");
  await expect(changesRow).toContainText("case submitted → changes requested");
  await expect(changesRow).toContainText("Which year is this budget for?");
  await expect(audit.getByRole("row").filter({ hasText: "Approved and published" })).toHaveCount(2);
  await expectAccessible(moderator);

  // 8. The review pages are for moderators only; an administrator retires the case (which also
  // leaves the demo data as the other specs expect it).
  const cityAdmin = await signedIn(browser, "seoul.admin@example.org");
  const feedBefore = await (await visitor.request.get("/feed.xml")).text();
  expect(feedBefore).toContain(UPDATED_TITLE);
  expect((await cityAdmin.goto(`/moderation/${caseId}`))?.status()).toBe(404);
  const admin = await signedIn(browser, "admin@example.org");
  await admin.goto(`/moderation/${caseId}`);
  const archiveForm = admin.getByRole("form", { name: "Archive" });
  await archiveForm.getByLabel(/Reason/).fill("Replaced by the citywide programme.");
  await archiveForm.getByRole("button", { name: "Archive" }).click();
  await expect(admin.getByRole("status")).toContainText("Archived");
  expect((await visitor.goto(publicPath))?.status()).toBe(404);
  expect((await visitor.request.get(`/api/v1${publicPath}`)).status()).toBe(404);
  expect(await (await visitor.request.get("/feed.xml")).text()).not.toContain(UPDATED_TITLE);
  } finally {
    await mailbox.close();
  }
});

test("an administrator unpublishes a case with a reason; the city is told; restoring brings it back", async ({ browser }) => {
  const slug = "seoul-waste-management";
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto(`/cases/${slug}`))?.status()).toBe(200);
  const title = (await visitor.getByRole("heading", { level: 1 }).textContent())!.trim();

  const admin = await signedIn(browser, "admin@example.org");
  await admin.goto(`/moderation/audit?case=${slug}`);
  await admin.getByTestId("audit-table").getByRole("link", { name: slug }).first().click();
  await expect(admin.getByRole("heading", { level: 1 }).first()).toContainText(`Review: ${title}`);
  const reviewUrl = admin.url();
  const unpublish = admin.getByRole("form", { name: "Unpublish" });
  await unpublish.getByRole("button", { name: "Unpublish" }).click();
  // The reason is required: the browser stops the empty form, nothing changes.
  expect((await visitor.goto(`/cases/${slug}`))?.status()).toBe(200);
  await unpublish.getByLabel(/Reason/).fill("A resident disputes the figures; offline while we check.");
  await unpublish.getByRole("button", { name: "Unpublish" }).click();
  await expect(admin.getByRole("status")).toContainText("Unpublished");

  expect((await visitor.goto(`/cases/${slug}`))?.status()).toBe(404);
  expect((await visitor.request.get(`/api/v1/cases/${slug}`)).status()).toBe(404);
  expect(await (await visitor.request.get("/sitemap.xml")).text()).not.toContain(`/cases/${slug}<`);

  const official = await signedIn(browser, "seoul.official@example.org");
  await official.goto("/notifications");
  const note = official.getByTestId("notifications").getByRole("listitem").filter({ hasText: "taken offline" }).first();
  await expect(note).toContainText(title);
  await expect(note).toContainText("A resident disputes the figures");

  await admin.goto(reviewUrl);
  const restore = admin.getByRole("form", { name: "Restore" });
  await restore.getByLabel(/Reason/).fill("Figures confirmed.");
  await restore.getByRole("button", { name: "Restore" }).click();
  await expect(admin.getByRole("status")).toContainText("Restored");
  expect((await visitor.goto(`/cases/${slug}`))?.status()).toBe(200);
});
