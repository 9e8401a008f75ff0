// Applies prisma/migrations/* in order and records them in _prisma_migrations exactly as
// `prisma migrate deploy` does (same table, SHA-256 checksums, advisory lock), so either tool can
// take over from the other. Safe to run on every start: applied migrations are skipped, a
// changed migration file stops everything.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Sql } from "./connection";

export const MIGRATIONS_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "prisma/migrations");

/** The lock id Prisma's migration engine takes, so the two never run at once. */
const PRISMA_ADVISORY_LOCK = 72707369;

export type Migration = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  if (!fs.existsSync(dir)) throw new MigrationError(`No migrations folder at ${dir}.`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

export type MigrateResult = { applied: string[]; alreadyApplied: number };

export async function migrate(sql: Sql, migrations: Migration[] = readMigrations()): Promise<MigrateResult> {
  // PGlite has a single session: a session-level advisory lock is pointless there.
  const lock = sql.kind === "postgres";
  if (lock) await sql.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
  try {
    await sql.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const rows = await sql.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const applied = new Map<string, AppliedRow>();
    for (const row of rows) {
      if (row.rolled_back_at) continue;
      if (!row.finished_at) {
        throw new MigrationError(
          `Migration ${row.migration_name} failed earlier and was never resolved. Fix the database by hand, then mark it ` +
            `rolled back (prisma migrate resolve --rolled-back ${row.migration_name}) or applied.`,
        );
      }
      applied.set(row.migration_name, row);
    }

    const known = new Set(migrations.map((m) => m.name));
    const unknown = [...applied.keys()].filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new MigrationError(
        `The database has migrations this version of Atrium does not know (${unknown.join(", ")}). ` +
          `It was upgraded by a newer version: run that version, or restore a backup.`,
      );
    }
    for (const m of migrations) {
      const row = applied.get(m.name);
      if (row && row.checksum !== m.checksum) {
        throw new MigrationError(
          `Migration ${m.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the ` +
            `database, ${m.checksum.slice(0, 12)}… on disk). Restore the original file; schema changes need a new migration.`,
        );
      }
    }

    const pending = migrations.filter((m) => !applied.has(m.name));
    for (const m of pending) {
      await sql.transaction(async (tx) => {
        const id = crypto.randomUUID();
        await tx.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
          [id, m.checksum, m.name],
        );
        try {
          await tx.exec(m.sql);
        } catch (err) {
          throw new MigrationError(`Migration ${m.name} failed: ${(err as Error).message}`);
        }
        await tx.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
      });
    }
    return { applied: pending.map((m) => m.name), alreadyApplied: applied.size };
  } finally {
    if (lock) await sql.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]);
  }
}
