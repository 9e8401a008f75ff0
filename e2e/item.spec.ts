import fs from "node:fs";
import path from "node:path";
import { expect, SEED_HANDLE, test } from "./fixtures";

const seed = JSON.parse(fs.readFileSync(path.join(process.cwd(), "lib/seed/data/seed-item.json"), "utf8"));

test.describe("the seed item page", () => {
  test("shows every field of the model record", async ({ page }) => {
    const response = await page.goto(`/handle/${SEED_HANDLE}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(seed.title);
    await expect(page).toHaveTitle(new RegExp(seed.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));

    // Authors in their printed order, the researcher among them linked to the profile.
    const header = page.locator("article header");
    await expect(header).toContainText(seed.authors.join("; "));
    await expect(header.getByRole("link", { name: "Koo, Ja Wook" })).toHaveAttribute("href", "/researchers/koo-ja-wook");

    const field = (label: string) => page.locator("dl div").filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");
    await expect(field("Type")).toHaveText("Journal article");
    await expect(field("Issue date")).toHaveText(seed.issueDateDisplay);
    await expect(field("Publisher")).toHaveText(seed.publisher);
    await expect(field("Citation")).toHaveText(seed.citation);
    await expect(field("Pages")).toHaveText(String(seed.pages));
    await expect(field("Journal title")).toHaveText(seed.journalTitle);
    await expect(field("Volume")).toHaveText(seed.volume);
    await expect(field("Number")).toHaveText(seed.number);
    await expect(field("Start page")).toHaveText(seed.startPage);
    await expect(field("End page")).toHaveText(seed.endPage);
    await expect(field("ISSN")).toHaveText(seed.issn);
    await expect(field("URI")).toHaveText(seed.uri);

    await expect(page.getByRole("region", { name: "Abstract" })).toContainText(seed.abstract);
    await expect(page.getByRole("region", { name: "Files in this item" })).toContainText(seed.filesNote);

    const collections = page.getByRole("region", { name: "Appears in collections" });
    // The seed's path, in the English names of its units (Korean ones on Korean pages).
    await expect(collections).toContainText(["Research Division", "Emotional and Cognitive Disorders Research Group", seed.collections[0].path[2]].join(" › "));

    const metrics = page.getByRole("region", { name: "Citations" });
    await expect(metrics).toContainText("Cited 0 times in Web of Science");
    await expect(metrics).toContainText("Cited 0 times in Scopus");

    const researchers = page.getByRole("region", { name: "Related researchers" });
    await expect(researchers.getByRole("link", { name: "Koo, Ja Wook" })).toBeVisible();
    await expect(researchers).toContainText("Emotional and Cognitive Disorders Research Group");
    const photo = researchers.locator("img");
    await expect(photo).toHaveJSProperty("complete", true);
    expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

    await expect(page.getByRole("region", { name: "Total views & downloads" })).toBeVisible();
  });

  test("shows the unit path and labels in Korean", async ({ page }) => {
    const response = await page.goto(`/ko/handle/${SEED_HANDLE}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(seed.title);
    const collections = page.getByRole("region", { name: "소속 컬렉션" });
    await expect(collections).toContainText(seed.collections[0].path.slice(0, 2).join(" › "));
    await expect(page.getByRole("region", { name: "이 자료의 파일" })).toContainText("이 자료에 첨부된 파일이 없습니다.");
    await expect(page.getByRole("region", { name: "전체 서지 정보" })).toContainText("2023년 8월");
  });

  test("an unknown handle answers 404 with a readable page", async ({ page }) => {
    const response = await page.goto("/handle/2023.sw.kbri/99999999");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  });

  test("fits a phone screen @phone", async ({ page }) => {
    await page.goto(`/handle/${SEED_HANDLE}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
  });
});
