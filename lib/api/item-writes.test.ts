// Integration tests of personal API tokens and the /api/v1 item write endpoints on a real
// database (PGlite, or PostgreSQL with TEST_DATABASE_URL): tokens stored as hashes only, revoked
// and expired tokens refused, last use recorded; each write endpoint refuses anonymous callers
// (401), other units' curators (403), bad bodies (400/415/422 with field errors) and stale
// versions (428/412), and on success writes the change with an audit entry. Cookie sessions are
// stood in for by a session loader; their cross-site check is tested on the request headers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-db";
import { createUser } from "../auth/users";
import { authenticateToken, createApiToken, hashToken, listApiTokens, revokeApiToken, TOKEN_PREFIX, type TokenUser } from "../auth/tokens";
import { listHistory } from "../curate/audit";
import { listItemFileHistory, updateFile } from "../curate/files/files";
import { actAs, isSameOriginRequest } from "./caller";
import { changeStatusEndpoint, createItemEndpoint, getEditableItemEndpoint, updateItemEndpoint } from "./item-writes";
import { runWrite, type WriteEndpoint } from "./writes";
import { itemsEndpoint } from "./endpoints";
import { runApi } from "./serve";

let db: TestDatabase;
const ids: Record<string, number> = {};
const tokens: Record<string, string> = {};

async function one<T>(text: string, params: unknown[] = []): Promise<T> {
  const [row] = await db.sql.query<T>(text, params);
  return row;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const root = await one<{ id: number }>(`INSERT INTO unit (slug, name, updated_at) VALUES ('institute', 'Institute', now()) RETURNING id`);
  const lab = await one<{ id: number }>(`INSERT INTO unit (slug, name, parent_id, updated_at) VALUES ('lab', 'Neuro Lab', $1, now()) RETURNING id`, [root.id]);
  const other = await one<{ id: number }>(`INSERT INTO unit (slug, name, parent_id, updated_at) VALUES ('other', 'Other Lab', $1, now()) RETURNING id`, [root.id]);
  ids.articles = (await one<{ id: number }>(`INSERT INTO collection (slug, name, unit_id, updated_at) VALUES ('articles', 'Articles', $1, now()) RETURNING id`, [lab.id])).id;
  ids.foreign = (await one<{ id: number }>(`INSERT INTO collection (slug, name, unit_id, updated_at) VALUES ('foreign', 'Foreign', $1, now()) RETURNING id`, [other.id])).id;
  await db.sql.query(`INSERT INTO handle_sequence (prefix, next_number) VALUES ('123.test', 1)`);
  ids.curator = await createUser(db.sql, { email: "curator@test.invalid", name: "Curator", role: "CURATOR", unitIds: [lab.id] });
  ids.foreignCurator = await createUser(db.sql, { email: "foreign@test.invalid", name: "Foreign", role: "CURATOR", unitIds: [other.id] });
  ids.researcher = await createUser(db.sql, { email: "researcher@test.invalid", name: "Researcher", role: "RESEARCHER" });
  tokens.curator = (await createApiToken(db.sql, ids.curator, { name: "script", expiresAt: null })).token;
  tokens.foreign = (await createApiToken(db.sql, ids.foreignCurator, { name: "foreign script", expiresAt: null })).token;
  tokens.researcher = (await createApiToken(db.sql, ids.researcher, { name: "mine", expiresAt: null })).token;
});

afterAll(async () => {
  await db?.close();
});

const noSession = async () => null;

function request(method: string, path: string, init: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Request {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
  return new Request(`http://localhost${path}`, { method, headers, body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body) });
}

function send(endpoint: WriteEndpoint, req: Request, loadSession: () => Promise<TokenUser | null> = noSession) {
  return runWrite(req, { sql: db.sql, loadSession }, endpoint);
}

const ARTICLE = () => ({
  type: "JOURNAL_ARTICLE",
  title: "Hippocampal <b>circuits</b> under stress",
  issueDate: "2024-03",
  doi: "https://doi.org/10.5555/API.1",
  keywords: ["stress", "hippocampus"],
  collectionId: ids.articles,
  contributors: [{ name: "Koo, Ja Wook", role: "AUTHOR" }],
});

