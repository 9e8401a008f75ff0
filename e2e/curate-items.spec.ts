// Item editing in a browser against the built application: create, publish, find, edit, restore,
// conflicting sessions, refusals from the server and hostile input.
import type { Request } from "@playwright/test";
import { AUTH_E2E } from "./auth-data";
import { expect, test } from "./fixtures";
import { openBeforeScripts, shoot, signIn, signedInPage } from "./session";

// Generous: every page is checked with axe, slow on a busy two-core machine.
test.describe.configure({ mode: "serial", timeout: 240_000 });

const unique = `${Date.now().toString(36)}`;
const firstTitle = `Hippocampal replay during sleep ${unique}`;
const secondTitle = `Hippocampal replay in quiet waking ${unique}`;
let itemUrl = "";
let handle = "";

test.describe("item editing", () => {
  test("a curator creates an item, publishes it and finds it on the public page and in search", async ({ page }) => {
    await signIn(page, AUTH_E2E.curator);
    await page.goto("/en/curate/items/new");
    await expect(page.getByRole("heading", { level: 1, name: "New item" })).toBeVisible();
    // Messages next to the fields, from the server.
    await page.locator("#field-title").fill("Bad\u0007bell");
    await page.locator("#field-doi").fill("not a doi");
    await page.locator("#field-issueDate").fill("2023-02-30");
    const collection = page.locator("#field-collectionId");
    const firstOption = await collection.locator("option:not([value=''])").first().getAttribute("value");
    await collection.selectOption(firstOption!);
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page.locator("#title-error")).toHaveText(/invisible control characters/);
    await expect(page.locator("#doi-error")).toHaveText(/Not a DOI/);
    await expect(page.locator("#issueDate-error")).toHaveText(/Not a valid date/);

    await page.locator("#field-title").fill(firstTitle);
    await page.locator("#field-doi").fill(`https://doi.org/10.5555/E2E.${unique}`);
    await page.locator("#field-issueDate").fill("2024-05");
    await page.getByRole("button", { name: "Add contributor" }).click();
    await page.getByLabel("Name as printed").fill("Kim, Jeongseop");
    await page.getByLabel("ORCID iD").fill("0000-0002-1825-0097");
    await page.getByRole("button", { name: "Add contributor" }).click();
    await page.getByLabel("Name as printed").nth(1).fill("Lee, Second");
    await page.getByRole("button", { name: "Move up: Lee, Second" }).click();
    await page.getByRole("button", { name: "Create draft" }).click();
    await page.waitForURL(/\/en\/curate\/items\/\d+/);
    itemUrl = new URL(page.url()).pathname;
    // A fresh load (the client router keeps the previous page hidden for the back button).
    await page.goto(itemUrl);
    handle = (await page.getByTestId("item-handle").textContent())!.trim();
    await expect(page.getByTestId("item-status")).toHaveText("Draft");
    await expect(page.getByLabel("Name as printed").first()).toHaveValue("Lee, Second");
    await expect(page.locator("#field-doi")).toHaveValue(`10.5555/e2e.${unique}`);

    // Not public yet; the preview shows it to its curator.
    expect((await page.request.get(`/en/handle/${handle}`)).status()).toBe(404);
    await page.goto(`${itemUrl}/preview`);
    await expect(page.getByTestId("preview-title")).toHaveText(firstTitle);

    await page.goto(itemUrl);
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByTestId("item-status")).toHaveText("Published");
    await page.goto(`/en/handle/${handle}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstTitle);
    await page.goto(`/en/search?q=${encodeURIComponent(`replay ${unique}`)}`);
    await expect(page.getByRole("link", { name: firstTitle })).toBeVisible();
  });

  test("editing the title changes the public page; restoring the earlier version brings it back", async ({ page }) => {
    await signIn(page, AUTH_E2E.curator);
    await page.goto(itemUrl);
    await page.locator("#field-title").fill(secondTitle);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: /Saved \(version \d+\)/ })).toBeVisible();
    await page.goto(`/en/handle/${handle}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(secondTitle);

    await page.goto(`${itemUrl}/history`);
    const latest = page.getByTestId("history-entry").first();
    await expect(latest.getByRole("row", { name: /Title/ })).toContainText(secondTitle);
    // The version the item was published at carries the first title.
    const published = page.getByTestId("history-entry").filter({ hasText: "Status changed" }).first();
    await published.getByRole("button", { name: /Restore version/ }).click();
    await expect(page.getByText(/Restored version \d+ as version \d+/)).toBeVisible();
    await shoot(page, "history-en");
    await page.goto(itemUrl.replace("/en/", "/ko/") + "/history");
    await shoot(page, "history-ko");
    await page.goto(itemUrl.replace("/en/", "/ko/"));
    await shoot(page, "editor-ko");
    await page.goto(itemUrl);
    await shoot(page, "editor-en");
    await page.goto(`/en/handle/${handle}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstTitle);
  });

  test("text typed before the page's script runs is kept and saved", async ({ page }) => {
    await signIn(page, AUTH_E2E.curator);
    const hydrate = await openBeforeScripts(page, itemUrl);
    // A textarea that already holds text (React resets such a one while hydrating) and an input.
    const title = `${secondTitle} (typed early)`;
    await page.locator("#field-title").fill(title);
    await page.locator("#field-volume").fill("12");
    await page.locator("#field-keywords").fill("sleep\n수면\nmemory");
    await hydrate("#field-title");
    await expect(page.getByRole("status").filter({ hasText: "You have unsaved changes." })).toBeVisible();
    await expect(page.locator("#field-title")).toHaveValue(title);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText(/Saved \(version \d+\)/)).toBeVisible();
    await page.goto(itemUrl);
    await expect(page.locator("#field-title")).toHaveValue(title);
    await expect(page.locator("#field-volume")).toHaveValue("12");
    await expect(page.locator("#field-keywords")).toHaveValue("sleep\n수면\nmemory");

    // One keyword changed: the history marks that one, not the whole list.
    await page.locator("#field-keywords").fill("sleep\n수면 기억\nmemory");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText(/Saved \(version \d+\)/)).toBeVisible();
    await page.goto(`${itemUrl}/history`);
    const keywords = page.getByTestId("history-entry").first().getByRole("row", { name: /Keywords/ });
    await expect(keywords.locator("del")).toHaveText("removed: − 수면");
    await expect(keywords.locator("ins")).toHaveText("added: + 수면 기억");
    await shoot(page, "history-lists-en", { dark: true });
    await page.goto(itemUrl.replace("/en/", "/ko/") + "/history");
    await expect(page.getByTestId("history-entry").first().locator("del")).toHaveText("삭제됨: − 수면");
    await shoot(page, "history-lists-ko", { dark: true });
  });

  test("a second session editing the same item gets the conflict and reapplies its edits", async ({ browser }) => {
    const a = await signedInPage(browser, AUTH_E2E.curator);
    const b = await signedInPage(browser, AUTH_E2E.curator);
    await a.page.goto(itemUrl);
    await b.page.goto(itemUrl);
    await a.page.locator("#field-publisher").fill(`Publisher from A ${unique}`);
    await a.page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(a.page.getByText(/Saved \(version \d+\)/)).toBeVisible();

    await b.page.locator("#field-title").fill(`${firstTitle} (B)`);
    await b.page.getByRole("button", { name: "Save", exact: true }).click();
    const conflict = b.page.getByTestId("conflict");
    await expect(conflict.getByRole("heading", { name: "Someone else changed this item" })).toBeVisible();
    await expect(conflict.getByRole("row", { name: /Publisher/ })).toContainText(`Publisher from A ${unique}`);
    await expect(conflict.getByRole("row", { name: /Title/ })).toContainText(`${firstTitle} (B)`);
    await shoot(b.page, "conflict-en");
    await conflict.getByRole("button", { name: "Apply my changes to the current version and save" }).click();
    await expect(b.page.getByText(/Saved \(version \d+\)/)).toBeVisible();
    await expect(b.page.locator("#field-title")).toHaveValue(`${firstTitle} (B)`);
    await expect(b.page.locator("#field-publisher")).toHaveValue(`Publisher from A ${unique}`);
    await a.context.close();
    await b.context.close();
  });

  test("a curator of another unit and an anonymous caller are refused by the server", async ({ browser, page, playwright }) => {
    await signIn(page, AUTH_E2E.curator);
    const actions: Request[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.headers()["next-action"]) actions.push(r);
    });
    await page.goto(itemUrl);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText(/Saved \(version \d+\)/)).toBeVisible();
    const save = actions[0];
    const foreign = await signedInPage(browser, AUTH_E2E.foreignCurator);
    const forced = await foreign.context.request.post(save.url(), { headers: save.headers(), data: save.postDataBuffer()! });
    expect(await forced.text()).toContain('"status":403');
    await foreign.page.goto(itemUrl);
    await expect(foreign.page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    const anonymous = await playwright.request.newContext({ baseURL: new URL(save.url()).origin });
    expect(await (await anonymous.post(save.url(), { headers: save.headers(), data: save.postDataBuffer()! })).text()).toContain('"status":401');
    // The workspace sends anonymous visitors to the sign-in page before the handler's own 401.
    const suggest = await anonymous.get("/en/curate/items/researchers?q=koo", { maxRedirects: 0 });
    expect([307, 401]).toContain(suggest.status());
    expect(await suggest.text()).not.toContain('"researchers"');
    await foreign.context.close();
    await anonymous.dispose();
  });

  test("a hostile title is stored as typed and rendered inert", async ({ page }) => {
    const hostile = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>\u202Eevil ${unique}`;
    await signIn(page, AUTH_E2E.curator);
    await page.goto(itemUrl);
    await page.locator("#field-title").fill(hostile);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText(/Saved \(version \d+\)/)).toBeVisible();
    await page.goto(`/en/handle/${handle}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(hostile);
    await page.goto(`${itemUrl}/history`);
    await expect(page.getByTestId("history-entry").first()).toContainText("<script>");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
