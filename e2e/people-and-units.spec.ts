// Researcher profiles, the directory, unit and collection pages: the seed item's people and places.
import { expect, SEED_HANDLE, test } from "./fixtures";

const SEED_TITLE = "The Role of Glutamate Underlying Treatment-resistant Depression";

test("the seed item's related researcher has a profile listing it", async ({ page }) => {
  await page.goto(`/handle/${SEED_HANDLE}`);
  await page.getByRole("region", { name: "Related researchers" }).getByRole("link", { name: "Koo, Ja Wook" }).click();
  await expect(page).toHaveURL(/\/researchers\/koo-ja-wook$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Koo, Ja Wook");
  await expect(page.getByText("구자욱")).toBeVisible();
  await expect(page.getByRole("region", { name: "Publications" }).getByRole("link", { name: SEED_TITLE })).toBeVisible();
  const figures = page.getByRole("region", { name: "At a glance" });
  await expect(figures).toContainText("h-index");
  // After a client-side navigation the previous page may stay in the DOM, hidden: pick ours.
  const blocks = await page.locator('script[type="application/ld+json"]').evaluateAll((els) => els.map((e) => JSON.parse(e.textContent ?? "null")));
  const jsonLd = blocks.find((b) => b?.["@type"] === "ProfilePage");
  expect(jsonLd).toMatchObject({ "@type": "ProfilePage", mainEntity: { "@type": "Person", name: "Koo, Ja Wook" } });
});

test("the publication list filters by year and type, and downloads what it shows", async ({ page, request }) => {
  test.slow(); // several pages rendered on their first visit, each checked with axe
  await page.goto("/researchers/koo-ja-wook");
  const list = page.getByRole("region", { name: "Publications" });
  const filters = list.getByRole("form", { name: "Filter and sort the publications" });
  await filters.getByLabel("Type", { exact: true }).selectOption("JOURNAL_ARTICLE");
  await filters.getByLabel("From", { exact: true }).selectOption("2023");
  await filters.getByLabel("To", { exact: true }).selectOption("2023");
  await filters.getByRole("button", { name: "Apply" }).click();
  // The form's query string is redirected to the path that names this state of the list.
  await expect(page).toHaveURL(/\/researchers\/koo-ja-wook\/type\/JOURNAL_ARTICLE\/year\/2023#publications$/);
  await expect(list.getByRole("link", { name: SEED_TITLE })).toBeVisible();
  for (const label of await list.getByRole("listitem").filter({ has: page.locator("a[href^='/handle/']") }).allTextContents()) {
    expect(label).toMatch(/Journal article · .*2023/);
  }

  // The download link carries the same filters.
  const href = await list.getByRole("link", { name: "BibTeX" }).getAttribute("href");
  expect(href).toBe("/researchers/koo-ja-wook/publications?type=JOURNAL_ARTICLE&year=2023&format=bibtex");
  const bib = await request.get(href!);
  expect(bib.status()).toBe(200);
  expect(bib.headers()["content-type"]).toContain("application/x-bibtex");
  expect(bib.headers()["content-disposition"]).toContain('filename="koo-ja-wook-publications-2023-journal_article.bib"');
  const body = await bib.text();
  expect(body).toContain(`/handle/${SEED_HANDLE}`);
  expect(body).toMatch(/title = \{The \{?Role\}? of \{?Glutamate\}?/);
  expect(body.match(/^@\w+\{/gm)?.length).toBeGreaterThanOrEqual(1);

  const csv = await request.get("/researchers/koo-ja-wook/publications?year=2023&format=csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  // UTF-8 with a byte order mark, so that spreadsheets read Korean names correctly.
  expect((await csv.text()).split("\r\n")[0]).toMatch(/^\uFEFFhandle,url,type,title,/);
  const ris = await request.get("/researchers/koo-ja-wook/publications?format=ris");
  expect(await ris.text()).toMatch(/^TY {2}- /);
  expect((await request.get("/researchers/koo-ja-wook/publications?format=docx")).status()).toBe(400);
  expect((await request.get("/researchers/nobody-here/publications?format=csv")).status()).toBe(404);
});

test("the publication list pages and sorts without JavaScript", async ({ page: withScript, browser }) => {
  test.slow(); // several pages rendered on their first visit, each checked with axe
  // The most prolific researcher has more than one page of publications.
  await withScript.goto("/researchers?sort=output");
  const top = await withScript.locator("main ul li a[href^='/researchers/']").first().getAttribute("href");
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${top}/sort/oldest`);
  const list = page.getByRole("region", { name: "Publications" });
  const firstTitles = await list.locator("ol > li a[href^='/handle/']").allTextContents();
  expect(firstTitles.length).toBeGreaterThan(0);
  const pages = list.getByRole("navigation", { name: "Pages of this list" });
  await pages.getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(/\/sort\/oldest\/page\/2#publications$/);
  await expect(pages.getByText("2", { exact: true })).toHaveAttribute("aria-current", "page");
  const secondTitles = await list.locator("ol > li a[href^='/handle/']").allTextContents();
  expect(secondTitles.length).toBeGreaterThan(0);
  expect(secondTitles.filter((t) => firstTitles.includes(t))).toEqual([]);
  // The form works as a plain GET form too.
  await list.getByLabel("Sort", { exact: true }).selectOption("title");
  await list.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/sort\/title#publications$/);
  await expect(list.locator("ol > li a[href^='/handle/']").first()).toBeVisible();
  // The directory's results show without JavaScript too.
  await page.goto("/researchers?name=Koo+Ja+Wook");
  await expect(page.getByRole("link", { name: "Koo, Ja Wook" })).toBeVisible();
  await context.close();
});

test("the co-author network links to the co-authors", async ({ page }) => {
  await page.goto("/researchers/koo-ja-wook");
  const network = page.getByRole("region", { name: "Co-author network" });
  const graph = network.getByRole("group", { name: "Co-author network" });
  await expect(graph).toBeVisible();
  const links = graph.getByRole("link");
  expect(await links.count()).toBeGreaterThan(0);
  const first = links.first();
  const href = await first.getAttribute("href");
  expect(href).toMatch(/^\/researchers\/[a-z0-9-]+$/);
  expect(await first.getAttribute("aria-label")).toMatch(/^Co-author .+: \d+ joint publications?$/);
  // The list beside it names the same people with their counts.
  await expect(network.getByRole("link", { name: (await first.getAttribute("aria-label"))!.replace(/^Co-author (.+): .*$/, "$1") }).last()).toBeVisible();
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
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
  test.slow(); // several pages rendered on their first visit, each checked with axe
  await page.goto(`/handle/${SEED_HANDLE}`);
  const breadcrumb = page.getByRole("navigation", { name: "Where this item is kept" });
  await breadcrumb.getByRole("link", { name: "Emotional and Cognitive Disorders Research Group" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Emotional and Cognitive Disorders Research Group");
  await expect(page.getByText("정서·인지 질환 연구그룹")).toBeVisible();
  await expect(page.getByRole("region", { name: "Researchers" }).getByRole("link", { name: "Koo, Ja Wook" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Atom feed" })).toHaveAttribute("href", /^\/units\/[^/]+\/feed\.xml$/);
  expect((await page.request.get((await page.getByRole("link", { name: "Atom feed" }).getAttribute("href"))!)).status()).toBe(200);

  await page.goto(`/handle/${SEED_HANDLE}`);
  await breadcrumb.getByRole("link", { name: "1. Journal Articles" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("1. Journal Articles");
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/collections\/[^/]+\/feed\.xml$/);
  await expect(page.getByRole("link", { name: "Atom feed" })).toHaveAttribute("href", /\/collections\/[^/]+\/feed\.xml$/);
  const feed = await page.request.get((await page.getByRole("link", { name: "Atom feed" }).getAttribute("href"))!);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  // Narrow to 2023 and follow the pages until the seed item appears.
  const items = page.getByRole("region", { name: "Items" });
  await items.getByLabel("From", { exact: true }).selectOption("2023");
  await items.getByLabel("To", { exact: true }).selectOption("2023");
  await items.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/year\/2023#items$/);
  for (let i = 0; i < 10 && !(await page.getByRole("link", { name: SEED_TITLE }).isVisible()); i++) {
    await items.getByRole("link", { name: /Next/ }).click();
  }
  await expect(page.getByRole("link", { name: SEED_TITLE })).toBeVisible();
});

test("the unit tree folds without JavaScript and counts items and researchers", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/units");
  const group = page.getByRole("link", { name: "Emotional and Cognitive Disorders Research Group" });
  await expect(group).toBeVisible();
  const row = group.locator("xpath=..");
  await expect(row).toContainText(/\d+ items · \d+ researchers/);
  // Its collections are folded; the summary opens them.
  const branch = group.locator("xpath=../following-sibling::details[1]");
  await expect(branch).not.toHaveAttribute("open", "");
  // Its own summary (sub-units made by other tests fold inside it with theirs).
  await branch.locator(":scope > summary").click();
  await expect(branch).toHaveAttribute("open", "");
  await expect(branch.getByRole("link", { name: "1. Journal Articles" })).toBeVisible();
  expect(await branch.getByRole("link", { name: "1. Journal Articles" }).getAttribute("href")).toMatch(/^\/collections\//);
  await context.close();
});

test("list paths other than the canonical one are 404", async ({ request }) => {
  for (const path of ["/researchers/koo-ja-wook/page/1", "/researchers/koo-ja-wook/sort/evil", "/researchers/koo-ja-wook/year/2023-2023", "/researchers/koo-ja-wook/x/y"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  expect((await request.get("/researchers/koo-ja-wook/year/2023")).status()).toBe(200);
});

test("unknown researchers, units and collections are 404", async ({ request }) => {
  for (const path of ["/researchers/nobody-here", "/units/no-such-unit", "/collections/no-such-collection", "/researchers/..%2Fetc"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});