async function auditCount(itemId: number, action?: string): Promise<number> {
  const row = await one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entry WHERE entity_type = 'item' AND entity_id = $1 AND ($2::text IS NULL OR action = $2)`, [itemId, action ?? null]);
  return Number(row.n);
}

async function createDraft(): Promise<{ id: number; etag: string }> {
  const res = await send(createItemEndpoint, request("POST", "/api/v1/curate/items", { token: tokens.curator, body: ARTICLE() }));
  expect(res.status).toBe(201);
  const body = await res.json();
  return { id: body.id, etag: res.headers.get("etag")! };
}

describe("personal API tokens", () => {
  it("stores only a SHA-256 hash and a short prefix, never the secret", async () => {
    const created = await createApiToken(db.sql, ids.curator, { name: "hash check", expiresAt: null });
    expect(created.token.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(created.token.length).toBeGreaterThanOrEqual(TOKEN_PREFIX.length + 43);
    const row = await one<Record<string, unknown>>(`SELECT * FROM api_token WHERE id = $1`, [created.id]);
    expect(row.token_hash).toBe(hashToken(created.token));
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(created.token.startsWith(String(row.prefix))).toBe(true);
    expect(String(row.prefix).length).toBeLessThan(16);
    for (const value of Object.values(row)) expect(String(value)).not.toContain(created.token.slice(TOKEN_PREFIX.length + 8));
    const audit = await one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entry WHERE entity_type = 'api_token' AND entity_id = $1 AND action = 'create'`, [created.id]);
    expect(Number(audit.n)).toBe(1);
  });

  it("acts as its user and records the last use", async () => {
    const created = await createApiToken(db.sql, ids.curator, { name: "last use", expiresAt: null });
    expect((await listApiTokens(db.sql, ids.curator)).find((t) => t.id === created.id)?.lastUsedAt).toBeNull();
    const when = new Date(Date.now() + 1000);
    const check = await authenticateToken(db.sql, created.token, when);
    expect(check.ok && check.user.id).toBe(ids.curator);
    expect(check.ok && check.user.role).toBe("CURATOR");
    const listed = (await listApiTokens(db.sql, ids.curator)).find((t) => t.id === created.id)!;
    expect(listed.lastUsedAt?.getTime()).toBe(when.getTime());
    expect(listed.state).toBe("active");
  });

  it("refuses unknown, malformed, revoked and expired tokens, and tokens of deactivated accounts", async () => {
    expect(await authenticateToken(db.sql, `${TOKEN_PREFIX}${"x".repeat(43)}`)).toEqual({ ok: false, reason: "unknown" });
    expect(await authenticateToken(db.sql, "not a token")).toEqual({ ok: false, reason: "malformed" });

    const revoked = await createApiToken(db.sql, ids.curator, { name: "to revoke", expiresAt: null });
    expect(await revokeApiToken(db.sql, ids.foreignCurator, revoked.id)).toBe(false); // not theirs
    expect(await revokeApiToken(db.sql, ids.curator, revoked.id)).toBe(true);
    expect(await revokeApiToken(db.sql, ids.curator, revoked.id)).toBe(false);
    expect(await authenticateToken(db.sql, revoked.token)).toEqual({ ok: false, reason: "revoked" });
    expect((await listApiTokens(db.sql, ids.curator)).find((t) => t.id === revoked.id)?.state).toBe("revoked");

    const expiring = await createApiToken(db.sql, ids.curator, { name: "short", expiresAt: new Date(Date.now() + 60_000) });
    expect((await authenticateToken(db.sql, expiring.token)).ok).toBe(true);
    expect(await authenticateToken(db.sql, expiring.token, new Date(Date.now() + 120_000))).toEqual({ ok: false, reason: "expired" });

    const gone = await createUser(db.sql, { email: "gone@test.invalid", name: "Gone", role: "CURATOR" });
    const goneToken = await createApiToken(db.sql, gone, { name: "x", expiresAt: null });
    await db.sql.query(`UPDATE app_user SET active = false WHERE id = $1`, [gone]);
    expect(await authenticateToken(db.sql, goneToken.token)).toEqual({ ok: false, reason: "inactive" });
  });

  it("answers 401 problems for revoked, expired and unknown bearer tokens, on reads and writes", async () => {
    const revoked = await createApiToken(db.sql, ids.curator, { name: "revoked", expiresAt: null });
    await revokeApiToken(db.sql, ids.curator, revoked.id);
    const expired = await createApiToken(db.sql, ids.curator, { name: "expired", expiresAt: new Date(Date.now() - 1000) });
    for (const [token, detail] of [
      [revoked.token, /revoked/],
      [expired.token, /expired/],
      [`${TOKEN_PREFIX}nope`, /not known/],
    ] as const) {
      const write = await send(createItemEndpoint, request("POST", "/api/v1/curate/items", { token, body: ARTICLE() }));
      expect(write.status).toBe(401);
      expect(write.headers.get("content-type")).toBe("application/problem+json");
      expect(write.headers.get("www-authenticate")).toContain('error="invalid_token"');
      expect((await write.json()).detail).toMatch(detail);
      const read = await runApi({ request: request("GET", "/api/v1/items", { token }), sql: db.sql, rateLimit: { limit: 1, windowSeconds: 60 } }, itemsEndpoint);
      expect(read.status).toBe(401);
    }
    const basic = await send(createItemEndpoint, request("POST", "/api/v1/curate/items", { headers: { authorization: "Basic dXNlcjpwYXNz" }, body: ARTICLE() }));
    expect(basic.status).toBe(401);
  });

  it("lifts the anonymous rate limit for a valid token", async () => {
    const rateLimit = { limit: 1, windowSeconds: 3600 };
    const headers = {};
    const anonymous = () => runApi({ request: request("GET", "/api/v1/items", { headers }), sql: db.sql, rateLimit }, itemsEndpoint);
    await anonymous();
    expect((await anonymous()).status).toBe(429);
    for (let i = 0; i < 3; i++) {
      const authed = await runApi({ request: request("GET", "/api/v1/items", { token: tokens.curator, headers }), sql: db.sql, rateLimit }, itemsEndpoint);
      expect(authed.status).toBe(200);
      expect(authed.headers.get("ratelimit-limit")).toBeNull();
    }
  });
});

