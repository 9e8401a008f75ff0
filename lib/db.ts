// The application's one database handle: a Prisma client and the raw SQL interface, on the
// PostgreSQL server (DATABASE_URL) or the embedded PGlite folder. Created on first use and kept on
// globalThis, because pages and route handlers are separate bundles in one server process.
import "server-only";
import { openDatabase, type Database, type Sql } from "./db/connection";
import { createPrismaClient, type Prisma } from "./db/prisma";
import { env, pgliteDir } from "./env";

type Handle = { db: Database; prisma: Prisma };

const holder = globalThis as unknown as { __atriumDb?: Promise<Handle> };

export class NoDatabaseDuringBuildError extends Error {
  constructor() {
    super("The database is not available while the application is being built.");
  }
}

function connect(): Promise<Handle> {
  if (process.env.NEXT_PHASE === "phase-production-build") return Promise.reject(new NoDatabaseDuringBuildError());
  holder.__atriumDb ??= (async () => {
    const e = env();
    const db = await openDatabase({ url: e.DATABASE_URL, dir: pgliteDir(e), poolSize: e.DATABASE_POOL_SIZE });
    return { db, prisma: createPrismaClient(db) };
  })().catch((err) => {
    // Let the next request try again (the server may come back).
    holder.__atriumDb = undefined;
    throw err;
  });
  return holder.__atriumDb;
}

export async function getPrisma(): Promise<Prisma> {
  return (await connect()).prisma;
}

export async function getSql(): Promise<Sql> {
  return (await connect()).db.sql;
}

export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
