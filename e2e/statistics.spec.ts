// Usage counting seen from outside: a page view or a download moves the figures of the statistics
// API; the same visit by headless Chrome (a robot to COUNTER) only moves the robot hits.
import { request as apiRequest, test as plainTest, type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { E2E } from "./test-data";

type Totals = { views: number; uniqueViews: number; downloads: number; uniqueDownloads: number; robotHits: number };

const today = () => new Date().toISOString().slice(0, 10);

async function totals(api: APIRequestContext, handle: string): Promise<Totals> {
  const response = await api.get(`/api/v1/statistics?scope=item:${handle}&from=${today()}&to=${today()}&tz=UTC`);
  expect(response.status()).toBe(200);
  return (await response.json()).totals as Totals;
}

/** Handles of items listed for an old year (pages the other specs do not visit). */
async function oldItemHandles(page: Page): Promise<string[]> {
  await page.goto("/browse/date/2012");
  const hrefs = await page.locator("main a[href*='/handle/']").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.map((h) => /\/handle\/([^/?#]+\/[^/?#]+)/.exec(h)?.[1]).filter((h): h is string => Boolean(h)))];
}

test.describe("usage statistics", () => {
  test.describe.configure({ timeout: 90_000, mode: "serial" });

  test("viewing an item with an ordinary browser raises its view count", async ({ page, request }) => {
    const [handle] = (await oldItemHandles(page)).slice(2);
    const before = await totals(request, handle);
    await page.goto(`/handle/${handle}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect.poll(async () => (await totals(request, handle)).views, { timeout: 30_000 }).toBe(before.views + 1);
    expect((await totals(request, handle)).robotHits).toBe(before.robotHits);
  });

  test("viewing it with headless Chrome's own user agent counts a robot hit, not a view", async ({ browser, page, request }) => {
    const [handle] = (await oldItemHandles(page)).slice(3);
    const before = await totals(request, handle);
    // Headless Chrome announces itself as "HeadlessChrome/…"; Playwright hides that word from the
    // user agent, so the context puts it back.
    const ordinary = await page.evaluate(() => navigator.userAgent);
    const context = await browser.newContext({ userAgent: ordinary.replace(/\bChrome\//, "HeadlessChrome/") });
    const robot = await context.newPage();
    expect(await robot.evaluate(() => navigator.userAgent)).toMatch(/HeadlessChrome\/\d/);
    await robot.goto(`/handle/${handle}`);
    await expect(robot.getByRole("heading", { level: 1 })).toBeVisible();
    await expect.poll(async () => (await totals(request, handle)).robotHits, { timeout: 30_000 }).toBe(before.robotHits + 1);
    expect((await totals(request, handle)).views).toBe(before.views);
    await context.close();
  });

  test("a download raises the download count (and the views: a download is an investigation)", async ({ page, request }) => {
    await page.goto(`/handle/${E2E.withFiles.handle}`);
    const href = await page.getByRole("link", { name: E2E.withFiles.openFile }).getAttribute("href");
    const before = await totals(request, E2E.withFiles.handle);
    const response = await request.get(href!, { headers: { "User-Agent": await page.evaluate(() => navigator.userAgent) } });
    expect(response.status()).toBe(200);
    await expect.poll(async () => (await totals(request, E2E.withFiles.handle)).downloads, { timeout: 30_000 }).toBeGreaterThanOrEqual(before.downloads + 1);
    // HEAD and the rest of a ranged download do not count again.
    const after = await totals(request, E2E.withFiles.handle);
    expect((await request.head(href!)).status()).toBe(200);
    expect((await request.get(href!, { headers: { Range: "bytes=100-" } })).status()).toBe(206);
    await page.waitForTimeout(2500);
    expect((await totals(request, E2E.withFiles.handle)).downloads).toBe(after.downloads);
  });

  test("the statistics API answers problems as problem+json", async ({ request }) => {
    const bad = await request.get(`/api/v1/statistics?scope=site&from=2026-02-30`);
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toContain("application/problem+json");
    expect((await request.get(`/api/v1/statistics?scope=item:no.such/handle`)).status()).toBe(404);
    const csv = await request.get(`/api/v1/statistics?scope=site&format=csv`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).split("\r\n")[0]).toBe("period,views,uniqueViews,downloads,uniqueDownloads");
  });
});

plainTest.describe("usage statistics without JavaScript", () => {
  plainTest.use({ javaScriptEnabled: false });
  plainTest.describe.configure({ timeout: 90_000 });

  plainTest("the noscript pixel counts the view", async ({ page, baseURL }) => {
    const api = await apiRequest.newContext({ baseURL });
    const [handle] = (await oldItemHandles(page)).slice(4);
    const before = await totals(api, handle);
    await page.goto(`/handle/${handle}`);
    await expect.poll(async () => (await totals(api, handle)).views, { timeout: 30_000 }).toBe(before.views + 1);
    await api.dispose();
  });
});
