// Integration tests of the /api/v1 write endpoints for researchers, units and collections on a
// real database (PGlite, or PostgreSQL with TEST_DATABASE_URL). For each kind of record: create,
// read with its ETag, change with If-Match (428 without, 412 from an older version), field errors
// (422), other units' curators (403), anonymous callers (401), audit entries naming the API token,
// old slugs kept after a slug change, and the public pages invalidated. Then what only one kind
// has: a researcher's own account may not curate the profile (the workspace edits profiles by unit
// only), a unit may not move into its own subtree, a collection moves only between units the
// caller curates. Cookie sessions are stood in for by a session loader.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-db";
import { createUser } from "../auth/users";
import { authenticateToken, createApiToken, hashToken, type TokenUser } from "../auth/tokens";
import { findCurrentSlug } from "../curate/old-slugs";
import { COLLECTIONS, createRecordEndpoint, getEditableRecordEndpoint, RESEARCHERS, UNITS, updateRecordEndpoint, type RecordKind } from "./record-writes";
import { runWrite, type WriteEndpoint } from "./writes";

let db: TestDatabase;
const ids: Record<string, number> = {};
const tokens: Record<string, string> = {};
let invalidated: string[][] = [];

async function one<T>(text: string, params: unknown[] = []): Promise<T> {
  const [row] = await db.sql.query<T>(text, params);
  return row;
}

beforeAll(async () => {
  db = await createTestDatabase();
  ids.root = (await one<{ id: number }>(`INSERT INTO unit (slug, name, updated_at) VALUES ('institute', 'Institute', now()) RETURNING id`)).id;
  ids.lab = (await one<{ id: number }>(`INSERT INTO unit (slug, name, parent_id, updated_at) VALUES ('lab', 'Neuro Lab', $1, now()) RETURNING id`, [ids.root])).id;
  ids.sub = (await one<{ id: number }>(`INSERT INTO unit (slug, name, parent_id, updated_at) VALUES ('lab-group', 'Lab Group', $1, now()) RETURNING id`, [ids.lab])).id;
  ids.other = (await one<{ id: number }>(`INSERT INTO unit (slug, name, parent_id, updated_at) VALUES ('other', 'Other Lab', $1, now()) RETURNING id`, [ids.root])).id;
  ids.ownProfile = (await one<{ id: number }>(`INSERT INTO researcher (slug, display_name, primary_unit_id, updated_at) VALUES ('own-profile', 'Own, Profile', $1, now()) RETURNING id`, [ids.lab])).id;
  await db.sql.query(`INSERT INTO researcher_unit (researcher_id, unit_id) VALUES ($1, $2)`, [ids.ownProfile, ids.lab]);
  ids.admin = await createUser(db.sql, { email: "admin@test.invalid", name: "Admin", role: "ADMIN" });
  ids.curator = await createUser(db.sql, { email: "curator@test.invalid", name: "Curator", role: "CURATOR", unitIds: [ids.lab] });
  ids.foreignCurator = await createUser(db.sql, { email: "foreign@test.invalid", name: "Foreign", role: "CURATOR", unitIds: [ids.other] });
  ids.researcher = await createUser(db.sql, { email: "researcher@test.invalid", name: "Researcher", role: "RESEARCHER", researcherId: ids.ownProfile });
  tokens.admin = (await createApiToken(db.sql, ids.admin, { name: "admin script", expiresAt: null })).token;
  tokens.curator = (await createApiToken(db.sql, ids.curator, { name: "script", expiresAt: null })).token;
  tokens.foreign = (await createApiToken(db.sql, ids.foreignCurator, { name: "foreign script", expiresAt: null })).token;
  tokens.researcher = (await createApiToken(db.sql, ids.researcher, { name: "mine", expiresAt: null })).token;
});

afterAll(async () => {
  await db?.close();
});

beforeEach(() => {
  invalidated = [];
});

const noSession = async () => null;

