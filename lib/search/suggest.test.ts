// Integration tests of the header box's suggestions on a real database (PGlite, or PostgreSQL with
// TEST_DATABASE_URL): names in any order and script, units in both languages, item titles by
// prefix, and the checks on what was typed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { suggest, SuggestQueryError, validateSuggestQuery } from "./suggest";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql.exec(`
    INSERT INTO unit (id, slug, name, alt_name, alt_lang, parent_id, updated_at) VALUES
      (1, 'kbri', 'Korea Brain Research Institute', '한국뇌연구원', 'ko', NULL, now()),
      (2, 'emotion-cognition', 'Emotional and Cognitive Disorders Research Group', '정서·인지 질환 연구그룹', 'ko', 1, now()),
      (3, 'neural-circuits', 'Neural Circuits Research Group', '신경회로 연구그룹', 'ko', 1, now());
    INSERT INTO collection (id, slug, unit_id, name, updated_at) VALUES (1, 'emotion-articles', 2, '1. Journal Articles', now());
    INSERT INTO researcher (id, slug, display_name, family_name, given_name, name_variants, primary_unit_id, updated_at) VALUES
      (1, 'koo-ja-wook', 'Koo, Ja Wook', 'Koo', 'Ja Wook', ARRAY['구자욱', 'Ja Wook Koo', 'Koo, J.W.'], 2, now()),
      (2, 'kim-jeongseop', 'Kim, Jeongseop', 'Kim', 'Jeongseop', ARRAY['김정섭', 'Jeongseop Kim'], 3, now()),
      (3, 'koo-minji', 'Koo, Minji', 'Koo', 'Minji', ARRAY['구민지'], NULL, now());
    INSERT INTO item (id, handle, type, status, title, issue_date, issue_year, collection_id, published_at, updated_at) VALUES
      (1, 't/1', 'JOURNAL_ARTICLE', 'PUBLISHED', 'The Role of Glutamate Underlying Treatment-resistant Depression', '2023', 2023, 1, now(), now()),
      (2, 't/2', 'JOURNAL_ARTICLE', 'PUBLISHED', 'Glutamate transporters in astrocytes', '2021', 2021, 1, now(), now()),
      (3, 't/3', 'JOURNAL_ARTICLE', 'DRAFT', 'Glutamate draft never shown', '2024', 2024, 1, NULL, now()),
      (4, 't/4', 'JOURNAL_ARTICLE', 'PUBLISHED', 'Astrocytes and sleep', '2020', 2020, 1, now(), now()),
      (5, 't/5', 'JOURNAL_ARTICLE', 'PUBLISHED', '만성 스트레스와 신경퇴행성질환의 연관성', '2022', 2022, 1, now(), now());
    INSERT INTO contributor (item_id, position, name, researcher_id) VALUES
      (1, 0, 'Kim, Jeongseop', 2), (1, 1, 'Koo, Ja Wook', 1), (2, 0, 'Koo, Ja Wook', 1), (4, 0, 'Koo, Minji', 3);`);
});

afterAll(async () => {
  await db?.close();
});

describe(`suggestions (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it("finds a researcher by any form of the name, in any order and by prefix", async () => {
    for (const q of ["Koo Ja Wook", "ja wook koo", "Koo, J", "구자욱", "구자", "자욱"]) {
      const { researchers } = await suggest(db.sql, q, "en");
      expect(researchers.map((r) => r.href), q).toContain("/researchers/koo-ja-wook");
    }
    const { researchers } = await suggest(db.sql, "koo", "en");
    // Both people named Koo; the one with more publications first.
    expect(researchers.map((r) => r.href)).toEqual(["/researchers/koo-ja-wook", "/researchers/koo-minji"]);
    expect(researchers[0]).toMatchObject({ name: "Koo, Ja Wook", altName: "구자욱", unit: "Emotional and Cognitive Disorders Research Group" });
    const ko = await suggest(db.sql, "koo ja", "ko");
    expect(ko.researchers[0]).toMatchObject({ name: "구자욱", altName: "Koo, Ja Wook", unit: "정서·인지 질환 연구그룹" });
  });

  it("finds units by a word of either name, items by the start of title words, never drafts", async () => {
    const units = await suggest(db.sql, "cognitive", "en");
    expect(units.units).toEqual([
      { name: "Emotional and Cognitive Disorders Research Group", altName: "정서·인지 질환 연구그룹", href: "/units/emotion-cognition" },
    ]);
    expect((await suggest(db.sql, "질환", "ko")).units.map((u) => u.name)).toEqual(["정서·인지 질환 연구그룹"]);
    expect((await suggest(db.sql, "research gr", "en")).units).toHaveLength(2);

    const items = await suggest(db.sql, "glutam", "en");
    expect(items.items.map((i) => i.href).sort()).toEqual(["/handle/t/1", "/handle/t/2"]);
    expect(items.items.find((i) => i.href === "/handle/t/2")).toEqual({ title: "Glutamate transporters in astrocytes", year: 2021, href: "/handle/t/2" });
    expect((await suggest(db.sql, "astro glut", "en")).items.map((i) => i.href)).toEqual(["/handle/t/2"]);
    expect((await suggest(db.sql, "스트레스", "ko")).items.map((i) => i.href)).toEqual(["/handle/t/5"]);
    // Same-titled items are suggested once; the title follows the interface's script.
    await db.sql.exec(`
      INSERT INTO item (id, handle, type, status, title, alternative_title, alternative_title_lang, issue_date, issue_year, collection_id, published_at, updated_at) VALUES
        (6, 't/6', 'REPORT', 'PUBLISHED', '2024년도 정서·인지 질환 연구그룹 연구연보', 'Annual report of the Emotional and Cognitive Disorders Research Group', 'en', '2024', 2024, 1, now(), now()),
        (7, 't/7', 'REPORT', 'PUBLISHED', '2024년도 정서·인지 질환 연구그룹 연구연보', 'Annual report of the Emotional and Cognitive Disorders Research Group', 'en', '2024', 2024, 1, now(), now());`);
    const reports = await suggest(db.sql, "annual report", "en");
    expect(reports.items).toHaveLength(1);
    expect(reports.items[0].title).toBe("Annual report of the Emotional and Cognitive Disorders Research Group");
    expect((await suggest(db.sql, "연구연보", "ko")).items.map((i) => i.title)).toEqual(["2024년도 정서·인지 질환 연구그룹 연구연보"]);
    // A name found among authors is not a title match.
    expect((await suggest(db.sql, "koo", "en")).items).toEqual([]);
  });

  it("treats odd input as text and answers nothing for punctuation alone", async () => {
    for (const q of ["'", "a & b", "(:*", "\\", "%_", "!!"]) {
      await expect(suggest(db.sql, q, "en")).resolves.toBeDefined();
    }
    expect(await suggest(db.sql, "!!", "en")).toEqual({ q: "!!", researchers: [], units: [], items: [] });
  });

  it("rejects a missing, empty, overlong or control-character query", () => {
    expect(validateSuggestQuery("  Koo ")).toBe("Koo");
    for (const q of [null, "", "   ", "x".repeat(101), "a\u0000b", "a\nb"]) {
      expect(() => validateSuggestQuery(q)).toThrow(SuggestQueryError);
    }
  });
});
