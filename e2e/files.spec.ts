// Files: open ones download with the headers PDF viewers and caches rely on; embargoed ones answer
// 403 with a page that says until when; the item page lists both and links only the open one.
import { expect, test } from "./fixtures";
import { E2E } from "./test-data";

test("the item page lists its files and tells Scholar only about the open PDF", async ({ page }) => {
  await page.goto(`/handle/${E2E.withFiles.handle}`);
  const files = page.getByRole("region", { name: "Files in this item" });
  await expect(files.getByRole("link", { name: E2E.withFiles.openFile })).toBeVisible();
  await expect(files).toContainText("Open access");
  await expect(files).toContainText(`Embargoed until ${E2E.withFiles.embargoUntil}`);
  await expect(files).toContainText("0 downloads");
  const pdfUrls = await page.locator('head meta[name="citation_pdf_url"]').evaluateAll((els) => els.map((e) => e.getAttribute("content")));
  expect(pdfUrls).toHaveLength(1);
  expect(pdfUrls[0]).toContain(E2E.withFiles.openFile);
});

test("an open PDF downloads whole and in ranges", async ({ page, request }) => {
  await page.goto(`/handle/${E2E.withFiles.handle}`);
  const href = await page.getByRole("link", { name: E2E.withFiles.openFile }).getAttribute("href");
  const full = await request.get(href!);
  expect(full.status()).toBe(200);
  const body = await full.body();
  expect(body.subarray(0, 5).toString()).toBe("%PDF-");
  expect(full.headers()).toMatchObject({ "content-type": "application/pdf", "accept-ranges": "bytes", "content-length": String(body.length) });
  expect(full.headers()["etag"]).toMatch(/^"[0-9a-f]{64}"$/);
  expect(full.headers()["content-disposition"]).toContain(E2E.withFiles.openFile);
  expect(full.headers()["link"]).toMatch(new RegExp(`/handle/${E2E.withFiles.handle}>; rel="collection"`));

  const part = await request.get(href!, { headers: { Range: "bytes=0-99" } });
  expect(part.status()).toBe(206);
  expect(part.headers()["content-range"]).toBe(`bytes 0-99/${body.length}`);
  expect(Buffer.compare(await part.body(), body.subarray(0, 100))).toBe(0);

  const unchanged = await request.get(href!, { headers: { "If-None-Match": full.headers()["etag"] } });
  expect(unchanged.status()).toBe(304);
});

test("an embargoed file answers 403 with the date, in English and Korean", async ({ page }) => {
  await page.goto(`/handle/${E2E.withFiles.handle}`);
  const href = await page.getByRole("link", { name: E2E.withFiles.embargoedFile }).getAttribute("href");
  const response = await page.goto(href!);
  expect(response?.status()).toBe(403);
  await expect(page.locator("body")).toContainText(E2E.withFiles.embargoUntil);
  await expect(page.locator('[lang="ko"]').first()).toBeVisible();
  expect((await response!.body()).subarray(0, 5).toString()).not.toBe("%PDF-");
});
