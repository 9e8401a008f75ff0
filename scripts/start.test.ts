// `npm start` with a configuration it cannot use must stop at once with one line saying what to
// fix — never a stack trace, never a half-started server.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "atrium-start-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function start(env: Record<string, string>) {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...base, DATA_DIR: path.join(tmp, "data"), PORT: "3299", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  const lines = result.stderr.trim().split("\n").filter(Boolean);
  return { status: result.status, lines, stderr: result.stderr };
}

function expectOneLine(result: ReturnType<typeof start>, pattern: RegExp) {
  expect(result.status).toBe(1);
  expect(result.lines).toHaveLength(1);
  expect(result.lines[0]).toMatch(/^atrium: cannot start — /);
  expect(result.lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe("npm start with a bad configuration", () => {
  it("names an unreachable DATABASE_URL", () => {
    expectOneLine(start({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/atrium" }), /Cannot connect to the PostgreSQL server.*DATABASE_URL/);
  });

  it("names a DATABASE_URL that is not PostgreSQL", () => {
    expectOneLine(start({ DATABASE_URL: "mysql://root@localhost/atrium" }), /DATABASE_URL: must start with postgres/);
  });

  it("names a data folder it cannot write", () => {
    const file = path.join(tmp, "not-a-folder");
    fs.writeFileSync(file, "");
    expectOneLine(start({ DATA_DIR: file }), /cannot be created or written.*Set DATA_DIR/);
  });

  it("names a port that is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "0.0.0.0", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      expectOneLine(start({ PORT: String(port) }), new RegExp(`port ${port} is already in use.*set PORT`));
    } finally {
      blocker.close();
    }
  });

  it("names a malformed setting", () => {
    expectOneLine(start({ PORT: "eighty" }), /Invalid configuration — PORT/);
  });
});
