import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../db/test-db";
import { ZItemFields, type TItemFields } from "./schema";
import { changeItemStatus, createItem, getItemVersion, ItemConflictError, listItemHistory, loadEditableItem, restoreItemVersion, StatusTransitionError, updateItem } from "./store";

let db: TestDatabase;
let collectionA = 0;
let collectionB = 0;
let researcher = 0;
let userId = 0;

const fields = (over: Record<string, unknown> = {}): TItemFields => ZItemFields.parse({ type: "JOURNAL_ARTICLE", title: "Sleep and memory", collectionId: collectionA, ...over });

beforeAll(async () => {
  db = await createTestDatabase();
  const [u] = await db.sql.query<{ id: number }>(`INSERT INTO unit (slug, name, updated_at) VALUES ('u', 'Unit', now()) RETURNING id`);
  const [a] = await db.sql.query<{ id: number }>(`INSERT INTO collection (slug, name, unit_id, updated_at) VALUES ('a', 'A', $1, now()) RETURNING id`, [u.id]);
  const [b] = await db.sql.query<{ id: number }>(`INSERT INTO collection (slug, name, unit_id, updated_at) VALUES ('b', 'B', $1, now()) RETURNING id`, [u.id]);
  const [r] = await db.sql.query<{ id: number }>(`INSERT INTO researcher (slug, display_name, updated_at) VALUES ('kim', 'Kim, Jeongseop', now()) RETURNING id`);
  const [usr] = await db.sql.query<{ id: number }>(`INSERT INTO app_user (email, name, role, updated_at) VALUES ('c@x.invalid', 'Curator', 'CURATOR', now()) RETURNING id`);
  await db.sql.query(`INSERT INTO handle_sequence (prefix, next_number) VALUES ('2023.sw.kbri', 1191)`);
  collectionA = Number(a.id);
  collectionB = Number(b.id);
  researcher = Number(r.id);
  userId = Number(usr.id);
}, 60_000);
afterAll(async () => {
  await db?.close();
});

