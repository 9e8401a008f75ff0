import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../db/test-db";
import type { PermissionUser } from "../../auth/permissions";
import { listHistory, RecordConflictError, RecordRuleError } from "../audit";
import { fieldErrors } from "../fields";
import { mayCreateCollection, mayCreateUnit, mayEditCollection, mayEditUnit } from "./access";
import { ZCollectionFields, ZUnitFields } from "./schema";
import { createCollection, createUnit, loadEditableCollection, loadEditableUnit, updateCollection, updateUnit } from "./store";

let db: TestDatabase;
let userId = 0;
const ids = { root: 0, division: 0, groupA: 0, groupB: 0, other: 0 };
const admin: PermissionUser = { id: 1, role: "ADMIN", active: true, researcherId: null, unitIds: [] };
const curator = (...unitIds: number[]): PermissionUser => ({ id: 2, role: "CURATOR", active: true, researcherId: null, unitIds });

const unit = (over: Record<string, unknown>) => ZUnitFields.parse({ slug: "x", name: "X", ...over });

beforeAll(async () => {
  db = await createTestDatabase();
  const [u] = await db.sql.query<{ id: number }>(`INSERT INTO app_user (email, name, role, updated_at) VALUES ('c@x.invalid', 'Curator', 'CURATOR', now()) RETURNING id`);
  userId = Number(u.id);
  ids.root = (await createUnit(db.sql, unit({ slug: "institute", name: "Institute" }), userId)).id;
  ids.division = (await createUnit(db.sql, unit({ slug: "division", name: "Research Division", altName: "연구본부", parentId: ids.root }), userId)).id;
  ids.groupA = (await createUnit(db.sql, unit({ slug: "group-a", name: "Group A", parentId: ids.division }), userId)).id;
  ids.groupB = (await createUnit(db.sql, unit({ slug: "group-b", name: "Group B", parentId: ids.division }), userId)).id;
  ids.other = (await createUnit(db.sql, unit({ slug: "other", name: "Other institute" }), userId)).id;
}, 180_000);
afterAll(async () => {
  await db?.close();
});

describe("unit and collection schema", () => {
  it("gives field messages for a bad slug, a missing name, control characters and a bad language", () => {
    const r = ZUnitFields.safeParse({ slug: "Not a slug!", name: "  ", description: "a\u0007b", altName: "x", altLang: "korean!" });
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrors(r.error)).toMatchObject({ slug: ["invalidSlug"], name: ["required"], description: ["controlChars"], altLang: ["invalidLanguage"] });
  });

  it("keeps hostile text as typed and assumes Korean for a second-language name", () => {
    const v = ZUnitFields.parse({ slug: "ok", name: "<script>alert(1)</script>", altName: "정서·인지 질환 연구그룹" });
    expect(v).toMatchObject({ name: "<script>alert(1)</script>", altLang: "ko", parentId: null });
  });

  it("requires a unit for a collection", () => {
    const r = ZCollectionFields.safeParse({ slug: "c", name: "C", unitId: "" });
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrors(r.error).unitId).toEqual(["required"]);
  });
});

describe("unit store", () => {
  it("creates a unit with an audit entry", async () => {
    const history = await listHistory(db.sql, "unit", ids.division);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: "create", version: 1, userName: "Curator" });
    expect(history[0].changes.altName).toEqual({ before: null, after: "연구본부" });
  });

  it("edits names with before/after per field and refuses a save from an old version", async () => {
    const before = (await loadEditableUnit(db.sql, ids.groupA))!;
    const { after, changes } = await updateUnit(db.sql, ids.groupA, before.version, unit({ ...before, name: "Emotion and Cognition Group", altName: "정서·인지 질환 연구그룹" }), userId);
    expect(after.version).toBe(before.version + 1);
    expect(changes).toEqual({ name: { before: "Group A", after: "Emotion and Cognition Group" }, altName: { before: null, after: "정서·인지 질환 연구그룹" }, altLang: { before: null, after: "ko" } });
    const err = await updateUnit(db.sql, ids.groupA, before.version, unit({ ...before, name: "Mine" }), userId).catch((e) => e);
    expect(err).toBeInstanceOf(RecordConflictError);
    expect((err as RecordConflictError<{ name: string }>).current).toMatchObject({ name: "Emotion and Cognition Group", version: after.version });
    const history = await listHistory(db.sql, "unit", ids.groupA);
    expect(history.map((h) => h.action)).toEqual(["update", "create"]);
  });

  it("moves a unit under a new parent and refuses a cycle (itself or a unit below it)", async () => {
    const b = (await loadEditableUnit(db.sql, ids.groupB))!;
    const moved = await updateUnit(db.sql, ids.groupB, b.version, unit({ ...b, parentId: ids.other }), userId);
    expect(moved.after.parentId).toBe(ids.other);
    expect(moved.changes.parentId).toEqual({ before: ids.division, after: ids.other });
    const root = (await loadEditableUnit(db.sql, ids.root))!;
    for (const parentId of [ids.root, ids.division, ids.groupA]) {
      const err = await updateUnit(db.sql, ids.root, root.version, unit({ ...root, parentId }), userId).catch((e) => e);
      expect(err).toBeInstanceOf(RecordRuleError);
      expect(err).toMatchObject({ field: "parentId", code: "cycle" });
    }
    expect((await loadEditableUnit(db.sql, ids.root))!).toMatchObject({ parentId: null, version: root.version });
  });

  it("refuses a slug that another unit has", async () => {
    const err = await createUnit(db.sql, unit({ slug: "institute", name: "Again" }), userId).catch((e) => e);
    expect(err).toMatchObject({ field: "slug", code: "slugTaken" });
  });
});

