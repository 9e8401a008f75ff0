import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseUnavailableError, openDatabase, redactUrl } from "./connection";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "atrium-conn-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("openDatabase", () => {
  it("keeps data in an embedded folder across openings", async () => {
    const dir = path.join(tmp, "keep");
    const first = await openDatabase({ dir });
    await first.sql.exec("CREATE TABLE note (body text); INSERT INTO note VALUES ('kept')");
    await first.close();
    const second = await openDatabase({ dir });
    expect(await second.sql.query("SELECT body FROM note")).toEqual([{ body: "kept" }]);
    await second.close();
  });

  it("refuses a second opener of the same embedded folder while the first holds it", async () => {
    const dir = path.join(tmp, "locked");
    const first = await openDatabase({ dir });
    // Another live process holds the lock: pretend with our parent's pid.
    const lockFile = `${dir}.lock`;
    fs.writeFileSync(lockFile, String(process.ppid));
    await expect(openDatabase({ dir })).rejects.toThrow(/in use by process/);
    fs.writeFileSync(lockFile, String(process.pid));
    await first.close();
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it("takes over a lock left by a process that no longer runs", async () => {
    const dir = path.join(tmp, "stale");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(`${dir}.lock`, "999999999");
    const db = await openDatabase({ dir });
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    await db.close();
  });

  it("says what to fix when the data folder cannot be written", async () => {
    const file = path.join(tmp, "a-file");
    fs.writeFileSync(file, "");
    const error = await openDatabase({ dir: path.join(file, "pglite") }).catch((e) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(error.message).toMatch(/cannot be created or written.*Set DATA_DIR/);
  });

  it("says what to fix when the PostgreSQL server cannot be reached, without the password", async () => {
    const error = await openDatabase({ url: "postgresql://atrium:s3cret@127.0.0.1:1/atrium" }).catch((e) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(error.message).toMatch(/Cannot connect to the PostgreSQL server.*Check DATABASE_URL/);
    expect(error.message).not.toContain("s3cret");
  });

  it("rolls a failed transaction back on either database", async () => {
    const db = await openDatabase({ dir: ":memory:" });
    await db.sql.exec("CREATE TABLE t (n int)");
    await expect(
      db.sql.transaction(async (tx) => {
        await tx.query("INSERT INTO t VALUES (1)");
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    expect(await db.sql.query("SELECT count(*)::int AS n FROM t")).toEqual([{ n: 0 }]);
    await db.close();
  });
});

describe("redactUrl", () => {
  it("hides passwords", () => {
    expect(redactUrl("postgresql://u:pw@h:5432/d")).toBe("postgresql://u:***@h:5432/d");
    expect(redactUrl("not a url")).toBe("(unparseable URL)");
  });
});
