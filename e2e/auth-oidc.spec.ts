// Institutional single sign-on, end to end: the application (configured by scripts/e2e.ts) talks
// to a real OpenID Connect provider started here.
import { expect, test } from "./fixtures";
import { OIDC_NAME, startOidcProvider } from "./oidc-provider";

// One provider on one port: both tests run in the same worker, one after the other.
test.describe.configure({ mode: "serial", timeout: 90_000 });

let provider: { close: () => Promise<void> } | undefined;
test.beforeAll(async ({}, testInfo) => {
  provider = await startOidcProvider(String(testInfo.project.use.baseURL));
});
test.afterAll(async () => {
  await provider?.close();
});

async function loginAtProvider(page: import("@playwright/test").Page, login: string) {
  await page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: /sign-in/i }).click();
  // The development interactions ask for consent after the login.
  await page.getByRole("button", { name: /continue/i }).click();
}

test("a known email signs in through the institution's provider", async ({ page }) => {
  await page.goto("/en/signin?next=/en/curate/me");
  await loginAtProvider(page, "sso");
  await page.waitForURL(/\/en\/curate\/me$/);
  await expect(page.getByText("e2e-sso@test.invalid")).toBeVisible();
  await expect(page.getByText("Curator", { exact: true })).toBeVisible();
});

test("an unknown email is refused with a message, no account is created", async ({ page }) => {
  await page.goto("/en/signin");
  await loginAtProvider(page, "stranger");
  await page.waitForURL(/\/signin\?error=/);
  await expect(page.locator("#signin-message")).toHaveText("No account here matches that sign-in. Ask an administrator to create one.");
});
