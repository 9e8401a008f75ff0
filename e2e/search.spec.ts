import { expect, SEED_HANDLE, test } from "./fixtures";

const SEED_TITLE = "The Role of Glutamate Underlying Treatment-resistant Depression";
// The list of hits (outside <main> when JavaScript is off: see app/[lang]/search/page.tsx).
const results = (page: import("@playwright/test").Page) => page.locator("ol:has(h3)").first();
const seedLink = (page: import("@playwright/test").Page) => results(page).getByRole("link", { name: SEED_TITLE });

test.describe("search", () => {
  test("finds the seed item by a word of its abstract, with the word marked", async ({ page }) => {
    await page.goto("/search?q=monoamine");
    await expect(page.getByRole("heading", { level: 2, name: /results? for “monoamine”/ })).toBeVisible();
    await expect(seedLink(page)).toBeVisible();
    const hit = results(page).getByRole("listitem").filter({ has: page.getByRole("link", { name: SEED_TITLE }) });
    await expect(hit.locator("mark").first()).toHaveText(/monoamine/i);
  });

  test("puts the seed item first for “glutamate ketamine”, and finds it by its handle", async ({ page }) => {
    await page.goto("/search?q=glutamate+ketamine");
    await expect(results(page).getByRole("listitem").first().getByRole("link").first()).toHaveText(SEED_TITLE);
    await page.goto(`/search?q=${encodeURIComponent(SEED_HANDLE)}`);
    await expect(page.getByRole("heading", { level: 2, name: /^1 result for/ })).toBeVisible();
    await seedLink(page).click();
    await expect(page).toHaveURL(new RegExp(`/handle/${SEED_HANDLE}$`));
  });

  test("finds the seed item by “Koo” and facets down to it without JavaScript", async ({ browser }) => {
    test.slow(); // four uncached searches in a row, each rendered on first visit
    // Known problem, noted on the search issue: on the PostgreSQL server (not on PGlite) the third
    // facet page never finishes for a browser without JavaScript, so the locator never settles.
    test.fixme(Boolean(process.env.DATABASE_URL || process.env.TEST_DATABASE_URL), "no-JavaScript facet walk hangs on the PostgreSQL server");
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/search?q=Koo");
    const filters = page.getByRole("complementary");
    await filters.getByRole("region", { name: "Year" }).getByRole("link", { name: /^2023/ }).click();
    await expect(page).toHaveURL(/year=2023/);
    await filters.getByRole("region", { name: "Type" }).getByRole("link", { name: /^Journal article/ }).click();
    await expect(page).toHaveURL(/year=2023.*type=JOURNAL_ARTICLE|type=JOURNAL_ARTICLE.*year=2023/);
    await filters.getByRole("region", { name: "Researcher" }).getByRole("link", { name: /^Koo, Ja Wook/ }).click();
    await expect(seedLink(page)).toBeVisible();
    // Active filters are listed and removable one by one.
    const active = page.getByRole("region", { name: "Active filters" });
    await expect(active.getByRole("link")).toHaveCount(4); // three filters and "clear all"
    await active.getByRole("link", { name: /Remove filter: 2023/ }).click();
    await expect(page).not.toHaveURL(/year=/);
    await expect(page).toHaveURL(/type=JOURNAL_ARTICLE/);
    await expect(page).toHaveURL(/author=koo-ja-wook/);
    await context.close();
  });

  test("finds the unit’s items by the Korean unit name and narrows to the seed item", async ({ page }) => {
    test.slow(); // several uncached searches in a row
    await page.goto(`/search?q=${encodeURIComponent("정서·인지 질환 연구그룹")}`);
    const filters = page.getByRole("complementary");
    await filters.getByRole("region", { name: "Unit" }).getByRole("link", { name: /^Emotional and Cognitive Disorders Research Group/ }).click();
    await expect(page).toHaveURL(/unit=/);
    await filters.getByRole("region", { name: "Year" }).getByRole("link", { name: /^2023/ }).click();
    await filters.getByRole("region", { name: "Collection" }).getByRole("link", { name: /^1\. Journal Articles/ }).first().click();
    await expect(seedLink(page)).toBeVisible();
  });

  test("sorts and pages with plain links, and helps when nothing matches", async ({ page }) => {
    await page.goto("/search?q=disorder&size=10");
    await page.getByRole("navigation", { name: "Sort by" }).getByRole("link", { name: "Title" }).click();
    await expect(page).toHaveURL(/sort=title/);
    const titles = await results(page).locator("h3").allTextContents();
    expect(titles).toEqual([...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), "en")));
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText(/Showing 11–20/)).toBeVisible();

    await page.goto("/search?q=zzzyxq+glutamate");
    await expect(page.getByText("Nothing matches “zzzyxq glutamate”.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Suggestions" })).toBeVisible();
  });

  test("speaks Korean in the Korean interface", async ({ page }) => {
    await page.goto(`/ko/search?q=${encodeURIComponent("구자욱")}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("검색");
    await expect(page.getByRole("heading", { level: 2, name: /“구자욱” 검색 결과 \d+건/ })).toBeVisible();
    await expect(page.getByRole("complementary").getByRole("heading", { name: "검색 결과 좁히기" })).toBeVisible();
    await expect(seedLink(page)).toBeVisible();
  });

  test("works on a phone @phone", async ({ page }) => {
    await page.goto("/search?q=glutamate");
    await expect(seedLink(page)).toBeVisible();
    await page.getByRole("link", { name: "Jump to filters" }).click();
    await expect(page.getByRole("heading", { name: "Refine results" })).toBeInViewport();
  });
});
