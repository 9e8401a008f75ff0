import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-db";
import { getCuratorDashboard } from "./dashboard";

let db: TestDatabase;
const ids: Record<string, number> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  const unit = async (slug: string, parent: number | null) => {
    const [r] = await db.sql.query<{ id: number }>(`INSERT INTO unit (slug, name, parent_id, updated_at) VALUES ($1, $1, $2, now()) RETURNING id`, [slug, parent]);
    return Number(r.id);
  };
  ids.a = await unit("a", null);
  ids.a1 = await unit("a1", ids.a);
  ids.b = await unit("b", null);
  const collection = async (slug: string, unitId: number) => {
    const [r] = await db.sql.query<{ id: number }>(`INSERT INTO collection (slug, name, unit_id, updated_at) VALUES ($1, $1, $2, now()) RETURNING id`, [slug, unitId]);
    return Number(r.id);
  };
  const ca1 = await collection("ca1", ids.a1);
  const cb = await collection("cb", ids.b);
  let n = 0;
  const item = async (collectionId: number, status: string, title: string, extra: { doi?: string; abstract?: string; year?: number } = {}) => {
    const [r] = await db.sql.query<{ id: number }>(
      `INSERT INTO item (handle, type, status, title, issue_year, doi, abstract, collection_id, updated_at)
       VALUES ($1, 'JOURNAL_ARTICLE', $2::item_status, $3, $4, $5, $6, $7, now()) RETURNING id`,
      [`t/${++n}`, status, title, extra.year ?? 2024, extra.doi ?? null, extra.abstract ?? null, collectionId],
    );
    return Number(r.id);
  };
  ids.draft = await item(ca1, "DRAFT", "Draft in a1");
  ids.review = await item(ca1, "IN_REVIEW", "Review in a1");
  ids.dupDoi1 = await item(ca1, "PUBLISHED", "First", { doi: "10.5555/dup", abstract: "x" });
  ids.dupDoi2 = await item(ca1, "PUBLISHED", "Second", { doi: "10.5555/DUP ", abstract: "x" });
  ids.dupTitle1 = await item(ca1, "PUBLISHED", "Memory & Sleep: a study", { doi: "10.5555/t1", abstract: "x", year: 2020 });
  ids.dupTitle2 = await item(ca1, "PUBLISHED", "memory sleep — A Study", { doi: "10.5555/t2", abstract: "x", year: 2020 });
  ids.sameTitleOtherYear = await item(ca1, "PUBLISHED", "Memory & Sleep: a study", { doi: "10.5555/t3", abstract: "x", year: 2021 });
  ids.inB = await item(cb, "DRAFT", "Draft in b");
  await db.sql.query(`INSERT INTO audit_entry (action, entity_type, entity_id, summary) VALUES ('update', 'item', $1, 'a1 change'), ('update', 'item', $2, 'b change')`, [ids.draft, ids.inB]);
}, 60_000);
afterAll(async () => {
  await db?.close();
});

describe("curator dashboard", () => {
  it("covers the assigned unit and the units below, nothing else", async () => {
    const d = await getCuratorDashboard(db.sql, { all: false, unitIds: [ids.a] });
    expect(d.counts).toMatchObject({ drafts: 1, inReview: 1 });
    expect(d.workflow.map((i) => i.id).sort()).toEqual([ids.draft, ids.review].sort());
    expect(d.changes.map((c) => c.summary)).toEqual(["a1 change"]);
    const other = await getCuratorDashboard(db.sql, { all: false, unitIds: [ids.b] });
    expect(other.workflow.map((i) => i.id)).toEqual([ids.inB]);
    expect(other.duplicates).toEqual([]);
  });

  it("shows everything to an administrator and nothing without units", async () => {
    const all = await getCuratorDashboard(db.sql, { all: true });
    expect(all.counts.drafts).toBe(2);
    expect(all.changes).toHaveLength(2);
    const none = await getCuratorDashboard(db.sql, { all: false, unitIds: [] });
    expect(none.workflow).toEqual([]);
  });

  it("finds missing metadata and suspected duplicates", async () => {
    const d = await getCuratorDashboard(db.sql, { all: false, unitIds: [ids.a1] });
    expect(d.counts.noDoi).toBe(0);
    expect(d.counts.noFile).toBe(5);
    expect(d.duplicates.map((g) => [g.reason, g.items.map((i) => i.id)])).toEqual([
      ["doi", [ids.dupDoi1, ids.dupDoi2]],
      ["title", [ids.dupTitle1, ids.dupTitle2]],
    ]);
  });
});
