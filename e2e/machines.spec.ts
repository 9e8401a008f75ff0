// The site's interfaces for harvesters and crawlers on the production build: OAI-PMH, robots.txt,
// the sitemap index, and the Atom feeds — their content types and the links between them.
import { expect, SEED_HANDLE, test } from "./fixtures";

test.describe("interfaces for harvesters and crawlers", () => {
  test("OAI-PMH Identify answers XML, also to a POST form", async ({ request }) => {
    const get = await request.get("/oai?verb=Identify");
    expect(get.status()).toBe(200);
    expect(get.headers()["content-type"]).toBe("text/xml; charset=utf-8");
    const body = await get.text();
    expect(body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(body).toContain("<protocolVersion>2.0</protocolVersion>");
    expect(body).toContain("<deletedRecord>persistent</deletedRecord>");

    const post = await request.post("/oai", { form: { verb: "GetRecord", metadataPrefix: "oai_dc", identifier: body.match(/<sampleIdentifier>([^<]+)</)![1] } });
    expect(post.headers()["content-type"]).toBe("text/xml; charset=utf-8");
    expect(await post.text()).toContain("<GetRecord>");

    const bad = await request.get("/oai?verb=Nonsense");
    expect(bad.status()).toBe(200);
    expect(await bad.text()).toContain('<error code="badVerb">');
  });

  test("OAI-PMH serves the seed record in oai_dc", async ({ request }) => {
    const identify = await (await request.get("/oai?verb=Identify")).text();
    const repo = identify.match(/<repositoryIdentifier>([^<]+)</)![1];
    const record = await (await request.get(`/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${repo}:${SEED_HANDLE}`)).text();
    expect(record).toContain("The Role of Glutamate Underlying Treatment-resistant Depression");
  });

  test("robots.txt is plain text and points at the sitemap", async ({ request }) => {
    const response = await request.get("/robots.txt");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    const text = await response.text();
    expect(text).toContain("Disallow: /curate");
    expect(text).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
  });

  test("the sitemap index and its files are XML and list the seed item", async ({ request }) => {
    const index = await request.get("/sitemap.xml");
    expect(index.status()).toBe(200);
    expect(index.headers()["content-type"]).toBe("application/xml; charset=utf-8");
    const locs = [...(await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    expect(locs).toContain("/sitemaps/items-1.xml");
    const items = await request.get("/sitemaps/items-1.xml");
    expect(items.headers()["content-type"]).toBe("application/xml; charset=utf-8");
    expect(await items.text()).toContain(`/handle/${SEED_HANDLE}</loc>`);
    expect((await request.get("/sitemaps/items-999.xml")).status()).toBe(404);
  });

  test("Atom feeds for the site, a unit and a collection; 304 when unchanged", async ({ request }) => {
    const site = await request.get("/feed.xml");
    expect(site.status()).toBe(200);
    expect(site.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    const etag = site.headers()["etag"];
    expect(etag).toBeTruthy();
    expect((await request.get("/feed.xml", { headers: { "If-None-Match": etag } })).status()).toBe(304);

    const sitemap = await (await request.get("/sitemaps/units-1.xml")).text();
    const unit = new URL(sitemap.match(/<loc>([^<]+\/units\/[^<]+)<\/loc>/)![1]).pathname;
    const unitFeed = await request.get(`${unit}/feed.xml`);
    expect(unitFeed.status()).toBe(200);
    expect(unitFeed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    expect(await unitFeed.text()).toContain("<feed xmlns=\"http://www.w3.org/2005/Atom\"");

    const collections = await (await request.get("/sitemaps/collections-1.xml")).text();
    const collection = new URL(collections.match(/<loc>([^<]+\/collections\/[^<]+)<\/loc>/)![1]).pathname;
    const collectionFeed = await request.get(`/ko${collection}/feed.xml`);
    expect(collectionFeed.status()).toBe(200);
    expect(await collectionFeed.text()).toContain('xml:lang="ko"');
    expect((await request.get("/units/no-such-unit/feed.xml")).status()).toBe(404);
  });

  test("the home page links the site feed in its head", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/feed\.xml$/);
  });
});
