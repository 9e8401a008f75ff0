import { afterEach, describe, expect, it } from "vitest";
import { migrate, MigrationError, readMigrations } from "./migrate";
import { schemaFingerprint } from "./catalog";
import { openDatabase } from "./connection";
import { diffDatabaseToSchema } from "./schema-diff";
import { createTestDatabase, testServerUrl, type TestDatabase } from "./test-db";

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const onServer = Boolean(testServerUrl());

describe(`migrations (${onServer ? "PostgreSQL server" : "PGlite"})`, () => {
  // Prisma's schema engine introspects PGlite through its driver adapter; the pg adapter cannot
  // read some catalog types, so on a server the migrated database is compared, catalog entry by
  // catalog entry, with a PGlite database that the schema engine built straight from schema.prisma.
  it("produce exactly the database that prisma/schema.prisma describes", async () => {
    db = await createTestDatabase();
    if (!onServer) {
      expect(await diffDatabaseToSchema(db.adapter)).toBe("");
      return;
    }
    const reference = await openDatabase({ dir: ":memory:" });
    try {
      await reference.sql.exec(await diffDatabaseToSchema(reference.adapter, { fromEmpty: true }));
      expect(await schemaFingerprint(db.sql)).toEqual(await schemaFingerprint(reference.sql));
    } finally {
      await reference.close();
    }
  });

  it("the comparison notices a database that drifted from the schema", async () => {
    db = await createTestDatabase();
    if (!onServer) {
      await db.sql.exec(`ALTER TABLE item DROP COLUMN edition`);
      expect(await diffDatabaseToSchema(db.adapter)).toMatch(/ADD COLUMN\s+"edition"/);
      return;
    }
    const before = await schemaFingerprint(db.sql);
    await db.sql.exec(`ALTER TABLE item DROP COLUMN edition`);
    const after = await schemaFingerprint(db.sql);
    expect(before.filter((l) => !after.includes(l))).toEqual([expect.stringMatching(/^column item\.edition /)]);
  });

  it("record each migration in _prisma_migrations as Prisma does, and a second run applies nothing", async () => {
    db = await createTestDatabase({ migrated: false });
    const all = readMigrations();
    const first = await migrate(db.sql, all);
    expect(first.applied).toEqual(all.map((m) => m.name));
    const rows = await db.sql.query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
      `SELECT migration_name, checksum, applied_steps_count, finished_at FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(all.map((m) => m.name));
    expect(rows.map((r) => r.checksum)).toEqual(all.map((m) => m.checksum));
    expect(rows.every((r) => r.applied_steps_count === 1 && r.finished_at !== null)).toBe(true);

    const second = await migrate(db.sql, all);
    expect(second).toEqual({ applied: [], alreadyApplied: all.length });
  });

  it("refuse to continue when an applied migration file has changed", async () => {
    db = await createTestDatabase();
    const changed = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(migrate(db.sql, changed)).rejects.toThrow(MigrationError);
    await expect(migrate(db.sql, changed)).rejects.toThrow(/was changed after it was applied/);
  });

  it("refuse a database that a newer version migrated", async () => {
    db = await createTestDatabase();
    await db.sql.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)`,
      ["00000000-0000-0000-0000-000000000001", "f".repeat(64), "29991231000000_from_the_future"],
    );
    await expect(migrate(db.sql)).rejects.toThrow(/does not know/);
  });

  it("roll back a failing migration completely and leave no record of it", async () => {
    db = await createTestDatabase();
    const broken = [...readMigrations(), { name: "29991231000000_broken", sql: "CREATE TABLE half_done (id int); SELECT no_such_function();", checksum: "a".repeat(64) }];
    await expect(migrate(db.sql, broken)).rejects.toThrow(/29991231000000_broken failed/);
    const tables = await db.sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    expect(tables).toHaveLength(0);
    const rows = await db.sql.query(`SELECT 1 FROM _prisma_migrations WHERE migration_name = '29991231000000_broken'`);
    expect(rows).toHaveLength(0);
  });
});
