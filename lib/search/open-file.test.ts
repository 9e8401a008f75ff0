// Integration tests of item.open_file_from (the add_item_open_file_from migration), on PGlite or
// PostgreSQL: the day from which an item has a file anyone may download, kept by triggers as files
// and embargoes change, and read by search's open-file filter and facet — always what the download
// route decides.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../db/connection";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { decideFileAccess } from "../files/access";
import type { FileAccess } from "../generated/prisma/enums";
import { parseSearchParams } from "./params";
import { searchItems } from "./search-items";

let db: TestDatabase;

let handleNo = 0;
async function addItem(title: string, embargo: string | null = null): Promise<number> {
  const [row] = await db.sql.query<{ id: number }>(
    `INSERT INTO item (handle, type, status, title, issue_date, issue_year, collection_id, embargo_until, published_at, updated_at)
     VALUES ($1, 'JOURNAL_ARTICLE', 'PUBLISHED', $2, '2020', 2020, 1, $3::date, now(), now()) RETURNING id`,
    [`of/${++handleNo}`, title, embargo],
  );
  return row.id;
}

let fileNo = 0;
async function addFile(itemId: number, access: "OPEN" | "EMBARGOED" | "RESTRICTED", embargo: string | null = null): Promise<number> {
  const [row] = await db.sql.query<{ id: number }>(
    `INSERT INTO file (item_id, file_name, mime_type, size, sha256, storage_key, access, embargo_until, updated_at)
     VALUES ($1, 'paper.pdf', 'application/pdf', 10, 'x', $2, $3::file_access, $4::date, now()) RETURNING id`,
    [itemId, `of-key-${++fileNo}`, access, embargo],
  );
  return row.id;
}

const openFrom = async (id: number): Promise<string | null> =>
  (await db.sql.query<{ day: string | null }>(`SELECT open_file_from::text AS day FROM item WHERE id = $1`, [id]))[0].day;

/** Days relative to today, as the database sees today. */
const day = async (offset: number): Promise<string> =>
  (await db.sql.query<{ d: string }>(`SELECT (current_date + $1::int)::text AS d`, [offset]))[0].d;

/**
 * Every item whose stored day disagrees, on each of a range of days, with what the download route
 * decides for its files (lib/files/access.ts) for an anonymous visitor.
 */
async function disagreements(): Promise<{ id: number; day: string }[]> {
  const date = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
  const items = await db.sql.query<{ id: number; embargo: string | null }>(`SELECT id, embargo_until::text AS embargo FROM item`);
  const files = await db.sql.query<{ item_id: number; access: FileAccess; embargo: string | null }>(
    `SELECT item_id, access::text AS access, embargo_until::text AS embargo FROM file`,
  );
  const out: { id: number; day: string }[] = [];
  for (let offset = -3; offset <= 3; offset++) {
    const d = await day(offset);
    const stored = new Set(
      (await db.sql.query<{ id: number }>(`SELECT id FROM item WHERE open_file_from <= $1::date`, [d])).map((r) => r.id),
    );
    for (const item of items) {
      const open = files
        .filter((f) => f.item_id === item.id)
        .some((f) => decideFileAccess({ access: f.access, embargoUntil: date(f.embargo) }, { embargoUntil: date(item.embargo) }, date(d)!, null).kind === "open");
      if (open !== stored.has(item.id)) out.push({ id: item.id, day: d });
    }
  }
  return out;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql.exec(`
    INSERT INTO unit (id, slug, name, parent_id, updated_at) VALUES (1, 'kbri', 'Korea Brain Research Institute', NULL, now());
    INSERT INTO collection (id, slug, unit_id, name, updated_at) VALUES (1, 'articles', 1, 'Articles', now());`);
});

afterAll(async () => {
  await db?.close();
});

