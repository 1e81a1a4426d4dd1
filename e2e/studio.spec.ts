/**
 * The studio in Chromium, as an official would use it: write a case with every kind of field
 * (an image with alt text and a table in the rich text, every structured list, uploads), reload
 * and find it intact, keep changes through a dropped network, preview it, submit it.
 */
import { test, expect, type Page } from "@playwright/test";
import sharp from "sharp";

const PASSWORD = "demo-password-2026";
const stamp = Date.now().toString(36);
const TITLE = `Owl buses for night workers ${stamp}`;

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("account-link")).toBeVisible();
}

async function waitSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 20_000 });
}

const glance = (page: Page) => page.getByRole("region", { name: "The case at a glance" });
const titleInput = (page: Page) => glance(page).getByLabel("Title", { exact: true });
const summaryInput = (page: Page) => glance(page).getByLabel("Summary", { exact: true });
const editor = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });
const toolbar = (page: Page, name: string) => page.getByRole("toolbar", { name: `Formatting for ${name}` });

async function pngFile(name: string, color: string) {
  const buffer = await sharp({ create: { width: 640, height: 360, channels: 3, background: color } }).png().toBuffer();
  return { name, mimeType: "image/png", buffer };
}

test("an official writes a full case, reloads it intact, previews and submits it", async ({ page }) => {
  test.setTimeout(240_000);
  page.on("dialog", (d) => {
    throw new Error(`Unexpected dialog: ${d.type()} ${d.message()}`);
  });
  await signIn(page, "seoul.official@example.org");

  await page.goto("/studio");
  await page.getByRole("link", { name: "Start a new case" }).click();
  await expect(page.getByLabel("City")).toContainText("Seoul");
  await page.getByLabel("Working title").fill(TITLE);
  await page.getByRole("button", { name: "Start writing" }).click();
  await expect(page).toHaveURL(/\/studio\/cases\/[0-9a-f-]{36}$/);
  const studioUrl = page.url();
  await expect(titleInput(page)).toHaveValue(TITLE);
  await expect(page.getByLabel("Language of the case")).toHaveValue("ko");

  // The case at a glance.
  const summary = "Night buses every 40 minutes on nine routes let shift workers get home safely and cheaply.";
  await summaryInput(page).fill(summary);
  await expect(page.getByTestId("summary-counter")).toHaveText(`${summary.length} / 600 characters`);
  await page.getByLabel("Language of the case").fill("en");
  await page.getByRole("checkbox", { name: "Transportation" }).check();
  await page.getByLabel("Tags").fill("night buses\nbig data");

  // SDGs: goal 11 from the list, target 11.2 found by its text.
  await page.getByRole("list", { name: "Goals" }).getByRole("checkbox").nth(10).check();
  await page.getByLabel("Find targets by their text").fill("public transport");
  await page.getByRole("list", { name: "Matching targets" }).getByRole("checkbox", { name: /Target 11\.2/ }).check();

  // Rich text: formatting, a link, an image with alt text and caption.
  const done = editor(page, "What was done");
  await done.click();
  await page.keyboard.type("Nine night routes were planned from ");
  await toolbar(page, "What was done").getByRole("button", { name: "Bold" }).click();
  await page.keyboard.type("mobile phone call data");
  await toolbar(page, "What was done").getByRole("button", { name: "Bold" }).click();
  await page.keyboard.type(".");
  await page.keyboard.press("Enter");
  await toolbar(page, "What was done").getByRole("button", { name: "Image" }).click();
  const imagePanel = page.getByRole("group", { name: "Insert image" });
  await imagePanel.getByLabel("Image file").setInputFiles(await pngFile("route-map.png", "#1d4ed8"));
  await expect(imagePanel.locator("img")).toBeVisible();
  await imagePanel.getByRole("button", { name: "Insert image" }).click();
  await expect(imagePanel.getByRole("alert")).toContainText("alt text is required");
  await imagePanel.getByLabel("Alt text (required)").fill("Map of the nine night bus routes");
  await imagePanel.getByLabel("Caption (optional)").fill("The nine owl routes");
  await imagePanel.getByRole("button", { name: "Insert image" }).click();
  await expect(done.locator("img[alt='Map of the nine night bus routes']")).toBeVisible();

  // A table in the results section.
  const results = editor(page, "Results and impact");
  await results.click();
  await page.keyboard.type("Ridership grew quickly.");
  await page.keyboard.press("Enter");
  await toolbar(page, "Results and impact").getByRole("button", { name: "Table" }).click();
  for (const cell of ["Year", "Riders per night", "Routes", "2013", "2,000", "2", "2014", "6,000"]) {
    await page.keyboard.type(cell);
    await page.keyboard.press("Tab");
  }
  await page.keyboard.type("9");
  await expect(results.locator("table td, table th")).toHaveCount(9);

  // The other sections, one with a link and a video.
  await editor(page, "Background and philosophy").click();
  await page.keyboard.type("Late-night taxis were scarce and expensive. See ");
  await toolbar(page, "Background and philosophy").getByRole("button", { name: "Link" }).click();
  await page.getByLabel("Link address").fill("https://english.seoul.go.kr/");
  await page.getByRole("button", { name: "Add link" }).click();
  await editor(page, "Objectives").click();
  await page.keyboard.type("Give night workers a safe, cheap way home.");
  await editor(page, "Obstacles and adaptation").click();
  await page.keyboard.type("Taxi drivers objected; routes avoided their busiest areas.");
  await editor(page, "Lessons and how to transfer it").click();
  await page.keyboard.type("Start with call data; any city with a telecom partner can.");
  await toolbar(page, "Lessons and how to transfer it").getByRole("button", { name: "Video" }).click();
  await page.getByLabel("YouTube or Vimeo address").fill("https://evil.example/watch?v=abcdefghijk");
  await page.getByLabel("Video title", { exact: true }).fill("Owl bus launch");
  await page.getByRole("group", { name: "Insert video" }).getByRole("button", { name: "Insert video" }).click();
  await expect(page.getByText("Only YouTube and Vimeo video addresses can be embedded.")).toBeVisible();
  await page.getByLabel("YouTube or Vimeo address").fill("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  await page.getByRole("group", { name: "Insert video" }).getByRole("button", { name: "Insert video" }).click();

  // Budget and staff.
  await page.getByLabel("Budget amount").fill("1500000000");
  await page.getByLabel("Currency", { exact: true }).selectOption("KRW");
  await page.getByLabel("Budget year").fill("2013");
  await page.getByLabel("Approximate amount in US dollars (optional)").fill("1300000");
  await page.getByLabel("Budget note").fill("Operating cost for the first year.");
  await page.getByRole("button", { name: "Add funding source" }).click();
  const funding = page.locator("[data-row='funding source-1']");
  await funding.getByLabel("Source", { exact: true }).fill("Seoul transport budget");
  await funding.getByLabel("Type", { exact: true }).selectOption("own-budget");
  await funding.getByLabel("Amount", { exact: true }).fill("1500000000");
  await page.getByLabel("Headcount (people)").fill("120");
  await page.getByLabel("Full-time equivalents").fill("96.5");
  await page.getByLabel("Departments involved").fill("Bus Policy Division\nTraffic Information Center");
  await page.getByLabel("Partner personnel").fill("KT data analysts");

  // Every list of rows; the second stakeholder is moved above the first.
  await page.getByRole("button", { name: "Add stakeholder" }).click();
  await page.locator("[data-row='stakeholder-1']").getByLabel("Name", { exact: true }).fill("Seoul bus companies");
  await page.locator("[data-row='stakeholder-1']").getByLabel("Kind", { exact: true }).selectOption("private");
  await page.locator("[data-row='stakeholder-1']").getByLabel("Role", { exact: true }).fill("Run the routes");
  await page.getByRole("button", { name: "Add stakeholder" }).click();
  await page.locator("[data-row='stakeholder-2']").getByLabel("Name", { exact: true }).fill("KT Corporation");
  await page.locator("[data-row='stakeholder-2']").getByLabel("Kind", { exact: true }).selectOption("private");
  await page.getByRole("button", { name: "Move up stakeholder 2" }).click();
  await expect(page.locator("[data-row='stakeholder-1']").getByLabel("Name", { exact: true })).toHaveValue("KT Corporation");

  await page.getByLabel("Start", { exact: true }).fill("2013-04");
  await page.getByLabel("Ongoing").check();
  await page.getByRole("button", { name: "Add milestone" }).click();
  await page.locator("[data-row='milestone-1']").getByLabel("Date", { exact: true }).fill("2013-09");
  await page.locator("[data-row='milestone-1']").getByLabel("What happened").fill("Nine routes in regular service");

  await page.getByRole("button", { name: "Add obstacle" }).click();
  await page.locator("[data-row='obstacle-1']").getByLabel("Obstacle", { exact: true }).fill("Taxi drivers feared losing fares");
  await page.locator("[data-row='obstacle-1']").getByLabel("Adaptation", { exact: true }).fill("Routes avoid the main taxi areas");

  await page.getByRole("button", { name: "Add result" }).click();
  const result = page.locator("[data-row='result-1']");
  await result.getByLabel("Indicator", { exact: true }).fill("Riders per night");
  await result.getByLabel("Baseline", { exact: true }).fill("0");
  await result.getByLabel("Value", { exact: true }).fill("6000");
  await result.getByLabel("Unit", { exact: true }).fill("passengers");
  await result.getByLabel("Year", { exact: true }).fill("2014");
  await result.getByLabel("SDG indicator (optional)").fill("11.2.1");

  await page.getByRole("button", { name: "Add contact" }).click();
  const contact = page.locator("[data-row='contact-1']");
  await contact.getByLabel("Name", { exact: true }).fill("Ji-woo Park");
  await contact.getByLabel("Job title").fill("Deputy Director");
  await contact.getByLabel("Email", { exact: true }).fill("jiwoo.park@example.org");

  await page.getByRole("button", { name: "Add reference" }).click();
  const reference = page.locator("[data-row='reference-1']");
  await reference.getByLabel("Title", { exact: true }).fill("Owl bus evaluation report");
  await reference.getByLabel("Web address").fill("https://example.org/owl-bus.pdf");
  await reference.getByLabel("Year", { exact: true }).fill("2015");

  await page.getByRole("button", { name: "Add translation" }).click();
  await page.locator("[data-row='translation-1']").getByLabel("Language code").fill("ko");
  await page.locator("[data-row='translation-1']").getByLabel("Title", { exact: true }).fill("올빼미 버스");

  // Media: an image with alt text, a PDF, a video link.
  await page.getByLabel("Add an image").setInputFiles(await pngFile("bus.png", "#15803d"));
  await expect(page.locator("[data-row='media-1']")).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "invalid");
  await page.locator("[data-row='media-1']").getByLabel("Alt text (required)").fill("A green owl bus at a night stop");
  await page.getByLabel("Add a PDF document").setInputFiles({
    name: "timetable.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
  });
  await expect(page.locator("[data-row='media-2']").getByLabel("Document title")).toHaveValue("timetable");
  await page.getByRole("button", { name: "Add a video link" }).click();
  await page.locator("[data-row='media-3']").getByLabel("Video address (YouTube or Vimeo)").fill("https://vimeo.com/76979871");
  await page.locator("[data-row='media-3']").getByLabel("Video title").fill("Riding the owl bus");
  // An HTML file dressed as an image is refused with a message.
  await page.getByLabel("Add an image").setInputFiles({ name: "evil.png", mimeType: "image/png", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  await expect(page.getByRole("alert").filter({ hasText: "markup files are not accepted" })).toBeVisible();

  await waitSaved(page);

  // Reload: everything is there.
  await page.reload();
  await expect(titleInput(page)).toHaveValue(TITLE);
  await expect(summaryInput(page)).toHaveValue(summary);
  await expect(page.getByLabel("Tags")).toHaveValue("night buses\nbig data");
  await expect(page.getByRole("checkbox", { name: "Transportation" })).toBeChecked();
  await expect(page.getByRole("list", { name: "Goals" }).getByRole("checkbox").nth(10)).toBeChecked();
  await expect(editor(page, "What was done").locator("strong")).toHaveText("mobile phone call data");
  await expect(editor(page, "What was done").locator("img[alt='Map of the nine night bus routes']")).toBeVisible();
  await expect(editor(page, "Results and impact").locator("table")).toContainText("Riders per night");
  await expect(editor(page, "Results and impact").locator("td")).toHaveCount(6);
  await expect(editor(page, "Background and philosophy").locator("a[href='https://english.seoul.go.kr/']")).toBeVisible();
  await expect(page.getByLabel("Currency", { exact: true })).toHaveValue("KRW");
  await expect(page.getByLabel("Full-time equivalents")).toHaveValue("96.5");
  await expect(page.locator("[data-row='stakeholder-1']").getByLabel("Name", { exact: true })).toHaveValue("KT Corporation");
  await expect(page.locator("[data-row='stakeholder-2']").getByLabel("Name", { exact: true })).toHaveValue("Seoul bus companies");
  await expect(page.locator("[data-row='result-1']").getByLabel("SDG indicator (optional)")).toHaveValue("11.2.1");
  await expect(page.locator("[data-row='media-1']").getByLabel("Alt text (required)")).toHaveValue("A green owl bus at a night stop");
  await expect(page.locator("[data-row='media-3']").getByLabel("Video title")).toHaveValue("Riding the owl bus");
  await expect(page.locator("[data-row='translation-1']").getByLabel("Title", { exact: true })).toHaveValue("올빼미 버스");
  await expect(page.getByText(/Targets of goal 11: .*\(1 chosen\)/)).toBeVisible();
  // The PDF comes back as a download with its real type.
  const pdfHref = await page.locator("[data-row='media-2']").getByRole("link", { name: "Download the PDF" }).getAttribute("href");
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toMatch(/^attachment; filename="document-[0-9a-f]{8}\.pdf"$/);
  expect(pdf.headers()["x-content-type-options"]).toBe("nosniff");

  // A dropped connection loses nothing: the change waits in the browser and is saved later.
  await page.route("**/api/studio/cases/*/draft", (route) => route.abort("internetdisconnected"));
  await page.getByLabel("Budget note").fill("Operating cost for the first year, before fares.");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "offline", { timeout: 15_000 });
  page.removeAllListeners("dialog");
  page.on("dialog", (d) => (d.type() === "beforeunload" ? d.accept() : d.dismiss()));
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "Restored changes" })).toBeVisible();
  await expect(page.getByLabel("Budget note")).toHaveValue("Operating cost for the first year, before fares.");
  await page.unroute("**/api/studio/cases/*/draft");
  await page.getByRole("button", { name: "Save now" }).click();
  await waitSaved(page);
  await page.reload();
  await expect(page.getByLabel("Budget note")).toHaveValue("Operating cost for the first year, before fares.");
  await expect(page.getByRole("status").filter({ hasText: "Restored changes" })).toHaveCount(0);

  // Preview renders the draft like the public page.
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  const doneRegion = page.getByRole("region", { name: "What was done" });
  await expect(doneRegion.locator("strong")).toHaveText("mobile phone call data");
  await expect(doneRegion.locator("figure img")).toHaveAttribute("alt", "Map of the nine night bus routes");
  await expect(doneRegion.locator("figcaption")).toHaveText("The nine owl routes");
  await expect(page.getByRole("region", { name: "Results and impact" }).locator("table")).toContainText("6,000");
  await expect(page.getByRole("region", { name: "Lessons and how to transfer it" }).locator("iframe")).toHaveAttribute(
    "src",
    "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
  );
  await expect(page.getByRole("region", { name: "Stakeholders" })).toContainText("KT Corporation");
  await expect(page.getByTestId("budget")).toContainText("₩1,500,000,000 (2013)");
  await expect(page.getByTestId("staff")).toContainText("Bus Policy Division");
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Nine routes in regular service");
  await expect(page.getByRole("region", { name: "Results", exact: true })).toContainText("11.2.1");
  await expect(page.getByRole("region", { name: "References" })).toContainText("Owl bus evaluation report");
  // The uploaded image is served to its city's official.
  const imageSrc = await doneRegion.locator("figure img").getAttribute("src");
  const image = await page.request.get(imageSrc!);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect(image.headers()["x-content-type-options"]).toBe("nosniff");

  // Submit.
  await page.getByRole("link", { name: "Back to editing" }).click();
  await expect(page).toHaveURL(studioUrl);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("submit-message")).toContainText("Submitted for review");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "readonly");
  await expect(page.getByTestId("revision-info")).toContainText("Waiting for review");
  await page.goto("/studio");
  const row = page.getByRole("region", { name: /Waiting for review/ }).getByRole("row", { name: new RegExp(TITLE) });
  await expect(row).toContainText("Min-jun Lee");

  // The draft's image is private: a visitor and an official of another city get 404.
  const visitor = await page.context().browser()!.newContext();
  expect((await visitor.request.get(new URL(imageSrc!, page.url()).toString())).status()).toBe(404);
  await visitor.close();
});

