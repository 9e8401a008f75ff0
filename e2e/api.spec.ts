// The REST API against the production build: content types, cursors, ETag, errors, OpenAPI.
import { expect, SEED_HANDLE, test } from "./fixtures";

test.describe("REST API /api/v1", () => {
  test("serves the seed item by handle and id, with an ETag that gives 304", async ({ request }) => {
    const response = await request.get(`/api/v1/handle/${SEED_HANDLE}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/json; charset=utf-8");
    expect(response.headers()["ratelimit-limit"]).toBeTruthy();
    const item = await response.json();
    expect(item).toMatchObject({ handle: SEED_HANDLE, status: "published" });
    const etag = response.headers()["etag"];
    const again = await request.get(`/api/v1/handle/${SEED_HANDLE}`, { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);
    const byId = await request.get(`/api/v1/items/${item.id}`);
    expect((await byId.json()).handle).toBe(SEED_HANDLE);
  });

  test("pages through items with a cursor and a Link header", async ({ request }) => {
    const first = await request.get("/api/v1/items?limit=2");
    const body = await first.json();
    expect(body.data).toHaveLength(2);
    expect(first.headers()["link"]).toBe(`<${body.links.next}>; rel="next"`);
    const second = await (await request.get(body.links.next)).json();
    expect(second.data[0].id).toBeGreaterThan(body.data[1].id);
  });

  test("answers errors as problem details", async ({ request }) => {
    const bad = await request.get("/api/v1/items?limit=5000");
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toBe("application/problem+json");
    expect((await bad.json()).errors[0].name).toBe("limit");
    const missing = await request.get("/api/v1/researchers/no-such-person");
    expect(missing.status()).toBe(404);
    expect(missing.headers()["content-type"]).toBe("application/problem+json");
    const post = await request.post("/api/v1/items", { data: {} });
    expect(post.status()).toBe(405);
    expect(post.headers()["allow"]).toBe("GET, HEAD");
  });

  test("describes itself in an OpenAPI 3.1 document", async ({ request }) => {
    const response = await request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/items", "/handle/{prefix}/{n}", "/researchers/{slug}", "/search", "/statistics"]));
    const units = await (await request.get("/api/v1/units")).json();
    expect(units.data.length).toBeGreaterThan(0);
    const search = await (await request.get("/api/v1/search?q=stress")).json();
    expect(search.total).toBeGreaterThan(0);
  });

  test("answers every operation of its OpenAPI document with a status the document lists", async ({ request }) => {
    const doc = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const item = await (await request.get(`/api/v1/handle/${SEED_HANDLE}`)).json();
    const researcher = (await (await request.get("/api/v1/researchers")).json()).data[0];
    const unit = (await (await request.get("/api/v1/units")).json()).data[0];
    // A collection: of the root unit, or of the first of its descendants that has one.
    let collection: string | undefined;
    for (let slugs = [unit.slug as string]; !collection && slugs.length > 0; ) {
      const found = await (await request.get(`/api/v1/units/${slugs.shift()}`)).json();
      collection = found.collections[0]?.slug;
      slugs.push(...found.children.map((c: { slug: string }) => c.slug));
    }
    expect(collection).toBeTruthy();
    const [prefix, n] = SEED_HANDLE.split("/");
    const values: Record<string, string> = { id: String(item.id), prefix, n, slug: researcher.slug, fileId: "1" };
    const query: Record<string, string> = { "/suggest": "?q=stress", "/events": `?type=item&id=${item.id}`, "/curate/files": "?item=1&name=x.pdf" };
    const calls: string[] = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const slug = template.startsWith("/units") ? unit.slug : template.startsWith("/collections") ? collection! : values.slug;
        const path = `/api/v1${template.replace(/\{(\w+)\}/g, (_, name: string) => (name === "slug" ? slug : values[name]))}${query[template] ?? ""}`;
        const response = await request.fetch(path, {
          method: method.toUpperCase(),
          headers: { accept: "application/json" },
          data: method === "get" || method === "delete" ? undefined : {},
        });
        const documented = Object.keys(operation.responses);
        expect(documented, `${method.toUpperCase()} ${path} answered ${response.status()}`).toContain(String(response.status()));
        // Reads of what exists succeed; writes without a token or session are refused as unauthenticated.
        if (template.startsWith("/curate/")) expect(response.status(), `${method.toUpperCase()} ${path}`).toBe(401);
        else if (method === "get") expect(response.status(), `${method.toUpperCase()} ${path}`).toBe(200);
        if (response.status() >= 400) expect(response.headers()["content-type"], `${method.toUpperCase()} ${path}`).toBe("application/problem+json");
        calls.push(`${method} ${template}`);
      }
    }
    expect(calls.length).toBeGreaterThanOrEqual(35);
    expect(calls).toEqual(
      expect.arrayContaining(
        ["researchers", "units", "collections"].flatMap((kind) => [`post /curate/${kind}`, ...["get", "put", "patch"].map((m) => `${m} /curate/${kind}/{id}`)]),
      ),
    );
  });
});
