// The workspace's import service against a real database: the dry run is kept and is exactly what
// the real run commits (minus the unticked matches), rights are checked, a wrong or broken file
// is refused before anything is stored, and a plan runs once and only before it expires.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PermissionUser } from "../auth/permissions";
import type { Sql } from "../db/connection";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { ImportInputError } from "./input";
import { commitStoredImport, getImport, getImportPage, getImportSummary, ImportRefusal, listImports, setMatchChoices, startImport } from "./store";
import { loadImportFixture, REALWORLD_DIR } from "./test-fixtures";

let db: TestDatabase;
let sql: Sql;
let curator: PermissionUser;
let foreign: PermissionUser;
let admin: PermissionUser;

const ris = () => new Uint8Array(fs.readFileSync(path.join(REALWORLD_DIR, "ris", "scopus_export_multiline_references.ris")));
const file = (bytes: Uint8Array, format: "auto" | "ris" | "bibtex" = "auto") => ({ kind: "file" as const, bytes, fileName: "export.ris", format });

beforeAll(async () => {
  db = await createTestDatabase();
  sql = db.sql;
  await loadImportFixture(sql);
  await sql.exec(`INSERT INTO unit (id, slug, name, updated_at) VALUES (2, 'elsewhere', 'Elsewhere', now());
                  INSERT INTO collection (id, slug, unit_id, name, updated_at) VALUES (3, 'elsewhere-articles', 2, 'Elsewhere Articles', now());`);
  const user = async (email: string, role: string) =>
    Number((await sql.query<{ id: number }>(`INSERT INTO app_user (email, name, role, updated_at) VALUES ($1, $1, $2::role, now()) RETURNING id`, [email, role]))[0].id);
  curator = { id: await user("c@x.invalid", "CURATOR"), role: "CURATOR", active: true, researcherId: null, unitIds: [1] };
  foreign = { id: await user("f@x.invalid", "CURATOR"), role: "CURATOR", active: true, researcherId: null, unitIds: [2] };
  admin = { id: await user("a@x.invalid", "ADMIN"), role: "ADMIN", active: true, researcherId: null, unitIds: [] };
});

afterAll(async () => {
  await db?.close();
});

