// Integration tests of every /api/v1 read endpoint on a real database (PGlite, or PostgreSQL with
// TEST_DATABASE_URL): cursor walks, ETag/304, validation errors, 404/410, drafts hidden, file
// access, rate limiting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-db";
import {
  collectionEndpoint,
  itemByHandleEndpoint,
  itemByIdEndpoint,
  itemsEndpoint,
  researcherEndpoint,
  researchersEndpoint,
  searchEndpoint,
  unitEndpoint,
  unitsEndpoint,
} from "./endpoints";
import { runApi, type Endpoint } from "./serve";
import { REMOTE_ADDRESS_HEADER } from "../http/client-address";

let db: TestDatabase;
const PUBLISHED = 57;
const ids: Record<string, number> = {};

async function one<T>(text: string, params: unknown[] = []): Promise<T> {
  const [row] = await db.sql.query<T>(text, params);
  return row;
}

async function insertItem(n: number, status: string, collection: number, extra: { title?: string; type?: string; year?: number } = {}) {
  const row = await one<{ id: number }>(
    `INSERT INTO item (handle, type, status, title, issue_date, issue_year, collection_id, published_at, updated_at, withdrawn_reason, withdrawn_at)
     VALUES ($1, $2::item_type, $3::item_status, $4, $5::text, $5::int, $6, now(), now(),
             CASE WHEN $3 = 'WITHDRAWN' THEN 'Duplicate record' END, CASE WHEN $3 = 'WITHDRAWN' THEN now() END)
     RETURNING id`,
    [`123.test/${n}`, extra.type ?? "JOURNAL_ARTICLE", status, extra.title ?? `Neural circuit study number ${n}`, extra.year ?? 2000 + (n % 20), collection],
  );
  return row.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const root = await one<{ id: number }>(`INSERT INTO unit (slug, name, alt_name, updated_at) VALUES ('institute', 'Institute', '연구원', now()) RETURNING id`);
  const lab = await one<{ id: number }>(`INSERT INTO unit (slug, name, parent_id, updated_at) VALUES ('lab', 'Neuro Lab', $1, now()) RETURNING id`, [root.id]);
  const articles = await one<{ id: number }>(`INSERT INTO collection (slug, name, unit_id, updated_at) VALUES ('articles', 'Articles', $1, now()) RETURNING id`, [lab.id]);
  const theses = await one<{ id: number }>(`INSERT INTO collection (slug, name, unit_id, updated_at) VALUES ('theses', 'Theses', $1, now()) RETURNING id`, [lab.id]);
  ids.articles = articles.id;
  ids.theses = theses.id;
  const koo = await one<{ id: number }>(
    `INSERT INTO researcher (slug, display_name, family_name, given_name, name_variants, primary_unit_id, email, show_email, updated_at)
     VALUES ('koo-ja-wook', 'Koo, Ja Wook', 'Koo', 'Ja Wook', '{구자욱}', $1, 'koo@example.org', false, now()) RETURNING id`,
    [lab.id],
  );
  for (let r = 0; r < 30; r++) {
    await db.sql.query(`INSERT INTO researcher (slug, display_name, updated_at) VALUES ($1, $2, now())`, [`person-${String(r).padStart(2, "0")}`, `Person ${r}`]);
  }
  for (let n = 1; n <= PUBLISHED; n++) {
    const id = await insertItem(n, "PUBLISHED", n % 3 === 0 ? theses.id : articles.id, n === 5 ? { title: "Amyloid plaques in mice", type: "DATASET" } : {});
    await db.sql.query(`INSERT INTO contributor (item_id, position, name, researcher_id) VALUES ($1, 0, 'Koo, Ja Wook', $2), ($1, 1, 'Lee, Min', NULL)`, [
      id,
      n % 2 === 0 ? koo.id : null,
    ]);
    if (n === 1) ids.first = id;
  }
  // An item of "theses" mapped into "articles" as well.
  ids.mapped = await one<{ id: number }>(`SELECT id FROM item WHERE handle = '123.test/3'`).then((r) => r.id);
  await db.sql.query(`INSERT INTO item_collection (item_id, collection_id) VALUES ($1, $2)`, [ids.mapped, articles.id]);
  ids.draft = await insertItem(900, "DRAFT", articles.id, { title: "Secret draft amyloid" });
  ids.review = await insertItem(901, "IN_REVIEW", articles.id);
  ids.withdrawn = await insertItem(902, "WITHDRAWN", articles.id, { title: "Withdrawn amyloid study" });
  await db.sql.query(`INSERT INTO contributor (item_id, position, name, researcher_id) VALUES ($1, 0, 'Koo, Ja Wook', $2), ($3, 0, 'Koo, Ja Wook', $2)`, [ids.draft, koo.id, ids.withdrawn]);
  const files: [string, string, string | null][] = [
    ["open.pdf", "OPEN", null],
    ["embargoed.pdf", "EMBARGOED", "2999-01-01"],
    ["restricted.pdf", "RESTRICTED", null],
  ];
  for (const [i, [name, access, until]] of files.entries()) {
    await db.sql.query(
      `INSERT INTO file (item_id, position, file_name, mime_type, size, sha256, storage_key, access, embargo_until, updated_at)
       VALUES ($1, $2, $3, 'application/pdf', 1234, repeat('a', 64), $4, $5::file_access, $6::date, now())`,
      [ids.first, i, name, `key-${i}`, access, until],
    );
  }
});