function request(method: string, init: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Request {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return new Request("http://localhost/api/v1/curate/x", { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}

function send(endpoint: WriteEndpoint, req: Request, loadSession: () => Promise<TokenUser | null> = noSession) {
  return runWrite(req, { sql: db.sql, loadSession, invalidate: { researcher: (...slugs) => invalidated.push(["researcher", ...slugs]), units: () => invalidated.push(["units"]) } }, endpoint);
}

let counter = 0;
const unique = (base: string) => `${base}-${++counter}`;

type Kind = RecordKind<{ id: number; version: number; slug: string }, object>;
type Case = {
  noun: "researcher" | "unit" | "collection";
  kind: Kind;
  /** A valid new record in the curator's unit (lab). */
  fields: () => Record<string, unknown>;
  /** The same, placed in the other curator's unit. */
  foreign: () => Record<string, unknown>;
  /** Invalid fields, and the names and codes the 422 must give. */
  invalid: Record<string, unknown>;
  errors: Record<string, string>;
  patch: Record<string, unknown>;
  /** What the public pages invalidated after a save from `before` to `after` slug are. */
  invalidation: (before: string, after: string) => string[];
};

const CASES: Case[] = [
  {
    noun: "researcher",
    kind: RESEARCHERS as unknown as Kind,
    fields: () => ({ slug: unique("kim-min"), displayName: "Kim, Min <i>PhD</i>", primaryUnitId: ids.lab, researchInterests: ["memory"], links: [{ label: "Lab", url: "https://lab.example" }] }),
    foreign: () => ({ slug: unique("far-away"), displayName: "Far, Away", primaryUnitId: ids.other }),
    invalid: { slug: "Not A Slug!", displayName: "", orcid: "0000-0000-0000-0000", email: "nobody" },
    errors: { slug: "invalidSlug", displayName: "required", orcid: "invalidOrcid", email: "invalidEmail" },
    patch: { position: "Professor" },
    invalidation: (before, after) => ["researcher", before, after],
  },
  {
    noun: "unit",
    kind: UNITS as unknown as Kind,
    fields: () => ({ slug: unique("imaging"), name: "Imaging Core", altName: "영상 코어", parentId: ids.lab }),
    foreign: () => ({ slug: unique("elsewhere"), name: "Elsewhere", parentId: ids.other }),
    invalid: { slug: "Bad Slug", name: "", altLang: "x!" },
    errors: { slug: "invalidSlug", name: "required", altLang: "invalidLanguage" },
    patch: { description: "Microscopes and more." },
    invalidation: () => ["units"],
  },
  {
    noun: "collection",
    kind: COLLECTIONS as unknown as Kind,
    fields: () => ({ slug: unique("datasets"), name: "Datasets", unitId: ids.lab }),
    foreign: () => ({ slug: unique("their-data"), name: "Their data", unitId: ids.other }),
    invalid: { slug: "-bad", name: "", unitId: "" },
    errors: { slug: "invalidSlug", name: "required", unitId: "required" },
    patch: { description: "Data behind the articles." },
    invalidation: () => ["units"],
  },
];

const tokenId = async (token: string) => Number((await one<{ id: number }>(`SELECT id FROM api_token WHERE token_hash = $1`, [hashToken(token)])).id);

async function auditOf(type: string, id: number) {
  const rows = await db.sql.query<{ action: string; user_id: number; api_token_id: number | null; changes: unknown }>(
    `SELECT action, user_id, api_token_id, changes FROM audit_entry WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
    [type, id],
  );
  return rows.map((r) => ({
    action: r.action,
    userId: Number(r.user_id),
    tokenId: r.api_token_id === null ? null : Number(r.api_token_id),
    changed: Object.keys((typeof r.changes === "string" ? JSON.parse(r.changes) : r.changes) as object),
  }));
}

describe.each(CASES)("/api/v1/curate: $noun", (c) => {
  const create = (token: string | undefined, body: unknown) => send(createRecordEndpoint(c.kind), request("POST", { token, body }));
  const get = (id: number | string, token?: string) => send(getEditableRecordEndpoint(c.kind, { id: String(id) }), request("GET", { token }));
  const update = (id: number, mode: "replace" | "merge", body: unknown, headers: Record<string, string> = {}, token: string | null = tokens.curator) =>
    send(updateRecordEndpoint(c.kind, { id: String(id) }, mode), request(mode === "merge" ? "PATCH" : "PUT", { token: token ?? undefined, body, headers }));

  async function created(fields = c.fields()): Promise<{ id: number; etag: string; body: Record<string, unknown> }> {
    const res = await create(tokens.curator, fields);
    expect(res.status).toBe(201);
    return { id: Number(res.headers.get("location")!.split("/").pop()), etag: res.headers.get("etag")!, body: await res.json() };
  }

  it("creates with the token's rights: 201 with Location and ETag, the fields as the editor stores them, an audit entry naming the token", async () => {
    const fields = c.fields();
    const res = await create(tokens.curator, fields);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(res.headers.get("location")).toBe(`/api/v1/curate/${c.kind.segment}/${body.id}`);
    expect(res.headers.get("etag")).toBe(`"${body.id}.1"`);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(body).toMatchObject({ ...fields, id: expect.any(Number), version: 1 });
    expect(await auditOf(c.noun, body.id)).toEqual([{ action: "create", userId: ids.curator, tokenId: await tokenId(tokens.curator), changed: expect.arrayContaining(["slug"]) }]);
    expect(invalidated).toEqual([c.invalidation(fields.slug as string, fields.slug as string)]);
  });

  it("refuses anonymous callers (401) and other units' curators (403), writing nothing", async () => {
    const { id, etag } = await created();
    const fields = c.fields();
    expect((await create(undefined, fields)).status).toBe(401);
    expect((await get(id)).status).toBe(401);
    const anonymous = await update(id, "merge", c.patch, { "if-match": etag }, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");

    const foreignCreate = await create(tokens.foreign, fields);
    expect(foreignCreate.status).toBe(403);
    expect(foreignCreate.headers.get("content-type")).toBe("application/problem+json");
    expect((await create(tokens.curator, c.foreign())).status).toBe(403);
    expect((await get(id, tokens.foreign)).status).toBe(403);
    expect((await update(id, "merge", c.patch, { "if-match": etag }, tokens.foreign)).status).toBe(403);
    expect((await update(id, "replace", { ...fields, slug: "taken-over" }, { "if-match": etag }, tokens.foreign)).status).toBe(403);

    const [row] = await db.sql.query(`SELECT 1 FROM ${c.noun} WHERE slug = $1`, [fields.slug]);
    expect(row).toBeUndefined();
    expect((await auditOf(c.noun, id)).map((a) => a.action)).toEqual(["create"]);
  });

  it("reads the record for editing with the ETag of its version; 404 for an unknown id", async () => {
    const { id, etag, body } = await created();
    const res = await get(id, tokens.curator);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe(etag);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(await res.json()).toEqual(body);
    expect((await get(99_999_999, tokens.curator)).status).toBe(404);
    expect((await get("abc", tokens.curator)).status).toBe(404);
    // Administrators edit everything.
    expect((await get(id, tokens.admin)).status).toBe(200);
  });

  it("needs If-Match (428), refuses an older version (412) and names invalid fields (422), writing nothing", async () => {
    const { id, etag } = await created();
    const missing = await update(id, "merge", c.patch);
    expect(missing.status).toBe(428);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    const stale = await update(id, "merge", c.patch, { "if-match": `"${id}.9"` });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("etag")).toBe(etag);
    expect(await stale.json()).toMatchObject({ status: 412, currentVersion: 1 });

    const invalid = await update(id, "merge", c.invalid, { "if-match": etag });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("content-type")).toBe("application/problem+json");
    const problem = await invalid.json();
    const codes = Object.fromEntries(problem.errors.map((e: { name: string; code: string }) => [e.name, e.code]));
    expect(codes).toMatchObject(c.errors);
    expect(problem.errors.every((e: { reason: string }) => e.reason.length > 0 && e.reason !== "required")).toBe(true);
    expect(problem.detail).toMatch(/^Check these fields: /);

    const created422 = await create(tokens.curator, { ...c.fields(), ...c.invalid });
    expect(created422.status).toBe(422);
    expect((await auditOf(c.noun, id)).map((a) => a.action)).toEqual(["create"]);
  });

  it("changes only the fields sent (PATCH), replaces them all (PUT), each with an audit entry; a second write from the same version gets 412", async () => {
    const fields = c.fields();
    const { id, etag } = await created(fields);
    const patch = await update(id, "merge", c.patch, { "if-match": etag });
    expect(patch.status).toBe(200);
    expect(patch.headers.get("etag")).toBe(`"${id}.2"`);
    expect(await patch.json()).toMatchObject({ ...fields, ...c.patch, version: 2 });

    const late = await update(id, "merge", c.patch, { "if-match": etag });
    expect(late.status).toBe(412);

    const replaced = await update(id, "replace", fields, { "if-match": patch.headers.get("etag")! });
    expect(replaced.status).toBe(200);
    const after = await replaced.json();
    expect(after).toMatchObject({ ...fields, version: 3 });
    for (const key of Object.keys(c.patch)) expect(after[key]).toBeNull();

    const script = await tokenId(tokens.curator);
    const patchedKeys = Object.keys(c.patch);
    expect(await auditOf(c.noun, id)).toEqual([
      { action: "create", userId: ids.curator, tokenId: script, changed: expect.any(Array) },
      { action: "update", userId: ids.curator, tokenId: script, changed: patchedKeys },
      { action: "update", userId: ids.curator, tokenId: script, changed: patchedKeys },
    ]);
  });

  it("keeps the old slug after a slug change: it leads to the record, and both slugs' pages are invalidated", async () => {
    const { id, etag, body } = await created();
    const oldSlug = body.slug as string;
    const newSlug = unique(`renamed-${c.noun}`);
    invalidated = [];
    const res = await update(id, "merge", { slug: newSlug.toUpperCase() }, { "if-match": etag });
    expect(res.status).toBe(200);
    expect((await res.json()).slug).toBe(newSlug);
    expect(Number((await one<{ entity_id: number }>(`SELECT entity_id FROM slug_redirect WHERE entity_type = $1 AND old_slug = $2`, [c.noun, oldSlug])).entity_id)).toBe(id);
    expect(await findCurrentSlug(db.sql, c.noun, oldSlug)).toBe(newSlug);
    expect(invalidated).toEqual([c.invalidation(oldSlug, newSlug)]);

    // A slug another record has is refused, naming the field.
    const other = await created();
    const taken = await update(other.id, "merge", { slug: newSlug }, { "if-match": other.etag });
    expect(taken.status).toBe(422);
    expect((await taken.json()).errors).toEqual([{ name: "slug", code: "slugTaken", reason: "Another record already uses this slug." }]);
  });

  it("accepts a same-site session (its audit entries name no token) and refuses a cross-site one (403)", async () => {
    const { id, etag } = await created();
    const curator = await authenticateToken(db.sql, tokens.curator);
    const session = async () => (curator.ok ? curator.user : null);
    const patch = (headers: Record<string, string>) => send(updateRecordEndpoint(c.kind, { id: String(id) }, "merge"), request("PATCH", { body: c.patch, headers: { "if-match": etag, ...headers } }), session);
    expect((await patch({ "sec-fetch-site": "cross-site", origin: "https://evil.example" })).status).toBe(403);
    expect((await patch({ "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await auditOf(c.noun, id)).at(-1)).toMatchObject({ action: "update", userId: ids.curator, tokenId: null });
  });
});

describe("researcher profiles through the API", () => {
  const patch = async (id: number, body: unknown, token: string) => {
    const read = await send(getEditableRecordEndpoint(RESEARCHERS, { id: String(id) }), request("GET", { token: tokens.admin }));
    return send(updateRecordEndpoint(RESEARCHERS, { id: String(id) }, "merge"), request("PATCH", { token, body, headers: { "if-match": read.headers.get("etag")! } }));
  };

  it("refuses a researcher's own account on their profile (the workspace edits profiles by unit; the own profile has its own screen)", async () => {
    expect((await send(getEditableRecordEndpoint(RESEARCHERS, { id: String(ids.ownProfile) }), request("GET", { token: tokens.researcher }))).status).toBe(403);
    expect((await patch(ids.ownProfile, { biography: "Written by myself." }, tokens.researcher)).status).toBe(403);
    expect((await send(createRecordEndpoint(RESEARCHERS), request("POST", { token: tokens.researcher, body: { slug: "self-made", displayName: "Self", primaryUnitId: ids.lab } }))).status).toBe(403);
    expect(await one(`SELECT biography FROM researcher WHERE id = $1`, [ids.ownProfile])).toEqual({ biography: null });
    // Its curator may.
    expect((await patch(ids.ownProfile, { biography: "Written by the curator." }, tokens.curator)).status).toBe(200);
  });

  it("needs rights on every unit a profile is newly put in; a profile without a unit is the administrator's", async () => {
    const withOther = await patch(ids.ownProfile, { unitIds: [ids.other] }, tokens.curator);
    expect(withOther.status).toBe(403);
    expect((await patch(ids.ownProfile, { unitIds: [ids.sub] }, tokens.curator)).status).toBe(200);
    const unknown = await patch(ids.ownProfile, { unitIds: [ids.sub, 987_654] }, tokens.admin);
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).errors[0]).toMatchObject({ name: "unitIds", code: "unknownUnit" });

    const homeless = { slug: unique("homeless"), displayName: "Homeless, Profile" };
    expect((await send(createRecordEndpoint(RESEARCHERS), request("POST", { token: tokens.curator, body: homeless }))).status).toBe(403);
    const byAdmin = await send(createRecordEndpoint(RESEARCHERS), request("POST", { token: tokens.admin, body: homeless }));
    expect(byAdmin.status).toBe(201);
    expect(await byAdmin.json()).toMatchObject({ primaryUnitId: null, unitIds: [], urls: { html: `/researchers/${homeless.slug}` } });
  });
});

describe("moving units and collections through the API", () => {
  const moveUnit = async (id: number, parentId: number | null, token: string) => {
    const read = await send(getEditableRecordEndpoint(UNITS, { id: String(id) }), request("GET", { token: tokens.admin }));
    return send(updateRecordEndpoint(UNITS, { id: String(id) }, "merge"), request("PATCH", { token, body: { parentId }, headers: { "if-match": read.headers.get("etag")! } }));
  };

  it("refuses to move a unit under itself or one of its own sub-units (422 cycle), as the editor does", async () => {
    for (const [token, parent] of [[tokens.curator, ids.sub], [tokens.admin, ids.sub], [tokens.admin, ids.lab]] as const) {
      const res = await moveUnit(ids.lab, parent, token);
      expect(res.status).toBe(422);
      expect((await res.json()).errors).toEqual([{ name: "parentId", code: "cycle", reason: expect.stringMatching(/under itself/) }]);
    }
    expect(await one(`SELECT parent_id FROM unit WHERE id = $1`, [ids.lab])).toEqual({ parent_id: ids.root });
  });

  it("moves a unit only between places the caller covers; the top level is the administrator's", async () => {
    const res = await send(createRecordEndpoint(UNITS), request("POST", { token: tokens.curator, body: { slug: unique("movable"), name: "Movable", parentId: ids.sub } }));
    const unit = await res.json();
    expect((await moveUnit(unit.id, ids.other, tokens.curator)).status).toBe(403);
    expect((await moveUnit(unit.id, null, tokens.curator)).status).toBe(403);
    const moved = await moveUnit(unit.id, ids.lab, tokens.curator);
    expect(moved.status).toBe(200);
    expect((await moved.json()).parentId).toBe(ids.lab);
    expect((await moveUnit(unit.id, ids.other, tokens.admin)).status).toBe(200);
    expect((await send(createRecordEndpoint(UNITS), request("POST", { token: tokens.curator, body: { slug: unique("top"), name: "Top" } }))).status).toBe(403);
  });

  it("moves a collection only to a unit the caller also curates", async () => {
    const res = await send(createRecordEndpoint(COLLECTIONS), request("POST", { token: tokens.curator, body: { slug: unique("travelling"), name: "Travelling", unitId: ids.lab } }));
    const collection = await res.json();
    const move = (unitId: number, token: string, etag = res.headers.get("etag")!) =>
      send(updateRecordEndpoint(COLLECTIONS, { id: String(collection.id) }, "merge"), request("PATCH", { token, body: { unitId }, headers: { "if-match": etag } }));
    expect((await move(ids.other, tokens.curator)).status).toBe(403);
    const moved = await move(ids.sub, tokens.curator);
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ unitId: ids.sub, unitSlug: "lab-group", version: 2 });
    expect((await move(ids.other, tokens.admin, moved.headers.get("etag")!)).status).toBe(200);
    expect((await move(ids.lab, tokens.curator)).status).toBe(403);
  });
});
