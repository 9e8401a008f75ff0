// Signing in and screenshots, shared by the workspace specs.
import type { Browser, Page, Route } from "@playwright/test";

export type Account = { email: string; password: string };

/** Signs in through the form and waits for the workspace. */
export async function signIn(page: Page, account: Account, lang: "en" | "ko" = "en") {
  await page.goto(`/${lang}/signin`);
  await page.getByLabel(lang === "en" ? "Email" : "이메일").fill(account.email);
  await page.getByLabel(lang === "en" ? "Password" : "비밀번호", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: lang === "en" ? "Sign in" : "로그인", exact: true }).click();
  await page.waitForURL(new RegExp(`/${lang}/curate`));
}

/** A browser context of its own (cookies apart from the test's page), signed in. */
export async function signedInPage(browser: Browser, account: Account) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account);
  return { context, page };
}

/** With SHOTS_DIR set, full-page screenshots on a desktop and a phone (`dark`: in dark mode as well). */
export async function shoot(page: Page, name: string, { dark = false } = {}) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  for (const scheme of dark ? (["light", "dark"] as const) : (["light"] as const)) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [width, height, tag] of [[1280, 900, "desktop"], [390, 844, "phone"]] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${dir}/${name}-${tag}${scheme === "dark" ? "-dark" : ""}.png`, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: null });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * Opens `url` with the page's scripts held back, so that a test can type into the server-rendered
 * form first. The returned function lets the scripts load and waits until React has hydrated the
 * element `selector` names.
 */
export async function openBeforeScripts(page: Page, url: string) {
  const scripts = "**/_next/static/**/*.js";
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const hold = async (route: Route) => {
    await held;
    await route.continue();
  };
  await page.route(scripts, hold);
  await page.goto(url, { waitUntil: "domcontentloaded" });
  return async (selector: string) => {
    release();
    await page.waitForFunction((s) => {
      const el = document.querySelector(s);
      return !!el && Object.keys(el).some((k) => k.startsWith("__reactFiber"));
    }, selector);
    await page.unroute(scripts, hold);
  };
}
