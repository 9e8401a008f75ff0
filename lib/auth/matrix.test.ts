// The permission matrix: every write entry point (server actions and API write routes) called as
// anonymous, researcher, curator of the item's unit, curator of another unit and administrator,
// against a real database. Each row prepares its own target, so one row is all a new write needs.
// A refused call must leave the database exactly as it was; an allowed one must succeed.
//
// Only the session is substituted (Auth.js reads cookies of a request that a test does not have);
// Next's request-bound cache functions become no-ops for the same reason. The database is real.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionClaims } from "./config";

const session = vi.hoisted(() => ({ claims: null as SessionClaims | null }));

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/atrium-matrix-${process.pid}`;
});

vi.mock("./config", () => ({ auth: async () => (session.claims ? { claims: session.claims } : null) }));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), refresh: () => {}, revalidateTag: () => {}, revalidatePath: () => {} }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => {} }));

import { createTestDatabase, type TestDatabase } from "../db/test-db";
import { createItem, loadEditableItem, updateItem } from "../curate/items/store";
import { ZItemFields } from "../curate/items/schema";
import { uploadFile } from "../curate/files/files";
import { getStorage } from "../storage";
import { fileCorrection } from "../curate/corrections";
import { createItemAction, saveItemAction, changeStatusAction, restoreVersionAction } from "@/app/[lang]/curate/items/actions";
import { updateFileAction, moveFileAction, deleteFileAction } from "@/app/[lang]/curate/items/[id]/files/actions";
import { createUserAction, changeRoleAction, assignUnitsAction, setActiveAction, signOutUserEverywhereAction } from "@/app/[lang]/curate/admin/users/actions";
import { saveOwnProfileAction, fileCorrectionAction, decideCorrectionAction } from "@/app/[lang]/curate/me/actions";
import { restoreResearcherVersionAction } from "@/app/[lang]/curate/researchers/actions";
import { restoreUnitVersionAction } from "@/app/[lang]/curate/units/actions";
import { restoreCollectionVersionAction } from "@/app/[lang]/curate/collections/actions";
import { ZResearcherFields } from "../curate/researchers/schema";
import { createResearcher, updateResearcher } from "../curate/researchers/store";
import { ZCollectionFields, ZUnitFields } from "../curate/units/schema";
import { createCollection, createUnit, updateCollection, updateUnit } from "../curate/units/store";
import { POST as uploadRoute } from "@/app/api/v1/curate/files/route";
import { PUT as replaceRoute } from "@/app/api/v1/curate/files/[fileId]/route";

type Who = "anonymous" | "researcher" | "curator" | "otherCurator" | "admin";
const EVERYONE: Who[] = ["anonymous", "researcher", "curator", "otherCurator", "admin"];

let db: TestDatabase;
const ids = { unitA: 0, unitB: 0, collectionA: 0, collectionB: 0, researcher: 0, otherResearcher: 0 };
const users = {} as Record<Exclude<Who, "anonymous">, SessionClaims>;

/** Who may: the expected outcome per role. */
type Expect = Record<Who, boolean>;
const only = (...allowed: Who[]): Expect => Object.fromEntries(EVERYONE.map((w) => [w, allowed.includes(w)])) as Expect;

/** A write entry point: prepare a fresh target (as an administrator would have), then call it. */
type Row = { name: string; expect: Expect; call: () => Promise<() => Promise<boolean>> };

function form(values: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) for (const one of Array.isArray(v) ? v : [v]) f.append(k, one);
  return f;
}

/** A guarded action's outcome as allowed (ok) or not; a refusal other than 401/403 fails the test. */
async function viaAction(action: (p: null, f: FormData) => Promise<{ ok: boolean; status?: number; error?: string; message?: string }>, values: Record<string, string | string[]>): Promise<boolean> {
  const result = await action(null, form(values));
  if (!result.ok && result.status !== 401 && result.status !== 403) throw new Error(`refused for another reason: ${JSON.stringify(result)}`);
  return result.ok;
}

async function viaRoute(response: Promise<Response>): Promise<boolean> {
  const r = await response;
  if (r.status === 401 || r.status === 403) return false;
  if (!r.ok) throw new Error(`route answered ${r.status}: ${await r.text()}`);
  return true;
}

let counter = 0;
const unique = (s: string) => `${s}-${++counter}`;

async function newItem(collectionId = ids.collectionA, researcherId: number | null = ids.researcher) {
  const fields = ZItemFields.parse({ type: "JOURNAL_ARTICLE", title: unique("Matrix item"), collectionId, contributors: researcherId ? [{ name: "Koo, Ja Wook", researcherId }] : [] });
  return createItem(db.sql, fields, users.admin.id);
}

async function* bytes(text: string): AsyncIterable<Uint8Array> {
  yield new TextEncoder().encode(text);
}

async function newFile() {
  const item = await newItem();
  const file = await uploadFile(db.sql, getStorage(), { itemId: item.id, fileName: `${unique("notes")}.txt`, body: bytes(unique("content")), maxBytes: 1024 * 1024, userId: users.admin.id });
  return { item, file };
}

async function newUser(role = "RESEARCHER") {
  const [row] = await db.sql.query<{ id: number }>(`INSERT INTO app_user (email, name, role, updated_at) VALUES ($1, 'Someone', $2::role, now()) RETURNING id`, [`${unique("someone")}@x.invalid`, role]);
  return Number(row.id);
}

async function newCorrection(itemResearcher = ids.researcher) {
  const item = await newItem(ids.collectionA, itemResearcher);
  return fileCorrection(db.sql, { itemId: item.id, field: ["title"], value: [unique("Corrected title")], comment: null }, users.researcher.id);
}

async function itemFields(id: number) {
  const item = (await loadEditableItem(db.sql, id))!;
  const { id: _i, handle: _h, version, updatedAt: _u, publishedAt: _p, unitId: _n, researcherSlugs: _r, status: _s, withdrawnReason: _w, contributors, funding, keywords, subjects, mappedCollectionIds, ...rest } = item;
  void [_i, _h, _u, _p, _n, _r, _s, _w];
  const flat: Record<string, string | string[]> = { id: String(id), version: String(version), contributors: JSON.stringify(contributors), keywords: keywords.join("\n"), subjects: subjects.join("\n"), funding: funding.map((f) => f.funder).join("\n"), mappedCollectionIds: mappedCollectionIds.map(String) };
  for (const [k, v] of Object.entries(rest)) flat[k] = v === null ? "" : String(v);
  return flat;
}

const ROWS: Row[] = [
  {
    name: "item create",
    expect: only("curator", "admin"),
    call: async () => () => viaAction(createItemAction, { type: "JOURNAL_ARTICLE", title: unique("New"), collectionId: String(ids.collectionA) }),
  },
  {
    name: "item edit",
    expect: only("curator", "admin"),
    call: async () => {
      const item = await newItem();
      const values = { ...(await itemFields(item.id)), title: unique("Edited") };
      return () => viaAction(saveItemAction, values);
    },
  },
  {
    name: "item status",
    expect: only("curator", "admin"),
    call: async () => {
      const item = await newItem();
      return () => viaAction(changeStatusAction, { id: String(item.id), version: String(item.version), status: "PUBLISHED" });
    },
  },
  {
    name: "item restore",
    expect: only("curator", "admin"),
    call: async () => {
      const item = await newItem();
      const fields = ZItemFields.parse({ type: "JOURNAL_ARTICLE", title: unique("Second"), collectionId: ids.collectionA });
      await updateItem(db.sql, item.id, 1, fields, users.admin.id);
      return () => viaAction(restoreVersionAction, { id: String(item.id), version: "2", restore: "1" });
    },
  },
  {
    name: "file upload",
    expect: only("curator", "admin"),
    call: async () => {
      const item = await newItem();
      return () =>
        viaRoute(uploadRoute(new Request(`http://localhost/api/v1/curate/files?item=${item.id}&name=${unique("upload")}.txt`, { method: "POST", body: unique("uploaded text") }), undefined));
    },
  },
  {
    name: "file replace",
    expect: only("curator", "admin"),
    call: async () => {
      const { file } = await newFile();
      return () =>
        viaRoute(
          replaceRoute(new Request(`http://localhost/api/v1/curate/files/${file.id}?name=${file.fileName}`, { method: "PUT", body: unique("replaced text") }), {
            params: Promise.resolve({ fileId: String(file.id) }),
          }),
        );
    },
  },
  {
    name: "file reorder",
    expect: only("curator", "admin"),
    call: async () => {
      const { item, file } = await newFile();
      await uploadFile(db.sql, getStorage(), { itemId: item.id, fileName: `${unique("second")}.txt`, body: bytes(unique("more")), maxBytes: 1024 * 1024, userId: users.admin.id });
      return () => viaAction(moveFileAction, { fileId: String(file.id), direction: "down" });
    },
  },
  {
    name: "file describe / access",
    expect: only("curator", "admin"),
    call: async () => {
      const { file } = await newFile();
      return () => viaAction(updateFileAction, { fileId: String(file.id), description: unique("Described"), access: "RESTRICTED" });
    },
  },
  {
    name: "file delete",
    expect: only("curator", "admin"),
    call: async () => {
      const { file } = await newFile();
      return () => viaAction(deleteFileAction, { fileId: String(file.id) });
    },
  },
  {
    name: "user create",
    expect: only("admin"),
    call: async () => () => viaAction(createUserAction, { email: `${unique("new")}@x.invalid`, name: "New person", role: "RESEARCHER", password: "a long enough password" }),
  },
  {
    name: "user role",
    expect: only("admin"),
    call: async () => {
      const id = await newUser();
      return () => viaAction(changeRoleAction, { userId: String(id), role: "CURATOR" });
    },
  },
  {
    name: "user units",
    expect: only("admin"),
    call: async () => {
      const id = await newUser("CURATOR");
      return () => viaAction(assignUnitsAction, { userId: String(id), unitIds: [String(ids.unitB)] });
    },
  },
  {
    name: "user deactivate",
    expect: only("admin"),
    call: async () => {
      const id = await newUser();
      return () => viaAction(setActiveAction, { userId: String(id), active: "false" });
    },
  },
  {
    name: "user sign out everywhere",
    expect: only("admin"),
    call: async () => {
      const id = await newUser();
      return () => viaAction(signOutUserEverywhereAction, { userId: String(id) });
    },
  },
  {
    name: "own profile edit",
    expect: only("researcher"),
    call: async () => {
      const [r] = await db.sql.query<{ version: number }>(`SELECT version FROM researcher WHERE id = $1`, [ids.researcher]);
      return () => viaAction(saveOwnProfileAction, { version: String(r.version), biography: unique("<b>Bio</b>"), position: "Principal investigator", researchInterests: "memory\nsleep", showEmail: "on" });
    },
  },
  {
    name: "correction request on an own item",
    expect: only("researcher", "curator", "admin"),
    call: async () => {
      const item = await newItem();
      return () => viaAction(fileCorrectionAction, { itemId: String(item.id), field: "title", value: unique("Proposed title"), comment: "typo" });
    },
  },
  {
    name: "correction request on someone else's item",
    expect: only("curator", "admin"),
    call: async () => {
      const item = await newItem(ids.collectionA, ids.otherResearcher);
      return () => viaAction(fileCorrectionAction, { itemId: String(item.id), field: "title", value: unique("Proposed title"), comment: "" });
    },
  },
  {
    name: "correction accept",
    expect: only("curator", "admin"),
    call: async () => {
      const { id } = await newCorrection();
      return () => viaAction(decideCorrectionAction, { requestId: String(id), decision: "accept" });
    },
  },
  {
    name: "restore a researcher version",
    expect: only("curator", "admin"),
    call: async () => {
      const fields = (displayName: string) => ZResearcherFields.parse({ slug: unique("matrix-researcher"), displayName, primaryUnitId: ids.unitA });
      const r = await createResearcher(db.sql, fields("Park, A"), users.admin.id);
      await updateResearcher(db.sql, r.id, 1, { ...fields("Park, B"), slug: r.slug }, users.admin.id);
      return () => viaAction(restoreResearcherVersionAction, { id: String(r.id), version: "2", restore: "1" });
    },
  },
  {
    name: "restore a unit version",
    expect: only("curator", "admin"),
    call: async () => {
      const slug = unique("matrix-unit");
      const u = await createUnit(db.sql, ZUnitFields.parse({ slug, name: "Lab", parentId: ids.unitA }), users.admin.id);
      await updateUnit(db.sql, u.id, 1, ZUnitFields.parse({ slug, name: "Laboratory", parentId: ids.unitA }), users.admin.id);
      return () => viaAction(restoreUnitVersionAction, { id: String(u.id), version: "2", restore: "1" });
    },
  },
  {
    name: "restore a collection version",
    expect: only("curator", "admin"),
    call: async () => {
      const slug = unique("matrix-collection");
      const c = await createCollection(db.sql, ZCollectionFields.parse({ slug, name: "Articles", unitId: ids.unitA }), users.admin.id);
      await updateCollection(db.sql, c.id, 1, ZCollectionFields.parse({ slug, name: "Journal articles", unitId: ids.unitA }), users.admin.id);
      return () => viaAction(restoreCollectionVersionAction, { id: String(c.id), version: "2", restore: "1" });
    },
  },
  {
    name: "correction decline",
    expect: only("curator", "admin"),
    call: async () => {
      const { id } = await newCorrection();
      return () => viaAction(decideCorrectionAction, { requestId: String(id), decision: "decline", note: "The title is right as it is." });
    },
  },
];

