// Integration tests of search on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
// ranking, prefix/phrase/minus queries, identifiers, Korean text and names, facets, and the
// triggers that keep the search document current when the rows around an item change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { parseSearchParams } from "./params";
import { searchItems } from "./search-items";

let db: TestDatabase;

type ItemInput = {
  handle: string;
  title: string;
  alternativeTitle?: string;
  abstract?: string;
  type?: string;
  status?: string;
  year?: number;
  doi?: string;
  issn?: string;
  language?: string;
  keywords?: string[];
  subjects?: string[];
  journal?: string;
  collection: number;
  authors: (string | { name: string; researcher: number })[];
  openFile?: boolean;
};

async function insertItem(input: ItemInput): Promise<number> {
  const [row] = await db.sql.query<{ id: number }>(
    `INSERT INTO item (handle, type, status, title, alternative_title, alternative_title_lang, abstract, issue_date, issue_year,
                       doi, issn, language, keywords, subjects, journal_title, collection_id, published_at, updated_at)
     VALUES ($1, $2::item_type, $3::item_status, $4, $5, CASE WHEN $5::text IS NULL THEN NULL ELSE 'ko' END, $6, $7::text, $7::int,
             $8, $9, $10, $11, $12, $13, $14, now(), now())
     RETURNING id`,
    [
      input.handle,
      input.type ?? "JOURNAL_ARTICLE",
      input.status ?? "PUBLISHED",
      input.title,
      input.alternativeTitle ?? null,
      input.abstract ?? null,
      input.year ?? 2020,
      input.doi ?? null,
      input.issn ?? null,
      input.language ?? "en",
      input.keywords ?? [],
      input.subjects ?? [],
      input.journal ?? null,
      input.collection,
    ],
  );
  const names = input.authors.map((a) => (typeof a === "string" ? { name: a, researcher: null } : a));
  await db.sql.query(
    `INSERT INTO contributor (item_id, position, name, researcher_id)
     SELECT $1, n.position - 1, n.name, n.researcher FROM unnest($2::text[], $3::int[]) WITH ORDINALITY AS n(name, researcher, position)`,
    [row.id, names.map((n) => n.name), names.map((n) => n.researcher)],
  );
  if (input.openFile) {
    await db.sql.query(
      `INSERT INTO file (item_id, file_name, mime_type, size, sha256, storage_key, access, updated_at)
       VALUES ($1, 'paper.pdf', 'application/pdf', 10, 'x', $2, 'OPEN', now())`,
      [row.id, `key-${input.handle}`],
    );
  }
  return row.id;
}