describe("collection store", () => {
  it("creates, edits and moves a collection to another unit, audited", async () => {
    const c = await createCollection(db.sql, ZCollectionFields.parse({ slug: "articles-a", name: "1. Journal Articles", unitId: ids.groupA }), userId);
    expect(c).toMatchObject({ version: 1, unitId: ids.groupA, unitSlug: "group-a" });
    const { after, changes } = await updateCollection(db.sql, c.id, 1, ZCollectionFields.parse({ ...c, unitId: ids.division }), userId);
    expect(after).toMatchObject({ version: 2, unitId: ids.division });
    expect(changes).toEqual({ unitId: { before: ids.groupA, after: ids.division } });
    const stale = await updateCollection(db.sql, c.id, 1, ZCollectionFields.parse({ ...c, name: "Old" }), userId).catch((e) => e);
    expect(stale).toBeInstanceOf(RecordConflictError);
    expect((await loadEditableCollection(db.sql, c.id))!.name).toBe("1. Journal Articles");
    expect((await listHistory(db.sql, "collection", c.id)).map((h) => h.action)).toEqual(["update", "create"]);
  });
});

describe("concurrent saves", () => {
  it("lets exactly one of two simultaneous saves from the same version win", async () => {
    const c = await createCollection(db.sql, ZCollectionFields.parse({ slug: "race", name: "Race", unitId: ids.groupA }), userId);
    const results = await Promise.allSettled(["First", "Second"].map((name) => updateCollection(db.sql, c.id, 1, ZCollectionFields.parse({ ...c, name }), userId)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(RecordConflictError);
    expect((await loadEditableCollection(db.sql, c.id))!.version).toBe(2);
    expect(await listHistory(db.sql, "collection", c.id)).toHaveLength(2);
  });
});

describe("unit and collection rights", () => {
  it("lets a curator edit units below their own and refuses a curator of another unit", async () => {
    expect(await mayEditUnit(db.sql, curator(ids.division), { id: ids.groupA })).toBe(true);
    expect(await mayEditUnit(db.sql, curator(ids.other), { id: ids.groupA })).toBe(false);
    expect(await mayEditUnit(db.sql, curator(ids.groupA), { id: ids.division })).toBe(false);
    expect(await mayCreateUnit(db.sql, curator(ids.division), { parentId: ids.groupA })).toBe(true);
    expect(await mayCreateUnit(db.sql, curator(ids.other), { parentId: ids.groupA })).toBe(false);
    expect(await mayCreateUnit(db.sql, curator(ids.root), { parentId: null })).toBe(false);
    expect(await mayCreateUnit(db.sql, admin, { parentId: null })).toBe(true);
  });

  it("requires rights on the old and the new place to move", async () => {
    // Group A sits under the division; the curator of Group A alone does not cover the division.
    expect(await mayEditUnit(db.sql, curator(ids.groupA), { id: ids.groupA, parentId: ids.other })).toBe(false);
    expect(await mayEditUnit(db.sql, curator(ids.division), { id: ids.groupA, parentId: ids.other })).toBe(false);
    expect(await mayEditUnit(db.sql, curator(ids.division, ids.other), { id: ids.groupA, parentId: ids.other })).toBe(true);
    expect(await mayEditUnit(db.sql, curator(ids.root), { id: ids.division, parentId: null })).toBe(false);
    expect(await mayEditUnit(db.sql, admin, { id: ids.division, parentId: null })).toBe(true);
  });

  it("checks both units when a collection moves", async () => {
    const c = await createCollection(db.sql, ZCollectionFields.parse({ slug: "reports-a", name: "Reports", unitId: ids.groupA }), userId);
    expect(await mayCreateCollection(db.sql, curator(ids.division), { unitId: ids.groupA })).toBe(true);
    expect(await mayCreateCollection(db.sql, curator(ids.other), { unitId: ids.groupA })).toBe(false);
    expect(await mayEditCollection(db.sql, curator(ids.groupA), { id: c.id, unitId: ids.groupA })).toBe(true);
    expect(await mayEditCollection(db.sql, curator(ids.other), { id: c.id })).toBe(false);
    expect(await mayEditCollection(db.sql, curator(ids.groupA), { id: c.id, unitId: ids.other })).toBe(false);
    expect(await mayEditCollection(db.sql, curator(ids.groupA, ids.other), { id: c.id, unitId: ids.other })).toBe(true);
  });
});
