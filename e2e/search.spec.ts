import { expect, expectAccessible, SEED_HANDLE, test } from "./fixtures";

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
    // The item page renders on its first visit, which takes seconds on a loaded machine.
    await expect(page).toHaveURL(new RegExp(`/handle/${SEED_HANDLE}$`), { timeout: 30_000 });
  });

  test("finds the seed item by “Koo” and facets down to it without JavaScript", async ({ browser }) => {
    test.slow(); // four uncached searches in a row, each rendered on first visit
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
    // Titles sort by lower(title) in the database's C collation, i.e. by code point (other tests'
    // items, such as a title starting with "<", land where that order puts them).
    const byCodePoint = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);
    expect(titles).toEqual([...titles].sort(byCodePoint));
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

test.describe("suggestions under the header search box", () => {
  test("lists researchers, units and items as you type, chosen with the keyboard", async ({ page }) => {
    await page.goto("/units");
    const box = page.getByRole("banner").getByRole("combobox", { name: "Search the repository" });
    await box.pressSequentially("Koo J", { delay: 40 });
    const list = page.getByRole("listbox");
    await expect(list).toBeVisible();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(list.getByRole("group", { name: "Researchers" }).getByRole("option", { name: /Koo, Ja Wook/ })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: /suggestions?\./ })).toHaveText(/\d+ suggestions?\./);
    await expectAccessible(page);

    // Down selects the first suggestion (focus stays in the box), Escape closes, then clears.
    await box.press("ArrowDown");
    const first = list.getByRole("option").first();
    await expect(first).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
    await box.press("Escape");
    await expect(list).toBeHidden();
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await box.press("Escape");
    await expect(box).toHaveValue("");

    // A Korean unit name, then an item by the start of its title words; Enter opens the choice.
    await box.pressSequentially("질환", { delay: 40 });
    await expect(list.getByRole("group", { name: "Units" }).getByRole("option", { name: /Emotional and Cognitive Disorders/ })).toBeVisible();
    await box.fill("");
    await box.pressSequentially("glutamate underl", { delay: 40 });
    const item = list.getByRole("group", { name: "Publications" }).getByRole("option", { name: new RegExp(SEED_TITLE) });
    await expect(item).toBeVisible();
    // Down until the item is chosen; a list that the last keystroke's answer replaces meanwhile
    // starts again with nothing chosen, so each step waits for its own effect.
    await expect(async () => {
      await box.press("ArrowDown");
      await expect(item).toHaveAttribute("aria-selected", "true", { timeout: 300 });
    }).toPass({ timeout: 15_000 });
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/handle/${SEED_HANDLE}$`));
  });

  test("Enter with nothing chosen searches, in Korean too", async ({ page }) => {
    await page.goto("/ko/units");
    const box = page.getByRole("banner").getByRole("combobox");
    await box.pressSequentially("구자욱", { delay: 40 });
    await expect(page.getByRole("listbox").getByRole("option", { name: /구자욱/ })).toBeVisible();
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=%EA%B5%AC%EC%9E%90%EC%9A%B1/);
  });

  test("answers bad input with problem details", async ({ request }) => {
    const long = await request.get(`/api/v1/suggest?q=${"x".repeat(101)}`);
    expect(long.status()).toBe(400);
    expect(long.headers()["content-type"]).toContain("application/problem+json");
    expect((await request.get("/api/v1/suggest?q=a%00b")).status()).toBe(400);
    expect((await request.get("/api/v1/suggest?q=koo&lang=fr")).status()).toBe(400);
    const ok = await request.get("/api/v1/suggest?q=koo&lang=en");
    expect(ok.headers()["cache-control"]).toContain("max-age=60");
    expect((await ok.json()).researchers[0]).toMatchObject({ name: "Koo, Ja Wook", href: "/researchers/koo-ja-wook" });
  });
});
