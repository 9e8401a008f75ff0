import { expect, expectAccessible, SEED_HANDLE, test } from "./fixtures";

test.describe("site shell and home page", () => {
  test("home page shows search, totals, recent additions and the unit tree", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("banner").getByRole("search")).toBeVisible();
    for (const label of ["Units", "Researchers", "Browse", "Statistics"]) {
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label })).toBeVisible();
    }
    const publications = page.locator("dl div").filter({ hasText: "Publications" }).locator("dd");
    expect(Number((await publications.textContent())?.replace(/\D/g, ""))).toBeGreaterThan(100);

    const recent = page.getByRole("region", { name: "Recent additions" });
    await expect(recent.getByRole("listitem")).toHaveCount(8);
    const tree = page.getByRole("region", { name: "Units and collections" });
    await expect(tree).toContainText("Korea Brain Research Institute");
    await expect(tree).toContainText("Research Division");

    // A recent addition leads to its item page.
    const first = recent.getByRole("link").first();
    const title = await first.textContent();
    await first.click();
    await expect(page).toHaveURL(/\/handle\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!);
    await expectAccessible(page);
  });

  test("the search box sends the query in the URL", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("banner").getByRole("combobox").fill("glutamate ketamine");
    await page.getByRole("banner").getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search\?q=glutamate\+ketamine/);
  });

  test("the language switch changes all interface text and is remembered", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: /한국어/ }).click();
    await expect(page).toHaveURL(/\/ko$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("연구 성과 찾아보기");
    await expect(page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "연구자" })).toBeVisible();
    await expect(page.getByRole("region", { name: "조직과 컬렉션" })).toContainText("연구본부");
    await expectAccessible(page);

    // The choice sticks to URLs without a prefix.
    await page.goto(`/handle/${SEED_HANDLE}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await page.getByRole("link", { name: /English/ }).click();
    await expect(page).toHaveURL(new RegExp(`/en/handle/${SEED_HANDLE}$`));
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Discover our research");
  });

  test("a Korean browser gets the Korean interface first", async ({ browser }) => {
    const context = await browser.newContext({ locale: "ko-KR" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("연구 성과 찾아보기");
    await context.close();
  });

  test("keyboard users can skip to the content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });

  test("dark mode is readable", async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto(`/handle/${SEED_HANDLE}`); // axe checks contrast in the dark palette
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe("rgb(18, 20, 22)");
    await context.close();
  });

  test("unknown pages and API paths answer 404 in the right form", async ({ page, request }) => {
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    const outside = await page.goto("/files/0/nothing.pdf");
    expect(outside?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");

    const api = await request.get("/api/no-such-endpoint");
    expect(api.status()).toBe(404);
    expect(api.headers()["content-type"]).toContain("application/problem+json");
    expect(await api.json()).toMatchObject({ status: 404, title: "Not Found" });
  });

  test("health reports the application and its database", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toContain("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: { reachable: true, migrations: { pending: 0 } } });
    expect(["postgres", "pglite"]).toContain(body.database.kind);
  });

  test("the home page fits a phone screen @phone", async ({ page }) => {
    await page.goto("/");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole("main").getByRole("searchbox")).toBeVisible();
  });
});

test("switching language keeps the query of the page", async ({ page }) => {
  await page.goto("/search?q=glutamate");
  await page.getByRole("link", { name: /한국어/ }).click();
  await expect(page).toHaveURL(/\/ko\/search\?q=glutamate$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
});
