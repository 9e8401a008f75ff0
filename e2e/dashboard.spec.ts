// The site's usage dashboard: figures agree with each other, every choice is a URL, the chart
// arrives after the text, and the page reads in Korean too.
import { expect, SEED_HANDLE, test } from "./fixtures";

function figure(text: string | null): number {
  return Number((text ?? "").replace(/[^\d]/g, ""));
}

test("the site dashboard's totals, table and map agree", async ({ page }) => {
  await page.goto("/statistics?range=12m");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Usage statistics");
  await expect(page.getByText(/^Data as of /)).toBeVisible();
  await expect(page.getByRole("link", { name: "Last 12 months" })).toHaveAttribute("aria-current", "page");

  const views = figure(await page.locator("dt", { hasText: /^Views$/ }).locator("+ dd").textContent());
  expect(views).toBeGreaterThan(0);
  await page.getByText("Show as table").click();
  const totalRow = page.getByRole("region", { name: "Views and downloads over time" }).locator("tfoot tr");
  expect(figure(await totalRow.locator("td").first().textContent())).toBe(views);

  // The chart is drawn by script after the page's text.
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  // Countries: the map names each shaded country, and the table's first row is the largest.
  const countries = page.getByRole("region", { name: "Countries" });
  await expect(countries.getByRole("img", { name: "Views by country" })).toBeVisible();
  const firstCountry = await countries.locator("tbody th").first().textContent();
  await expect(countries.locator("path title", { hasText: `${firstCountry}:` })).toHaveCount(1);
});

test("ranges, granularities and comparisons are links", async ({ page }) => {
  await page.goto("/statistics");
  await expect(page.getByRole("link", { name: "Last 30 days" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("navigation", { name: "Show by" }).getByRole("link", { name: "Week" }).click();
  await expect(page).toHaveURL(/granularity=week/);
  await page.getByRole("link", { name: "Compare with the period before" }).click();
  await expect(page).toHaveURL(/compare=1/);
  await expect(page.getByText(/ vs\. /).first()).toBeVisible();
  await page.getByRole("link", { name: "All time" }).click();
  await expect(page).toHaveURL(/range=all/);
  await expect(page).not.toHaveURL(/compare=1/);

  await page.goto("/statistics?from=2026-02-30&tz=Mars%2FOlympus");
  await expect(page.getByText("Some of the link's settings")).toContainText("first day, time zone");
});

test("a custom range is a plain form", async ({ page }) => {
  await page.goto("/statistics");
  await page.getByText("Custom range").click();
  const today = new Date();
  const to = today.toISOString().slice(0, 10);
  const from = new Date(today.getTime() - 6 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("From", { exact: true }).fill(from);
  await page.getByLabel("To", { exact: true }).fill(to);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
  await page.getByText("Show as table").click();
  await expect(page.getByRole("region", { name: "Views and downloads over time" }).locator("tbody tr")).toHaveCount(7);
});

test("the dashboard in Korean", async ({ page }) => {
  await page.goto("/ko/statistics");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("이용 통계");
  await expect(page.getByRole("link", { name: "최근 30일" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("region", { name: "국가" }).locator("tbody th").first()).toHaveText(/대한민국|미국|중국|일본/);
});

test("an item's dashboard shows the figures of the statistics API", async ({ page }) => {
  await page.goto(`/handle/${SEED_HANDLE}`);
  await page.getByRole("link", { name: "Usage statistics" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Usage statistics: The Role of Glutamate");
  await page.getByRole("link", { name: "Last 12 months" }).click();
  await expect(page).toHaveURL(/statistics\?range=12m/);
  const json = await page.getByRole("region", { name: "Views and downloads over time" }).getByRole("link", { name: "JSON" }).getAttribute("href");
  const api = await (await page.request.get(json!)).json();
  // After a client-side navigation the item page may stay in the DOM, hidden: read what is shown.
  const shown = (label: RegExp) => page.locator("dt", { hasText: label }).filter({ visible: true }).locator("+ dd");
  expect(figure(await shown(/^Views$/).textContent())).toBe(api.totals.views);
  expect(figure(await shown(/^Downloads$/).textContent())).toBe(api.totals.downloads);
  await expect(page.getByRole("region", { name: "Most downloaded files" })).toBeVisible();
});

test("researcher and unit dashboards are linked from their pages; unknown ones are 404", async ({ page }) => {
  await page.goto("/researchers/koo-ja-wook");
  await page.getByRole("link", { name: "Usage statistics" }).click();
  await expect(page).toHaveURL(/\/researchers\/koo-ja-wook\/statistics$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Usage statistics: Koo, Ja Wook");
  await expect(page.getByRole("region", { name: "Most viewed publications" })).toBeVisible();

  await page.goto(`/handle/${SEED_HANDLE}`);
  await page.getByRole("navigation", { name: "Where this item is kept" }).getByRole("link", { name: "Emotional and Cognitive Disorders Research Group" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Emotional and Cognitive Disorders Research Group");
  await page.getByRole("link", { name: "Usage statistics" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Usage statistics: Emotional and Cognitive Disorders Research Group");

  expect((await page.goto("/researchers/no-such-person/statistics"))?.status()).toBe(404);
  expect((await page.goto("/handle/0000/0/statistics"))?.status()).toBe(404);
});
