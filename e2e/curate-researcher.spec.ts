// The researcher's side of the workspace: a researcher signs in, edits their biography and sees it
// on their public profile; proposes a correction to their item; the curator of the item's unit
// accepts it and the public item page changes; the researcher sees the outcome. Also: a signed-in
// account without rights (a researcher, a curator of another unit) gets a real 403 from a
// workspace page, and nobody files on another's item.
import { AUTH_E2E } from "./auth-data";
import { expect, test } from "./fixtures";
import { shoot, signIn, signedInPage } from "./session";
import { RESEARCH_E2E } from "./research-data";

test.describe.configure({ mode: "serial", timeout: 120_000 });

const unique = Date.now().toString(36);
const biography = `Studies how sleep shapes memory in ageing brains (${unique}). <script>alert(1)</script>`;
const correctedTitle = `Sleep spindles and memory consolidation in aged rats ${unique}`;

test.describe("researcher workspace", () => {
  test("a researcher edits their biography and sees it on the public profile", async ({ page }) => {
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      void d.dismiss();
    });
    await signIn(page, RESEARCH_E2E.account);
    await page.goto("/en/curate/me");
    await expect(page.getByRole("heading", { level: 2, name: "My research" })).toBeVisible();
    await expect(page.getByRole("link", { name: RESEARCH_E2E.item.title, exact: true })).toBeVisible();
    await expect(page.getByText("Missing: DOI, abstract, file")).toBeVisible();
    await page.getByLabel("Biography").fill(biography);
    await page.getByLabel("Position").fill("Senior researcher");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText("Saved. Your public profile shows the change.")).toBeVisible();
    await shoot(page, "researcher-me");

    await page.goto(`/en/researchers/${RESEARCH_E2E.slug}`);
    // Stored as typed, shown as text.
    await expect(page.getByText(biography)).toBeVisible();
    expect(dialogs).toBe(0);
  });

  test("the researcher proposes a correction, the curator accepts it, the item page changes", async ({ browser }) => {
    const researcher = await signedInPage(browser, RESEARCH_E2E.account);
    await researcher.page.goto("/en/curate/me");
    await researcher.page.getByRole("link", { name: /^Propose a correction/ }).click();
    await expect(researcher.page.getByRole("heading", { level: 1, name: "Propose a correction" })).toBeVisible();
    // A value the item schema refuses is answered with its message.
    await researcher.page.getByLabel("Field").selectOption("doi");
    await researcher.page.getByLabel(/Proposed value/).fill("not a doi");
    await researcher.page.getByRole("button", { name: "Send the request" }).click();
    await expect(researcher.page.getByText("This is not a DOI (10.xxxx/…).")).toBeVisible();
    await researcher.page.getByLabel("Field").selectOption("title");
    await researcher.page.getByLabel(/Proposed value/).fill(correctedTitle);
    await researcher.page.getByLabel(/Comment for the curator/).fill("The study used rats, not mice.");
    await researcher.page.getByRole("button", { name: "Send the request" }).click();
    await expect(researcher.page.getByText("Request sent. A curator will review it.")).toBeVisible();
    await shoot(researcher.page, "researcher-correction");

    const curator = await signedInPage(browser, AUTH_E2E.curator);
    await curator.page.goto("/en/curate");
    const panel = curator.page.locator("section[aria-labelledby=corrections]");
    const request = panel.locator("li", { hasText: correctedTitle });
    await expect(request).toBeVisible();
    await expect(request.getByText("The study used rats, not mice.")).toBeVisible();
    await shoot(curator.page, "curator-corrections");
    await request.getByRole("button", { name: "Accept and apply" }).click();
    // Decided, it leaves the list of open requests; the change is in the recent changes.
    await expect(panel.locator("li", { hasText: correctedTitle })).toHaveCount(0, { timeout: 15_000 });

    // The public page shows the change at once, and the item's history names the correction.
    const item = await curator.page.request.get(`/en/handle/${RESEARCH_E2E.item.handle}`);
    expect(item.status()).toBe(200);
    const publicPage = await researcher.context.newPage();
    await publicPage.goto(`/en/handle/${RESEARCH_E2E.item.handle}`);
    await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText(correctedTitle);

    // The researcher sees the outcome.
    await researcher.page.goto("/en/curate/me");
    const mine = researcher.page.locator("section[aria-labelledby=corrections]").locator("li", { hasText: correctedTitle });
    await expect(mine.getByText("Accepted", { exact: true })).toBeVisible();
    await expect(mine.getByText(/Accepted by E2E Curator/)).toBeVisible();
    await researcher.context.close();
    await curator.context.close();
  });

  test("nobody files on an item that is not theirs", async ({ browser }) => {
    const other = await signedInPage(browser, AUTH_E2E.researcher);
    const authorPage = await signedInPage(browser, RESEARCH_E2E.account);
    await authorPage.page.goto("/en/curate/me");
    const href = await authorPage.page.getByRole("link", { name: /^Propose a correction/ }).first().getAttribute("href");
    // Another researcher opening the form of an item they did not write gets no form.
    const refused = await other.page.request.get(href!);
    expect(refused.status()).toBe(403);
    expect(await refused.text()).not.toContain("Send the request");
    await other.context.close();
    await authorPage.context.close();
  });

  test("a workspace page without the right answers 403; anonymous visitors are sent to sign in", async ({ browser, page }) => {
    const other = await signedInPage(browser, AUTH_E2E.researcher);
    const refused = await other.page.request.get(`/en/curate/admin/users`);
    expect(refused.status()).toBe(403);
    // The refusal is the readable page, not an empty answer, and shows nothing of the page.
    expect(await refused.text()).not.toContain(AUTH_E2E.admin.email);
    await other.context.close();

    // A curator of another unit opening an item's editor, history and files.
    const author = await signedInPage(browser, RESEARCH_E2E.account);
    await author.page.goto("/en/curate/me");
    const href = await author.page.getByRole("link", { name: /^Propose a correction/ }).first().getAttribute("href");
    const itemId = /\/items\/(\d+)\//.exec(href!)![1];
    await author.context.close();
    const foreign = await signedInPage(browser, AUTH_E2E.foreignCurator);
    for (const path of [`/en/curate/items/${itemId}`, `/ko/curate/items/${itemId}/history`, `/en/curate/items/${itemId}/files`]) {
      expect((await foreign.page.request.get(path)).status(), path).toBe(403);
    }
    // Their own workspace still opens.
    expect((await foreign.page.request.get(`/en/curate`)).status()).toBe(200);
    await foreign.context.close();
    // The curator of the item's unit opens it.
    const curator = await signedInPage(browser, AUTH_E2E.curator);
    expect((await curator.page.request.get(`/en/curate/items/${itemId}`)).status()).toBe(200);
    await curator.context.close();

    const anonymous = await page.request.get(`/en/curate/admin/users`, { maxRedirects: 0 });
    expect(anonymous.status()).toBe(307);
  });
});
