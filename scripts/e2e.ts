// npm run test:e2e – end-to-end tests against a production build with demonstration data.
// Prepares a database of its own (a new database on the server named by TEST_DATABASE_URL or
// DATABASE_URL, or a fresh embedded PGlite folder) with the demonstration data and the tests' own
// records (e2e/test-data.ts), serves the portal with `npm start`'s own script, runs Playwright,
// then removes what it made. Arguments go to `playwright test`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { oidcSettings } from "../e2e/oidc-provider";
import { insertE2eRecords, recordIdsFile } from "../e2e/test-data";
import { openDatabase } from "../lib/db/connection";
import { migrate } from "../lib/db/migrate";
import { seedIfEmpty } from "../lib/seed";
import { createLocalStorage } from "../lib/storage";

const port = Number(process.env.E2E_PORT ?? 3211);
const server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atrium-e2e-"));
let databaseUrl: string | undefined;
let dropDatabase = async () => {};

if (server) {
  const name = `atrium_e2e_${crypto.randomBytes(4).toString("hex")}`;
  const admin = await openDatabase({ url: server, poolSize: 1 });
  await admin.sql.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = new URL(server);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    const again = await openDatabase({ url: server, poolSize: 1 });
    await again.sql.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await again.close();
  };
}

// Single sign-on against the OpenID Connect provider that e2e/auth-oidc.spec.ts starts.
// A small upload limit (5 MB) lets e2e/curate-files.spec.ts test the refusal without a huge file.
const env: NodeJS.ProcessEnv = { ...oidcSettings(port), MAX_UPLOAD_BYTES: "5242880", ...process.env, PORT: String(port), DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
delete env.DATABASE_URL;
if (databaseUrl) env.DATABASE_URL = databaseUrl;

console.log(`e2e: ${databaseUrl ? "PostgreSQL server (scratch database)" : "embedded PGlite"}, data in ${dataDir}`);
{
  // Demonstration data plus the tests' own records, written before the server opens the database.
  const db = await openDatabase({ url: databaseUrl, dir: path.join(dataDir, "pglite") });
  try {
    await migrate(db.sql);
    const storageRoot = path.join(dataDir, "storage");
    await seedIfEmpty(db.sql, { storageDir: storageRoot });
    const ids = await insertE2eRecords(db.sql, createLocalStorage(storageRoot));
    fs.writeFileSync(recordIdsFile(dataDir), JSON.stringify(ids));
  } finally {
    await db.close();
  }
}
let app: ChildProcess | undefined;
let exitCode = 1;
try {
  app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", "inherit", "inherit"], detached: true });
  await waitForHealth(`http://127.0.0.1:${port}/api/health`, app);
  await warmUp(`http://127.0.0.1:${port}`);
  const result = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, E2E_BASE_URL: `http://127.0.0.1:${port}`, E2E_DATA_DIR: dataDir },
  });
  exitCode = result.status ?? 1;
} finally {
  if (app?.pid) {
    try {
      process.kill(-app.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  await dropDatabase();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);

// The first render of each kind of page loads its code and fills caches: do that once before the
// tests start, so that no test pays for it against its time limit.
async function warmUp(base: string) {
  const pages = ["/", "/handle/2023.sw.kbri/1191", "/search?q=brain", "/statistics", "/researchers", "/units", "/browse/date", "/signin"];
  for (const page of pages) await fetch(base + page).then((r) => r.arrayBuffer()).catch(() => undefined);
}

async function waitForHealth(url: string, child: ChildProcess) {
  const deadline = Date.now() + 10 * 60_000; // a first build and seed take a while
  let exited = false;
  child.once("exit", () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error("the server exited before it became healthy (see its output above)");
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`no healthy answer from ${url} within 10 minutes`);
}
