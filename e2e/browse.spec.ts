// The browse indexes, walked as a crawler or a visitor without JavaScript would: plain links and
// pages from the home page down to an item.
import { test as plainTest } from "@playwright/test";
import { expect, expectAccessible, SEED_HANDLE, test } from "./fixtures";

const SEED_TITLE = "The Role of Glutamate Underlying Treatment-resistant Depression";

// axe needs JavaScript in the page, so these walks use Playwright's plain page; the same pages are
// checked with axe below.
plainTest.describe("browse without JavaScript", () => {
  plainTest.use({ javaScriptEnabled: false });
  // Each walk renders several pages on their first visit; on a loaded machine that takes a while.
  plainTest.describe.configure({ timeout: 90_000 });
  const test = plainTest;

  test("home → Browse → date → 2023 → the seed item, by links and pages", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Browse" }).click();
    await expect(page).toHaveURL(/\/browse\/date$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Browse by issue date");
    await expect(page.getByRole("navigation", { name: "Browse by" }).getByRole("link", { name: "Issue date" })).toHaveAttribute("aria-current", "page");

    await page.getByRole("link", { name: /^2023\b/ }).click();
    await expect(page).toHaveURL(/\/browse\/date\/2023$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Published in 2023");

    const seed = page.getByRole("link", { name: SEED_TITLE });
    for (let pages = 1; !(await seed.isVisible()); pages++) {
      expect(pages, "the seed item is on one of 2023's pages").toBeLessThan(10);
      await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next" }).click();
      await expect(page).toHaveURL(new RegExp(`/browse/date/2023/${pages + 1}$`));
    }
    await seed.click();
    await expect(page).toHaveURL(new RegExp(`/handle/${SEED_HANDLE}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_TITLE);
  });

  test("the author index lists Koo, Ja Wook with his items and profile", async ({ page }) => {
    await page.goto("/browse/author");
    await page.getByRole("navigation", { name: "Jump to a letter" }).getByRole("link", { name: "K", exact: true }).click();
    await expect(page).toHaveURL(/\/browse\/author\/k$/);
    const koo = page.getByRole("link", { name: "Koo, Ja Wook", exact: true });
    for (let pages = 1; !(await koo.isVisible()); pages++) {
      expect(pages, "Koo, Ja Wook is on one of K's pages").toBeLessThan(20);
      await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next" }).click();
    }
    const row = page.getByRole("listitem").filter({ has: koo });
    await expect(row.getByRole("link", { name: "Researcher profile of Koo, Ja Wook" })).toHaveAttribute("href", /^\/researchers\/[a-z0-9-]+$/);
    expect(Number(await row.locator("span.tabular-nums").textContent())).toBeGreaterThan(0);
    await koo.click();
    await expect(page).toHaveURL(/\/browse\/author\/name\/Koo%2C%20Ja%20Wook$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Items by Koo, Ja Wook");
    await expect(page.getByRole("link", { name: SEED_TITLE })).toBeVisible();
  });

  test("the 가나다 bar works in the Korean interface", async ({ page }) => {
    await page.goto("/ko/browse/title");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("제목으로 둘러보기");
    const bar = page.getByRole("navigation", { name: "글자로 이동" });
    await bar.getByRole("link", { name: "ㄱ", exact: true }).click();
    await expect(page).toHaveURL(/\/browse\/title\/%E3%84%B1$/i);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ㄱ(으)로 시작하는 제목");
    const titles = await page.locator("main ol > li > a").allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title.trim().charCodeAt(0), title).toBeGreaterThanOrEqual("가".charCodeAt(0));
    for (const title of titles) expect(title.trim().charCodeAt(0), title).toBeLessThan("나".charCodeAt(0));

    // Korean keywords, under their initial consonant too.
    await page.getByRole("navigation", { name: "둘러보기 기준" }).getByRole("link", { name: "주제" }).click();
    await expect(page).toHaveURL(/\/browse\/subject$/);
    await page.getByRole("navigation", { name: "글자로 이동" }).getByRole("link", { name: "ㅎ", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ㅎ(으)로 시작하는 주제");
    await page.locator("main ul.grid li a").first().click();
    await expect(page).toHaveURL(/\/browse\/subject\/term\//);
    await expect(page.locator("main ol > li").first()).toBeVisible();
  });

  test("type counts add up to the published items", async ({ page }) => {
    test.setTimeout(120_000);
    // Other tests publish items meanwhile: the two pages agree once both are read between two changes.
    await expect
      .poll(async () => {
        await page.goto("/");
        const publications = Number((await page.locator("dl div").filter({ hasText: "Publications" }).locator("dd").textContent())?.replace(/\D/g, ""));
        await page.goto("/browse/type");
        const counts = await page.locator("main ul.grid > li > a > span.tabular-nums").allTextContents();
        expect(counts.length).toBeGreaterThan(3);
        return counts.map((c) => Number(c.replace(/\D/g, ""))).reduce((a, b) => a + b, 0) - publications;
      }, { timeout: 90_000 })
      .toBe(0);
    await page.getByRole("link", { name: /^Journal article/ }).click();
    await expect(page).toHaveURL(/\/browse\/type\/journal-article$/);
  });
});

test.describe("browse pages", () => {
  test("are accessible (each visit is checked with axe)", async ({ page }) => {
    test.setTimeout(120_000); // first visits render, then axe runs on each
    for (const path of ["/browse/date", "/browse/date/2023/2", "/browse/author", "/browse/title/r", "/browse/author/name/Koo%2C%20Ja%20Wook", "/browse/type"]) {
      expect((await page.goto(path))?.status(), path).toBe(200);
    }
  });

  test("show Korean type names in the Korean interface and answer 404 past the end", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto("/ko/browse/type");
    await expect(page.getByRole("link", { name: /^학술지 논문/ })).toBeVisible();
    await page.goto("/ko/browse/author/k");
    await page.goto("/browse/subject/n");
    expect((await page.goto("/browse/date/2023/999"))?.status()).toBe(404);
    expect((await page.goto("/browse/date/1850"))?.status()).toBe(404);
    expect((await page.goto("/browse/author/name/Nobody%2C%20At%20All"))?.status()).toBe(404);
    expect((await page.goto("/browse/colour"))?.status()).toBe(404);
    const response = await page.goto("/browse");
    expect(response?.url()).toMatch(/\/browse\/date$/);
    await expectAccessible(page);
  });

  test("work on a phone @phone", async ({ page }) => {
    await page.goto("/browse/title/r");
    await expect(page.getByRole("navigation", { name: "Pages" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
