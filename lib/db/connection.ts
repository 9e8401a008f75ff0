// Opens either database Atrium runs on — a PostgreSQL server (DATABASE_URL) or the embedded
// PGlite folder — behind one small SQL interface, plus the matching Prisma driver adapter.
// Scripts (migrations, seed, benchmarks) and the server all open databases through here.
import fs from "node:fs";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export type Row = Record<string, unknown>;

/** The least a caller needs from either database. */
export type Sql = {
  readonly kind: "postgres" | "pglite";
  query<T = Row>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters. */
  exec(text: string): Promise<void>;
  /** Runs fn inside one transaction on one connection. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
};

export type Database = {
  sql: Sql;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** A one-line description for logs, without credentials. */
  describe: string;
  close(): Promise<void>;
};

export type OpenOptions = {
  /** PostgreSQL server URL; when absent, the embedded database in `dir` is used. */
  url?: string;
  /** PGlite data folder; ":memory:" for a throwaway in-memory database. */
  dir?: string;
  poolSize?: number;
};

/** A failure a person can fix: the message says what to do, with no stack trace. */
export class DatabaseUnavailableError extends Error {}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10) : openPglite(options.dir ?? ":memory:");
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const { default: pg } = await import("pg");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server must not crash the process.
  pool.on("error", (err) => console.error(`database pool: ${err.message}`));
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(
      `Cannot connect to the PostgreSQL server at ${redactUrl(url)} (${(err as Error).message}). ` +
        `Check DATABASE_URL and that the server is running, or unset DATABASE_URL to use the embedded database.`,
    );
  }

  const sqlOn = (runner: Pick<import("pg").Pool, "query">): Sql => ({
    kind: "postgres",
    query: async <T = Row>(text: string, params?: unknown[]) => (await runner.query(text, params)).rows as T[],
    exec: async (text) => {
      await runner.query(text);
    },
    transaction: (fn) => withPgTransaction(fn),
  });
  const withPgTransaction = async <T>(fn: (tx: Sql) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const tx: Sql = { ...sqlOn(client), transaction: (inner) => inner(tx) };
      const result = await fn(tx);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  };

  return {
    sql: sqlOn(pool),
    adapter: new PrismaPg(pool),
    describe: `PostgreSQL ${redactUrl(url)}`,
    close: () => pool.end(),
  };
}

async function openPglite(dir: string): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");

  const memory = dir === ":memory:";
  let release = () => {};
  if (!memory) {
    ensureWritableFolder(dir);
    release = takeFolderLock(dir);
  }
  let db: InstanceType<typeof PGlite>;
  try {
    db = await PGlite.create(memory ? undefined : dir, { extensions: { pg_trgm, unaccent } });
  } catch (err) {
    release();
    throw new DatabaseUnavailableError(
      `Cannot open the embedded database in ${dir} (${(err as Error).message}). ` +
        `If the folder is damaged, restore it from a backup or remove it to start afresh (see README: reset).`,
    );
  }

  type Queryable = Pick<InstanceType<typeof PGlite>, "query" | "exec">;
  const sqlOn = (runner: Queryable, inTransaction: boolean): Sql => {
    const self: Sql = {
      kind: "pglite",
      query: async <T = Row>(text: string, params?: unknown[]) => (await runner.query<T>(text, params)).rows,
      exec: async (text) => {
        await runner.exec(text);
      },
      transaction: (fn) =>
        inTransaction ? fn(self) : db.transaction((tx) => fn(sqlOn(tx as unknown as Queryable, true))),
    };
    return self;
  };

  return {
    sql: sqlOn(db, false),
    adapter: new PrismaPGlite(db),
    describe: memory ? "embedded PGlite (in memory)" : `embedded PGlite in ${dir}`,
    close: async () => {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}

function ensureWritableFolder(dir: string) {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    throw new DatabaseUnavailableError(
      `The data folder ${dir} cannot be created or written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}). ` +
        `Set DATA_DIR to a writable folder, or fix its permissions.`,
    );
  }
}

/**
 * PGlite takes no lock of its own, and two processes on one folder silently lose writes; a pid
 * file next to the folder turns that into a clear refusal. A lock left by a dead process is taken over.
 */
function takeFolderLock(dir: string): () => void {
  const lockFile = path.join(path.dirname(path.resolve(dir)), `${path.basename(dir)}.lock`);
  const tryCreate = () => {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw new DatabaseUnavailableError(
        `Cannot write ${lockFile} (${(err as NodeJS.ErrnoException).code}). Set DATA_DIR to a writable folder.`,
      );
    }
  };
  if (!tryCreate()) {
    const holder = Number(fs.readFileSync(lockFile, "utf8").trim());
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new DatabaseUnavailableError(
        `The embedded database in ${dir} is in use by process ${holder}. Stop that process first ` +
          `(only one Atrium process may use an embedded database), or use DATABASE_URL.`,
      );
    }
    fs.rmSync(lockFile, { force: true });
    if (!tryCreate()) throw new DatabaseUnavailableError(`Another process took the lock ${lockFile} just now; try again.`);
  }
  const release = () => {
    try {
      if (fs.readFileSync(lockFile, "utf8").trim() === String(process.pid)) fs.rmSync(lockFile, { force: true });
    } catch {
      // already gone
    }
    process.off("exit", release);
  };
  process.on("exit", release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
