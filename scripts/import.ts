// npm run import -- --format csv|bibtex|ris|crossref|orcid|oai-dc <file or URL> --collection <slug>
//                   [--set <setSpec>] [--dry-run | --commit] [--report report.csv|report.json] …
// Imports records into a collection of the configured database (DATABASE_URL, else the embedded
// PGlite in DATA_DIR — which must not be in use by a running server). Without --commit it only
// reports what it would do.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DatabaseUnavailableError, openDatabase, type Database } from "../lib/db/connection";
import { migrate, MigrationError } from "../lib/db/migrate";
import { ConfigError, env, pgliteDir } from "../lib/env";
import {
  buildReport,
  commitImport,
  csvTemplate,
  DEFAULT_MAX_BYTES,
  describeReport,
  harvestImport,
  IMPORT_FORMATS,
  ImportCommitError,
  ImportInputError,
  ImportOptionsError,
  parseImportBytes,
  planImport,
  readImportFile,
  reportToCsv,
  reportToJson,
  type ImportFormat,
  type ParseResult,
} from "../lib/import";

const USAGE = `usage: npm run import -- --format ${IMPORT_FORMATS.join("|")} <file or URL> --collection <slug>
         [--set <setSpec>] [--from YYYY-MM-DD] [--until YYYY-MM-DD]      (oai-dc harvest: the URL is the base URL)
         [--dry-run | --commit] [--status draft|published] [--on-duplicate skip|update]
         [--report report.csv|report.json] [--batch-size 100] [--max-size MB] [--encoding latin1]
       npm run import -- --template > template.csv                        (the CSV template)`;

class UsageError extends Error {}

function parseCli() {
  const { values, positionals } = parseArgs({
    options: {
      format: { type: "string", short: "f" },
      collection: { type: "string", short: "c" },
      set: { type: "string" },
      from: { type: "string" },
      until: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      commit: { type: "boolean", default: false },
      status: { type: "string", default: "draft" },
      "on-duplicate": { type: "string", default: "skip" },
      report: { type: "string" },
      "batch-size": { type: "string", default: "100" },
      "max-size": { type: "string" },
      encoding: { type: "string" },
      template: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  return { values, positionals };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseCli>;
  try {
    args = parseCli();
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const v = args.values;
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  if (v.template) {
    process.stdout.write(csvTemplate());
    return 0;
  }
  let db: Database | undefined;
  try {
    const format = v.format as ImportFormat;
    if (!format || !IMPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(", ")}.`);
    if (args.positionals.length !== 1) throw new UsageError("Give exactly one file or URL to import.");
    if (!v.collection) throw new UsageError("--collection <slug> is required: the collection the records are filed in.");
    if (v["dry-run"] && v.commit) throw new UsageError("Choose --dry-run or --commit, not both.");
    if (v.status !== "draft" && v.status !== "published") throw new UsageError("--status must be draft or published.");
    if (v["on-duplicate"] !== "skip" && v["on-duplicate"] !== "update") throw new UsageError("--on-duplicate must be skip or update.");
    if (v.encoding && v.encoding !== "latin1" && v.encoding !== "utf-8") throw new UsageError("--encoding must be utf-8 or latin1.");
    if (v.set && format !== "oai-dc") throw new UsageError("--set applies to --format oai-dc only.");
    const batchSize = Number(v["batch-size"]);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new UsageError("--batch-size must be a whole number from 1 to 10000.");
    const maxBytes = v["max-size"] ? Number(v["max-size"]) * 1024 * 1024 : DEFAULT_MAX_BYTES;
    if (!(maxBytes > 0)) throw new UsageError("--max-size must be a number of megabytes.");
    if (v.report && !/\.(csv|json)$/i.test(v.report)) throw new UsageError("--report must name a .csv or .json file.");

    // Everything that can be checked without the database is checked first: a bad file changes nothing.
    const target = args.positionals[0];
    const isUrl = /^https?:\/\//i.test(target);
    let parsed: ParseResult;
    if (format === "oai-dc" && isUrl) {
      parsed = await harvestImport({
        baseUrl: target,
        set: v.set,
        from: v.from,
        until: v.until,
        onPage: (p) => console.error(`  harvested page ${p.number}: ${p.records} record(s)${p.total ? ` of ${p.total}` : ""}`),
      });
    } else {
      const bytes = isUrl ? await download(target, maxBytes) : await readImportFile(target, maxBytes);
      parsed = parseImportBytes(bytes, format, isUrl ? target : path.basename(target), {
        maxBytes,
        encoding: v.encoding === "latin1" ? "latin1" : undefined,
      });
    }

    const e = env();
    db = e.DATABASE_URL ? await openDatabase({ url: e.DATABASE_URL, poolSize: 2 }) : await openDatabase({ dir: pgliteDir(e) });
    console.error(`Database: ${db.describe}`);
    const migrated = await migrate(db.sql);
    if (migrated.applied.length) console.error(`Applied ${migrated.applied.length} migration(s).`);

    const plan = await planImport(db.sql, parsed, { collection: v.collection, onDuplicate: v["on-duplicate"] as "skip" | "update" });
    let report = buildReport(plan);
    let exitCode = 0;
    if (v.commit) {
      const done = await commitImport(db.sql, plan, {
        status: v.status === "published" ? "PUBLISHED" : "DRAFT",
        batchSize,
        actor: `cli:${os.userInfo().username}@${os.hostname()}`,
        onBatch: (b) => console.error(`  batch ${b.number}: ${b.ok ? `${b.created} created, ${b.updated} updated` : b.error}`),
      });
      report = buildReport(plan, done);
      console.error(`Wrote ${done.batches.filter((b) => b.ok).length} batch(es) in ${done.seconds.toFixed(1)} s.`);
      if (done.failed) exitCode = 1;
    }
    console.log(describeReport(report));
    if (v.report) {
      fs.writeFileSync(v.report, /\.json$/i.test(v.report) ? reportToJson(report) : reportToCsv(report));
      console.log(`Report: ${v.report}`);
    }
    if (!v.commit) console.log("Nothing was written. Run again with --commit to import.");
    return exitCode;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n${USAGE}`);
      return 2;
    }
    if (
      err instanceof ImportInputError ||
      err instanceof ImportOptionsError ||
      err instanceof ImportCommitError ||
      err instanceof DatabaseUnavailableError ||
      err instanceof MigrationError ||
      err instanceof ConfigError
    ) {
      console.error(`${err.message}\nNothing was imported.`);
      return 1;
    }
    if ((err as NodeJS.ErrnoException).code === "ENOENT") {
      console.error(`No such file: ${(err as NodeJS.ErrnoException).path}\nNothing was imported.`);
      return 1;
    }
    throw err;
  } finally {
    await db?.close();
  }
}

/** Fetches one file over HTTP(S) (a Crossref or ORCID API URL), refusing more than maxBytes. */
async function download(url: string, maxBytes: number): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(60_000), headers: { accept: "application/json, application/xml, text/plain, */*" } });
  } catch (err) {
    throw new ImportInputError(`Cannot fetch ${url}: ${(err as Error).message}.`, "fetch");
  }
  if (!response.ok) throw new ImportInputError(`${url} answered HTTP ${response.status}.`, "fetch");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw new ImportInputError(`${url} sent more than ${(maxBytes / 1024 / 1024).toFixed(0)} MB; imports take at most that.`, "too-large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

process.exitCode = await main();
