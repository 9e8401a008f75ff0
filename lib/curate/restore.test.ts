import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-db";
import type { PermissionUser } from "../auth/permissions";
import { listHistory, RecordConflictError, RecordNotFoundError, RecordRuleError } from "./audit";
import { mayRestoreVersion, restoreRecordVersion, RestoreForbiddenError } from "./restore";
import { ZResearcherFields } from "./researchers/schema";
import { createResearcher, loadEditableResearcher, updateResearcher } from "./researchers/store";
import { ZCollectionFields, ZUnitFields } from "./units/schema";
import { createCollection, createUnit, loadEditableCollection, loadEditableUnit, updateCollection, updateUnit } from "./units/store";

let db: TestDatabase;
let userId = 0;
const ids = { root: 0, group: 0, other: 0 };
const curator = (...unitIds: number[]): PermissionUser => ({ id: userId, role: "CURATOR", active: true, researcherId: null, unitIds });
const researcherUser = (): PermissionUser => ({ id: userId, role: "RESEARCHER", active: true, researcherId: null, unitIds: [] });

beforeAll(async () => {
  db = await createTestDatabase();
  const [u] = await db.sql.query<{ id: number }>(`INSERT INTO app_user (email, name, role, updated_at) VALUES ('c@x.invalid', 'Curator', 'CURATOR', now()) RETURNING id`);
  userId = Number(u.id);
  ids.root = (await createUnit(db.sql, ZUnitFields.parse({ slug: "institute", name: "Institute" }), userId)).id;
  ids.group = (await createUnit(db.sql, ZUnitFields.parse({ slug: "group", name: "Group", parentId: ids.root }), userId)).id;
  ids.other = (await createUnit(db.sql, ZUnitFields.parse({ slug: "other", name: "Other institute" }), userId)).id;
}, 180_000);
afterAll(async () => {
  await db?.close();
});

