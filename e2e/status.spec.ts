// Status codes tell the truth: withdrawn items keep a 410 tombstone, drafts are 404 to the public,
// /items/{id} redirects permanently to the canonical handle URL.
import fs from "node:fs";
import { expect, SEED_HANDLE, test } from "./fixtures";
import { E2E, recordIdsFile } from "./test-data";

const ids = JSON.parse(fs.readFileSync(recordIdsFile(process.env.E2E_DATA_DIR ?? ""), "utf8")) as Record<keyof typeof E2E, number>;

test("a withdrawn item answers 410 with a tombstone that keeps its citation", async ({ page }) => {
  const response = await page.goto(`/handle/${E2E.withdrawn.handle}`);
  expect(response?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(E2E.withdrawn.title);
  const tombstone = page.getByRole("region", { name: "This item has been withdrawn." });
  await expect(tombstone).toContainText(E2E.withdrawn.reason);
  await expect(tombstone).toContainText("Journal of Test Records");
  await expect(page.locator('head meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.locator('head meta[name="citation_title"]')).toHaveCount(0);
  expect((response?.headers()["link"] ?? "")).not.toContain('rel="cite-as"');
});

test("a draft is not found by the public, nor are its exports", async ({ page, request }) => {
  const response = await page.goto(`/handle/${E2E.draft.handle}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(E2E.draft.title)).toHaveCount(0);
  expect((await request.get(`/handle/${E2E.draft.handle}/export?format=bibtex`)).status()).toBe(404);
  expect((await request.get(`/items/${ids.draft}`, { maxRedirects: 0 })).status()).toBe(404);
});

test("/items/{id} redirects permanently to the handle URL", async ({ request }) => {
  const response = await request.get(`/items/${ids.withFiles}`, { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(response.headers()["location"]).toMatch(new RegExp(`/handle/${E2E.withFiles.handle}$`));
  for (const bad of ["999999999", "abc", "-1", "1e3"]) {
    expect((await request.get(`/items/${bad}`, { maxRedirects: 0 })).status(), bad).toBe(404);
  }
});

test("metadata exports download with their type and file name", async ({ request }) => {
  const bib = await request.get(`/handle/${SEED_HANDLE}/export?format=bibtex`);
  expect(bib.status()).toBe(200);
  expect(bib.headers()["content-type"]).toContain("application/x-bibtex");
  expect(bib.headers()["content-disposition"]).toContain('filename="2023.sw.kbri-1191.bib"');
  // BibTeX protects capitals with braces: compare the words.
  expect((await bib.text()).replace(/[{}]/g, "")).toContain("The Role of Glutamate Underlying Treatment-resistant Depression");
  const bad = await request.get(`/handle/${SEED_HANDLE}/export?format=docx`);
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toContain("application/problem+json");
});