/** Everything a write could change, as one comparable value. */
async function fingerprint(): Promise<string> {
  const [row] = await db.sql.query<Record<string, unknown>>(
    `SELECT (SELECT count(*) FROM audit_entry)::int AS audits,
            (SELECT md5(coalesce(string_agg(concat_ws('|', id, version, status, title, updated_at), ',' ORDER BY id), '')) FROM item) AS items,
            (SELECT md5(coalesce(string_agg(concat_ws('|', id, item_id, position, file_name, sha256, description, access, version), ',' ORDER BY id), '')) FROM file) AS files,
            (SELECT md5(coalesce(string_agg(concat_ws('|', id, email, role, active, sessions_valid_after), ',' ORDER BY id), '')) FROM app_user) AS users,
            (SELECT md5(coalesce(string_agg(concat_ws('|', user_id, unit_id), ',' ORDER BY user_id, unit_id), '')) FROM unit_assignment) AS assignments,
            (SELECT md5(coalesce(string_agg(concat_ws('|', id, version, biography, position, show_email), ',' ORDER BY id), '')) FROM researcher) AS researchers,
            (SELECT md5(coalesce(string_agg(concat_ws('|', id, status, decided_by_id), ',' ORDER BY id), '')) FROM correction_request) AS corrections`,
  );
  return JSON.stringify(row);
}

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as unknown as { __atriumDb?: Promise<unknown> }).__atriumDb = Promise.resolve({ db, prisma: null });
  const q = async (text: string, params: unknown[] = []) => Number((await db.sql.query<{ id: number }>(text, params))[0].id);
  const root = await q(`INSERT INTO unit (slug, name, updated_at) VALUES ('institute', 'Institute', now()) RETURNING id`);
  ids.unitA = await q(`INSERT INTO unit (slug, name, parent_id, updated_at) VALUES ('group-a', 'Group A', $1, now()) RETURNING id`, [root]);
  ids.unitB = await q(`INSERT INTO unit (slug, name, parent_id, updated_at) VALUES ('group-b', 'Group B', $1, now()) RETURNING id`, [root]);
  ids.collectionA = await q(`INSERT INTO collection (slug, name, unit_id, updated_at) VALUES ('a', 'A', $1, now()) RETURNING id`, [ids.unitA]);
  ids.collectionB = await q(`INSERT INTO collection (slug, name, unit_id, updated_at) VALUES ('b', 'B', $1, now()) RETURNING id`, [ids.unitB]);
  ids.researcher = await q(`INSERT INTO researcher (slug, display_name, primary_unit_id, updated_at) VALUES ('koo', 'Koo, Ja Wook', $1, now()) RETURNING id`, [ids.unitA]);
  ids.otherResearcher = await q(`INSERT INTO researcher (slug, display_name, primary_unit_id, updated_at) VALUES ('lee', 'Lee, A', $1, now()) RETURNING id`, [ids.unitA]);
  await db.sql.query(`INSERT INTO handle_sequence (prefix, next_number) VALUES ('matrix', 1)`);
  const account = async (key: Exclude<Who, "anonymous">, role: SessionClaims["role"], researcherId: number | null, unitIds: number[]) => {
    const id = await q(`INSERT INTO app_user (email, name, role, researcher_id, updated_at) VALUES ($1, $2, $3::role, $4, now()) RETURNING id`, [`${key}@x.invalid`, key, role, researcherId]);
    for (const u of unitIds) await db.sql.query(`INSERT INTO unit_assignment (user_id, unit_id) VALUES ($1, $2)`, [id, u]);
    users[key] = { id, email: `${key}@x.invalid`, name: key, role, active: true, researcherId, unitIds };
  };
  await account("admin", "ADMIN", null, []);
  await account("researcher", "RESEARCHER", ids.researcher, []);
  await account("curator", "CURATOR", null, [ids.unitA]);
  await account("otherCurator", "CURATOR", null, [ids.unitB]);
}, 120_000);

afterAll(async () => {
  (globalThis as unknown as { __atriumDb?: unknown }).__atriumDb = undefined;
  await db?.close();
  fs.rmSync(process.env.STORAGE_DIR ?? path.join(os.tmpdir(), "none"), { recursive: true, force: true });
});

describe("permission matrix: every write, every role", () => {
  for (const row of ROWS) {
    describe(row.name, () => {
      for (const who of EVERYONE) {
        const allowed = row.expect[who];
        it(`${who} is ${allowed ? "allowed" : "refused"}`, async () => {
          session.claims = null;
          const run = await row.call();
          session.claims = who === "anonymous" ? null : users[who];
          const before = await fingerprint();
          const ok = await run();
          const after = await fingerprint();
          session.claims = null;
          expect(ok).toBe(allowed);
          if (allowed) expect(after).not.toBe(before);
          else expect(after).toBe(before);
        });
      }
    });
  }
});
