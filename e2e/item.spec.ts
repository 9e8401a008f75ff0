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

test.describe("reading and citing the seed item", () => {
  test("the full item record lists every field with its qualified name", async ({ page }) => {
    await page.goto(`/handle/${SEED_HANDLE}`);
    await page.getByRole("link", { name: /Full item record/ }).click();
    await expect(page).toHaveURL(new RegExp(`/handle/${SEED_HANDLE}\\?mode=full$`));
    const row = (element: string) => page.locator("tbody tr").filter({ has: page.locator("th", { hasText: new RegExp(`^${element.replace(/\./g, "\\.")}$`) }) });
    await expect(row("dc.contributor.author").locator("td").first()).toHaveText(seed.authors[0]);
    expect(await row("dc.contributor.author").locator("td:first-of-type").allTextContents()).toEqual(seed.authors);
    await expect(row("dc.date.issued").locator("td").first()).toHaveText(seed.issueDate);
    await expect(row("dc.identifier.issn").locator("td").first()).toHaveText(seed.issn);
    await expect(row("dc.identifier.bibliographicCitation").locator("td").first()).toHaveText(seed.citation);
    await expect(row("dc.title").locator("td").first()).toHaveText(seed.title);
    await expect(row("dc.title").locator("td").nth(1)).toHaveText("en");
    await expect(row("dc.citation.startPage").locator("td").first()).toHaveText(seed.startPage);
  });

  test("the citation switches style and copies to the clipboard", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(`/handle/${SEED_HANDLE}`);
    const cite = page.getByRole("region", { name: "Cite this item" });
    await expect(cite).toContainText("Kim, J., Kim, T.-E., Lee, S.-H., & Koo, J. W. (2023).");
    await cite.getByRole("radio", { name: "Vancouver" }).click();
    await expect(cite).toContainText("Kim J, Kim TE, Lee SH, Koo JW.");
    await cite.getByRole("button", { name: "Copy citation" }).click();
    await expect(cite.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("Kim J, Kim TE, Lee SH, Koo JW.");
    for (const name of ["BibTeX", "RIS", "EndNote", "CSL-JSON", "Dublin Core XML"]) {
      await expect(cite.getByRole("link", { name })).toHaveAttribute("href", new RegExp(`/handle/${SEED_HANDLE}/export\\?format=`));
    }
  });

  test("a QR code of the page, share links and the twelve-month figures are there", async ({ page }) => {
    await page.goto(`/handle/${SEED_HANDLE}`);
    const share = page.getByRole("region", { name: "Share" });
    await expect(share.getByRole("img", { name: "QR code linking to this page" })).toBeVisible();
    await expect(share.getByRole("link", { name: "Email" })).toHaveAttribute("href", /^mailto:/);
    const usage = page.getByRole("region", { name: "Total views & downloads" });
    await usage.getByText("Show as a table").click();
    await expect(usage.locator("tbody tr")).toHaveCount(12);
    await expect(usage.locator("svg rect")).toHaveCount(24);
  });
});
