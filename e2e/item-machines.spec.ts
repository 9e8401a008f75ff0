// What harvesters read from an item page: Highwire tags, JSON-LD, canonical link, Signposting.
import fs from "node:fs";
import path from "node:path";
import { expect, SEED_HANDLE, test } from "./fixtures";

const seed = JSON.parse(fs.readFileSync(path.join(process.cwd(), "lib/seed/data/seed-item.json"), "utf8"));

test.describe("item page for machines", () => {
  test("Highwire citation tags and JSON-LD describe the seed record", async ({ page }) => {
    await page.goto(`/handle/${SEED_HANDLE}`);
    const meta = async (name: string) => page.locator(`head meta[name="${name}"]`).evaluateAll((els) => els.map((e) => e.getAttribute("content")));
    expect(await meta("citation_title")).toEqual([seed.title]);
    expect(await meta("citation_author")).toEqual(seed.authors);
    expect(await meta("citation_publication_date")).toEqual(["2023/08"]);
    expect(await meta("citation_journal_title")).toEqual([seed.journalTitle]);
    expect(await meta("citation_publisher")).toEqual([seed.publisher]);
    expect(await meta("citation_issn")).toEqual([seed.issn]);
    expect(await meta("citation_volume")).toEqual([seed.volume]);
    expect(await meta("citation_issue")).toEqual([seed.number]);
    expect(await meta("citation_firstpage")).toEqual([seed.startPage]);
    expect(await meta("citation_lastpage")).toEqual([seed.endPage]);
    expect(await meta("citation_pdf_url")).toEqual([]); // the seed item has no files
    expect((await meta("citation_abstract_html_url"))[0]).toMatch(new RegExp(`/handle/${SEED_HANDLE}$`));
    await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/handle/${SEED_HANDLE}$`));

    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd).toMatchObject({ "@context": "https://schema.org", "@type": "ScholarlyArticle", name: seed.title, datePublished: seed.issueDate });
    expect(jsonLd.author.map((a: { name: string }) => a.name)).toEqual(seed.authors);
    expect(jsonLd.author[3].url).toMatch(/\/researchers\/koo-ja-wook$/);
  });

  test("the Link header carries level-1 Signposting and points to the linkset", async ({ request }) => {
    const response = await request.get(`/handle/${SEED_HANDLE}`);
    expect(response.status()).toBe(200);
    const header = response.headers()["link"];
    expect(header.length).toBeLessThanOrEqual(2048);
    const links = [...header.matchAll(/<([^>]*)>((?:\s*;\s*[a-z]+="[^"]*")*)/g)].map((m) => ({
      href: m[1],
      ...Object.fromEntries([...m[2].matchAll(/([a-z]+)="([^"]*)"/g)].map((p) => [p[1], p[2]])),
    })) as { href: string; rel: string; type?: string }[];
    const citeAs = links.filter((l) => l.rel === "cite-as");
    expect(citeAs).toHaveLength(1);
    expect(citeAs[0].href).toMatch(new RegExp(`/handle/${SEED_HANDLE}$`));
    expect(links.filter((l) => l.rel === "type").map((l) => l.href)).toEqual(["https://schema.org/ScholarlyArticle", "https://schema.org/AboutPage"]);
    const linkset = links.find((l) => l.rel === "linkset");
    expect(linkset?.type).toBe("application/linkset+json");

    const set = await request.get(new URL(linkset!.href).pathname);
    expect(set.headers()["content-type"]).toBe("application/linkset+json");
    const body = await set.json();
    expect(body.linkset[0].anchor).toMatch(new RegExp(`/handle/${SEED_HANDLE}$`));
    expect(body.linkset[0]["cite-as"]).toEqual([{ href: citeAs[0].href }]);
  });

  test("an unknown item has no Signposting and its linkset is a JSON 404", async ({ request }) => {
    const page = await request.get("/handle/2023.sw.kbri/99999998");
    expect(page.status()).toBe(404);
    expect(page.headers()["link"] ?? "").not.toContain('rel="cite-as"');
    const linkset = await request.get("/handle/2023.sw.kbri/99999998/linkset");
    expect(linkset.status()).toBe(404);
    expect(linkset.headers()["content-type"]).toContain("application/problem+json");
  });
});
