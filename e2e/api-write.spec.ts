// Writing through the REST API with a personal token: a curator creates a token on the account
// page, a client uses it (without cookies) to create, update and publish an item, the public
// page shows the result, the item's history names the token, the token edits the collection
// too, and a revoked token is refused.
import { AUTH_E2E } from "./auth-data";
import { expect, test } from "./fixtures";
import { shoot, signIn } from "./session";

// Generous: this one test signs in, renders six pages (each checked by axe) and takes six screenshots.
test.describe.configure({ mode: "serial", timeout: 300_000 });

const unique = Date.now().toString(36);

test("a token created in the workspace creates, updates and publishes an item through the API", async ({ page, playwright, baseURL }) => {
  await signIn(page, AUTH_E2E.curator);
  await page.goto("/en/curate/me");
  const panel = page.getByRole("region", { name: "API tokens" });
  await expect(panel).toBeVisible();
  await panel.getByLabel("Name").fill(`Import script ${unique}`);
  await panel.getByLabel("Expires").selectOption("30");
  await panel.getByRole("button", { name: "Create token" }).click();
  const shown = panel.getByTestId("new-api-token");
  await expect(shown).toHaveText(/^atr_[A-Za-z0-9_-]{43}$/);
  const token = (await shown.textContent())!.trim();
  await expect(panel.getByTestId("api-token").filter({ hasText: `Import script ${unique}` })).toContainText(token.slice(0, 12));
  await shoot(page, "api-tokens-created");

  // A collection the curator may use, as the editor offers it.
  await page.goto("/en/curate/items/new");
  const collectionId = Number(await page.locator("#field-collectionId option:not([value='']):not([disabled])").first().getAttribute("value"));
  expect(collectionId).toBeGreaterThan(0);

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}`, accept: "application/json" } });
  const anonymous = await playwright.request.newContext({ baseURL });
  try {
    const refused = await anonymous.post("/api/v1/curate/items", { data: { type: "DATASET", title: "x", collectionId } });
    expect(refused.status()).toBe(401);
    expect(refused.headers()["content-type"]).toBe("application/problem+json");

    const invalid = await api.post("/api/v1/curate/items", { data: { type: "DATASET", title: "", doi: "nope", collectionId } });
    expect(invalid.status()).toBe(422);
    expect((await invalid.json()).errors.map((e: { name: string }) => e.name)).toEqual(expect.arrayContaining(["title", "doi"]));

    const title = `Replay sequences recorded through the API ${unique}`;
    const created = await api.post("/api/v1/curate/items", {
      data: { type: "JOURNAL_ARTICLE", title, issueDate: "2025-05", keywords: ["replay", "api"], collectionId, contributors: [{ name: "Koo, Ja Wook" }] },
    });
    expect(created.status()).toBe(201);
    const item = await created.json();
    expect(item).toMatchObject({ status: "DRAFT", version: 1, title });

    const stale = await api.patch(`/api/v1/curate/items/${item.id}`, { data: { title: "lost" }, headers: { "if-match": `"${item.id}.99"` } });
    expect(stale.status()).toBe(412);

    const updatedTitle = `${title} (revised)`;
    const updated = await api.patch(`/api/v1/curate/items/${item.id}`, {
      data: { title: updatedTitle, abstract: "Written by a script with a personal token." },
      headers: { "if-match": created.headers()["etag"] },
    });
    expect(updated.status()).toBe(200);
    expect(await updated.json()).toMatchObject({ version: 2, title: updatedTitle });

    const published = await api.post(`/api/v1/curate/items/${item.id}/status`, { data: { status: "PUBLISHED" }, headers: { "if-match": updated.headers()["etag"] } });
    expect(published.status()).toBe(200);
    expect((await published.json()).status).toBe("PUBLISHED");

    // The public page shows the item as the API left it.
    await page.goto(`/en/handle/${item.handle}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(updatedTitle);
    await expect(page.getByText("Written by a script with a personal token.")).toBeVisible();

    // The item's history says which changes the token made.
    await page.goto(`/en/curate/items/${item.id}/history`);
    const entries = page.getByTestId("history-entry");
    await expect(entries).toHaveCount(3);
    for (const entry of await entries.all()) await expect(entry).toContainText(`via API token “Import script ${unique}”`);
    await page.goto(`/ko/curate/items/${item.id}/history`);
    await expect(page.getByTestId("history-entry").first()).toContainText(`API 토큰 “Import script ${unique}” 사용`);

    // The same token creates a collection beside the item's (its curator's rights) and edits it:
    // If-Match required, the public page updated.
    const owning = await (await api.get(`/api/v1/curate/collections/${collectionId}`)).json();
    const made = await api.post(`/api/v1/curate/collections`, { data: { slug: `api-${unique}`, name: `API collection ${unique}`, unitId: owning.unitId } });
    expect(made.status()).toBe(201);
    const collection = await made.json();
    expect(collection).toMatchObject({ slug: `api-${unique}`, version: 1, links: { html: `/collections/api-${unique}` } });
    const description = `Described through the API ${unique}.`;
    expect((await api.patch(`/api/v1/curate/collections/${collection.id}`, { data: { description } })).status()).toBe(428);
    const described = await api.patch(`/api/v1/curate/collections/${collection.id}`, { data: { description }, headers: { "if-match": made.headers()["etag"] } });
    expect(described.status()).toBe(200);
    expect(await described.json()).toMatchObject({ description, version: 2 });
    await page.goto(`/en/collections/${collection.slug}`);
    await expect(page.getByText(description)).toBeVisible();

    // Revoked in the workspace: the token stops working at once.
    await page.goto("/en/curate/me");
    const row = page.getByTestId("api-token").filter({ hasText: `Import script ${unique}` });
    await row.getByRole("button", { name: "Revoke" }).click();
    await expect(row).toContainText("Revoked");
    const afterRevoke = await api.get(`/api/v1/curate/items/${item.id}`);
    expect(afterRevoke.status()).toBe(401);
    expect((await afterRevoke.json()).detail).toMatch(/revoked/);
    await shoot(page, "api-tokens-revoked");
    // The same screen in dark mode, in Korean.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/ko/curate/me");
    await expect(page.getByRole("region", { name: "API 토큰" })).toBeVisible();
    await shoot(page, "api-tokens-ko-dark");
    await page.emulateMedia({ colorScheme: "light" });
  } finally {
    await api.dispose();
    await anonymous.dispose();
  }
});

test("a cookie-authenticated write from another site is refused", async ({ page, baseURL }) => {
  await signIn(page, AUTH_E2E.curator);
  const response = await page.request.post(`${baseURL}/api/v1/curate/items`, {
    data: { type: "DATASET", title: "Forged", collectionId: 1 },
    headers: { origin: "https://attacker.example", "sec-fetch-site": "cross-site" },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).detail).toMatch(/this site's own pages/);
});
