import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-db";
import { findCurrentSlug, relativeTarget } from "./old-slugs";
import { restoreRecordVersion } from "./restore";
import { ZResearcherFields } from "./researchers/schema";
import { createResearcher, updateResearcher } from "./researchers/store";
import { ZCollectionFields, ZUnitFields } from "./units/schema";
import { createCollection, createUnit, updateCollection, updateUnit } from "./units/store";

let db: TestDatabase;
let userId = 0;
let unitId = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  const [u] = await db.sql.query<{ id: number }>(`INSERT INTO app_user (email, name, role, updated_at) VALUES ('a@x.invalid', 'Admin', 'ADMIN', now()) RETURNING id`);
  userId = Number(u.id);
  unitId = (await createUnit(db.sql, ZUnitFields.parse({ slug: "institute", name: "Institute" }), userId)).id;
}, 180_000);
afterAll(async () => {
  await db?.close();
});

describe("old slugs", () => {
  it("leads every earlier slug of a researcher to the current one, until a record takes it", async () => {
    const fields = (slug: string) => ZResearcherFields.parse({ slug, displayName: "Koo, Ja Wook", primaryUnitId: unitId });
    const r = await createResearcher(db.sql, fields("koo-ja-wook"), userId);
    expect(await findCurrentSlug(db.sql, "researcher", "koo-ja-wook")).toBeNull();
    await updateResearcher(db.sql, r.id, 1, fields("koo-jw"), userId);
    await updateResearcher(db.sql, r.id, 2, fields("jawook-koo"), userId);
    expect(await findCurrentSlug(db.sql, "researcher", "koo-ja-wook")).toBe("jawook-koo");
    expect(await findCurrentSlug(db.sql, "researcher", "koo-jw")).toBe("jawook-koo");
    expect(await findCurrentSlug(db.sql, "researcher", "jawook-koo")).toBeNull();
    // Only researchers: a unit with that old slug is another thing.
    expect(await findCurrentSlug(db.sql, "unit", "koo-jw")).toBeNull();
    // A new profile takes an old slug: it is that profile's page now.
    await createResearcher(db.sql, { ...fields("koo-jw"), displayName: "Koo, Jiwon" }, userId);
    expect(await findCurrentSlug(db.sql, "researcher", "koo-jw")).toBeNull();
    // Going back to the first slug (here by restoring version 1): the newer slug redirects now.
    await restoreRecordVersion(db.sql, { id: userId, role: "ADMIN", active: true, researcherId: null, unitIds: [] }, "researcher", r.id, 3, 1);
    expect(await findCurrentSlug(db.sql, "researcher", "koo-ja-wook")).toBeNull();
    expect(await findCurrentSlug(db.sql, "researcher", "jawook-koo")).toBe("koo-ja-wook");
    const rows = await db.sql.query<{ old_slug: string }>(`SELECT old_slug FROM slug_redirect WHERE entity_type = 'researcher' AND entity_id = $1 ORDER BY old_slug`, [r.id]);
    expect(rows.map((x) => x.old_slug)).toEqual(["jawook-koo", "koo-jw"]);
  });

  it("keeps old slugs of units and collections, and a save that keeps the slug records nothing", async () => {
    const u = await createUnit(db.sql, ZUnitFields.parse({ slug: "memory-lab", name: "Memory lab", parentId: unitId }), userId);
    await updateUnit(db.sql, u.id, 1, ZUnitFields.parse({ slug: "memory-lab", name: "Memory laboratory", parentId: unitId }), userId);
    expect(await db.sql.query(`SELECT 1 FROM slug_redirect WHERE entity_type = 'unit'`)).toHaveLength(0);
    await updateUnit(db.sql, u.id, 2, ZUnitFields.parse({ slug: "sleep-memory-lab", name: "Sleep and memory lab", altName: "수면·기억 연구실", parentId: unitId }), userId);
    expect(await findCurrentSlug(db.sql, "unit", "memory-lab")).toBe("sleep-memory-lab");

    const c = await createCollection(db.sql, ZCollectionFields.parse({ slug: "articles", name: "Articles", unitId: u.id }), userId);
    await updateCollection(db.sql, c.id, 1, ZCollectionFields.parse({ slug: "journal-articles", name: "Journal articles", unitId: u.id }), userId);
    expect(await findCurrentSlug(db.sql, "collection", "articles")).toBe("journal-articles");
    expect(await findCurrentSlug(db.sql, "researcher", "articles")).toBeNull();
  });

  it("builds the redirect relative to the requested page, so the language prefix (or none) is kept", () => {
    expect(relativeTarget("new-slug", [])).toBe("new-slug");
    expect(relativeTarget("new-slug", ["statistics"])).toBe("../new-slug/statistics");
    expect(new URL(relativeTarget("new-slug", ["sort", "year"]), "https://x.test/ko/researchers/old/sort/year").pathname).toBe("/ko/researchers/new-slug/sort/year");
    expect(new URL(relativeTarget("new-slug", []), "https://x.test/units/old").pathname).toBe("/units/new-slug");
  });
});