describe("restoring an earlier version", () => {
  it("restores a researcher's version as a new version with an audit entry, and refuses a stale save", async () => {
    const fields = (over: Record<string, unknown>) => ZResearcherFields.parse({ slug: "koo-ja-wook", displayName: "Koo, Ja Wook", primaryUnitId: ids.group, ...over });
    const r = await createResearcher(db.sql, fields({ position: "Postdoc", researchInterests: "memory\nsleep" }), userId);
    await updateResearcher(db.sql, r.id, 1, fields({ slug: "koo-jw", position: "Senior researcher", biography: "정서·인지 질환 연구" }), userId);
    const user = curator(ids.root);
    // From an old version of the record (2 is current): refused, nothing written.
    await expect(restoreRecordVersion(db.sql, user, "researcher", r.id, 1, 1)).rejects.toBeInstanceOf(RecordConflictError);
    const { before, after, changes } = await restoreRecordVersion(db.sql, user, "researcher", r.id, 2, 1);
    expect(before.version).toBe(2);
    expect(after).toMatchObject({ version: 3, slug: "koo-ja-wook", position: "Postdoc", biography: null, researchInterests: ["memory", "sleep"], primaryUnitId: ids.group });
    expect(Object.keys(changes).sort()).toEqual(["biography", "position", "researchInterests", "slug"]);
    const [latest] = await listHistory(db.sql, "researcher", r.id);
    expect(latest).toMatchObject({ action: "restore", version: 3, summary: "restored version 1", userName: "Curator", restorable: true });
    expect(latest.changes.slug).toEqual({ before: "koo-jw", after: "koo-ja-wook" });
  });

  it("restores the version before the oldest recorded change of a record loaded without a history", async () => {
    const c = await createCollection(db.sql, ZCollectionFields.parse({ slug: "journal-articles", name: "1. Journal Articles", unitId: ids.group }), userId);
    // As the seed and bulk loads leave them: version 1 with no audit entry of its own.
    await db.sql.query(`DELETE FROM audit_entry WHERE entity_type = 'collection' AND entity_id = $1`, [c.id]);
    await updateCollection(db.sql, c.id, 1, ZCollectionFields.parse({ slug: "articles", name: "Articles", unitId: ids.group }), userId);
    const { after } = await restoreRecordVersion(db.sql, curator(ids.root), "collection", c.id, 2, 1);
    expect(after).toMatchObject({ version: 3, slug: "journal-articles", name: "1. Journal Articles" });
  });

  it("refuses a user without the right, and a version that leaves the user's units, changing nothing", async () => {
    const c = await createCollection(db.sql, ZCollectionFields.parse({ slug: "articles", name: "Articles", unitId: ids.other }), userId);
    await updateCollection(db.sql, c.id, 1, ZCollectionFields.parse({ slug: "articles", name: "Articles", unitId: ids.group }), userId);
    const count = async () => (await listHistory(db.sql, "collection", c.id)).length;
    // A researcher, and a curator of another unit: no right on the collection at all.
    for (const user of [researcherUser(), curator(ids.other)]) {
      expect(await mayRestoreVersion(db.sql, user, "collection", c.id, 1)).toBe(false);
      await expect(restoreRecordVersion(db.sql, user, "collection", c.id, 2, 1)).rejects.toBeInstanceOf(RestoreForbiddenError);
    }
    // The curator of the group covers the collection now, but version 1 put it in the other institute.
    expect(await mayRestoreVersion(db.sql, curator(ids.root), "collection", c.id, 1)).toBe(false);
    await expect(restoreRecordVersion(db.sql, curator(ids.root), "collection", c.id, 2, 1)).rejects.toBeInstanceOf(RestoreForbiddenError);
    expect(await loadEditableCollection(db.sql, c.id)).toMatchObject({ version: 2, unitId: ids.group });
    expect(await count()).toBe(2);
    // Someone covering both units may.
    const both = curator(ids.root, ids.other);
    expect(await mayRestoreVersion(db.sql, both, "collection", c.id, 1)).toBe(true);
    const { after } = await restoreRecordVersion(db.sql, both, "collection", c.id, 2, 1);
    expect(after).toMatchObject({ version: 3, unitId: ids.other });
    expect(await count()).toBe(3);
  });

  it("restores a unit through the unit's own rules (a taken slug is refused) and answers not found for an unknown version", async () => {
    const u = await createUnit(db.sql, ZUnitFields.parse({ slug: "lab", name: "Lab", altName: "연구실", parentId: ids.group }), userId);
    await updateUnit(db.sql, u.id, 1, ZUnitFields.parse({ slug: "lab-2", name: "Laboratory", parentId: ids.group }), userId);
    const user = curator(ids.group);
    await expect(restoreRecordVersion(db.sql, user, "unit", u.id, 2, 9)).rejects.toBeInstanceOf(RecordNotFoundError);
    // Another unit takes the old slug: the restore is refused by the rule, and nothing changes.
    const taker = await createUnit(db.sql, ZUnitFields.parse({ slug: "lab", name: "Other lab", parentId: ids.group }), userId);
    await expect(restoreRecordVersion(db.sql, user, "unit", u.id, 2, 1)).rejects.toBeInstanceOf(RecordRuleError);
    expect(await loadEditableUnit(db.sql, u.id)).toMatchObject({ version: 2, slug: "lab-2", name: "Laboratory" });
    await updateUnit(db.sql, taker.id, 1, ZUnitFields.parse({ slug: "other-lab", name: "Other lab", parentId: ids.group }), userId);
    const { after } = await restoreRecordVersion(db.sql, user, "unit", u.id, 2, 1);
    expect(after).toMatchObject({ version: 3, slug: "lab", name: "Lab", altName: "연구실", altLang: "ko" });
    expect((await listHistory(db.sql, "unit", u.id))[0]).toMatchObject({ action: "restore", summary: "restored version 1" });
  });

  it("refuses a curator of another unit restoring a researcher profile", async () => {
    const r = (await loadEditableResearcher(db.sql, (await db.sql.query<{ id: number }>(`SELECT id FROM researcher LIMIT 1`)).map((x) => Number(x.id))[0]))!;
    await expect(restoreRecordVersion(db.sql, curator(ids.other), "researcher", r.id, r.version, 1)).rejects.toBeInstanceOf(RestoreForbiddenError);
    expect((await loadEditableResearcher(db.sql, r.id))!.version).toBe(r.version);
  });
});
