// The browse queries against a real migrated database (PGlite, or the PostgreSQL server named by
// TEST_DATABASE_URL): counts, letters (가나다 and A–Z), paging, and published items only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-db";
import { letterOf } from "./letters";
import * as q from "./queries";

let db: TestDatabase;

type Fixture = { title: string; year: number | null; type?: string; status?: string; authors?: string[]; keywords?: string[]; subjects?: string[] };

const fixtures: Fixture[] = [
  { title: "The Role of Glutamate Underlying Treatment-resistant Depression", year: 2023, authors: ["Koo, Ja Wook", "Kim, Jeongseop"], keywords: ["Ketamine", "Depression"], subjects: ["Psychiatry"] },
  { title: "Amygdala circuits of fear", year: 2023, authors: ["Kim, Jeongseop", "Smith, Anna"], keywords: ["Fear"], subjects: ["Neurosciences"] },
  { title: "An atlas of the striatum", year: 2021, type: "DATASET", authors: ["Lee, Min"], subjects: ["Neurosciences"] },
  { title: "감마 진동에 관여하는 해마 신경회로", year: 2022, authors: ["구자욱", "김정섭"], keywords: ["감마 진동", "해마"] },
  { title: "꿈과 수면의 신경 기전", year: 2022, type: "THESIS", authors: ["꽃님이"], keywords: ["수면"] },
  { title: "뇌졸중 이후 운동 학습", year: null, type: "REPORT", authors: ["나은영"], keywords: ["뇌졸중"] },
  { title: "2014 Annual Research Report", year: 2014, type: "REPORT", authors: ["Koo, Ja Wook"] },
  { title: "A draft nobody may see", year: 2023, status: "DRAFT", authors: ["Hidden, Person"], keywords: ["Secret"] },
  { title: "A withdrawn study", year: 2023, status: "WITHDRAWN", authors: ["Koo, Ja Wook"], keywords: ["Ketamine"] },
];

beforeAll(async () => {
  db = await createTestDatabase();
  const sql = db.sql;
  const [unit] = await sql.query<{ id: number }>(`INSERT INTO unit (slug, name, updated_at) VALUES ('u', 'Unit', now()) RETURNING id`);
  const [coll] = await sql.query<{ id: number }>(
    `INSERT INTO collection (slug, unit_id, name, updated_at) VALUES ('c', $1, 'Articles', now()) RETURNING id`,
    [unit.id],
  );
  const [koo] = await sql.query<{ id: number }>(
    `INSERT INTO researcher (slug, display_name, updated_at) VALUES ('koo-ja-wook', 'Koo, Ja Wook', now()) RETURNING id`,
  );
  for (const [n, f] of fixtures.entries()) {
    const [item] = await sql.query<{ id: number }>(
      `INSERT INTO item (handle, type, status, title, issue_date, issue_year, keywords, subjects, collection_id, updated_at)
       VALUES ($1, $2::item_type, $3::item_status, $4, $5, $6, $7, $8, $9, now()) RETURNING id`,
      [`t/${n + 1}`, f.type ?? "JOURNAL_ARTICLE", f.status ?? "PUBLISHED", f.title, f.year ? `${f.year}-0${(n % 9) + 1}` : null, f.year, f.keywords ?? [], f.subjects ?? [], coll.id],
    );
    for (const [position, name] of (f.authors ?? []).entries()) {
      await sql.query(`INSERT INTO contributor (item_id, position, name, researcher_id) VALUES ($1, $2, $3, $4)`, [
        item.id,
        position,
        name,
        name === "Koo, Ja Wook" ? koo.id : null,
      ]);
    }
  }
});

afterAll(async () => {
  await db?.close();
});

const asMap = <K>(counts: q.Count<K>[]) => new Map(counts.map((c) => [c.key, c.count]));
const publishedFixtures = fixtures.filter((f) => !f.status);

describe("browse by date and type", () => {
  it("counts published items per year, newest first, undated last", async () => {
    expect(await q.countItemsByYear(db.sql)).toEqual([
      { key: 2023, count: 2 },
      { key: 2022, count: 2 },
      { key: 2021, count: 1 },
      { key: 2014, count: 1 },
      { key: null, count: 1 },
    ]);
  });

  it("lists a year's items with their first authors, and pages them", async () => {
    const page = await q.listItemsByYear(db.sql, 2023, 1);
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.title).sort()).toEqual(["Amygdala circuits of fear", "The Role of Glutamate Underlying Treatment-resistant Depression"]);
    const glutamate = page.items.find((i) => i.title.startsWith("The Role"))!;
    expect(glutamate.authors).toEqual(["Koo, Ja Wook", "Kim, Jeongseop"]);
    expect(glutamate.authorCount).toBe(2);
    expect((await q.listItemsByYear(db.sql, 2023, 2)).items).toEqual([]);
    expect((await q.listItemsByYear(db.sql, null, 1)).items.map((i) => i.title)).toEqual(["뇌졸중 이후 운동 학습"]);
  });

  it("type counts add up to the published items", async () => {
    const types = await q.countItemsByType(db.sql);
    expect(types.reduce((s, t) => s + t.count, 0)).toBe(publishedFixtures.length);
    expect(asMap(types).get("REPORT")).toBe(2);
    expect((await q.listItemsByType(db.sql, "THESIS", 1)).items.map((i) => i.title)).toEqual(["꿈과 수면의 신경 기전"]);
  });
});