describe("POST /api/v1/curate/items", () => {
  it("refuses anonymous callers with 401", async () => {
    const res = await send(createItemEndpoint, request("POST", "/api/v1/curate/items", { body: ARTICLE() }));
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
    expect((await res.json()).title).toBe("Unauthorized");
  });

  it("refuses a curator of another unit, and a researcher, with 403", async () => {
    for (const token of [tokens.foreign, tokens.researcher]) {
      const res = await send(createItemEndpoint, request("POST", "/api/v1/curate/items", { token, body: ARTICLE() }));
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    const mapped = await send(createItemEndpoint, request("POST", "/api/v1/curate/items", { token: tokens.curator, body: { ...ARTICLE(), mappedCollectionIds: [ids.foreign] } }));
    expect(mapped.status).toBe(403);
    expect(Number((await one<{ n: number }>(`SELECT count(*)::int AS n FROM item`)).n)).toBe(0);
  });

  it("names each invalid field (422), and refuses bodies that are not JSON objects (400, 415)", async () => {
    const res = await send(
      createItemEndpoint,
      request("POST", "/api/v1/curate/items", { token: tokens.curator, body: { ...ARTICLE(), title: "", doi: "not a doi", issueDate: "2023-02-30", contributors: [{ name: "X", orcid: "0000-0000-0000-0000" }] } }),
    );
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const body = await res.json();
    const byName = Object.fromEntries(body.errors.map((e: { name: string; code: string; reason: string }) => [e.name, e]));
    expect(byName.title.code).toBe("required");
    expect(byName.doi.code).toBe("invalidDoi");
    expect(byName.issueDate.code).toBe("invalidDate");
    expect(byName["contributors.0.orcid"].code).toBe("invalidOrcid");
    expect(byName.doi.reason).toMatch(/Not a DOI/);

    const broken = await send(createItemEndpoint, request("POST", "/api/v1/curate/items", { token: tokens.curator, body: "{ not json" }));
    expect(broken.status).toBe(400);
    const list = await send(createItemEndpoint, request("POST", "/api/v1/curate/items", { token: tokens.curator, body: [1, 2] }));
    expect(list.status).toBe(400);
    const form = await send(createItemEndpoint, request("POST", "/api/v1/curate/items", { token: tokens.curator, body: "title=x", headers: { "content-type": "application/x-www-form-urlencoded" } }));
    expect(form.status).toBe(415);
    const unknown = await send(createItemEndpoint, request("POST", "/api/v1/curate/items", { token: tokens.curator, body: { ...ARTICLE(), contributors: [{ name: "X", researcherId: 999999 }] } }));
    expect(unknown.status).toBe(422);
    expect(Number((await one<{ n: number }>(`SELECT count(*)::int AS n FROM item`)).n)).toBe(0);
  });

  it("creates a draft as the token's user, stores hostile text faithfully, and writes an audit entry", async () => {
    const res = await send(createItemEndpoint, request("POST", "/api/v1/curate/items", { token: tokens.curator, body: ARTICLE() }));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(res.headers.get("location")).toBe(`/api/v1/curate/items/${body.id}`);
    expect(res.headers.get("etag")).toBe(`"${body.id}.1"`);
    expect(body).toMatchObject({ status: "DRAFT", version: 1, title: "Hippocampal <b>circuits</b> under stress", doi: "10.5555/api.1", handle: expect.stringMatching(/^123\.test\/\d+$/) });
    const row = await one<{ created_by_id: number; title: string }>(`SELECT created_by_id, title FROM item WHERE id = $1`, [body.id]);
    expect(row).toEqual({ created_by_id: ids.curator, title: "Hippocampal <b>circuits</b> under stress" });
    const audit = await one<{ user_id: number; action: string }>(`SELECT user_id, action FROM audit_entry WHERE entity_type = 'item' AND entity_id = $1`, [body.id]);
    expect(audit).toEqual({ user_id: ids.curator, action: "create" });
  });

  it("accepts a same-site session and refuses a cross-site one (403)", async () => {
    const curator = await authenticateToken(db.sql, tokens.curator);
    const session = async () => (curator.ok ? curator.user : null);
    const crossSite = await send(createItemEndpoint, request("POST", "/api/v1/curate/items", { body: ARTICLE(), headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" } }), session);
    expect(crossSite.status).toBe(403);
    const sameSite = await send(createItemEndpoint, request("POST", "/api/v1/curate/items", { body: ARTICLE(), headers: { "sec-fetch-site": "same-origin", origin: "http://localhost" } }), session);
    expect(sameSite.status).toBe(201);
  });
});

describe("cross-site check of cookie-authenticated writes", () => {
  const req = (headers: Record<string, string>) => new Request("http://portal.example/api/v1/curate/items", { method: "POST", headers: { host: "portal.example", ...headers } });
  it("follows Sec-Fetch-Site, then Origin, and lets non-browser clients through", () => {
    expect(isSameOriginRequest(req({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(req({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOriginRequest(req({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest(req({ origin: "http://portal.example" }))).toBe(true);
    expect(isSameOriginRequest(req({ origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginRequest(req({ origin: "null" }))).toBe(false);
    expect(isSameOriginRequest(req({}))).toBe(true);
    expect(isSameOriginRequest(req({ origin: "https://repository.example.org" }), "https://repository.example.org")).toBe(true);
  });
});

describe("GET, PUT and PATCH /api/v1/curate/items/{id}", () => {
  it("reads an item for editing with its ETag; 401, 403 and 404 otherwise", async () => {
    const { id, etag } = await createDraft();
    const res = await send(getEditableItemEndpoint({ id: String(id) }), request("GET", `/api/v1/curate/items/${id}`, { token: tokens.curator }));
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe(etag);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect((await res.json()).links.html).toMatch(/^\/handle\//);
    expect((await send(getEditableItemEndpoint({ id: String(id) }), request("GET", `/x`))).status).toBe(401);
    expect((await send(getEditableItemEndpoint({ id: String(id) }), request("GET", `/x`, { token: tokens.foreign }))).status).toBe(403);
    expect((await send(getEditableItemEndpoint({ id: "99999999" }), request("GET", `/x`, { token: tokens.curator }))).status).toBe(404);
    expect((await send(getEditableItemEndpoint({ id: "abc" }), request("GET", `/x`, { token: tokens.curator }))).status).toBe(404);
  });

  it("refuses anonymous (401) and other units' curators (403) before anything else", async () => {
    const { id, etag } = await createDraft();
    const put = (token?: string) => send(updateItemEndpoint({ id: String(id) }, "replace"), request("PUT", `/x`, { token, body: { ...ARTICLE(), title: "Changed" }, headers: { "if-match": etag } }));
    expect((await put()).status).toBe(401);
    expect((await put(tokens.foreign)).status).toBe(403);
    expect((await put(tokens.researcher)).status).toBe(403);
    expect(await auditCount(id)).toBe(1);
  });

  it("needs If-Match (428), refuses a stale version (412) and names invalid fields (422)", async () => {
    const { id, etag } = await createDraft();
    const update = (headers: Record<string, string>, body: unknown = { ...ARTICLE(), title: "Changed" }) =>
      send(updateItemEndpoint({ id: String(id) }, "replace"), request("PUT", `/x`, { token: tokens.curator, body, headers }));
    expect((await update({})).status).toBe(428);
    const stale = await update({ "if-match": `"${id}.7"` });
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({ status: 412, currentVersion: 1 });
    const invalid = await update({ "if-match": etag }, { ...ARTICLE(), type: "POEM", pageCount: "many" });
    expect(invalid.status).toBe(422);
    const names = (await invalid.json()).errors.map((e: { name: string }) => e.name);
    expect(names).toEqual(expect.arrayContaining(["type", "pageCount"]));
    const foreign = await update({ "if-match": etag }, { ...ARTICLE(), collectionId: ids.foreign });
    expect(foreign.status).toBe(403);
    expect(await auditCount(id)).toBe(1);
  });

  it("replaces the fields (PUT), changes only the fields sent (PATCH), each with an audit entry; the second of two writes from one version gets 412", async () => {
    const { id, etag } = await createDraft();
    const put = await send(updateItemEndpoint({ id: String(id) }, "replace"), request("PUT", `/x`, { token: tokens.curator, body: { type: "DATASET", title: "Replaced", collectionId: ids.articles }, headers: { "if-match": etag } }));
    expect(put.status).toBe(200);
    const replaced = await put.json();
    expect(replaced).toMatchObject({ version: 2, type: "DATASET", title: "Replaced", doi: null, keywords: [], contributors: [] });
    expect(put.headers.get("etag")).toBe(`"${id}.2"`);

    const patch = await send(updateItemEndpoint({ id: String(id) }, "merge"), request("PATCH", `/x`, { token: tokens.curator, body: { abstract: "Only this changes." }, headers: { "if-match": put.headers.get("etag")! } }));
    expect(patch.status).toBe(200);
    expect(await patch.json()).toMatchObject({ version: 3, type: "DATASET", title: "Replaced", abstract: "Only this changes." });

    const late = await send(updateItemEndpoint({ id: String(id) }, "merge"), request("PATCH", `/x`, { token: tokens.curator, body: { abstract: "Lost update" }, headers: { "if-match": put.headers.get("etag")! } }));
    expect(late.status).toBe(412);

    const audit = await db.sql.query<{ action: string; user_id: number; changes: unknown }>(`SELECT action, user_id, changes FROM audit_entry WHERE entity_type = 'item' AND entity_id = $1 ORDER BY id`, [id]);
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "update"]);
    expect(audit.every((a) => Number(a.user_id) === ids.curator)).toBe(true);
    const last = (typeof audit[2].changes === "string" ? JSON.parse(audit[2].changes) : audit[2].changes) as Record<string, unknown>;
    expect(Object.keys(last)).toEqual(["abstract"]);
  });

  it("lets exactly one of two concurrent writes from the same version win", async () => {
    const { id, etag } = await createDraft();
    const write = (title: string) =>
      send(updateItemEndpoint({ id: String(id) }, "merge"), request("PATCH", `/x`, { token: tokens.curator, body: { title }, headers: { "if-match": etag } }));
    const results = await Promise.all([write("First"), write("Second")]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    expect(await auditCount(id, "update")).toBe(1);
  });
});

describe("POST /api/v1/curate/items/{id}/status", () => {
  it("moves an item along the workflow with If-Match, refusing what the workflow forbids", async () => {
    const { id, etag } = await createDraft();
    const move = (body: unknown, headers: Record<string, string>, token: string | null = tokens.curator) =>
      send(changeStatusEndpoint({ id: String(id) }), request("POST", `/x`, { token: token ?? undefined, body, headers }));
    expect((await move({ status: "PUBLISHED" }, { "if-match": etag }, null)).status).toBe(401);
    expect((await move({ status: "PUBLISHED" }, { "if-match": etag }, tokens.foreign)).status).toBe(403);
    expect((await move({ status: "PUBLISHED" }, {})).status).toBe(428);
    const bad = await move({ status: "GONE" }, { "if-match": etag });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].name).toBe("status");
    const notAllowed = await move({ status: "WITHDRAWN", reason: "dup" }, { "if-match": etag });
    expect(notAllowed.status).toBe(409);

    const published = await move({ status: "PUBLISHED" }, { "if-match": etag });
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ status: "PUBLISHED", version: 2, publishedAt: expect.any(String) });
    const noReason = await move({ status: "WITHDRAWN" }, { "if-match": published.headers.get("etag")! });
    expect(noReason.status).toBe(422);
    expect((await noReason.json()).errors[0]).toMatchObject({ name: "reason", code: "reasonRequired" });
    const stale = await move({ status: "DRAFT" }, { "if-match": etag });
    expect(stale.status).toBe(412);

    const audit = await one<{ action: string; summary: string; user_id: number }>(`SELECT action, summary, user_id FROM audit_entry WHERE entity_type = 'item' AND entity_id = $1 AND action = 'status'`, [id]);
    expect(audit).toEqual({ action: "status", summary: "DRAFT → PUBLISHED", user_id: ids.curator });
    const publicList = await runApi({ request: request("GET", "/api/v1/items?limit=100"), sql: db.sql, rateLimit: { limit: 0, windowSeconds: 60 } }, itemsEndpoint);
    expect((await publicList.json()).data.map((d: { id: number }) => d.id)).toContain(id);
  });
});

describe("the audit trail of writes made with an API token", () => {
  const tokenId = async (token: string) => Number((await one<{ id: number }>(`SELECT id FROM api_token WHERE token_hash = $1`, [hashToken(token)])).id);

  it("names the token in the item's audit entries and history; a session's writes name none", async () => {
    const { id, etag } = await createDraft();
    const patch = await send(updateItemEndpoint({ id: String(id) }, "merge"), request("PATCH", `/x`, { token: tokens.curator, body: { abstract: "Via the script." }, headers: { "if-match": etag } }));
    expect(patch.status).toBe(200);
    const curator = await authenticateToken(db.sql, tokens.curator);
    const session = async () => (curator.ok ? curator.user : null);
    const bySession = await send(
      updateItemEndpoint({ id: String(id) }, "merge"),
      request("PATCH", `/x`, { body: { abstract: "Via the workspace." }, headers: { "if-match": patch.headers.get("etag")!, "sec-fetch-site": "same-origin" } }),
      session,
    );
    expect(bySession.status).toBe(200);

    const audit = await db.sql.query<{ action: string; user_id: number; api_token_id: number | null }>(
      `SELECT action, user_id, api_token_id FROM audit_entry WHERE entity_type = 'item' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    const script = await tokenId(tokens.curator);
    expect(audit.map((a) => [a.action, Number(a.user_id), a.api_token_id === null ? null : Number(a.api_token_id)])).toEqual([
      ["create", ids.curator, script],
      ["update", ids.curator, script],
      ["update", ids.curator, null],
    ]);
    const history = await listHistory(db.sql, "item", id);
    expect(history.map((h) => [h.version, h.userName, h.apiToken])).toEqual([
      [3, "Curator", null],
      [2, "Curator", "script"],
      [1, "Curator", "script"],
    ]);
    // A revoked token still names the writes it made.
    await revokeApiToken(db.sql, ids.curator, script);
    expect((await listHistory(db.sql, "item", id)).map((h) => h.apiToken)).toEqual([null, "script", "script"]);
    tokens.curator = (await createApiToken(db.sql, ids.curator, { name: "script", expiresAt: null })).token;
  });

  it("names the token in file entries written inside a token's request (the guard of the file and photo routes)", async () => {
    const { id } = await createDraft();
    const [file] = await db.sql.query<{ id: number }>(
      `INSERT INTO file (item_id, file_name, mime_type, size, sha256, storage_key, updated_at) VALUES ($1, 'paper.pdf', 'application/pdf', 10, 'x', $2, now()) RETURNING id`,
      [id, `audit-${id}`],
    );
    const user = await authenticateToken(db.sql, tokens.curator);
    if (!user.ok) throw new Error("token");
    await actAs({ user: user.user, via: "token", tokenId: user.tokenId }, () =>
      updateFile(db.sql, { fileId: Number(file.id), changes: { access: "EMBARGOED", embargoUntil: "2030-01-01" }, userId: ids.curator }),
    );
    await actAs({ user: user.user, via: "session" }, () => updateFile(db.sql, { fileId: Number(file.id), changes: { description: "Accepted version" }, userId: ids.curator }));
    // Outside any request (scripts, the seed), nothing is named either.
    await updateFile(db.sql, { fileId: Number(file.id), changes: { description: "Final" }, userId: null });
    const entries = await listItemFileHistory(db.sql, id);
    expect(entries.map((e) => [e.action, e.userName, e.apiToken])).toEqual([
      ["file.update", null, null],
      ["file.update", "Curator", null],
      ["file.update", "Curator", "script"],
    ]);
  });
});
