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
});