describe("browse by title", () => {
  it("files titles under A–Z, 가나다 and other, ignoring leading articles", async () => {
    const letters = asMap(await q.countTitlesByLetter(db.sql));
    expect(Object.fromEntries(letters)).toEqual({ r: 1, a: 2, ㄱ: 2, ㄴ: 1, other: 1 });
    expect([...letters.values()].reduce((a, b) => a + b, 0)).toBe(publishedFixtures.length);
  });

  it("lists a letter's titles in order", async () => {
    expect((await q.listItemsByTitleLetter(db.sql, "a", 1)).items.map((i) => i.title)).toEqual(["Amygdala circuits of fear", "An atlas of the striatum"]);
    expect((await q.listItemsByTitleLetter(db.sql, "ㄱ", 1)).items.map((i) => i.title)).toEqual(["감마 진동에 관여하는 해마 신경회로", "꿈과 수면의 신경 기전"]);
    expect((await q.listItemsByTitleLetter(db.sql, "r", 1)).items.map((i) => i.handle)).toEqual(["t/1"]);
    expect((await q.listItemsByTitleLetter(db.sql, "other", 1)).total).toBe(1);
  });
});

describe("browse by author and subject", () => {
  it("counts distinct names per letter, Hangul names under their initial consonant", async () => {
    const letters = asMap(await q.countHeadingsByLetter(db.sql, "author"));
    expect(Object.fromEntries(letters)).toEqual({ k: 2, s: 1, l: 1, ㄱ: 3, ㄴ: 1 });
  });

  it("agrees with letterOf on every heading", async () => {
    for (const index of ["author", "subject"] as const) {
      const letters = await q.countHeadingsByLetter(db.sql, index);
      for (const { key } of letters) {
        const { headings } = await q.listHeadings(db.sql, index, key, 1);
        expect(headings.length).toBeGreaterThan(0);
        for (const h of headings) expect(letterOf(h.name), h.name).toBe(key);
      }
    }
  });

  it("lists names with their item counts and researcher, published items only", async () => {
    const k = await q.listHeadings(db.sql, "author", "k", 1);
    expect(k).toEqual({
      total: 2,
      headings: [
        { name: "Kim, Jeongseop", count: 2, researcherSlug: null },
        { name: "Koo, Ja Wook", count: 2, researcherSlug: "koo-ja-wook" },
      ],
    });
    expect((await q.listHeadings(db.sql, "author", "ㄱ", 1)).headings.map((h) => h.name)).toEqual(["구자욱", "김정섭", "꽃님이"]);
    expect((await q.listHeadings(db.sql, "author", "h", 1)).total).toBe(0);
  });

  it("lists an author's items, newest first", async () => {
    const page = await q.listItemsByAuthor(db.sql, "Koo, Ja Wook", 1);
    expect(page.items.map((i) => i.handle)).toEqual(["t/1", "t/7"]);
    expect((await q.listItemsByAuthor(db.sql, "Hidden, Person", 1)).total).toBe(0);
  });

  it("joins keywords and subjects into one subject index", async () => {
    const letters = asMap(await q.countHeadingsByLetter(db.sql, "subject"));
    expect(letters.get("ㄱ")).toBe(1);
    expect(letters.get("ㅅ")).toBe(1);
    expect(letters.has("s")).toBe(false); // "Secret" is only on a draft
    const n = await q.listHeadings(db.sql, "subject", "n", 1);
    expect(n.headings).toEqual([{ name: "Neurosciences", count: 2, researcherSlug: null }]);
    expect((await q.listItemsBySubject(db.sql, "Ketamine", 1)).items.map((i) => i.handle)).toEqual(["t/1"]);
    expect((await q.listItemsBySubject(db.sql, "해마", 1)).total).toBe(1);
  });

  it("pages long heading lists", async () => {
    const sql = db.sql;
    const [{ id }] = await sql.query<{ id: number }>(`SELECT id FROM item WHERE handle = 't/3'`);
    const names = Array.from({ length: q.HEADINGS_PER_PAGE + 5 }, (_, i) => `Zed, Author ${String(i).padStart(3, "0")}`);
    await sql.query(
      `INSERT INTO contributor (item_id, position, name) SELECT $1, 100 + n, name FROM unnest($2::text[]) WITH ORDINALITY AS u(name, n)`,
      [id, names],
    );
    const first = await q.listHeadings(sql, "author", "z", 1);
    const second = await q.listHeadings(sql, "author", "z", 2);
    expect(first.total).toBe(names.length);
    expect(first.headings).toHaveLength(q.HEADINGS_PER_PAGE);
    expect(second.headings.map((h) => h.name)).toEqual(names.slice(q.HEADINGS_PER_PAGE));
    await sql.query(`DELETE FROM contributor WHERE item_id = $1 AND position >= 100`, [id]);
  });
});