const ids: Record<string, number> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql.exec(`
    INSERT INTO unit (id, slug, name, alt_name, alt_lang, parent_id, updated_at) VALUES
      (1, 'kbri', 'Korea Brain Research Institute', '한국뇌연구원', 'ko', NULL, now()),
      (2, 'research-division', 'Research Division', '연구본부', 'ko', 1, now()),
      (3, 'emotion-cognition', 'Emotional and Cognitive Disorders Research Group', '정서·인지 질환 연구그룹', 'ko', 2, now()),
      (4, 'neural-circuits', 'Neural Circuits Research Group', '신경회로 연구그룹', 'ko', 2, now());
    INSERT INTO collection (id, slug, unit_id, name, updated_at) VALUES
      (1, 'emotion-articles', 3, '1. Journal Articles', now()),
      (2, 'circuits-articles', 4, '1. Journal Articles', now()),
      (3, 'circuits-theses', 4, '2. Theses', now());
    INSERT INTO researcher (id, slug, display_name, family_name, given_name, name_variants, updated_at) VALUES
      (1, 'koo-ja-wook', 'Koo, Ja Wook', 'Koo', 'Ja Wook', ARRAY['구자욱', 'Ja Wook Koo', 'Koo, J.W.'], now()),
      (2, 'kim-jeongseop', 'Kim, Jeongseop', 'Kim', 'Jeongseop', ARRAY['김정섭', 'Jeongseop Kim'], now()),
      (3, 'park-seoyeon', 'Park, Seoyeon', 'Park', 'Seoyeon', ARRAY['박서연'], now());`);

  ids.seed = await insertItem({
    handle: "2023.sw.kbri/1191",
    title: "The Role of Glutamate Underlying Treatment-resistant Depression",
    abstract:
      "Treatment-resistant depression remains a major clinical challenge. Ketamine, an NMDA receptor antagonist, " +
      "produces rapid antidepressant effects, pointing to glutamatergic neurotransmission in the prefrontal cortex.",
    year: 2023,
    doi: "10.5555/kbri.2023.1191",
    issn: "1226-4512",
    keywords: ["Glutamate", "Ketamine", "Depression"],
    subjects: ["Neuroscience", "Psychiatry"],
    journal: "Clinical Psychopharmacology and Neuroscience",
    collection: 1,
    authors: [{ name: "Kim, Jeongseop", researcher: 2 }, { name: "Koo, Ja Wook", researcher: 1 }],
    openFile: true,
  });
  ids.memory = await insertItem({
    handle: "t/2",
    title: "Hippocampal memory consolidation during sleep",
    abstract: "Glutamate release at hippocampal synapses was measured across sleep stages.",
    year: 2019,
    keywords: ["Memory", "Sleep"],
    subjects: ["Neuroscience"],
    collection: 2,
    authors: [{ name: "Park, Seoyeon", researcher: 3 }],
  });
  ids.glutamateTitle = await insertItem({
    handle: "t/3",
    title: "Glutamate transporters in astrocytes",
    abstract: "Astrocytic glutamate uptake shapes synaptic transmission.",
    year: 2021,
    keywords: ["Glutamate", "Astrocyte"],
    subjects: ["Neuroscience"],
    collection: 2,
    authors: ["Lee, Minho"],
    openFile: true,
  });
  ids.koreanEmotion = await insertItem({
    handle: "t/4",
    title: "Emotion regulation and cognition in adolescents",
    alternativeTitle: "청소년의 정서 조절과 인지 기능",
    abstract: "우울 증상이 있는 청소년의 정서 조절 능력과 인지 기능의 관계를 조사하였다.",
    year: 2022,
    type: "THESIS",
    language: "ko",
    subjects: ["Psychology"],
    collection: 3,
    authors: [{ name: "Koo, Ja Wook", researcher: 1 }, "Choi, Yuna"],
  });
  ids.koreanCompound = await insertItem({
    handle: "t/5",
    title: "만성 스트레스와 신경퇴행성질환의 연관성",
    abstract: "만성 스트레스가 신경퇴행성질환 발병에 미치는 영향.",
    year: 2018,
    language: "ko",
    subjects: ["Psychiatry"],
    collection: 2,
    authors: ["Jung, Hana"],
  });
  ids.ketamineOnly = await insertItem({
    handle: "t/6",
    title: "Ketamine for depression: a clinical review",
    abstract: "Ketamine and esketamine in major depressive disorder.",
    year: 2024,
    subjects: ["Psychiatry"],
    collection: 2,
    authors: ["Han, Jisoo"],
  });
  ids.draft = await insertItem({
    handle: "t/7",
    title: "Glutamate draft not yet public",
    status: "DRAFT",
    collection: 1,
    authors: [{ name: "Koo, Ja Wook", researcher: 1 }],
  });
  // Mapped into a second collection: found through either unit.
  await db.sql.query(`INSERT INTO item_collection (item_id, collection_id) VALUES ($1, 1)`, [ids.memory]);
});

afterAll(async () => {
  await db?.close();
});

const search = (query: Record<string, string>) => searchItems(db.sql, parseSearchParams(query));
const handles = async (query: Record<string, string>) => (await search(query)).hits.map((h) => h.handle);

