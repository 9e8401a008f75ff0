import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-db";
import type { PermissionUser } from "../auth/permissions";
import { mayOpenWorkspacePage } from "./page-access";

let db: TestDatabase;
const ids = { division: 0, group: 0, other: 0, collection: 0, item: 0, researcher: 0 };
const admin: PermissionUser = { id: 1, role: "ADMIN", active: true, researcherId: null, unitIds: [] };
const curator = (...unitIds: number[]): PermissionUser => ({ id: 2, role: "CURATOR", active: true, researcherId: null, unitIds });
const researcher = (researcherId: number | null): PermissionUser => ({ id: 3, role: "RESEARCHER", active: true, researcherId, unitIds: [] });
const one = async (sql: string, params: unknown[] = []) => Number((await db.sql.query<{ id: number }>(sql, params))[0].id);

beforeAll(async () => {
  db = await createTestDatabase();
  ids.division = await one(`INSERT INTO unit (slug, name, updated_at) VALUES ('division', 'Division', now()) RETURNING id`);
  ids.group = await one(`INSERT INTO unit (slug, name, parent_id, updated_at) VALUES ('group', 'Group', $1, now()) RETURNING id`, [ids.division]);
  ids.other = await one(`INSERT INTO unit (slug, name, updated_at) VALUES ('other', 'Other', now()) RETURNING id`);
  ids.collection = await one(`INSERT INTO collection (slug, name, unit_id, updated_at) VALUES ('articles', 'Articles', $1, now()) RETURNING id`, [ids.group]);
  ids.item = await one(`INSERT INTO item (handle, type, status, title, issue_year, collection_id, updated_at) VALUES ('t/1', 'JOURNAL_ARTICLE', 'PUBLISHED', '수면과 기억', 2024, $1, now()) RETURNING id`, [ids.collection]);
  ids.researcher = await one(`INSERT INTO researcher (slug, display_name, primary_unit_id, updated_at) VALUES ('koo', 'Koo, Ja Wook', $1, now()) RETURNING id`, [ids.group]);
  await db.sql.query(`INSERT INTO contributor (item_id, position, name, researcher_id) VALUES ($1, 0, 'Koo, Ja Wook', $2)`, [ids.item, ids.researcher]);
}, 180_000);
afterAll(async () => {
  await db?.close();
});

describe("which workspace page a signed-in user may open", () => {
  it("decides role pages from the account alone", async () => {
    expect(await mayOpenWorkspacePage(db.sql, researcher(null), "/en/curate/admin/users")).toBe(false);
    expect(await mayOpenWorkspacePage(db.sql, curator(ids.group), "/ko/curate/admin/users")).toBe(false);
    expect(await mayOpenWorkspacePage(db.sql, admin, "/curate/admin/users")).toBe(true);
    expect(await mayOpenWorkspacePage(db.sql, researcher(null), "/en/curate/units")).toBe(false);
    // Import reports have random ids; a researcher has no imports at all.
    for (const page of ["/en/curate/imports", "/en/curate/imports/q3Zx-9_kLmN0pQrStUvWxYz", "/ko/curate/imports/q3Zx-9_kLmN0pQrStUvWxYz/report", "/en/curate/imports/template"]) {
      expect(await mayOpenWorkspacePage(db.sql, researcher(null), page)).toBe(false);
      expect(await mayOpenWorkspacePage(db.sql, curator(ids.other), page)).toBe(true);
    }
    expect(await mayOpenWorkspacePage(db.sql, curator(ids.other), "/en/curate/collections/new")).toBe(true);
    // Pages everyone signed in may open, and paths outside the workspace: no early answer.
    expect(await mayOpenWorkspacePage(db.sql, researcher(null), "/en/curate")).toBeNull();
    expect(await mayOpenWorkspacePage(db.sql, researcher(null), "/en/curate/me")).toBeNull();
    expect(await mayOpenWorkspacePage(db.sql, researcher(null), "/en/units/group")).toBeNull();
  });

  it("decides record pages by the record's unit", async () => {
    for (const page of ["", "/history", "/files", "/preview"]) {
      expect(await mayOpenWorkspacePage(db.sql, curator(ids.other), `/en/curate/items/${ids.item}${page}`)).toBe(false);
      expect(await mayOpenWorkspacePage(db.sql, curator(ids.division), `/en/curate/items/${ids.item}${page}`)).toBe(true);
    }
    expect(await mayOpenWorkspacePage(db.sql, curator(ids.other), `/en/curate/researchers/${ids.researcher}/history`)).toBe(false);
    expect(await mayOpenWorkspacePage(db.sql, curator(ids.group), `/en/curate/researchers/${ids.researcher}`)).toBe(true);
    expect(await mayOpenWorkspacePage(db.sql, curator(ids.other), `/en/curate/units/${ids.group}`)).toBe(false);
    expect(await mayOpenWorkspacePage(db.sql, curator(ids.division), `/en/curate/units/${ids.group}/history`)).toBe(true);
    expect(await mayOpenWorkspacePage(db.sql, curator(ids.other), `/en/curate/collections/${ids.collection}`)).toBe(false);
    // Correction requests: the item's contributors and its curators.
    expect(await mayOpenWorkspacePage(db.sql, researcher(ids.researcher), `/en/curate/me/items/${ids.item}/correction`)).toBe(true);
    expect(await mayOpenWorkspacePage(db.sql, researcher(null), `/en/curate/me/items/${ids.item}/correction`)).toBe(false);
  });

  it("leaves unknown records and malformed ids to the page (404)", async () => {
    expect(await mayOpenWorkspacePage(db.sql, curator(ids.other), `/en/curate/items/999999`)).toBeNull();
    expect(await mayOpenWorkspacePage(db.sql, curator(ids.other), `/en/curate/units/99999999999`)).toBeNull();
    expect(await mayOpenWorkspacePage(db.sql, curator(ids.other), `/en/curate/collections/999999/history`)).toBeNull();
  });
});
