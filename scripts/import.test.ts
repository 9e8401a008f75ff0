// `npm run import` as a curator runs it: a dry run that writes nothing, a commit with a report
// file, readable refusals (bad file, unknown collection, embedded database in use) and exit codes.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../lib/db/connection";
import { migrate } from "../lib/db/migrate";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../lib/db/test-db";
import { countRows, loadImportFixture, REALWORLD_DIR } from "../lib/import/test-fixtures";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "atrium-import-cli-"));
const dataDir = path.join(tmp, "data");
let server: TestDatabase | undefined;
let databaseUrl: string | undefined;

/** The database the command will open, opened here only while the command is not running. */
async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = databaseUrl ? await openDatabase({ url: databaseUrl, poolSize: 1 }) : await openDatabase({ dir: path.join(dataDir, "pglite") });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], {
    env: { ...base, DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("close", (status) => resolve({ status, stdout, stderr })));
}

beforeAll(async () => {
  if (testServerUrl()) {
    server = await createTestDatabase({ migrated: false });
    const url = new URL(testServerUrl()!);
    url.pathname = `/${server.name}`;
    databaseUrl = url.toString();
  }
  await withDatabase(async (db) => {
    await migrate(db.sql);
    await loadImportFixture(db.sql);
  });
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const wos = path.join(REALWORLD_DIR, "ris/wos_export.ris");

describe(`npm run import (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it("dry-runs by default, writes the report, and changes nothing", async () => {
    const before = await withDatabase((db) => countRows(db.sql));
    const report = path.join(tmp, "dry.json");
    const result = await run(["--format", "ris", wos, "--collection", "articles", "--report", report]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Dry run of 10 record\(s\) from wos_export\.ris \(ris, UTF-8\) into articles:\n {2}9 would create, 0 would update, 1 would skip as duplicates, 0 rejected/);
    expect(result.stdout).toMatch(/#1 line 1: duplicate — same title and year as 20\.500\.99999\/2/);
    expect(result.stdout).toMatch(/Nothing was written/);
    expect(JSON.parse(fs.readFileSync(report, "utf8"))).toMatchObject({ mode: "dry-run", counts: { create: 9, duplicate: 1, total: 10 } });
    expect(await withDatabase((db) => countRows(db.sql))).toEqual(before);
  });

  it("commits in batches and writes a CSV report with the new handles", async () => {
    const before = await withDatabase((db) => countRows(db.sql));
    const report = path.join(tmp, "done.csv");
    const result = await run(["--format", "ris", wos, "--collection", "articles", "--commit", "--batch-size", "4", "--status", "published", "--report", report]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/batch 1: 4 created, 0 updated\n {2}batch 2: 4 created, 0 updated\n {2}batch 3: 1 created, 0 updated/);
    expect(result.stdout).toMatch(/new handles: 20\.500\.99999\/\d+ … 20\.500\.99999\/\d+\n/);
    const after = await withDatabase((db) => countRows(db.sql));
    expect([after.items - before.items, after.audit - before.audit]).toEqual([9, 3]);
    const lines = fs.readFileSync(report, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(11);
    expect(lines[2]).toMatch(/^2,line \d+,WOS:\d+,created,,.*,20\.500\.99999\/\d+,/);
  });

  it("refuses bad input and options with one message and exit code 1 or 2", async () => {
    const wrong = await run(["--format", "bibtex", wos, "--collection", "articles", "--commit"]);
    expect([wrong.status, wrong.stderr.trim()]).toEqual([1, "This does not look like BibTeX: it looks like RIS. Import it with --format ris.\nNothing was imported."]);
    const missing = await run(["--format", "ris", path.join(tmp, "nope.ris"), "--collection", "articles"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^No such file: .*nope\.ris\nNothing was imported\.\n$/);
    const collection = await run(["--format", "ris", wos, "--collection", "nowhere"]);
    expect(collection.status).toBe(1);
    expect(collection.stderr).toMatch(/There is no collection "nowhere"\. Collections include: articles, other\.\nNothing was imported\./);
    const usage = await run(["--format", "ris", wos, "--collection", "articles", "--dry-run", "--commit"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^Choose --dry-run or --commit, not both\.\nusage: npm run import/);
    for (const r of [wrong, missing, collection, usage]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("turns 50 MB of garbage into one message, with the default limit and with a raised one, writing nothing", async () => {
    const garbage = path.join(tmp, "garbage.bib");
    const bytes = Buffer.alloc(50 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4) bytes.writeUInt32LE((Math.imul(i + 1, 2654435761) ^ 0x9e3779b9) >>> 0, i);
    fs.writeFileSync(garbage, bytes);
    const before = await withDatabase((db) => countRows(db.sql));
    const limited = await run(["--format", "bibtex", garbage, "--collection", "articles", "--commit"]);
    expect([limited.status, limited.stderr]).toEqual([1, "The file is 50.0 MB; imports take at most 25.0 MB. Split it into smaller files (or raise the limit with --max-size).\nNothing was imported.\n"]);
    const raised = await run(["--format", "bibtex", garbage, "--collection", "articles", "--commit", "--max-size", "60"]);
    expect(raised.status).toBe(1);
    expect(raised.stderr).toMatch(/^The file (is not text|is not UTF-8)[^\n]*\nNothing was imported\.\n$/);
    expect(await withDatabase((db) => countRows(db.sql))).toEqual(before);
    fs.rmSync(garbage);
  });

  // Only the embedded database has a folder lock; a PostgreSQL server takes many connections.
  it.skipIf(!!testServerUrl())("refuses the embedded database while another process holds it", async () => {
    // This test process holds the folder as the server would.
    await withDatabase(async () => {
      const result = await run(["--format", "ris", wos, "--collection", "articles", "--commit"]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/The embedded database in .* is in use by process \d+\. Stop that process first.*\nNothing was imported\./);
    });
  });
});
