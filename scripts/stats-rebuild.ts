// npm run stats:rebuild [-- --from YYYY-MM-DD --to YYYY-MM-DD]
// Recomputes the usage rollups (usage_daily, usage_hourly) from the raw events, for every day or
// for a range of UTC days. The result is exactly what continuous counting produced.
import { parseArgs } from "node:util";
import { DatabaseUnavailableError, openDatabase } from "../lib/db/connection";
import { migrate } from "../lib/db/migrate";
import { ConfigError, env, pgliteDir } from "../lib/env";
import { rebuildUsageRollups } from "../lib/stats/rollup";

const USAGE = "usage: npm run stats:rebuild [-- --from YYYY-MM-DD --to YYYY-MM-DD]";

async function main(): Promise<number> {
  let values: { from?: string; to?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" }, help: { type: "boolean" } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const day = (s: string | undefined, name: string) => {
    if (s === undefined) return undefined;
    const d = new Date(`${s}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(d.getTime())) throw new RangeError(`--${name} must be a date, YYYY-MM-DD (got ${s})`);
    return d;
  };
  try {
    const range = { from: day(values.from, "from"), to: day(values.to, "to") };
    const e = env();
    const db = e.DATABASE_URL ? await openDatabase({ url: e.DATABASE_URL, poolSize: 1 }) : await openDatabase({ dir: pgliteDir(e) });
    try {
      await migrate(db.sql);
      const started = performance.now();
      const result = await rebuildUsageRollups(db.sql, range);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `${db.describe}: rebuilt ${result.from ?? "the beginning"} – ${result.to ?? "today"}: ` +
          `${result.rows.toLocaleString("en")} daily and ${result.hourlyRows.toLocaleString("en")} hourly rows in ${seconds} s`,
      );
    } finally {
      await db.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof RangeError || error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
      console.error((error as Error).message);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main();
