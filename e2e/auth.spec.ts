// Sign-in, sessions and the server-side guard, in a browser against the built application.
import type { Request } from "@playwright/test";
import { AUTH_E2E } from "./auth-data";
import { expect, test } from "./fixtures";
import { signIn, signedInPage } from "./session";

// Each test signs in once or more; argon2 and first renders take a while on a loaded machine.
test.describe.configure({ timeout: 90_000 });

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

  test("the header of public pages leads a signed-in browser to the workspace, and to sign-in after signing out", async ({ page }) => {
    const header = page.getByRole("banner");
    await page.goto("/en");
    await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
    await signIn(page, AUTH_E2E.curator);
    await page.goto("/en/researchers");
    await header.getByRole("link", { name: "Workspace" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL((url) => !url.pathname.includes("/curate"));
    await page.goto("/ko");
    await expect(header.getByRole("link", { name: "로그인" })).toBeVisible();
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
    // One attempt at a time: wait for each answer before the next.
    const attempt = async (password: string) => {
      await page.getByLabel("Email").fill(AUTH_E2E.locked.email);
      await page.getByLabel("Password").fill(password);
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/signin")),
        page.getByRole("button", { name: "Sign in", exact: true }).click(),
      ]);
      await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
      return page.locator("#signin-message").textContent();
    };
    for (let i = 0; i < 5; i++) expect(await attempt(`wrong guess ${i}`)).toBe("The email or password is not right.");
    expect(await attempt("wrong guess 5")).toMatch(/^Too many failed attempts\. Try again in \d+ seconds\.$/);
    expect(await attempt(AUTH_E2E.locked.password)).toMatch(/^Too many failed attempts/);
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
    // The account panel and "My research" both link to the public profile.
    await expect(page.getByRole("link", { name: "View public profile" }).first()).toBeVisible();
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

  test("every administrator action, forced by an anonymous caller or a curator, is refused by the server", async ({ browser, page, playwright }) => {
    await signIn(page, AUTH_E2E.admin);
    await page.goto("/en/curate/admin/users");
    const actions: Request[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.headers()["next-action"]) actions.push(r);
    });
    // Use each form once, as the administrator, to learn how the browser calls its action.
    const section = page.getByRole("region", { name: AUTH_E2E.target.name });
    await section.getByText("Manage").click();
    for (const name of ["Change role", "Save units", "Sign out everywhere", "Deactivate"]) {
      await section.getByRole("button", { name }).click();
      // (Deactivating turns the button into "Reactivate".)
      const form = section.locator("form", { has: page.getByRole("button", { name: name === "Deactivate" ? "Reactivate" : name }) });
      await expect(form.getByRole("status")).toHaveText("Saved.");
    }
    const create = page.getByRole("region", { name: "Create an account" });
    await create.getByLabel("Name").fill("Captured");
    await create.getByLabel("Email").fill("e2e-captured@test.invalid");
    await create.getByRole("button", { name: "Create account" }).click();
    await expect(create.getByRole("status")).toContainText("Account created");
    expect(new Set(actions.map((r) => r.headers()["next-action"])).size).toBe(5);

    const base = new URL(page.url()).origin;
    const anonymous = await playwright.request.newContext({ baseURL: base });
    const curator = await signedInPage(browser, AUTH_E2E.foreignCurator);
    for (const action of actions) {
      const headers = { ...action.headers() };
      delete headers["cookie"];
      const body = action.postDataBuffer()!;
      const asAnonymous = await anonymous.post(action.url(), { headers, data: body });
      expect(await asAnonymous.text(), `anonymous ${headers["next-action"]}`).toContain('"error":"unauthenticated"');
      const asCurator = await curator.context.request.post(action.url(), { headers, data: body });
      expect(await asCurator.text(), `curator ${headers["next-action"]}`).toContain('"error":"forbidden"');
      // Server actions compare Origin with Host: a cross-site post does not run at all.
      const crossSite = await page.context().request.post(action.url(), { headers: { ...headers, origin: "https://evil.example" }, data: body });
      expect(crossSite.status()).toBeGreaterThanOrEqual(400);
    }
    // The replays changed nothing: the target is still deactivated only once, no second account.
    await page.goto("/en/curate/admin/users");
    await expect(page.getByRole("heading", { name: "Captured" })).toHaveCount(1);
    await anonymous.dispose();
    await curator.context.close();

    // The deactivated target cannot sign in.
    const target = await browser.newPage();
    await target.goto("/en/signin");
    await target.getByLabel("Email").fill(AUTH_E2E.target.email);
    await target.getByLabel("Password").fill(AUTH_E2E.target.password);
    await target.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(target.locator("#signin-message")).toHaveText("This account has been deactivated. Ask an administrator.");
    await target.close();
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
