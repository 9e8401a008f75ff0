// Bulk import in the workspace, in a browser against the built application: a curator uploads a
// RIS file that Scopus produced, reads the dry run, unticks a researcher match, imports, and finds
// an imported item on the public site; then a search's results download as CSV.
import path from "node:path";
import { parse } from "csv-parse/sync";
import { AUTH_E2E } from "./auth-data";
import { expect, test } from "./fixtures";
import { shoot, signIn } from "./session";

const RIS = path.join(process.cwd(), "test/realworld/ris/scopus_export_multiline_references.ris");
const IMPORTED_TITLE = "Stress and the brain-gut axis in functional and chronic-inflammatory gastrointestinal diseases: A transdisciplinary challenge";

test.describe.configure({ mode: "serial", timeout: 180_000 });

test("a curator imports a Scopus RIS file after a dry run, unticking one researcher match", async ({ page }) => {
  await signIn(page, AUTH_E2E.curator);
  await page.goto("/ko/curate/imports");
  await expect(page.getByRole("heading", { level: 1, name: "레코드 가져오기" })).toBeVisible();
  await shoot(page, "import-form-ko");
  await page.goto("/en/curate/imports");
  await expect(page.getByRole("heading", { level: 1, name: "Import records" })).toBeVisible();
  await shoot(page, "import-form-en");
  // The form's action answers in place once the page is hydrated.
  await page.waitForLoadState("networkidle");

  // The wrong format is refused with a clear message, and nothing is planned.
  const collection = page.locator("#import-collection");
  await collection.selectOption((await collection.locator("option:not([value=''])").first().getAttribute("value"))!);
  await page.locator("#import-file").setInputFiles(RIS);
  await page.locator("#import-format").selectOption("bibtex");
  await page.getByRole("button", { name: "Check (dry run)" }).click();
  await expect(page.getByTestId("import-error")).toContainText("The file is not in the chosen format.", { timeout: 30_000 });
  await expect(page.getByTestId("import-error")).toContainText("looks like RIS");

  await page.locator("#import-format").selectOption("auto");
  await page.locator("#import-file").setInputFiles(RIS);
  await page.getByRole("button", { name: "Check (dry run)" }).click();
  await page.waitForURL(/\/en\/curate\/imports\/[A-Za-z0-9_-]+$/, { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Dry run" })).toBeVisible();
  await expect(page.getByTestId("import-counts")).toContainText("6 new");
  await expect(page.getByTestId("import-row")).toHaveCount(6);
  // Two records name Elsenbruch; the match is unticked on the one about the brain-gut axis only.
  const match = page.getByTestId("import-row").filter({ hasText: "Stress and the brain-gut axis" }).getByRole("checkbox", { name: "Link Elsenbruch, S. to Elsenbruch, Sigrid" });
  await expect(match).toBeChecked();
  await shoot(page, "import-dry-run-en");
  const reportUrl = page.url();
  await page.goto(reportUrl.replace("/en/", "/ko/"));
  await expect(page.getByRole("heading", { level: 1, name: "시험 실행" })).toBeVisible();
  await shoot(page, "import-dry-run-ko");
  await page.goto(reportUrl);

  // The dry-run report downloads as CSV.
  const csv = await page.request.get(`${reportUrl}/report?format=csv`);
  expect(csv.status()).toBe(200);
  const rows = parse(await csv.text(), { bom: true }) as string[][];
  expect(rows).toHaveLength(7);
  expect(rows.slice(1).every((r) => r[3] === "create")).toBe(true);

  await match.uncheck();
  await page.locator("#import-status").selectOption("PUBLISHED");
  await page.getByRole("button", { name: "Import 6 records" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import result" })).toBeVisible();
  await expect(page.getByTestId("import-counts")).toContainText("Created: 6");
  await shoot(page, "import-result-en");

  const json = await page.request.get(`${reportUrl}/report?format=json`);
  const report = (await json.json()) as { mode: string; rows: { title: string; handle: string; contributors: { name: string; researcher: string | null; basis: string }[] }[] };
  expect(report.mode).toBe("commit");
  const imported = report.rows.find((r) => r.title === IMPORTED_TITLE)!;
  expect(imported.contributors.find((c) => c.name === "Elsenbruch, S.")).toMatchObject({ researcher: null, basis: "unticked" });

  // On the public site: the item page, without a link to the researcher whose match was unticked.
  await page.getByRole("link", { name: "Public page" }).first().click();
  await page.goto(`/en/handle/${imported.handle}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Stress and the brain-gut axis");
  await expect(page.locator('a[href*="/researchers/elsenbruch-sigrid"]')).toHaveCount(0);

  // Importing the same file again finds only duplicates.
  await page.goto("/en/curate/imports");
  await page.waitForLoadState("networkidle");
  await collection.selectOption((await collection.locator("option:not([value=''])").first().getAttribute("value"))!);
  await page.locator("#import-file").setInputFiles(RIS);
  await page.getByRole("button", { name: "Check (dry run)" }).click();
  await page.waitForURL(/\/en\/curate\/imports\/[A-Za-z0-9_-]+$/, { timeout: 60_000 });
  await expect(page.getByTestId("import-counts")).toContainText("0 new, 0 updates, 6 duplicates");
});

test("a search's results download as CSV, every page, with the search's filter", async ({ page }) => {
  await page.goto("/en/search?q=irritable+bowel");
  const link = page.getByTestId("search-export").getByRole("link", { name: "CSV" });
  const href = await link.getAttribute("href");
  expect(href).toContain("format=csv");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const body = Buffer.from(await response.body());
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(body.toString("utf8"), { bom: true }) as string[][];
  expect(rows[0].slice(0, 4)).toEqual(["handle", "url", "type", "title"]);
  expect(rows.length - 1).toBe(Number(response.headers()["x-total-count"]));
  expect(rows.slice(1).map((r) => r[3])).toEqual(expect.arrayContaining([expect.stringMatching(/irritable bowel/i)]));
});
