// Editing researchers, units and collections in the workspace against the built application: a
// curator creates and edits a profile (photo too) and sees the public profile change; creates a
// unit and moves a collection into it; the tree refuses a cycle; two sessions conflict; an earlier
// version is restored; a curator of another unit is refused by the server when forcing the request;
// the old slug of a renamed profile redirects (308) to the new one.
import type { Request } from "@playwright/test";
import { AUTH_E2E } from "./auth-data";
import { expect, test } from "./fixtures";
import { openBeforeScripts, shoot, signIn, signedInPage } from "./session";

// A 2×2 PNG: a real image, typed by the server from its bytes.
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a730000001049444154789c63e089ca042206080500153e033d33cf18f30000000049454e44ae426082", "hex");

// Generous: a first visit renders and caches each page, slow on a busy two-core machine.
test.describe.configure({ mode: "serial", timeout: 360_000 });

const unique = Date.now().toString(36);
const slug = `e2e-researcher-${unique}`;
let researcherPath = "";

test.describe("researchers, units and collections", () => {
  test("a curator creates a researcher, edits the profile and photo, and the public profile changes", async ({ page }) => {
    await signIn(page, AUTH_E2E.curator);
    await page.goto("/en/curate");
    await page.getByRole("navigation", { name: "Curator workspace" }).getByRole("link", { name: "Researchers", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Researchers" })).toBeVisible();
    await page.goto("/en/curate/researchers?q=koo");
    await expect(page.getByText("Koo, Ja Wook").first()).toBeVisible();
    await page.goto("/en/curate/researchers/new");
    await shoot(page, "curate-researcher-new-en");

    // Messages next to the fields, from the server.
    await page.locator("#field-displayName").fill(`Park, Jiwoo ${unique}`);
    await page.locator("#field-slug").fill("Not a slug!");
    await page.locator("#field-orcid").fill("0000-0002-1825-0098");
    await page.getByRole("button", { name: "Create" }).click();
    await expect(page.locator("#slug-error")).toHaveText(/lower-case letters/);
    await expect(page.locator("#orcid-error")).toHaveText(/Not a valid ORCID/);

    await page.locator("#field-slug").fill(slug);
    await page.locator("#field-orcid").fill("");
    await page.locator("#field-nameVariants").fill(`박지우\nJiwoo Park`);
    await page.getByRole("button", { name: "Create" }).click();
    await page.waitForURL(/\/en\/curate\/researchers\/\d+/);
    researcherPath = new URL(page.url()).pathname;
    await page.goto(researcherPath);
    await expect(page.locator("#field-displayName")).toHaveValue(`Park, Jiwoo ${unique}`);

    await page.locator("#field-position").fill("Senior Researcher");
    await page.locator("#field-biography").fill(`Studies <b>sleep</b> and memory ${unique}.`);
    await page.locator("#field-researchInterests").fill("Sleep\nMemory consolidation");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved (version 2)" })).toBeVisible();

    // Photo: a file named .png holding HTML is refused; a real PNG is stored.
    await page.locator("#photo-file").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
    await page.getByRole("button", { name: "Upload photo" }).click();
    await expect(page.getByText("not a JPEG, PNG or WebP image")).toBeVisible();
    await page.locator("#photo-file").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: "Upload photo" }).click();
    await expect(page.getByText("The photo is on the public profile.")).toBeVisible();
    await expect(page.getByTestId("photo-preview")).toBeVisible();
    await page.goto(researcherPath);
    await expect(page.getByText("Photo changed").first()).toBeVisible();
    await shoot(page, "curate-researcher-edit-en");

    await page.goto(`/en/researchers/${slug}`);
    await expect(page.getByRole("heading", { level: 1, name: `Park, Jiwoo ${unique}` })).toBeVisible();
    await expect(page.getByText("Senior Researcher")).toBeVisible();
    // Stored as typed, shown as text.
    await expect(page.getByText(`Studies <b>sleep</b> and memory ${unique}.`)).toBeVisible();
    await expect(page.getByText("Memory consolidation")).toBeVisible();
    const photo = page.locator(`img[src^="/media/researchers/${slug}/photo"]`);
    await expect(photo).toBeVisible();
    const photoResponse = await page.request.get((await photo.getAttribute("src"))!);
    expect(photoResponse.headers()["content-type"]).toBe("image/png");
    await expect(page.getByTestId("edit-link")).toHaveAttribute("href", researcherPath);

    // A second save shows at once on the public page.
    await page.goto(researcherPath);
    await page.locator("#field-position").fill("Principal Researcher");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved (version 3)" })).toBeVisible();
    await page.goto(`/en/researchers/${slug}`);
    await expect(page.getByText("Principal Researcher")).toBeVisible();

    // Remove the photo again.
    await page.goto(researcherPath);
    await page.getByRole("button", { name: "Remove photo" }).click();
    await expect(page.getByText("The photo was removed.")).toBeVisible();
    await page.goto(`/en/researchers/${slug}`);
    await expect(page.locator(`img[src^="/media/researchers/${slug}/photo"]`)).toHaveCount(0);

    await page.goto(researcherPath.replace("/en/", "/ko/"));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("연구자 편집");
    await shoot(page, "curate-researcher-edit-ko");
  });

  test("a second session saving the same profile gets the conflict and can reapply its edits", async ({ browser }) => {
    const a = await signedInPage(browser, AUTH_E2E.curator);
    const b = await signedInPage(browser, AUTH_E2E.curator);
    await a.page.goto(researcherPath);
    await b.page.goto(researcherPath);
    // The editor keeps its values in React state: typing before it is hydrated would be lost.
    await a.page.waitForLoadState("networkidle");
    await b.page.waitForLoadState("networkidle");
    await a.page.locator("#field-altPosition").fill("책임연구원");
    await a.page.getByRole("button", { name: "Save" }).click();
    await expect(a.page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
    await b.page.locator("#field-givenName").fill("Jiwoo");
    await b.page.getByRole("button", { name: "Save" }).click();
    const conflict = b.page.getByTestId("conflict");
    await expect(conflict).toContainText("Someone else saved this record");
    await expect(conflict).toContainText("책임연구원");
    await b.page.getByRole("button", { name: "Reapply my edits on the saved version" }).click();
    await expect(b.page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
    await b.page.goto(researcherPath);
    await expect(b.page.locator("#field-givenName")).toHaveValue("Jiwoo");
    await expect(b.page.locator("#field-altPosition")).toHaveValue("책임연구원");
    await a.context.close();
    await b.context.close();
  });

  test("a curator restores an earlier version of the profile and the public page shows it", async ({ browser, page }) => {
    await signIn(page, AUTH_E2E.curator);
    await page.goto(researcherPath);
    await page.getByRole("link", { name: "All versions, and restoring one" }).click();
    await page.waitForURL(/\/history$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Version history");
    // Version 2's diff: the position before and after.
    const v2 = page.getByTestId("history-entry").filter({ has: page.getByRole("heading", { name: "Version 2 · Saved" }) });
    await expect(v2.getByRole("row", { name: /Position \(English\)/ })).toContainText("Senior Researcher");
    await shoot(page, "curate-researcher-history-en");
    await v2.getByRole("button", { name: "Restore version 2" }).click();
    await expect(page.getByRole("status").filter({ hasText: /Restored version 2 as version \d+\./ })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: /· Restored$/ }).first()).toBeVisible();

    await page.goto(`/en/researchers/${slug}`);
    await expect(page.getByText("Senior Researcher")).toBeVisible();
    await expect(page.getByText("Principal Researcher")).toHaveCount(0);

    await page.goto(`${researcherPath.replace("/en/", "/ko/")}/history`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("버전 이력");
    await shoot(page, "curate-researcher-history-ko");

    // A curator of another unit does not get the page (403).
    const foreign = await signedInPage(browser, AUTH_E2E.foreignCurator);
    expect((await foreign.page.request.get(`${researcherPath}/history`)).status()).toBe(403);
    await foreign.context.close();
  });

  test("a curator creates a unit, moves a collection into it, and the tree refuses a cycle", async ({ page }) => {
    await signIn(page, AUTH_E2E.curator);
    await page.goto("/en/curate/units");
    await expect(page.getByRole("heading", { level: 1, name: "Units" })).toBeVisible();
    await shoot(page, "curate-units-en");
    // The curator's own unit is the first one with an edit link.
    const ownUnitEdit = page.getByRole("link", { name: /^Edit\b/ }).first();
    const ownUnitPath = (await ownUnitEdit.getAttribute("href"))!;

    await page.goto("/en/curate/units/new");
    await page.locator("#field-name").fill(`Sleep Lab ${unique}`);
    await page.locator("#field-altName").fill(`수면 연구실 ${unique}`);
    await page.locator("#field-slug").fill(`sleep-lab-${unique}`);
    await page.getByRole("button", { name: "Create" }).click();
    await page.waitForURL(/\/en\/curate\/units\/\d+/);
    const newUnitId = new URL(page.url()).pathname.split("/").at(-1)!;

    // Moving the parent under its own new sub-unit is refused with a clear message.
    await page.goto(ownUnitPath);
    await page.locator("#field-parentId").evaluate((select, value) => {
      const s = select as HTMLSelectElement;
      if (![...s.options].some((o) => o.value === value)) s.add(new Option("forced", value));
    }, newUnitId);
    await page.locator("#field-parentId").selectOption(newUnitId);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.locator("#parentId-error")).toHaveText(/cannot be moved under itself or under one of its own sub-units/);

    await page.goto("/en/curate/collections/new");
    await page.locator("#field-name").fill(`Preprints ${unique}`);
    await page.locator("#field-slug").fill(`preprints-${unique}`);
    await page.getByRole("button", { name: "Create" }).click();
    await page.waitForURL(/\/en\/curate\/collections\/\d+/);
    const collectionPath = new URL(page.url()).pathname;
    await page.goto(collectionPath);
    await page.locator("#field-unitId").selectOption(newUnitId);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved (version 2)" })).toBeVisible();
    await shoot(page, "curate-collection-edit-en");

    await page.goto(`/en/collections/preprints-${unique}`);
    await expect(page.getByRole("navigation").filter({ hasText: `Sleep Lab ${unique}` })).toBeVisible();
    await expect(page.getByTestId("edit-link")).toBeVisible();
    await page.goto("/ko/curate/collections");
    await shoot(page, "curate-collections-ko");
  });

  test("a curator of another unit is refused by the server; anonymous writes are refused", async ({ browser, page }) => {
    // Catch the curator's real save request, then replay it from the other curator's session.
    const own = await signedInPage(browser, AUTH_E2E.curator);
    await own.page.goto(researcherPath);
    const saveRequest = new Promise<Request>((resolve) => own.page.on("request", (r) => r.method() === "POST" && r.headers()["next-action"] && resolve(r)));
    await own.page.locator("#field-position").fill("Group Leader");
    await own.page.getByRole("button", { name: "Save" }).click();
    const save = await saveRequest;
    await expect(own.page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

    const foreign = await signedInPage(browser, AUTH_E2E.foreignCurator);
    const forced = await foreign.context.request.post(save.url(), { headers: save.headers(), data: save.postDataBuffer()! });
    expect(await forced.text()).toContain('"status":403');
    const id = researcherPath.split("/").at(-1);
    const photo = await foreign.context.request.post(`/api/v1/curate/researchers/${id}/photo`, { data: PNG, headers: { "Content-Type": "application/octet-stream" } });
    expect(photo.status()).toBe(403);
    expect(photo.headers()["content-type"]).toContain("application/problem+json");
    expect((await foreign.context.request.delete(`/api/v1/curate/researchers/${id}/photo`)).status()).toBe(403);
    await foreign.page.goto(researcherPath);
    await expect(foreign.page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await foreign.page.goto(`/en/researchers/${slug}`);
    await expect(foreign.page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(foreign.page.getByTestId("edit-link")).toHaveCount(0);

    // Nothing changed by the refused requests.
    await own.page.goto(researcherPath);
    await expect(own.page.locator("#field-position")).toHaveValue("Group Leader");

    // Anonymous: 401 from the API; no edit link on the public page.
    expect((await page.request.post(`/api/v1/curate/researchers/${id}/photo`, { data: PNG })).status()).toBe(401);
    await page.goto(`/en/researchers/${slug}`);
    await expect(page.getByTestId("edit-link")).toHaveCount(0);
    await own.context.close();
    await foreign.context.close();
  });

  test("after a slug change the old public URLs answer 308 to the new ones", async ({ page, baseURL }) => {
    await signIn(page, AUTH_E2E.curator);
    await page.goto(researcherPath);
    await page.locator("#field-slug").fill(`${slug}-renamed`);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
    for (const [from, to] of [
      [`/researchers/${slug}`, `/researchers/${slug}-renamed`],
      [`/ko/researchers/${slug}/statistics`, `/ko/researchers/${slug}-renamed/statistics`],
      // Downloads and list forms too, with their query.
      [`/researchers/${slug}/publications?format=csv`, `/researchers/${slug}-renamed/publications?format=csv`],
    ]) {
      // The save invalidates the old slug's cached page, and again a few seconds later (SETTLE_AFTER_MS
      // in lib/cache.ts) for a render that straddled the save.
      await expect.poll(async () => (await page.request.get(from, { maxRedirects: 0 })).status(), { message: from, timeout: 30_000 }).toBe(308);
      const moved = await page.request.get(from, { maxRedirects: 0 });
      const target = new URL(moved.headers()["location"], new URL(from, baseURL));
      expect(target.pathname + target.search).toBe(to);
    }
    await page.goto(`/en/researchers/${slug}`);
    await expect(page).toHaveURL(new RegExp(`/en/researchers/${slug}-renamed$`));
    await expect(page.getByRole("heading", { level: 1, name: `Park, Jiwoo ${unique}` })).toBeVisible();
    // The server's own late invalidation (lib/cache.ts) answers nobody else.
    const settle = await page.request.post("/api/internal/settle", { data: ["site"] });
    expect(settle.status()).toBe(404);
    expect(settle.headers()["content-type"]).toContain("application/problem+json");
    // A slug nobody ever had is still a 404.
    expect((await page.request.get(`/researchers/${slug}-never`, { maxRedirects: 0 })).status()).toBe(404);
  });

  test("text typed into the profile before the page's script runs is kept and saved", async ({ page }) => {
    await signIn(page, AUTH_E2E.curator);
    const hydrate = await openBeforeScripts(page, researcherPath);
    const biography = `Typed before the script ran ${unique}.`;
    await page.locator("#field-biography").fill(biography);
    await page.locator("#field-altPosition").fill("선임연구원");
    await hydrate("#field-biography");
    await expect(page.getByRole("status").filter({ hasText: "Unsaved changes" })).toBeVisible();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
    await page.goto(researcherPath);
    await expect(page.locator("#field-biography")).toHaveValue(biography);
    await expect(page.locator("#field-altPosition")).toHaveValue("선임연구원");
  });
});
