// npm start: everything a fresh machine needs to serve the portal, in order —
// check the configuration, prepare the database (migrations, demonstration data on first start),
// build the application when its sources changed, then run the Next.js server.
// Problems a person can fix are reported in one line, without a stack trace.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { DatabaseUnavailableError, openDatabase } from "../lib/db/connection";
import { migrate, MigrationError } from "../lib/db/migrate";
import { ConfigError, env, pgliteDir, storageDir } from "../lib/env";
import { BootstrapError, createAdminFromEnv, ensureAuthSecret } from "../lib/auth/bootstrap";
import { seedIfEmpty } from "../lib/seed";

const root = process.cwd();
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const log = (message: string) => console.log(`atrium: ${message}`);

class StartError extends Error {}

async function main() {
  const e = env();
  await assertPortFree(e.PORT, e.HOSTNAME);

  const db = await openDatabase({ url: e.DATABASE_URL, dir: pgliteDir(e), poolSize: 2 });
  try {
    log(`database: ${db.describe}`);
    const { applied } = await migrate(db.sql);
    log(applied.length ? `migrations applied: ${applied.join(", ")}` : "migrations: up to date");
    const t0 = Date.now();
    const seeded = await seedIfEmpty(db.sql, { storageDir: storageDir(e), log: (m) => log(`seed: ${m}`) });
    if (seeded) log(`demonstration data loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (!e.AUTH_SECRET) await ensureAuthSecret(db.sql);
    const admin = await createAdminFromEnv(db.sql, e.ATRIUM_ADMIN_EMAIL, e.ATRIUM_ADMIN_PASSWORD);
    if (admin) log(`administrator ${admin} created from ATRIUM_ADMIN_EMAIL`);
  } finally {
    // The embedded database admits one process: release it before the server opens it.
    await db.close();
  }

  buildIfNeeded();
  // Pages cached by an earlier run may show data that changed since (a reseed, a restore).
  fs.rmSync(path.join(root, ".next/server/route-cache"), { recursive: true, force: true });

  await assertPortFree(e.PORT, e.HOSTNAME);
  log(`serving on http://localhost:${e.PORT}`);
  const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/server.ts")], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

/** A digest of everything that goes into the build; a changed digest means build again. */
function sourceDigest(): string {
  const hash = crypto.createHash("sha256");
  const roots = ["app", "components", "lib", "public", "proxy.ts", "next.config.ts", "tsconfig.json", "package-lock.json", "postcss.config.mjs"];
  const walk = (p: string) => {
    const full = path.join(root, p);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) {
        if (name === "generated" || name === "node_modules" || name.endsWith(".test.ts")) continue;
        walk(path.join(p, name));
      }
    } else {
      hash.update(p).update("\0").update(fs.readFileSync(full)).update("\0");
    }
  };
  roots.forEach(walk);
  return hash.digest("hex");
}

function buildIfNeeded() {
  const stampFile = path.join(root, ".next/atrium-build-digest");
  const digest = sourceDigest();
  const built = fs.existsSync(path.join(root, ".next/BUILD_ID")) && fs.existsSync(stampFile);
  if (built && fs.readFileSync(stampFile, "utf8") === digest) return;
  log(built ? "sources changed since the last build: building (about a minute)…" : "first start: building the application (about a minute)…");
  if (!fs.existsSync(path.join(root, "lib/generated/prisma/client.ts"))) {
    run([path.join(root, "scripts/prisma-generate.mjs")], "generating the database client failed");
  }
  run([nextBin, "build"], "the build failed (see the messages above)");
  fs.writeFileSync(stampFile, digest);
}

function run(args: string[], failure: string) {
  const result = spawnSync(process.execPath, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new StartError(failure);
}

function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (err: NodeJS.ErrnoException) => {
      reject(
        new StartError(
          err.code === "EADDRINUSE"
            ? `port ${port} is already in use. Stop the program using it, or set PORT to a free port (PORT=3001 npm start).`
            : err.code === "EACCES"
              ? `port ${port} needs privileges this user does not have. Set PORT to a port above 1023.`
              : `cannot listen on ${host}:${port} (${err.code ?? err.message}). Check PORT and HOSTNAME.`,
        ),
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

main().catch((err) => {
  const known = [ConfigError, DatabaseUnavailableError, MigrationError, StartError, BootstrapError].some((k) => err instanceof k);
  console.error(`atrium: cannot start — ${known ? err.message : `unexpected error: ${err?.stack ?? err}`}`);
  process.exit(1);
});
