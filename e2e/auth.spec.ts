import { test, expect, type Browser, type Page } from "@playwright/test";
import { SMTPServer } from "smtp-server";
import AxeBuilder from "@axe-core/playwright";

/**
 * Accounts, membership and roles in Chromium against the real server. The password-reset test
 * runs its own SMTP server on loopback at E2E_SMTP_PORT, where playwright.config.ts points the
 * web server's SMTP_URL.
 */
const DEMO_PASSWORD = "demo-password-2026";
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2525);
const run = Date.now().toString(36);

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function newSignedInPage(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Account/ })).toBeVisible();
  return page;
}

test("register, ask to join Seoul, get approved by Seoul's city admin, and see the role take effect", async ({ page, browser }) => {
  const email = `newcomer.${run}@example.net`;
  await page.goto("/register");
  await page.getByLabel("Your name").fill("Newcomer Park");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("password1234");
  await page.getByLabel("Password again").fill("password1234");
  await page.getByRole("button", { name: "Create account" }).click();
  // A common password is refused, and what was typed stays in the form.
  await expect(page.getByText("This password is too common")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Newcomer Park");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Password", { exact: true }).fill("lantern orchard 9 quietly");
  await page.getByLabel("Password again").fill("lantern orchard 9 quietly");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account\?welcome=1$/);
  await expect(page.getByText("Welcome, Newcomer Park!")).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Studio" })).toHaveCount(0);

  await page.goto("/account/cities");
  await page.getByLabel("City", { exact: true }).selectOption("seoul");
  await page.getByLabel("Message to the city's admins (optional)").fill("Transport planning team");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Your request has been sent")).toBeVisible();
  await expect(page.getByTestId("membership-status")).toHaveText("Waiting for a decision");

  const admin = await newSignedInPage(browser, "seoul.admin@example.org", DEMO_PASSWORD);
  await admin.goto("/account/cities");
  await expect(admin.getByRole("link", { name: "Edit the profile of Seoul" })).toBeVisible();
  const request = admin.getByTestId("city-member").filter({ hasText: email });
  await expect(request).toContainText("Transport planning team");
  await request.getByRole("button", { name: "Approve Newcomer Park" }).click();
  await expect(admin.getByText("Approved.")).toBeVisible();
  await admin.context().close();

  // The newcomer's existing session sees the new role on the next request.
  await page.goto("/account");
  await expect(page.getByTestId("own-memberships")).toContainText("Seoul — Official, active");
  await expect(nav.getByRole("link", { name: "Studio" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("each role sees only its own areas, in the UI and by direct requests", async ({ page, browser }) => {
  // Anonymous: private pages send to sign-in and come back.
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fusers$/);
  expect((await page.request.get("/account", { maxRedirects: 0 })).status()).toBe(307);

  const moderator = await newSignedInPage(browser, "moderator@example.org", DEMO_PASSWORD);
  const modNav = moderator.getByRole("navigation", { name: "Main" });
  await expect(modNav.getByRole("link", { name: "Moderation" })).toBeVisible();
  await expect(modNav.getByRole("link", { name: "Admin" })).toHaveCount(0);
  expect((await moderator.goto("/admin"))?.status()).toBe(404);
  expect((await moderator.goto("/admin/users"))?.status()).toBe(404);
  await moderator.context().close();

  const admin = await newSignedInPage(browser, "admin@example.org", DEMO_PASSWORD);
  await admin.goto("/admin/users?q=bangkok");
  await expect(admin.getByTestId("admin-user")).toHaveCount(1);
  await expect(admin.getByTestId("admin-user")).toContainText("bangkok.official@example.org");
  await admin.context().close();
});

test("a session cookie captured before 'sign out everywhere' is refused afterwards", async ({ browser }) => {
  const page = await newSignedInPage(browser, "bangkok.official@example.org", DEMO_PASSWORD);
  const captured = (await page.context().cookies()).filter((c) => c.name.includes("session-token"));
  expect(captured.length).toBeGreaterThan(0);

  const replay = await browser.newContext();
  await replay.addCookies(captured);
  const replayPage = await replay.newPage();
  await replayPage.goto("/account");
  await expect(replayPage.getByRole("heading", { name: "Your account" })).toBeVisible();

  await page.goto("/logout");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByText("You have been signed out on every device.")).toBeVisible();

  await replayPage.goto("/account");
  await expect(replayPage).toHaveURL(/\/login\?next=%2Faccount$/);
  await replay.close();
  await page.context().close();
});

test("a wrong-password loop reaches the limit and is told when to retry", async ({ page, request }) => {
  const email = `locked.${run}@example.net`;
  for (let i = 0; i < 5; i++) {
    await signIn(page, email, `wrong password ${i}`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an account.");
  }
  await signIn(page, email, "wrong password again");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Too many failed sign-in attempts\. Try again in 1[45] minutes\./);

  // The same limit through next-auth's own endpoint answers HTTP 429 with Retry-After.
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: "still wrong" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(60);
  expect((await response.json()).error.code).toBe("rate_limited");
});

test("password reset through the loopback SMTP server", async ({ page }) => {
  const mails: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        mails.push(raw);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(smtpPort, "127.0.0.1", () => resolve());
  });
  try {
    const email = `forgetful.${run}@example.net`;
    await page.goto("/register");
    await page.getByLabel("Your name").fill("Forgetful Kim");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("first passphrase of many words");
    await page.getByLabel("Password again").fill("first passphrase of many words");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/account/);
    await page.goto("/logout");
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("If an account uses that address");
    await expect.poll(() => mails.length, { timeout: 10_000 }).toBe(1);
    const body = mails[0]!.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
    const link = body.match(/https?:\/\/[^\s]+\/reset-password\?token=[A-Za-z0-9_-]+/)?.[0];
    expect(link).toBeTruthy();

    await page.goto(new URL(link!).pathname + new URL(link!).search);
    await page.getByLabel("New password", { exact: true }).fill("second passphrase, also long");
    await page.getByLabel("New password again").fill("second passphrase, also long");
    await page.getByRole("button", { name: "Save new password" }).click();
    await expect(page).toHaveURL(/\/login\?reset=1$/);
    await signIn(page, email, "second passphrase, also long");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Account/ })).toBeVisible();

    // The link works once.
    await page.goto(new URL(link!).pathname + new URL(link!).search);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("expired or was already used");
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test("cross-origin writes to server actions and route handlers are refused, Origin: null included", async ({ page, request }) => {
  // Capture a real server-action request from the login form…
  await page.goto("/login");
  const actionRequest = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByLabel("Email").fill(`origin.${run}@example.net`);
  await page.getByLabel("Password").fill("irrelevant password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const captured = await actionRequest;
  const headers = { "next-action": captured.headers()["next-action"]!, "content-type": captured.headers()["content-type"]!, accept: "text/x-component" };
  const body = captured.postDataBuffer()!;

  // …and replay it: from this site it runs, from elsewhere it is refused before it runs.
  const sameOrigin = await request.post(captured.url(), { headers: { ...headers, origin: new URL(captured.url()).origin }, data: body });
  expect(sameOrigin.status()).toBe(200);
  for (const origin of ["https://evil.example", "null"]) {
    const refused = await request.post(captured.url(), { headers: { ...headers, origin }, data: body });
    expect(refused.status(), `server action with Origin ${origin}`).toBe(403);
    expect((await refused.json()).error.code).toBe("cross_origin");
  }

  // Route handlers get the same wall.
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  for (const origin of ["https://evil.example", "null"]) {
    const refused = await request.post("/api/auth/callback/credentials", {
      headers: { origin },
      form: { csrfToken, email: "member@example.org", password: DEMO_PASSWORD },
      maxRedirects: 0,
    });
    expect(refused.status(), `route handler with Origin ${origin}`).toBe(403);
  }
  const cross = await request.post("/api/auth/callback/credentials", {
    headers: { "sec-fetch-site": "cross-site" },
    form: { csrfToken, email: "member@example.org", password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  expect(cross.status()).toBe(403);
});

test("the account pages pass axe and carry a nonce-based Content-Security-Policy", async ({ page, browser }) => {
  for (const path of ["/login", "/register", "/forgot-password"]) {
    const response = await page.goto(path);
    const csp = response?.headers()["content-security-policy"] ?? "";
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce, `CSP nonce on ${path}`).toBeTruthy();
    expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${path}: ${v.id}`)).toEqual([]);
  }
  // A refused form, with its messages, is accessible too.
  await signIn(page, "nobody@example.net", "wrong password here");
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

  const admin = await newSignedInPage(browser, "seoul.admin@example.org", DEMO_PASSWORD);
  for (const path of ["/account", "/account/cities", "/logout"]) {
    await admin.goto(path);
    const results = await new AxeBuilder({ page: admin }).analyze();
    expect(results.violations.map((v) => `${path}: ${v.id}`)).toEqual([]);
  }
  await admin.context().close();
  const platformAdmin = await newSignedInPage(browser, "admin@example.org", DEMO_PASSWORD);
  for (const path of ["/admin", "/admin/users", "/admin/cities", "/admin/memberships"]) {
    await platformAdmin.goto(path);
    const results = await new AxeBuilder({ page: platformAdmin }).analyze();
    expect(results.violations.map((v) => `${path}: ${v.id}`)).toEqual([]);
  }
  await platformAdmin.context().close();
});

test("changing the password keeps a refused form as typed, then ends the session", async ({ page }) => {
  const email = `changer.${run}@example.net`;
  await page.goto("/register");
  await page.getByLabel("Your name").fill("Changer Choi");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("original passphrase words");
  await page.getByLabel("Password again").fill("original passphrase words");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account/);

  const form = page.getByRole("region", { name: "Change your password" });
  await form.getByLabel("Current password").fill("not my password at all");
  await form.getByLabel("New password", { exact: true }).fill("replacement passphrase words");
  await form.getByLabel("New password again").fill("replacement passphrase words");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("Your current password is not correct.")).toBeVisible();
  await expect(form.getByLabel("New password", { exact: true })).toHaveValue("replacement passphrase words");

  await form.getByLabel("Current password").fill("original passphrase words");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login\?changed=1$/);
  await expect(page.getByRole("main").getByRole("status")).toContainText("Your password has been changed");
  await signIn(page, email, "replacement passphrase words");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Account/ })).toBeVisible();
});

test("an admin's role change and disable end the person's sessions at once", async ({ page, browser }) => {
  const email = `promoted.${run}@example.net`;
  await page.goto("/register");
  await page.getByLabel("Your name").fill("Promoted Jung");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("promoted passphrase words");
  await page.getByLabel("Password again").fill("promoted passphrase words");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account/);

  const admin = await newSignedInPage(browser, "admin@example.org", DEMO_PASSWORD);
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = admin.getByTestId("admin-user");
  await expect(row).toHaveCount(1);
  await row.getByLabel("Role of Promoted Jung").selectOption("moderator");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText("Role saved.")).toBeVisible();

  // The session issued before the role change is gone; signing in again brings the new role.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
  await signIn(page, email, "promoted passphrase words");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Moderation" })).toBeVisible();

  await admin.reload();
  await row.getByRole("button", { name: "Disable Promoted Jung" }).click();
  await expect(row.getByText("Account disabled and signed out.")).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
  await signIn(page, email, "promoted passphrase words");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an account.");

  await admin.reload();
  await row.getByRole("button", { name: "Enable Promoted Jung" }).click();
  await expect(row.getByText("Account enabled.")).toBeVisible();
  await signIn(page, email, "promoted passphrase words");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Account/ })).toBeVisible();
  await admin.context().close();
});
