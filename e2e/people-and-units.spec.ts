// Researcher profiles, the directory, unit and collection pages: the seed item's people and places.
import { expect, SEED_HANDLE, test } from "./fixtures";

const SEED_TITLE = "The Role of Glutamate Underlying Treatment-resistant Depression";

test("the seed item's related researcher has a profile listing it", async ({ page }) => {
  await page.goto(`/handle/${SEED_HANDLE}`);
  await page.getByRole("region", { name: "Related researchers" }).getByRole("link", { name: "Koo, Ja Wook" }).click();
  await expect(page).toHaveURL(/\/researchers\/koo-ja-wook$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Koo, Ja Wook");
  await expect(page.getByText("구자욱")).toBeVisible();
  await expect(page.getByRole("region", { name: "Newest publications" }).getByRole("link", { name: SEED_TITLE })).toBeVisible();
  const figures = page.getByRole("region", { name: "At a glance" });
  await expect(figures).toContainText("h-index");
  // After a client-side navigation the previous page may stay in the DOM, hidden: pick ours.
  const blocks = await page.locator('script[type="application/ld+json"]').evaluateAll((els) => els.map((e) => JSON.parse(e.textContent ?? "null")));
  const jsonLd = blocks.find((b) => b?.["@type"] === "ProfilePage");
  expect(jsonLd).toMatchObject({ "@type": "ProfilePage", mainEntity: { "@type": "Person", name: "Koo, Ja Wook" } });
});

test("the directory finds a researcher by any form of the name", async ({ page }) => {
  for (const name of ["Koo Ja Wook", "Ja Wook Koo", "구자욱"]) {
    await page.goto(`/researchers?name=${encodeURIComponent(name)}`);
    await expect(page.getByRole("link", { name: "Koo, Ja Wook" }), name).toBeVisible();
  }
  await page.goto("/researchers?name=no-such-person-at-all");
  await expect(page.getByText("No researcher matches these filters.")).toBeVisible();
});

test("the unit and collection of the seed item show it", async ({ page }) => {
  await page.goto(`/handle/${SEED_HANDLE}`);
  const breadcrumb = page.getByRole("navigation", { name: "Where this item is kept" });
  await breadcrumb.getByRole("link", { name: "Emotional and Cognitive Disorders Research Group" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Emotional and Cognitive Disorders Research Group");
  await expect(page.getByText("정서·인지 질환 연구그룹")).toBeVisible();
  await expect(page.getByRole("region", { name: "Researchers" }).getByRole("link", { name: "Koo, Ja Wook" })).toBeVisible();

  await page.goto(`/handle/${SEED_HANDLE}`);
  await breadcrumb.getByRole("link", { name: "1. Journal Articles" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("1. Journal Articles");
  // Newest first, twenty a page: follow the pages until the seed item (2023) appears.
  for (let i = 0; i < 10 && !(await page.getByRole("link", { name: SEED_TITLE }).isVisible()); i++) {
    await page.getByRole("link", { name: /Next/ }).click();
  }
  await expect(page.getByRole("link", { name: SEED_TITLE })).toBeVisible();
});

test("unknown researchers, units and collections are 404", async ({ request }) => {
  for (const path of ["/researchers/nobody-here", "/units/no-such-unit", "/collections/no-such-collection", "/researchers/..%2Fetc"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});