test("a second editor's stale save is refused with what changed, and nothing is overwritten", async ({ browser }) => {
  test.setTimeout(120_000);
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signIn(first, "seoul.official@example.org");
  await signIn(second, "seoul.admin@example.org");
  await first.goto("/studio/cases/new");
  await first.getByLabel("Working title").fill(`Shared draft ${stamp}`);
  await first.getByRole("button", { name: "Start writing" }).click();
  await expect(first).toHaveURL(/\/studio\/cases\/[0-9a-f-]{36}$/);
  await second.goto(first.url());
  await expect(titleInput(second)).toHaveValue(`Shared draft ${stamp}`);

  await summaryInput(first).fill("Written by the official.");
  await waitSaved(first);
  await summaryInput(second).fill("Written by the city admin.");
  const conflict = second.getByTestId("conflict");
  await expect(conflict).toBeVisible({ timeout: 20_000 });
  await expect(conflict).toContainText("saved this case after you opened it");
  await expect(conflict.getByRole("row", { name: /Summary/ })).toContainText("Written by the official.");
  await expect(conflict.getByRole("row", { name: /Summary/ })).toContainText("Written by the city admin.");

  await first.reload();
  await expect(summaryInput(first)).toHaveValue("Written by the official.");
  // Choosing to keep one's own copy is explicit.
  await conflict.getByRole("button", { name: "Save my copy over it" }).click();
  await waitSaved(second);
  await first.reload();
  await expect(summaryInput(first)).toHaveValue("Written by the city admin.");
});

test("an official of another city gets 404 for the draft, its preview and history", async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "seoul.official@example.org");
  await owner.goto("/studio/cases/new");
  await owner.getByLabel("Working title").fill(`Private draft ${stamp}`);
  await owner.getByRole("button", { name: "Start writing" }).click();
  await expect(owner).toHaveURL(/\/studio\/cases\/[0-9a-f-]{36}$/);
  const url = owner.url();

  const other = await (await browser.newContext()).newPage();
  await signIn(other, "bangkok.official@example.org");
  for (const path of [url, `${url}/preview`, `${url}/history`]) {
    const response = await other.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  const write = await other.request.post(`${url.replace("/studio/cases/", "/api/studio/cases/")}/draft`, {
    data: { version: 1, revision: { title: "Taken over" } },
    headers: { origin: new URL(url).origin },
  });
  expect(write.status()).toBe(404);
  await owner.reload();
  await expect(titleInput(owner)).toHaveValue(`Private draft ${stamp}`);
});
