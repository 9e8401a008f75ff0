// Test helper: a fresh, migrated database per test file. With TEST_DATABASE_URL (or
// DATABASE_URL) set, a new database is created on that PostgreSQL server and dropped afterwards;
// otherwise an in-memory PGlite is used. Both run the real migrations.
import crypto from "node:crypto";
import { openDatabase, type Database } from "./connection";
import { migrate } from "./migrate";

export function testServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export type TestDatabase = Database & { name: string };

export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const server = testServerUrl();
  let db: Database;
  let name = ":memory:";
  let dropDatabase = async () => {};
  if (server) {
    name = `atrium_test_${crypto.randomBytes(6).toString("hex")}`;
    const admin = await openDatabase({ url: server, poolSize: 1 });
    await admin.sql.exec(`CREATE DATABASE ${name}`);
    await admin.close();
    const url = new URL(server);
    url.pathname = `/${name}`;
    db = await openDatabase({ url: url.toString(), poolSize: 4 });
    dropDatabase = async () => {
      const again = await openDatabase({ url: server, poolSize: 1 });
      await again.sql.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.close();
    };
  } else {
    db = await openDatabase({ dir: ":memory:" });
  }
  if (options.migrated !== false) await migrate(db.sql);
  return {
    ...db,
    name,
    close: async () => {
      await db.close();
      await dropDatabase();
    },
  };
}
