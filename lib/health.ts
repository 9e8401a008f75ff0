// Liveness and database reachability, for load balancers and for people.
import { getSql } from "./db";
import { readMigrations } from "./db/migrate";
import { env } from "./env";

export type Health = {
  status: "ok" | "unavailable";
  version: string;
  uptimeSeconds: number;
  database: {
    kind: "postgres" | "pglite";
    reachable: boolean;
    latencyMs?: number;
    migrations?: { applied: number; pending: number };
    error?: string;
  };
};

const version = process.env.npm_package_version ?? "0.1.0";

export async function checkHealth(): Promise<Health> {
  const kind = env().DATABASE_URL ? "postgres" : "pglite";
  const base = { version, uptimeSeconds: Math.round(process.uptime()) };
  try {
    const started = performance.now();
    const sql = await getSql();
    const rows = await sql.query<{ applied: string }>(
      `SELECT count(*) AS applied FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    const applied = Number(rows[0]?.applied ?? 0);
    const pending = Math.max(0, readMigrations().length - applied);
    return {
      ...base,
      status: pending === 0 ? "ok" : "unavailable",
      database: { kind, reachable: true, latencyMs, migrations: { applied, pending } },
    };
  } catch {
    // The reason goes to the server log via the caller; the public answer stays generic.
    return { ...base, status: "unavailable", database: { kind, reachable: false, error: "The database cannot be reached." } };
  }
}