afterAll(async () => {
  await db?.close();
});

const NO_LIMIT = { limit: 0, windowSeconds: 60 };

function call(endpoint: Endpoint, url: string, init: RequestInit = {}, rateLimit = NO_LIMIT): Promise<Response> {
  return runApi({ request: new Request(`http://localhost${url}`, init), sql: db.sql, rateLimit }, endpoint);
}

async function walk(endpoint: Endpoint, firstUrl: string, pick: (body: Record<string, unknown>) => { data: { id?: number; slug?: string }[]; links: { next: string | null } } = (b) => b as never) {
  const seen: (number | string)[] = [];
  let url: string | null = firstUrl;
  let pages = 0;
  while (url) {
    const response = await call(endpoint, url);
    expect(response.status).toBe(200);
    const body = pick(await response.json());
    seen.push(...body.data.map((d) => d.id ?? d.slug!));
    if (body.links.next) expect(response.headers.get("link")).toBe(`<${body.links.next}>; rel="next"`);
    else expect(response.headers.get("link")).toBeNull();
    url = body.links.next;
    pages++;
    if (pages > 100) throw new Error("cursor walk does not end");
  }
  return { seen, pages };
}

describe("GET /api/v1/items", () => {
  it("walks every published item once, without drafts, items in review or withdrawn items", async () => {
    const { seen, pages } = await walk(itemsEndpoint, "/api/v1/items?limit=10");
    expect(pages).toBe(6);
    expect(seen).toHaveLength(PUBLISHED);
    expect(new Set(seen).size).toBe(PUBLISHED);
    expect(seen).toEqual([...seen].sort((a, b) => Number(a) - Number(b)));
    for (const hidden of [ids.draft, ids.review, ids.withdrawn]) expect(seen).not.toContain(hidden);
  });

  it("keeps a walk whole while items are added during it", async () => {
    const first = await call(itemsEndpoint, "/api/v1/items?limit=20");
    const body = await first.json();
    const added = await insertItem(1000, "PUBLISHED", ids.articles);
    const rest = await walk(itemsEndpoint, body.links.next);
    const all = [...body.data.map((d: { id: number }) => d.id), ...rest.seen];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain(added);
    expect(all).toHaveLength(PUBLISHED + 1);
    await db.sql.query(`DELETE FROM item WHERE id = $1`, [added]);
  });

  it("filters by type and year, and binds the cursor to the filter", async () => {
    const response = await call(itemsEndpoint, "/api/v1/items?type=DATASET");
    const body = await response.json();
    expect(body.data.map((d: { handle: string }) => d.handle)).toEqual(["123.test/5"]);
    const page = await (await call(itemsEndpoint, "/api/v1/items?limit=2")).json();
    const mixed = await call(itemsEndpoint, `/api/v1/items?limit=2&type=DATASET&cursor=${new URL(page.links.next, "http://x").searchParams.get("cursor")}`);
    expect(mixed.status).toBe(400);
  });

  it("answers camelCase JSON with ISO dates, an ETag and public caching", async () => {
    const response = await call(itemsEndpoint, "/api/v1/items?limit=1");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toMatch(/^public/);
    const body = await response.json();
    expect(body.data[0]).toMatchObject({ handle: "123.test/1", type: "JOURNAL_ARTICLE", authors: ["Koo, Ja Wook", "Lee, Min"] });
    expect(body.data[0].updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const first = await call(itemsEndpoint, "/api/v1/items?limit=5");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const again = await call(itemsEndpoint, "/api/v1/items?limit=5", { headers: { "If-None-Match": `W/${etag}, "other"` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const changed = await call(itemsEndpoint, "/api/v1/items?limit=6", { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
  });

  it("names each invalid parameter in a 400 problem", async () => {
    const response = await call(itemsEndpoint, "/api/v1/items?limit=1000&type=POEM&colour=red");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = await response.json();
    expect(body).toMatchObject({ type: "about:blank", title: "Bad Request", status: 400 });
    const names = body.errors.map((e: { name: string }) => e.name);
    expect(names).toEqual(expect.arrayContaining(["limit", "type"]));
    expect(JSON.stringify(body.errors)).toContain("colour");
    for (const bad of ["limit=0", "limit=abc", "cursor=not-a-cursor", "cursor=eyJsIjoieCJ9"]) {
      const r = await call(itemsEndpoint, `/api/v1/items?${bad}`);
      expect(r.status, bad).toBe(400);
    }
  });

  it("refuses other methods with 405 and Allow, and non-JSON clients with 406", async () => {
    const post = await call(itemsEndpoint, "/api/v1/items", { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    const xml = await call(itemsEndpoint, "/api/v1/items", { headers: { Accept: "application/xml" } });
    expect(xml.status).toBe(406);
    const any = await call(itemsEndpoint, "/api/v1/items", { headers: { Accept: "text/html, */*;q=0.8" } });
    expect(any.status).toBe(200);
    const head = await call(itemsEndpoint, "/api/v1/items", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(any.headers.get("etag"));
    expect(await head.text()).toBe("");
  });
});

describe("GET /api/v1/items/{id} and /api/v1/handle/{prefix}/{n}", () => {
  it("returns a published item with contributors and files; closed files have no download URL", async () => {
    const response = await call(itemByHandleEndpoint({ prefix: "123.test", n: "1" }), "/api/v1/handle/123.test/1");
    expect(response.status).toBe(200);
    expect(response.headers.get("last-modified")).toMatch(/GMT$/);
    const item = await response.json();
    expect(item).toMatchObject({ id: ids.first, handle: "123.test/1", status: "published", collection: { slug: "articles" } });
    expect(item.contributors[0]).toMatchObject({ name: "Koo, Ja Wook", role: "author", researcher: null });
    expect(item.files).toEqual([
      expect.objectContaining({ fileName: "open.pdf", access: "open", downloadUrl: `/files/${item.files[0].id}/open.pdf` }),
      expect.objectContaining({ fileName: "embargoed.pdf", access: "embargoed", embargoUntil: "2999-01-01", downloadUrl: null }),
      expect.objectContaining({ fileName: "restricted.pdf", access: "restricted", downloadUrl: null }),
    ]);
    const byId = await call(itemByIdEndpoint({ id: String(ids.first) }), `/api/v1/items/${ids.first}`);
    expect(await byId.json()).toEqual(item);
  });

  it("answers 410 with a tombstone for a withdrawn item, 404 for drafts, items in review and unknown handles", async () => {
    const gone = await call(itemByHandleEndpoint({ prefix: "123.test", n: "902" }), "/api/v1/handle/123.test/902");
    expect(gone.status).toBe(410);
    expect(gone.headers.get("content-type")).toBe("application/problem+json");
    expect(await gone.json()).toMatchObject({ status: 410, item: { handle: "123.test/902", status: "withdrawn", withdrawnReason: "Duplicate record" } });
    expect((await call(itemByIdEndpoint({ id: String(ids.withdrawn) }), `/api/v1/items/${ids.withdrawn}`)).status).toBe(410);
    for (const n of ["900", "901", "99999"]) {
      const r = await call(itemByHandleEndpoint({ prefix: "123.test", n }), `/api/v1/handle/123.test/${n}`);
      expect(r.status, n).toBe(404);
      expect((await r.json()).title).toBe("Not Found");
    }
    expect((await call(itemByIdEndpoint({ id: String(ids.draft) }), `/api/v1/items/${ids.draft}`)).status).toBe(404);
    const bad = await call(itemByIdEndpoint({ id: "abc" }), "/api/v1/items/abc");
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].name).toBe("id");
  });
});

describe("researchers", () => {
  it("walks every researcher once in slug order", async () => {
    const { seen } = await walk(researchersEndpoint, "/api/v1/researchers?limit=7");
    expect(seen).toHaveLength(31);
    expect(new Set(seen).size).toBe(31);
    expect(seen[0]).toBe("koo-ja-wook");
  });

  it("shows a profile with its public publications, paged, without a hidden email", async () => {
    const first = await call(researcherEndpoint({ slug: "koo-ja-wook" }), "/api/v1/researchers/koo-ja-wook?limit=10");
    const body = await first.json();
    expect(body).toMatchObject({ slug: "koo-ja-wook", displayName: "Koo, Ja Wook", nameVariants: ["구자욱"], primaryUnit: "lab", email: null });
    const { seen } = await walk(researcherEndpoint({ slug: "koo-ja-wook" }), "/api/v1/researchers/koo-ja-wook?limit=10", (b) => b.publications as never);
    expect(seen).toHaveLength(Math.floor(PUBLISHED / 2));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain(ids.draft);
    expect(seen).not.toContain(ids.withdrawn);
    expect((await call(researcherEndpoint({ slug: "nobody" }), "/api/v1/researchers/nobody")).status).toBe(404);
  });
});

describe("units and collections", () => {
  it("returns the unit tree and one unit", async () => {
    const tree = await (await call(unitsEndpoint, "/api/v1/units")).json();
    expect(tree.data).toEqual([{ slug: "institute", name: "Institute", altName: "연구원", children: [{ slug: "lab", name: "Neuro Lab", altName: null, children: [] }] }]);
    const lab = await (await call(unitEndpoint({ slug: "lab" }), "/api/v1/units/lab")).json();
    expect(lab).toMatchObject({ slug: "lab", parent: "institute", children: [], collections: [{ slug: "articles" }, { slug: "theses" }] });
    expect((await call(unitEndpoint({ slug: "nope" }), "/api/v1/units/nope")).status).toBe(404);
    expect((await call(unitEndpoint({ slug: "bad slug!" }), "/api/v1/units/bad")).status).toBe(400);
  });

  it("walks a collection's items, owned and mapped, once each", async () => {
    const { seen } = await walk(collectionEndpoint({ slug: "articles" }), "/api/v1/collections/articles?limit=9", (b) => b.items as never);
    const owned = PUBLISHED - Math.floor(PUBLISHED / 3);
    expect(seen).toHaveLength(owned + 1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(ids.mapped);
    expect(seen).not.toContain(ids.draft);
    expect((await call(collectionEndpoint({ slug: "none" }), "/api/v1/collections/none")).status).toBe(404);
  });
});

describe("GET /api/v1/search", () => {
  it("finds published items only and pages with a cursor", async () => {
    const response = await call(searchEndpoint, "/api/v1/search?q=amyloid");
    const body = await response.json();
    expect(body.data.map((d: { handle: string }) => d.handle)).toEqual(["123.test/5"]);
    const { seen } = await walk(searchEndpoint, "/api/v1/search?q=neural&limit=10");
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(PUBLISHED - 1);
    const bad = await call(searchEndpoint, "/api/v1/search?limit=7&year=20");
    expect((await bad.json()).errors.map((e: { name: string }) => e.name).sort()).toEqual(["limit", "year"]);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once an anonymous client used its window, counted in the database", async () => {
    const config = { limit: 3, windowSeconds: 60 };
    const headers = { [REMOTE_ADDRESS_HEADER]: "127.0.0.1", "X-Forwarded-For": "203.0.113.9" };
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await call(unitsEndpoint, "/api/v1/units", { headers }, config));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(answers[0].headers.get("ratelimit-limit")).toBe("3");
    expect(answers[2].headers.get("ratelimit-remaining")).toBe("0");
    const refused = answers[3];
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    const other = await call(unitsEndpoint, "/api/v1/units", { headers: { [REMOTE_ADDRESS_HEADER]: "127.0.0.1", "X-Forwarded-For": "198.51.100.1" } }, config);
    expect(other.status).toBe(200);
    const rows = await db.sql.query<{ count: number }>(`SELECT count FROM api_rate_limit ORDER BY count DESC`);
    expect(rows.map((r) => Number(r.count))).toEqual([4, 1]);
  });

  it("counts concurrent requests exactly (atomic upsert)", async () => {
    const config = { limit: 10, windowSeconds: 60 };
    const headers = { [REMOTE_ADDRESS_HEADER]: "127.0.0.1", "X-Forwarded-For": "192.0.2.44" };
    const answers = await Promise.all(Array.from({ length: 16 }, () => call(unitsEndpoint, "/api/v1/units", { headers }, config)));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(10);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(6);
  });
});