describe(`search (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it("ranks a title and keyword match above a match in the abstract only, and never shows drafts", async () => {
    const result = await search({ q: "glutamate" });
    expect(result.total).toBe(3);
    expect(result.hits.map((h) => h.handle)).not.toContain("t/7");
    const order = result.hits.map((h) => h.handle);
    expect(order.indexOf("t/2")).toBe(2); // abstract only: last
  });

  it("finds words of the abstract, several words in any order, and prefixes while typing", async () => {
    expect(await handles({ q: "prefrontal" })).toEqual(["2023.sw.kbri/1191"]);
    expect(await handles({ q: "ketamine glutamate" })).toEqual(["2023.sw.kbri/1191"]);
    expect(await handles({ q: "glutamate ketamine" })).toEqual(["2023.sw.kbri/1191"]);
    expect(await handles({ q: "glutam" })).toHaveLength(3);
    expect(await handles({ q: "antidepress" })).toEqual(["2023.sw.kbri/1191"]);
  });

  it("understands quoted phrases, minus and OR", async () => {
    expect(await handles({ q: '"treatment-resistant depression"' })).toEqual(["2023.sw.kbri/1191"]);
    expect(await handles({ q: '"depression treatment"' })).toEqual([]);
    expect(new Set(await handles({ q: "ketamine -glutamate" }))).toEqual(new Set(["t/6"]));
    expect(new Set(await handles({ q: "astrocytes OR sleep" }))).toEqual(new Set(["t/2", "t/3"]));
  });

  it("matches identifiers exactly: DOI (with or without resolver), handle, ISSN", async () => {
    expect(await handles({ q: "10.5555/kbri.2023.1191" })).toEqual(["2023.sw.kbri/1191"]);
    expect(await handles({ q: "https://doi.org/10.5555/KBRI.2023.1191" })).toEqual(["2023.sw.kbri/1191"]);
    expect(await handles({ q: "2023.sw.kbri/1191" })).toEqual(["2023.sw.kbri/1191"]);
    expect(await handles({ q: "1226-4512" })).toEqual(["2023.sw.kbri/1191"]);
  });

  it("finds contributors by any form of their name, in any order, in Hangul too", async () => {
    const koo = new Set(["2023.sw.kbri/1191", "t/4"]);
    expect(new Set(await handles({ q: "Koo" }))).toEqual(koo);
    expect(new Set(await handles({ q: "Koo Ja Wook" }))).toEqual(koo);
    expect(new Set(await handles({ q: "Ja Wook Koo" }))).toEqual(koo);
    expect(new Set(await handles({ q: "구자욱" }))).toEqual(koo);
    expect(new Set(await handles({ q: "김정섭" }))).toEqual(new Set(["2023.sw.kbri/1191"]));
  });

  it("finds Korean text: two-syllable terms, phrases across the middle dot, terms inside compounds", async () => {
    // 정서 is a two-syllable term: no trigram, found as a word prefix ("정서" in titles and in the unit name).
    expect(new Set(await handles({ q: "정서" }))).toEqual(new Set(["2023.sw.kbri/1191", "t/2", "t/4"]));
    expect(new Set(await handles({ q: "정서 조절" }))).toEqual(new Set(["t/4"]));
    // The unit's Korean name, as written with its middle dot, finds the unit's items.
    expect(new Set(await handles({ q: "정서·인지 질환 연구그룹" }))).toEqual(new Set(["2023.sw.kbri/1191", "t/2"]));
    expect(new Set(await handles({ q: "인지 질환" }))).toEqual(new Set(["2023.sw.kbri/1191", "t/2"]));
    // 퇴행성질환 sits inside 신경퇴행성질환: found as a substring (trigram index).
    expect(await handles({ q: "퇴행성질환" })).toEqual(["t/5"]);
    // Two syllables inside a compound: 질환 in 신경퇴행성질환 and in 인지질환 written without a
    // space (Hangul bigram index).
    const compound = await insertItem({
      handle: "t/8",
      title: "노인성 인지질환 환자의 수면 장애와 일주기 리듬",
      year: 2022,
      language: "ko",
      collection: 2,
      authors: ["Choi, Yuna"],
    });
    try {
      expect(new Set(await handles({ q: "질환" }))).toEqual(new Set(["2023.sw.kbri/1191", "t/2", "t/5", "t/8"]));
      expect(await handles({ q: "퇴행" })).toEqual(["t/5"]);
      expect(await handles({ q: "인지질환" })).toEqual(["t/8"]);
      expect(new Set(await handles({ q: "인지" }))).toEqual(new Set(["2023.sw.kbri/1191", "t/2", "t/4", "t/8"]));
      const hit = (await search({ q: "질환" })).hits.find((h) => h.handle === "t/8")!;
      expect(hit.titleSegments.filter((s) => s.hit).map((s) => s.text)).toEqual(["질환"]);
    } finally {
      await db.sql.query(`DELETE FROM item WHERE id = $1`, [compound]);
    }
    // Korean particles follow the word: 스트레스가 is found by 스트레스.
    expect(await handles({ q: "스트레스" })).toEqual(["t/5"]);
    const hit = (await search({ q: "정서" })).hits.find((h) => h.handle === "t/4")!;
    expect(hit.alternativeTitleSegments?.filter((s) => s.hit).map((s) => s.text)).toEqual(["정서"]);
  });

  it("marks matched words in titles and abstracts", async () => {
    const [hit] = (await search({ q: "glutamate ketamine" })).hits;
    expect(hit.titleSegments.filter((s) => s.hit).map((s) => s.text)).toEqual(["Glutamate"]);
    expect(hit.abstractSegments?.filter((s) => s.hit).map((s) => s.text)).toEqual(["Ketamine", "glutamatergic"]);
  });

  it("counts facets over the results and narrows by each facet, combinably", async () => {
    const all = await search({ q: "" });
    expect(all.total).toBe(6);
    expect(all.sort).toBe("date");
    expect(all.facets.type).toEqual([
      { value: "JOURNAL_ARTICLE", label: "JOURNAL_ARTICLE", altLabel: null, count: 5 },
      { value: "THESIS", label: "THESIS", altLabel: null, count: 1 },
    ]);
    expect(all.facets.openFile).toBe(2);
    expect(all.facets.language.map((l) => [l.value, l.count])).toEqual([["en", 4], ["ko", 2]]);
    // Units count through owning and mapped collections and roll up the tree; the institute is left out.
    expect(Object.fromEntries(all.facets.unit.map((u) => [u.value, u.count]))).toEqual({
      "research-division": 6,
      "neural-circuits": 5,
      "emotion-cognition": 2,
    });
    expect(all.facets.unit.find((u) => u.value === "emotion-cognition")?.altLabel).toBe("정서·인지 질환 연구그룹");
    expect(Object.fromEntries(all.facets.author.map((a) => [a.value, a.count]))).toEqual({
      "koo-ja-wook": 2,
      "kim-jeongseop": 1,
      "park-seoyeon": 1,
    });
    expect(all.facets.subject[0]).toMatchObject({ value: "Neuroscience", count: 3 });
    expect(all.facets.year.map((y) => [y.value, y.count])).toEqual([
      ["2024", 1],
      ["2023", 1],
      ["2022", 1],
      ["2021", 1],
      ["2015-2019", 2],
    ]);

    expect(await handles({ q: "", unit: "emotion-cognition" })).toEqual(["2023.sw.kbri/1191", "t/2"]);
    expect(await handles({ q: "", unit: "research-division", type: "THESIS" })).toEqual(["t/4"]);
    expect(await handles({ q: "glutamate", author: "koo-ja-wook" })).toEqual(["2023.sw.kbri/1191"]);
    expect(await handles({ q: "", collection: "circuits-theses" })).toEqual(["t/4"]);
    expect(await handles({ q: "", subject: "Psychiatry", year: "2023-2024" })).toEqual(["t/6", "2023.sw.kbri/1191"]);
    expect(await handles({ q: "", language: "ko", year: "2015-2019" })).toEqual(["t/5"]);
    expect(await handles({ q: "glutamate", file: "open" })).toHaveLength(2);
  });

  it("sorts by date, title and views, and pages", async () => {
    expect(await handles({ q: "", sort: "title", size: "10" })).toEqual(["t/4", "t/3", "t/2", "t/6", "2023.sw.kbri/1191", "t/5"]);
    await db.sql.query(
      `INSERT INTO usage_daily (scope, scope_id, day, country, views) VALUES ('ITEM', $1, current_date - 3, 'KR', 40), ('ITEM', $2, current_date - 2, 'US', 7)`,
      [ids.memory, ids.ketamineOnly],
    );
    const byViews = await search({ q: "", sort: "views" });
    expect(byViews.hits.slice(0, 2).map((h) => [h.handle, h.views])).toEqual([["t/2", 40], ["t/6", 7]]);
    const page2 = await search({ q: "", sort: "date", size: "10", page: "2" });
    expect(page2.hits).toEqual([]);
    expect(page2.total).toBe(6);
  });

  it("answers broad searches from a sample, marked as estimates, with hits in the same order", async () => {
    // Above the exact limit counts come from a sample of the table's pages (here all of them, so
    // the figures can be compared) and hits are read in index order.
    const broad = (query: Record<string, string>) => searchItems(db.sql, parseSearchParams(query), { exactLimit: 2, samplePercent: 100 });
    const queries: Record<string, string>[] = [
      { q: "" },
      { q: "glutamate", sort: "title" },
      { q: "", sort: "title" },
      { q: "", sort: "views" },
      { q: "glutamate", sort: "date" },
      // Rows are tested with LIKE where the probe asked the Hangul bigram index: the same matches.
      { q: "질환", sort: "date" },
      { q: "정서", sort: "title" },
    ];
    for (const query of queries) {
      const exact = await search(query);
      const estimated = await broad(query);
      expect(exact.estimated).toBe(false);
      expect(estimated.estimated).toBe(true);
      expect(estimated.total).toBe(exact.total);
      expect(estimated.facets).toEqual(exact.facets);
      expect(estimated.hits.map((h) => h.handle), JSON.stringify(query)).toEqual(exact.hits.map((h) => h.handle));
    }
    // Relevance ranks the newest few hundred matches: here all of them.
    const ranked = await broad({ q: "glutamate" });
    expect(ranked.total).toBe(3);
    expect(ranked.hits.map((h) => h.handle)).toEqual((await search({ q: "glutamate" })).hits.map((h) => h.handle));
    expect((await broad({ q: "", sort: "date", size: "10", page: "2" })).hits).toEqual([]);
  });

  it("keeps the search document current when contributors, researchers and units change", async () => {
    await db.sql.query(`UPDATE researcher SET name_variants = array_append(name_variants, 'Gu Jauk') WHERE slug = 'koo-ja-wook'`);
    expect(new Set(await handles({ q: "Jauk" }))).toEqual(new Set(["2023.sw.kbri/1191", "t/4"]));
    await db.sql.query(`UPDATE contributor SET name = 'Oh, Sejin' WHERE item_id = $1`, [ids.ketamineOnly]);
    expect(await handles({ q: "Sejin" })).toEqual(["t/6"]);
    expect(await handles({ q: "Jisoo" })).toEqual([]);
    await db.sql.query(`UPDATE unit SET alt_name = '신경회로망 연구그룹' WHERE slug = 'neural-circuits'`);
    expect(await handles({ q: "신경회로망" })).toHaveLength(5);
    await db.sql.query(`DELETE FROM item_collection WHERE item_id = $1`, [ids.memory]);
    expect(await handles({ q: "정서·인지 질환 연구그룹" })).toEqual(["2023.sw.kbri/1191"]);
  });

  it("treats odd input as text, never as SQL or tsquery syntax", async () => {
    for (const q of ["'", "a & | ! (", "-", '"', "OR", "x:* <-> y", "%_\\", "정'서"]) {
      await expect(search({ q })).resolves.toBeDefined();
    }
    expect((await search({ q: "-glutamate" })).total).toBe(0);
  });
});
