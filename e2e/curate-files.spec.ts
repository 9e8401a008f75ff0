// The curator's files screen against the built application: upload with progress, public
// download, access changes, refusals (over the limit, lying extension), and the upload route's
// guard (another unit's curator: 403; anonymous: 401).
import crypto from "node:crypto";
import fs from "node:fs";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { AUTH_E2E } from "./auth-data";
import { expect, test } from "./fixtures";
import { signIn } from "./session";
import { recordIdsFile } from "./test-data";

const LIMIT = 5 * 1024 * 1024;
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f0e1a40000000049454e44ae426082", "hex");

function itemId(): number {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error("E2E_DATA_DIR is not set: run through scripts/e2e.ts");
  return (JSON.parse(fs.readFileSync(recordIdsFile(dir), "utf8")) as { withFiles: number }).withFiles;
}

/** Every file under the server's storage folder (objects and staging), relative to it. */
function storedObjects(): string[] {
  const root = `${process.env.E2E_DATA_DIR}/storage`;
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => `${e.parentPath}/${e.name}`.slice(root.length + 1))
    .sort();
}

async function pdf(text: string, padding = 0): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 72, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  // Incompressible padding makes a file large enough for the progress bar to be seen.
  if (padding) doc.attach(crypto.randomBytes(padding), "padding.bin", { mimeType: "application/octet-stream" });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

test.describe.configure({ timeout: 120_000, mode: "serial" });

test("a curator uploads a PDF, sees it listed, it downloads publicly, and restricting it closes it", async ({ page, browser }) => {
  const id = itemId();
  await signIn(page, AUTH_E2E.curator);
  await page.goto(`/en/curate/items/${id}/files`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Files of");
  await expect(page.getByTestId("file-name")).toHaveCount(2);

  const bytes = await pdf("Uploaded in the end-to-end test", 3 * 1024 * 1024);
  // Slow the upload down so that the progress bar is on screen long enough to be seen.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 2 * 1024 * 1024 });
  await page.getByLabel("Choose files").setInputFiles({ name: "Uploaded paper.pdf", mimeType: "application/pdf", buffer: bytes });
  const progress = page.getByRole("progressbar", { name: "Uploading Uploaded paper.pdf" });
  await expect(progress).toBeVisible();
  await expect(page.getByTestId("file-notes")).toContainText("Uploaded paper.pdf uploaded.", { timeout: 60_000 });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const link = page.getByRole("link", { name: "Uploaded paper.pdf" });
  await expect(link).toBeVisible();
  const row = page.locator("li[data-file-id]", { has: link });
  await expect(row).toContainText("application/pdf");
  await expect(row).toContainText("3 MB");
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/files\/\d+\/Uploaded%20paper\.pdf$/);

  // The public downloads it, byte for byte.
  const anonymous = await browser.newContext();
  const download = await anonymous.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.from(await download.body()).equals(bytes)).toBe(true);

  // Restricted: the public gets 403.
  await row.getByRole("button", { name: "Edit" }).click();
  await row.getByLabel("Description").fill("Accepted manuscript");
  await row.getByLabel("Access").selectOption("RESTRICTED");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByTestId("file-access")).toHaveText("Restricted");
  await expect(row).toContainText("Accepted manuscript");
  const refused = await anonymous.request.get(href!);
  expect(refused.status()).toBe(403);
  await anonymous.close();
});

test("several files dropped at once are uploaded, then reordered and one deleted after confirmation", async ({ page }) => {
  const id = itemId();
  await signIn(page, AUTH_E2E.curator);
  await page.goto(`/en/curate/items/${id}/files`);
  const before = await page.getByTestId("file-name").count();
  // A real drop: a DataTransfer holding two files, dispatched on the drop zone.
  const transfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["year,count\n2023,4\n"], "counts.csv", { type: "text/csv" }));
    dt.items.add(new File(["Notes on the method.\n"], "method notes.txt", { type: "text/plain" }));
    return dt;
  });
  await page.getByTestId("dropzone").dispatchEvent("dragover", { dataTransfer: transfer });
  await page.getByTestId("dropzone").dispatchEvent("drop", { dataTransfer: transfer });
  await expect(page.getByTestId("file-notes")).toContainText("counts.csv uploaded.");
  await expect(page.getByTestId("file-notes")).toContainText("method notes.txt uploaded.");
  await expect(page.getByTestId("file-name")).toHaveCount(before + 2);
  const names = page.getByTestId("file-name");
  await expect(names.nth(before + 1)).toHaveText("method notes.txt");

  // New content for a file keeps its id and download URL.
  const notes = page.locator("li[data-file-id]", { has: page.getByRole("link", { name: "method notes.txt" }) });
  const notesId = await notes.getAttribute("data-file-id");
  await page.getByLabel("Replace the content of “method notes.txt”").setInputFiles({ name: "method notes (revised).txt", mimeType: "text/plain", buffer: Buffer.from("Revised notes on the method.\n") });
  await expect(page.getByTestId("file-notes")).toContainText("method notes.txt replaced.");
  await expect(notes).toContainText("version 2");
  expect(await notes.getAttribute("data-file-id")).toBe(notesId);
  const revised = await page.request.get(`/files/${notesId}/method%20notes.txt`);
  expect(await revised.text()).toBe("Revised notes on the method.\n");

  await page.getByRole("button", { name: "Move “method notes.txt” up" }).click();
  await expect(names.nth(before)).toHaveText("method notes.txt");
  await expect(names.nth(before + 1)).toHaveText("counts.csv");

  const row = page.locator("li[data-file-id]", { has: page.getByRole("link", { name: "counts.csv" }) });
  await row.getByRole("button", { name: "Delete" }).click();
  await expect(row.getByRole("alertdialog")).toContainText("Delete “counts.csv” for good?");
  await row.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("file-name")).toHaveCount(before + 2);
  await row.getByRole("button", { name: "Delete" }).click();
  await row.getByRole("button", { name: "Delete file" }).click();
  await expect(page.getByTestId("file-notes")).toContainText("counts.csv deleted.");
  await expect(page.getByTestId("file-name")).toHaveCount(before + 1);
});