describe(`item.open_file_from (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it("is the first day a file may be downloaded, for every kind of file and embargo", async () => {
    const [yesterday, tomorrow, later] = [await day(-1), await day(1), await day(2)];
    const none = await addItem("no files");
    const open = await addItem("open file");
    await addFile(open, "OPEN");
    const restricted = await addItem("restricted file");
    await addFile(restricted, "RESTRICTED");
    const undated = await addItem("embargoed without a date");
    await addFile(undated, "EMBARGOED");
    const ended = await addItem("embargo ended");
    await addFile(ended, "EMBARGOED", yesterday);
    const pending = await addItem("embargo ends tomorrow");
    await addFile(pending, "EMBARGOED", tomorrow);
    const itemEmbargo = await addItem("item under embargo", later);
    await addFile(itemEmbargo, "OPEN");
    // An open file's embargo date is ignored, as by the download route.
    const openDated = await addItem("open file with a date");
    await addFile(openDated, "OPEN", later);
    const both = await addItem("the earliest file, then the item's embargo", tomorrow);
    await addFile(both, "EMBARGOED", later);
    await addFile(both, "EMBARGOED", yesterday);
    await addFile(both, "RESTRICTED");

    expect(await openFrom(none)).toBeNull();
    expect(await openFrom(open)).toBe("-infinity");
    expect(await openFrom(restricted)).toBeNull();
    expect(await openFrom(undated)).toBeNull();
    expect(await openFrom(ended)).toBe(yesterday);
    expect(await openFrom(pending)).toBe(tomorrow);
    expect(await openFrom(itemEmbargo)).toBe(later);
    expect(await openFrom(openDated)).toBe("-infinity");
    expect(await openFrom(both)).toBe(tomorrow);
    expect(await disagreements()).toEqual([]);
  });

  it("follows files added, changed, moved and deleted, and the item's embargo", async () => {
    const a = await addItem("changes a");
    const b = await addItem("changes b");
    const f = await addFile(a, "RESTRICTED");
    expect(await openFrom(a)).toBeNull();
    await db.sql.query(`UPDATE file SET access = 'OPEN' WHERE id = $1`, [f]);
    expect(await openFrom(a)).toBe("-infinity");
    await db.sql.query(`UPDATE file SET access = 'EMBARGOED', embargo_until = current_date + 5 WHERE id = $1`, [f]);
    expect(await openFrom(a)).toBe(await day(5));
    await db.sql.query(`UPDATE file SET embargo_until = NULL WHERE id = $1`, [f]);
    expect(await openFrom(a)).toBeNull();
    await db.sql.query(`UPDATE file SET access = 'OPEN' WHERE id = $1`, [f]);
    await db.sql.query(`UPDATE item SET embargo_until = current_date + 3 WHERE id = $1`, [a]);
    expect(await openFrom(a)).toBe(await day(3));
    await db.sql.query(`UPDATE item SET embargo_until = NULL WHERE id = $1`, [a]);
    expect(await openFrom(a)).toBe("-infinity");
    // Moved to another item: the first closes, the second opens.
    await db.sql.query(`UPDATE file SET item_id = $2 WHERE id = $1`, [f, b]);
    expect([await openFrom(a), await openFrom(b)]).toEqual([null, "-infinity"]);
    // Many files in one statement, then deleted.
    await db.sql.query(
      `INSERT INTO file (item_id, file_name, mime_type, size, sha256, storage_key, access, embargo_until, updated_at)
       SELECT $1, 'f' || n, 'application/pdf', 10, 'x', 'of-many-' || n, 'EMBARGOED', current_date + n, now() FROM generate_series(1, 3) n`,
      [a],
    );
    expect(await openFrom(a)).toBe(await day(1));
    await db.sql.query(`DELETE FROM file WHERE item_id = $1 AND embargo_until = current_date + 1`, [a]);
    expect(await openFrom(a)).toBe(await day(2));
    await db.sql.query(`DELETE FROM file WHERE item_id = $1`, [a]);
    expect(await openFrom(a)).toBeNull();
    // Written by hand, it is set right again.
    await db.sql.query(`UPDATE item SET open_file_from = '2000-01-01' WHERE id = $1`, [a]);
    expect(await openFrom(a)).toBeNull();
    // Emptied: no item has a file any more.
    await addFile(a, "OPEN");
    await db.sql.exec(`TRUNCATE file CASCADE`);
    expect(await openFrom(a)).toBeNull();
    // Deleting an item deletes its files: nothing is left to update.
    await db.sql.query(`DELETE FROM item WHERE id = $1`, [b]);
    expect(await disagreements()).toEqual([]);
  });

  it("does not recompute the search document or move updated_at when only the files change", async () => {
    const id = await addItem("Document kept");
    await db.sql.query(`INSERT INTO contributor (item_id, position, name) VALUES ($1, 0, 'Yoon, Taeho')`, [id]);
    const state = async () =>
      (await db.sql.query<{ text: string; updated: string; from: string | null }>(
        `SELECT search_text AS text, updated_at::text AS updated, open_file_from::text AS from FROM item WHERE id = $1`,
        [id],
      ))[0];
    // A contributor renamed with the document's trigger switched off: the document is now stale,
    // and only a recomputation would show the new name.
    await db.sql.exec(`ALTER TABLE contributor DISABLE TRIGGER contributor_search_update`);
    try {
      await db.sql.query(`UPDATE contributor SET name = 'Seo, Minji' WHERE item_id = $1`, [id]);
    } finally {
      await db.sql.exec(`ALTER TABLE contributor ENABLE TRIGGER contributor_search_update`);
    }
    const before = await state();
    expect(before.text).toContain("yoon");
    const f = await addFile(id, "OPEN");
    await db.sql.query(`UPDATE file SET access = 'EMBARGOED', embargo_until = current_date + 1 WHERE id = $1`, [f]);
    const after = await state();
    expect(after).toEqual({ ...before, from: await day(1) });
    // Any other change to the item recomputes it, as before; so does its embargo.
    await db.sql.query(`UPDATE item SET embargo_until = current_date + 2 WHERE id = $1`, [id]);
    expect((await state()).text).toContain("seo");
    expect((await state()).from).toBe(await day(2));
  });

  it("opens by itself when an embargo ends: today is read at query time", async () => {
    // Two sessions whose today differs by a day or two (UTC−12 and UTC+14), at any moment: the
    // embargo ends on the later one's today, so the file is closed in the first and open in the second.
    const id = await addItem("Opening soon, ketamine");
    await db.sql.query(
      `INSERT INTO file (item_id, file_name, mime_type, size, sha256, storage_key, access, embargo_until, updated_at)
       VALUES ($1, 'paper.pdf', 'application/pdf', 10, 'x', 'of-soon', 'EMBARGOED', (now() AT TIME ZONE 'Etc/GMT-14')::date, now())`,
      [id],
    );
    const search = (tz: string) =>
      db.sql.transaction(async (tx: Sql) => {
        await tx.exec(`SET LOCAL TimeZone = '${tz}'`);
        return searchItems(tx, parseSearchParams({ q: "ketamine", file: "open" }));
      });
    const west = await search("Etc/GMT+12");
    const east = await search("Etc/GMT-14");
    expect(west.total).toBe(0);
    expect(east.total).toBe(1);
    expect(east.facets.openFile).toBe(1);
    expect(east.hits.map((h) => [h.id, h.hasOpenFile])).toEqual([[id, true]]);
    const unfiltered = await db.sql.transaction(async (tx: Sql) => {
      await tx.exec(`SET LOCAL TimeZone = 'Etc/GMT+12'`);
      return searchItems(tx, parseSearchParams({ q: "ketamine" }));
    });
    expect(unfiltered.facets.openFile).toBe(0);
    expect(unfiltered.hits.map((h) => [h.id, h.hasOpenFile])).toEqual([[id, false]]);
    // Without any file (no day at all), likewise false.
    const none = await addItem("No files, ketamine");
    const withNone = await searchItems(db.sql, parseSearchParams({ q: "ketamine", sort: "date" }));
    expect(withNone.hits.find((h) => h.id === none)?.hasOpenFile).toBe(false);
  });
});
