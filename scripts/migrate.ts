// npm run db:migrate – apply pending migrations to the configured database (npm start does this too).
import { DatabaseUnavailableError, openDatabase } from "../lib/db/connection";
import { migrate, MigrationError } from "../lib/db/migrate";
import { ConfigError, env, pgliteDir } from "../lib/env";

try {
  const e = env();
  const db = await openDatabase({ url: e.DATABASE_URL, dir: pgliteDir(e), poolSize: 1 });
  try {
    const { applied, alreadyApplied } = await migrate(db.sql);
    console.log(`${db.describe}: ${applied.length} applied${applied.length ? ` (${applied.join(", ")})` : ""}, ${alreadyApplied} already applied`);
  } finally {
    await db.close();
  }
} catch (err) {
  if ([ConfigError, DatabaseUnavailableError, MigrationError].some((k) => err instanceof k)) {
    console.error(`atrium: ${(err as Error).message}`);
    process.exit(1);
  }
  throw err;
}