test("over-limit and lying uploads are refused with clear messages and nothing is written", async ({ page }) => {
  const id = itemId();
  await signIn(page, AUTH_E2E.curator);
  await page.goto(`/en/curate/items/${id}/files`);
  const before = await page.getByTestId("file-name").count();
  const storedBefore = storedObjects();

  // In the browser: a PNG named .pdf.
  await page.getByLabel("Choose files").setInputFiles({ name: "not really.pdf", mimeType: "application/pdf", buffer: PNG });
  await expect(page.getByTestId("file-notes")).toContainText("not really.pdf was not uploaded: its name says .pdf, but the content is PNG.");
  // In the browser: over the limit (refused before sending).
  const big = Buffer.alloc(LIMIT + 1, 1);
  await page.getByLabel("Choose files").setInputFiles({ name: "huge.pdf", mimeType: "application/pdf", buffer: big });
  await expect(page.getByTestId("file-notes")).toContainText("huge.pdf was not uploaded: the file is larger than the limit of 5 MB.");
  await page.reload();
  await expect(page.getByTestId("file-name")).toHaveCount(before);

  // Forcing the route: the server refuses too, with problem+json.
  const tooLarge = await page.request.post(`/api/v1/curate/files?item=${id}&name=huge.pdf`, { data: big, headers: { "content-type": "application/octet-stream" } });
  expect(tooLarge.status()).toBe(413);
  expect(await tooLarge.json()).toMatchObject({ code: "too-large", detail: "The file is larger than the limit of 5 MB." });
  const lying = await page.request.post(`/api/v1/curate/files?item=${id}&name=lying.pdf`, { data: PNG, headers: { "content-type": "application/octet-stream" } });
  expect(lying.status()).toBe(415);
  expect(await lying.json()).toMatchObject({ code: "mismatch", claimed: "pdf", detected: "png" });
  const exe = await page.request.post(`/api/v1/curate/files?item=${id}&name=setup.pdf`, {
    data: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("PE\0\0"), Buffer.alloc(200, 1)]),
  });
  expect(exe.status()).toBe(415);
  await page.reload();
  await expect(page.getByTestId("file-name")).toHaveCount(before);
  // Nothing in storage either: no new object, no staging leftovers.
  expect(storedObjects()).toEqual(storedBefore);
});

test("the upload route refuses a curator of another unit (403) and an anonymous caller (401)", async ({ page, playwright, baseURL }) => {
  const id = itemId();
  const body = await pdf("forced");
  const anonymous = await playwright.request.newContext({ baseURL });
  const anon = await anonymous.post(`/api/v1/curate/files?item=${id}&name=forced.pdf`, { data: body });
  expect(anon.status()).toBe(401);
  expect(anon.headers()["content-type"]).toContain("application/problem+json");
  const anonReplace = await anonymous.put(`/api/v1/curate/files/1?name=forced.pdf`, { data: body });
  expect(anonReplace.status()).toBe(401);
  await anonymous.dispose();

  await signIn(page, AUTH_E2E.foreignCurator);
  const foreign = await page.request.post(`/api/v1/curate/files?item=${id}&name=forced.pdf`, { data: body });
  expect(foreign.status()).toBe(403);
  await page.goto(`/en/curate/items/${id}/files`);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});

test("screenshots of the files screen", async ({ page }, testInfo) => {
  const id = itemId();
  await signIn(page, AUTH_E2E.curator);
  for (const lang of ["en", "ko"] as const) {
    for (const [device, size] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]] as const) {
      await page.setViewportSize(size);
      await page.goto(`/${lang}/curate/items/${id}/files`);
      await expect(page.getByTestId("file-name").first()).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`files-${lang}-${device}.png`), fullPage: true });
    }
  }
});