describe("item store", () => {
  it("creates a draft with a handle from the sequence, its contributors and an audit entry", async () => {
    const item = await createItem(db.sql, fields({ mappedCollectionIds: [collectionB], contributors: [{ name: "Kim, Jeongseop", researcherId: researcher }] }), userId);
    expect(item).toMatchObject({ handle: "2023.sw.kbri/1191", status: "DRAFT", version: 1, mappedCollectionIds: [collectionB], researcherSlugs: ["kim"] });
    const history = await listItemHistory(db.sql, item.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: "create", version: 1, userName: "Curator" });
    expect(history[0].changes.title).toEqual({ before: null, after: "Sleep and memory" });
  });

  it("saves from the current version, bumps version and updated_at, records before/after per field", async () => {
    const item = await createItem(db.sql, fields(), userId);
    await new Promise((r) => setTimeout(r, 5));
    const { after, changes } = await updateItem(db.sql, item.id, 1, fields({ title: "New title", contributors: [{ name: "Lee, A" }] }), userId);
    expect(after.version).toBe(2);
    expect(new Date(after.updatedAt).getTime()).toBeGreaterThan(new Date(item.updatedAt).getTime());
    expect(Object.keys(changes).sort()).toEqual(["contributors", "title"]);
    expect(changes.title).toEqual({ before: "Sleep and memory", after: "New title" });
    const [search] = await db.sql.query<{ search_text: string }>(`SELECT search_text FROM item WHERE id = $1`, [item.id]);
    expect(search.search_text).toContain("lee");
  });

  it("refuses a save from an old version and reports the current state", async () => {
    const item = await createItem(db.sql, fields(), userId);
    await updateItem(db.sql, item.id, 1, fields({ title: "Theirs" }), userId);
    const err = await updateItem(db.sql, item.id, 1, fields({ title: "Mine" }), userId).catch((e) => e);
    expect(err).toBeInstanceOf(ItemConflictError);
    expect((err as ItemConflictError).current).toMatchObject({ title: "Theirs", version: 2 });
    expect((await loadEditableItem(db.sql, item.id))?.title).toBe("Theirs");
  });

  it("lets exactly one of two concurrent saves from the same version win", async () => {
    const item = await createItem(db.sql, fields(), userId);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) => updateItem(db.sql, item.id, 1, fields({ title: `Concurrent ${i}` }), userId)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(3);
    for (const r of rejected) expect(r.reason).toBeInstanceOf(ItemConflictError);
    const now = await loadEditableItem(db.sql, item.id);
    expect(now?.version).toBe(2);
    expect((await listItemHistory(db.sql, item.id)).filter((h) => h.action === "update")).toHaveLength(1);
  });

  it("moves through the workflow, keeps the handle, needs a reason to withdraw", async () => {
    const item = await createItem(db.sql, fields(), userId);
    await changeItemStatus(db.sql, item.id, 1, "IN_REVIEW", null, userId);
    const pub = await changeItemStatus(db.sql, item.id, 2, "PUBLISHED", null, userId);
    expect(pub.after).toMatchObject({ status: "PUBLISHED", handle: item.handle });
    expect(pub.after.publishedAt).not.toBeNull();
    await expect(changeItemStatus(db.sql, item.id, 3, "WITHDRAWN", null, userId)).rejects.toBeInstanceOf(StatusTransitionError);
    await expect(changeItemStatus(db.sql, item.id, 3, "IN_REVIEW", null, userId)).rejects.toBeInstanceOf(StatusTransitionError);
    const w = await changeItemStatus(db.sql, item.id, 3, "WITHDRAWN", "Duplicate record", userId);
    expect(w.after).toMatchObject({ status: "WITHDRAWN", withdrawnReason: "Duplicate record" });
    expect(w.changes.status).toEqual({ before: "PUBLISHED", after: "WITHDRAWN" });
    const back = await changeItemStatus(db.sql, item.id, 4, "PUBLISHED", null, userId);
    expect(back.after).toMatchObject({ status: "PUBLISHED", withdrawnReason: null, publishedAt: pub.after.publishedAt });
  });

  it("restores an earlier version as a new, audited version", async () => {
    const item = await createItem(db.sql, fields({ keywords: ["a"], contributors: [{ name: "One" }] }), userId);
    await updateItem(db.sql, item.id, 1, fields({ title: "Changed", keywords: ["b"], contributors: [{ name: "Two" }] }), userId);
    const { after, changes } = await restoreItemVersion(db.sql, item.id, 2, 1, userId);
    expect(after).toMatchObject({ version: 3, title: "Sleep and memory", keywords: ["a"], contributors: [{ name: "One" }] });
    expect(changes.title).toEqual({ before: "Changed", after: "Sleep and memory" });
    expect((await listItemHistory(db.sql, item.id))[0]).toMatchObject({ action: "restore", version: 3 });
  });

  it("reconstructs the version before the first recorded change of an imported item", async () => {
    const [row] = await db.sql.query<{ id: number }>(
      `INSERT INTO item (handle, type, status, title, collection_id, version, updated_at) VALUES ('x/1', 'BOOK', 'PUBLISHED', 'Imported', $1, 1, now()) RETURNING id`,
      [collectionA],
    );
    const id = Number(row.id);
    await updateItem(db.sql, id, 1, fields({ type: "BOOK", title: "Edited" }), userId);
    expect((await getItemVersion(db.sql, id, 1))?.title).toBe("Imported");
    const { after } = await restoreItemVersion(db.sql, id, 2, 1, userId);
    expect(after).toMatchObject({ title: "Imported", version: 3, status: "PUBLISHED" });
  });

  it("stores hostile text byte for byte", async () => {
    const hostile = `<img src=x onerror=alert(1)>\u202E‮ ${"x".repeat(10_000 - 40)}`.slice(0, 10_000);
    const item = await createItem(db.sql, fields({ title: hostile }), userId);
    expect((await loadEditableItem(db.sql, item.id))?.title).toBe(hostile.trim());
  });
});