const count = async (table: string) => Number((await sql.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);

describe(`workspace imports (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it("keeps the dry run, shows it only to its owner and administrators, and commits exactly that plan", async () => {
    const itemsBefore = await count("item");
    const stored = await startImport(sql, curator, { source: file(ris()), collectionId: 1 });
    expect(stored.state).toBe("planned");
    expect(stored.plan.notes[0]).toMatch(/Recognised as RIS/);
    expect(stored.plan.counts.total).toBe(6);
    expect(await count("item")).toBe(itemsBefore);

    expect(await getImport(sql, foreign, stored.id)).toBeNull();
    expect((await getImport(sql, admin, stored.id))?.id).toBe(stored.id);
    expect((await listImports(sql, curator)).map((r) => r.id)).toContain(stored.id);

    // Elsenbruch, S. is matched by a name variant; the curator unticks that match.
    const entry = stored.plan.entries.find((e) => e.contributors.some((c) => c.researcher?.slug === "elsenbruch-sigrid"))!;
    const index = entry.contributors.findIndex((c) => c.researcher?.slug === "elsenbruch-sigrid");
    await setMatchChoices(sql, curator, stored.id, [`${entry.position}:${index}`], []);
    const afterChoice = (await getImport(sql, curator, stored.id))!;
    expect(afterChoice.plan.entries.find((e) => e.position === entry.position)!.contributors[index]).toMatchObject({ researcher: null, unlinked: { slug: "elsenbruch-sigrid" } });

    const { report, commit } = await commitStoredImport(sql, curator, stored.id, { status: "PUBLISHED", batchSize: 4 });
    const planned = afterChoice.plan.entries.filter((e) => e.action === "create");
    expect(commit.created).toBe(planned.length);
    expect(await count("item")).toBe(itemsBefore + planned.length);
    const created = await sql.query<{ handle: string; title: string; status: string }>(`SELECT handle, title, status FROM item WHERE handle = ANY($1::text[])`, [[...commit.handles.values()]]);
    expect(created.map((r) => r.title).sort()).toEqual(planned.map((e) => e.record!.title).sort());
    expect(created.every((r) => r.status === "PUBLISHED")).toBe(true);
    expect(report.rows.filter((r) => r.action === "created")).toHaveLength(planned.length);

    const [contributor] = await sql.query<{ researcher_id: number | null }>(
      `SELECT c.researcher_id FROM contributor c JOIN item i ON i.id = c.item_id WHERE i.handle = $1 AND c.position = $2`,
      [commit.handles.get(entry.position), index],
    );
    expect(contributor.researcher_id).toBeNull();
    const audit = await sql.query<{ user_id: number }>(`SELECT user_id FROM audit_entry WHERE action = 'import'`);
    expect(audit.length).toBeGreaterThanOrEqual(1);
    expect(audit.every((a) => Number(a.user_id) === curator.id)).toBe(true);

    const done = (await getImport(sql, curator, stored.id))!;
    expect(done.state).toBe("committed");
    expect(done.result?.mode).toBe("commit");
    expect(Object.keys(done.itemIds)).toHaveLength(planned.length);
    // A second click does nothing.
    await expect(commitStoredImport(sql, curator, stored.id)).rejects.toMatchObject({ code: "committed" });
    expect(await count("item")).toBe(itemsBefore + planned.length);
  });

  it("refuses a collection the curator has no right on, and another user's plan", async () => {
    await expect(startImport(sql, foreign, { source: file(ris()), collectionId: 1 })).rejects.toBeInstanceOf(ImportRefusal);
    await expect(startImport(sql, curator, { source: file(ris()), collectionId: 3 })).rejects.toMatchObject({ code: "forbidden" });
    const stored = await startImport(sql, curator, { source: file(ris()), collectionId: 1 });
    // Everything is now a duplicate of the first test's import.
    expect(stored.plan.counts.duplicate).toBe(stored.plan.counts.total - stored.plan.counts.reject);
    await expect(commitStoredImport(sql, foreign, stored.id)).rejects.toMatchObject({ code: "not-found" });
    await expect(setMatchChoices(sql, foreign, stored.id, [], [])).rejects.toMatchObject({ code: "not-found" });
    // Rights withdrawn after the dry run: the commit checks again.
    const demoted = { ...curator, unitIds: [2] };
    await expect(commitStoredImport(sql, demoted, stored.id)).rejects.toMatchObject({ code: "forbidden" });
    expect((await getImport(sql, curator, stored.id))!.state).toBe("planned");
  });

  it("refuses a file in the wrong format, binary garbage and an unrecognisable file before storing anything", async () => {
    const plans = await count("import_plan");
    await expect(startImport(sql, curator, { source: file(ris(), "bibtex"), collectionId: 1 })).rejects.toMatchObject({ code: "wrong-format" });
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    await expect(startImport(sql, curator, { source: file(garbage), collectionId: 1 })).rejects.toBeInstanceOf(ImportInputError);
    await expect(startImport(sql, curator, { source: file(new TextEncoder().encode("just some words\nand more words\n")), collectionId: 1 })).rejects.toMatchObject({
      code: "wrong-format",
    });
    await expect(startImport(sql, curator, { source: file(ris()), collectionId: 1, maxBytes: 100 })).rejects.toMatchObject({ code: "too-large" });
    expect(await count("import_plan")).toBe(plans);
  });

  it("keeps each record in a row of its own and reads the report a page at a time, by action", async () => {
    const csv = ["title,year,doi", ...Array.from({ length: 120 }, (_, i) => `Paged record ${i},2020,10.5555/paged.${i % 100}`), ",2020,"].join("\n");
    const stored = await startImport(sql, curator, { source: file(new TextEncoder().encode(csv)), collectionId: 2 });
    expect(stored.plan.counts).toMatchObject({ total: 121, create: 100, duplicate: 20, reject: 1 });
    const [rows] = await sql.query<{ n: number; summary: number }>(
      `SELECT (SELECT count(*)::int FROM import_plan_entry WHERE plan_id = $1) AS n, (SELECT jsonb_array_length(plan->'entries') FROM import_plan WHERE id = $1) AS summary`,
      [stored.id],
    );
    expect(rows).toEqual({ n: 121, summary: 0 });
    const second = (await getImportPage(sql, curator, stored.id, { page: 2, perPage: 50 }))!;
    expect(second).toMatchObject({ total: 121, page: 2, pages: 3, counts: { create: 100, duplicate: 20, reject: 1 } });
    expect(second.stored.plan.entries.map((e) => e.position)).toEqual(Array.from({ length: 50 }, (_, i) => i + 51));
    const duplicates = (await getImportPage(sql, curator, stored.id, { page: 9, perPage: 50, action: "duplicate" }))!;
    expect(duplicates).toMatchObject({ total: 20, page: 1, pages: 1 });
    expect(duplicates.stored.plan.entries.every((e) => e.action === "duplicate")).toBe(true);
    expect(await getImportPage(sql, foreign, stored.id, { page: 1, perPage: 50 })).toBeNull();
    const summary = (await getImportSummary(sql, curator, stored.id))!;
    expect(summary).toMatchObject({ collectionId: 2, state: "planned", plan: { entries: [], counts: { total: 121 } } });
    expect(await getImportSummary(sql, foreign, stored.id)).toBeNull();

    await commitStoredImport(sql, curator, stored.id, { batchSize: 40 });
    const created = (await getImportPage(sql, curator, stored.id, { page: 3, perPage: 40, action: "created" }))!;
    expect(created).toMatchObject({ total: 100, page: 3, pages: 3, counts: { created: 100, duplicate: 20, rejected: 1 } });
    expect(created.stored.result!.rows).toHaveLength(20);
    expect(created.stored.result!.rows.every((r) => r.action === "created" && r.handle)).toBe(true);
    expect(Object.keys(created.stored.itemIds)).toHaveLength(20);
    const whole = (await getImport(sql, curator, stored.id))!;
    expect(whole.result!.rows.map((r) => r.position)).toEqual(whole.plan.entries.map((e) => e.position));
  });

  it("will not commit an expired dry run", async () => {
    const stored = await startImport(sql, curator, { source: file(new TextEncoder().encode("title,year\nA fresh title nobody used,2021\n")), collectionId: 2 });
    expect(stored.plan.counts.create).toBe(1);
    await sql.query(`UPDATE import_plan SET expires_at = now() - interval '1 minute' WHERE id = $1`, [stored.id]);
    expect((await getImport(sql, curator, stored.id))!.expired).toBe(true);
    await expect(commitStoredImport(sql, curator, stored.id)).rejects.toMatchObject({ code: "expired" });
  });
});
