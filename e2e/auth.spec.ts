// Sign-in, sessions and the server-side guard, in a browser against the built application.
import type { Browser, Page, Request } from "@playwright/test";
import { AUTH_E2E } from "./auth-data";
import { expect, test } from "./fixtures";

type Account = { email: string; password: string };

async function signIn(page: Page, account: Account, lang: "en" | "ko" = "en") {
  await page.goto(`/${lang}/signin`);
  await page.getByLabel(lang === "en" ? "Email" : "이메일").fill(account.email);
  await page.getByLabel(lang === "en" ? "Password" : "비밀번호", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: lang === "en" ? "Sign in" : "로그인", exact: true }).click();
  await page.waitForURL(new RegExp(`/${lang}/curate`));
}

async function signedInPage(browser: Browser, account: Account) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account);
  return { context, page };
}

test.describe("sign-in", () => {
  test("a curator signs in and sees the dashboard of their unit, privately and unindexed", async ({ page }) => {
    await signIn(page, AUTH_E2E.curator);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.getByText(/Your units: Emotional and Cognitive Disorders Research Group/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Drafts and items in review" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Suspected duplicates" })).toBeVisible();
    const response = await page.goto("/en/curate");
    expect(response?.status()).toBe(200);
    expect(response?.headers()["cache-control"] ?? "").toMatch(/no-store|private/);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    // A curator is not an administrator.
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    await page.goto("/en/curate/admin/users");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  });

  test("a wrong password gets a clear message, in English and Korean", async ({ page }) => {
    await page.goto("/en/signin");
    await page.getByLabel("Email").fill(AUTH_E2E.admin.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.locator("#signin-message")).toHaveText("The email or password is not right.");
    await expect(page.getByLabel("Email")).toHaveValue(AUTH_E2E.admin.email);
    await page.goto("/ko/signin");
    await page.getByLabel("이메일").fill("nobody@test.invalid");
    await page.getByLabel("비밀번호").fill("아무 비밀번호");
    await page.getByRole("button", { name: "로그인", exact: true }).click();
    await expect(page.locator("#signin-message")).toHaveText("이메일 또는 비밀번호가 올바르지 않습니다.");
  });

  test("repeated failures lock the account, even for the right password", async ({ page }) => {
    await page.goto("/en/signin");
    for (let i = 0; i < 6; i++) {
      await page.getByLabel("Email").fill(AUTH_E2E.locked.email);
      await page.getByLabel("Password").fill(`wrong guess ${i}`);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.locator("#signin-message")).toHaveText(i < 5 ? "The email or password is not right." : /Too many failed attempts\. Try again in \d+ seconds\./);
    }
    await page.getByLabel("Password").fill(AUTH_E2E.locked.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.locator("#signin-message")).toHaveText(/Too many failed attempts/);
    expect(page.url()).toContain("/signin");
  });

  test("sign out everywhere ends the other session too", async ({ browser }) => {
    const a = await signedInPage(browser, AUTH_E2E.everywhere);
    const b = await signedInPage(browser, AUTH_E2E.everywhere);
    await a.page.goto("/en/curate/me");
    await a.page.getByRole("button", { name: "Sign out everywhere" }).click();
    await a.page.waitForURL(/\/en\/signin/);
    await b.page.goto("/en/curate");
    await b.page.waitForURL(/\/en\/signin\?next=/);
    await expect(b.page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    // Signing in again works: only the sessions issued before are void.
    await signIn(b.page, AUTH_E2E.everywhere);
    await expect(b.page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await a.context.close();
    await b.context.close();
  });

  test("the workspace sends anonymous visitors to sign in and back", async ({ page }) => {
    await page.goto("/en/curate/me");
    await page.waitForURL(/\/en\/signin\?next=%2Fen%2Fcurate%2Fme/);
    await page.getByLabel("Email").fill(AUTH_E2E.researcher.email);
    await page.getByLabel("Password").fill(AUTH_E2E.researcher.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(/\/en\/curate\/me$/);
    await expect(page.getByRole("heading", { name: "My account" })).toBeVisible();
    await expect(page.getByRole("link", { name: "View public profile" })).toBeVisible();
  });
});

test.describe("the server is the boundary", () => {
  test("Auth.js refuses a credentials post without its CSRF token", async ({ request }) => {
    const res = await request.post("/api/auth/callback/credentials", {
      form: { email: AUTH_E2E.admin.email, password: AUTH_E2E.admin.password },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(302);
    expect(res.headers()["location"]).toContain("error=MissingCSRF");
    expect(res.headers()["set-cookie"] ?? "").not.toContain("authjs.session-token=");
  });

  test("a forced administrator action is refused for anonymous callers, curators and foreign origins", async ({ browser, page, playwright }) => {
    await signIn(page, AUTH_E2E.admin);
    await page.goto("/en/curate/admin/users");
    const section = page.getByRole("region", { name: AUTH_E2E.researcher.name });
    await section.getByText("Manage").click();
    const captured = new Promise<Request>((resolve) => page.on("request", (r) => r.method() === "POST" && r.headers()["next-action"] && resolve(r)));
    await section.getByRole("button", { name: "Change role" }).click();
    await expect(section.getByRole("status").first()).toHaveText("Saved.");
    const action = await captured;
    const headers = { ...action.headers() };
    delete headers["cookie"];
    const body = action.postDataBuffer()!;
    const base = new URL(page.url()).origin;

    const anonymous = await playwright.request.newContext({ baseURL: base });
    const asAnonymous = await anonymous.post(action.url(), { headers, data: body });
    expect(await asAnonymous.text()).toContain('"error":"unauthenticated"');

    const curator = await signedInPage(browser, AUTH_E2E.foreignCurator);
    const asCurator = await curator.context.request.post(action.url(), { headers, data: body });
    expect(await asCurator.text()).toContain('"error":"forbidden"');

    // Server actions compare Origin with Host: a cross-site post is not run at all.
    const admin = page.context().request;
    const crossSite = await admin.post(action.url(), { headers: { ...headers, origin: "https://evil.example" }, data: body });
    expect(crossSite.status()).toBeGreaterThanOrEqual(400);
    const sameSite = await admin.post(action.url(), { headers, data: body });
    expect(await sameSite.text()).toContain('"ok":true');
    await anonymous.dispose();
    await curator.context.close();
  });
});

test.describe("administration", () => {
  test("an administrator creates an account whose generated password works once shown", async ({ browser, page }) => {
    await signIn(page, AUTH_E2E.admin);
    await page.goto("/en/curate/admin/users");
    const form = page.getByRole("region", { name: "Create an account" });
    await form.getByLabel("Name").fill("New Curator <script>alert(1)</script>");
    await form.getByLabel("Email").fill("e2e-new@test.invalid");
    const unit = await form.locator("option", { hasText: "Emotional and Cognitive Disorders Research Group" }).getAttribute("value");
    await form.getByLabel("Units").selectOption(unit!);
    await form.getByRole("button", { name: "Create account" }).click();
    const status = form.getByRole("status");
    await expect(status).toContainText("Account created for e2e-new@test.invalid");
    const password = /shown only now: (\S+)/.exec((await status.textContent()) ?? "")?.[1];
    expect(password).toBeTruthy();
    await expect(page.getByRole("heading", { name: "New Curator <script>alert(1)</script>" })).toBeVisible();
    const fresh = await signedInPage(browser, { email: "e2e-new@test.invalid", password: password! });
    await expect(fresh.page.getByText(/Your units: Emotional and Cognitive/)).toBeVisible();
    await fresh.context.close();
  });
});
