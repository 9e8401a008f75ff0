// npm run seed [-- --items N --events N --researchers N --today YYYY-MM-DD --reset]
// Fills the configured database (DATABASE_URL, else the embedded PGlite in DATA_DIR) with the
// demonstration data. Refuses a database that already has content unless --reset, which empties
// every table (but the migration history) and the storage folder first.
import { parseArgs } from "node:util";
import { DatabaseUnavailableError, openDatabase, type Database } from "../lib/db/connection";
import { migrate, MigrationError } from "../lib/db/migrate";
import { ConfigError, env, pgliteDir, storageDir } from "../lib/env";
import {
  countContent,
  describeSummary,
  emptyDatabase,
  emptyStorageFolder,
  resolveSeedOptions,
  seedDemo,
  SeedOptionsError,
  SeedRefusedError,
} from "../lib/seed";
import { seedDemoAccounts } from "../lib/seed/accounts";
import { createLocalStorage } from "../lib/storage";

const USAGE = "usage: npm run seed [-- --items N --events N --researchers N --today YYYY-MM-DD --reset]";

function parseCount(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const digits = value.replace(/[_,]/g, "");
  if (!/^\d+$/.test(digits)) throw new SeedOptionsError(`--${name} must be a whole number (got ${value})`);
  return Number(digits);
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseCli>;
  try {
    args = parseCli();
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }

  const e = env();
  const storagePath = storageDir(e);
  let db: Database | undefined;
  try {
    // Checked before the database is touched, so that a typo never costs a --reset.
    const options = resolveSeedOptions({
      items: parseCount("items", args.items),
      events: parseCount("events", args.events),
      researchers: parseCount("researchers", args.researchers),
      today: args.today,
    });
    db = e.DATABASE_URL ? await openDatabase({ url: e.DATABASE_URL, poolSize: 2 }) : await openDatabase({ dir: pgliteDir(e) });
    console.log(`Database: ${db.describe}; files: ${storagePath}`);
    const migrated = await migrate(db.sql);
    if (migrated.applied.length) console.log(`Applied ${migrated.applied.length} migration(s).`);

    const counts = await countContent(db.sql);
    const hasContent = counts.items + counts.units + counts.collections + counts.researchers > 0;
    if (hasContent && !args.reset) {
      console.error(
        `The database already has content (${counts.items} items, ${counts.units} units, ${counts.researchers} researchers). ` +
          `Run "npm run seed -- --reset" to replace everything with the demonstration data.`,
      );
      return 1;
    }
    if (args.reset) {
      await emptyDatabase(db.sql);
      await emptyStorageFolder(storagePath);
      console.log("Emptied the database and the storage folder.");
    }

    const started = performance.now();
    const summary = await seedDemo(db.sql, {
      ...options,
      storage: createLocalStorage(storagePath),
      log: (line) => console.log(`  [${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`),
    });
    console.log(describeSummary(summary));
    await seedDemoAccounts(db.sql, (line) => console.log(line));
    return 0;
  } catch (err) {
    if (
      err instanceof DatabaseUnavailableError ||
      err instanceof MigrationError ||
      err instanceof ConfigError ||
      err instanceof SeedOptionsError ||
      err instanceof SeedRefusedError
    ) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await db?.close();
  }
}

function parseCli() {
  const { values } = parseArgs({
    options: {
      items: { type: "string" },
      events: { type: "string" },
      researchers: { type: "string" },
      today: { type: "string" },
      reset: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  return values;
}

process.exitCode = await main();
