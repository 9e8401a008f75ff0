// npm run bench:stats [-- --duration 10 --clients 256 --events 10000000 --skip-dashboard]
// npm run bench:stats -- --existing   (with DATABASE_URL: the seeded database's site dashboard)
//
// With --existing, the site dashboard of the database DATABASE_URL names (e.g. one filled by
// `npm run seed -- --items 100000 --events 10000000`), read only: for the last 30 days, 12 months,
// three years and all time up to yesterday in Asia/Seoul, the whole dashboard as the page asks it
// (statistics, lists, page views) and its top-item list alone, 20 times each: p50/p95.
//
// Otherwise, usage statistics benchmarks on a scratch database (on the PostgreSQL server named by
// TEST_DATABASE_URL / DATABASE_URL, else an in-memory PGlite), dropped afterwards:
//   1. ingestion: `clients` concurrent callers record events through the group-commit ingester for
//      `duration` seconds while the rollup worker runs as in the server; prints events/s and
//      checks that the database holds exactly the acknowledged events and that the rollups,
//      once drained, equal a rebuild;
//   2. site dashboard: `events` synthetic events over three years, rolled up, then the site
//      statistics for the three years (day series, countries) asked 50 times, and the dashboard's
//      lists (top items, referrers) 20 times: p50/p95; then the plans (EXPLAIN ANALYZE) of the
//      queries that read usage_event, at that size.
import { parseArgs } from "node:util";
import { openDatabase } from "../lib/db/connection";
import { createTestDatabase } from "../lib/db/test-db";
import { loadDashboard } from "../lib/dashboard/load";
import { UsageIngester, type UsageEventInput } from "../lib/stats/ingest";
import { getReferrers, getTopEntries, topItems } from "../lib/stats/breakdowns";
import { getUsageStatistics, resolveRange, scopeEventFilter } from "../lib/stats/query";
import { rebuildUsageRollups } from "../lib/stats/rollup";
import { drainPendingUsage } from "../lib/stats/worker";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    clients: { type: "string", default: "256" },
    events: { type: "string", default: "10000000" },
    "skip-dashboard": { type: "boolean", default: false },
    "skip-ingest": { type: "boolean", default: false },
    existing: { type: "boolean", default: false },
  },
});
const duration = Number(values.duration) * 1000;
const clients = Number(values.clients);
const totalEvents = Number(values.events);

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const COUNTRIES = ["KR", "US", "CN", "JP", "DE", "GB", "IN", "FR", null];

if (values.existing) {
  if (!process.env.DATABASE_URL) throw new Error("--existing measures the database DATABASE_URL names");
  const { sql, close } = await openDatabase({ url: process.env.DATABASE_URL });
  try {
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const site = { kind: "SITE", id: 0 } as const;
    const presets: [string, string | null, "day" | "month"][] = [
      ["last 30 days", day(30), "day"],
      ["last 12 months", day(365), "month"],
      ["three years", day(1095), "month"],
      ["all time", null, "month"],
    ];
    for (const [name, from, granularity] of presets) {
      const request = { scope: "site", from, to: day(1), granularity, tz: "Asia/Seoul", compare: false };
      const whole: number[] = [];
      const top: number[] = [];
      let counted: number | null = 0;
      const { firstDay } = await loadDashboard(sql, site, request); // also warms up
      for (let i = 0; i < 20; i++) {
        let t = performance.now();
        await loadDashboard(sql, site, request);
        whole.push(performance.now() - t);
        t = performance.now();
        ({ counted } = await topItems(sql, site, await resolveRange(sql, firstDay, request.to, request.tz)));
        top.push(performance.now() - t);
      }
      console.log(
        `site dashboard, ${name} (Asia/Seoul): whole p50 ${percentile(whole, 50).toFixed(1)} ms, p95 ${percentile(whole, 95).toFixed(1)} ms; ` +
          `top items p50 ${percentile(top, 50).toFixed(1)} ms, p95 ${percentile(top, 95).toFixed(1)} ms (${counted === null ? "every item" : `${counted} items`} counted)`,
      );
    }
  } finally {
    await close();
  }
  process.exit(process.exitCode ?? 0);
}

const db = await createTestDatabase();
const sql = db.sql;
console.log(`database: ${db.describe}`);
try {
  if (!values["skip-ingest"]) {
    let seed = 1;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const nextEvent = (): UsageEventInput => {
      const item = 1 + Math.floor(random() * 5000);
      const download = random() < 0.15;
      return {
        kind: download ? "FILE_DOWNLOAD" : "ITEM_VIEW",
        itemId: item,
        fileId: download ? item : null,
        visitorHash: `v${Math.floor(random() * 50_000)}`,
        country: COUNTRIES[Math.floor(random() * COUNTRIES.length)],
        isRobot: random() < 0.03,
        referrerHost: random() < 0.4 ? `ref${Math.floor(random() * 200)}.example` : null,
      };
    };
    let workerRuns = 0;
    let working: Promise<unknown> = Promise.resolve();
    const ingester = new UsageIngester(sql, {
      onCommit: () => {
        // As in the server: at most one worker pass at a time, started after commits.
        if (workerRuns++ % 20 === 0) working = working.then(() => drainPendingUsage(sql));
      },
    });
    let acknowledged = 0;
    let failed = 0;
    const latencies: number[] = [];
    const end = Date.now() + duration;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < end) {
          const t = performance.now();
          try {
            await ingester.record(nextEvent());
            acknowledged++;
            if (latencies.length < 200_000) latencies.push(performance.now() - t);
          } catch {
            failed++;
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await ingester.close();
    await working;
    const [{ stored }] = await sql.query<{ stored: number }>(`SELECT count(*)::int AS stored FROM usage_event`);
    const drainStart = performance.now();
    await drainPendingUsage(sql);
    const drainMs = performance.now() - drainStart;
    const read = async () => [
      await sql.query(`SELECT scope::text, scope_id, hour, views, unique_views, downloads, unique_downloads, robot_hits FROM usage_hourly ORDER BY 1, 2, 3`),
      await sql.query(`SELECT scope::text, scope_id, day, host, visits FROM usage_referrer_daily ORDER BY 1, 2, 3, 4`),
    ];
    const incremental = JSON.stringify(await read());
    await rebuildUsageRollups(sql);
    const rebuilt = JSON.stringify(await read());
    console.log(
      `ingestion: ${acknowledged.toLocaleString("en")} events acknowledged in ${seconds.toFixed(1)} s = ${Math.round(acknowledged / seconds).toLocaleString("en")} events/s ` +
        `(${clients} concurrent callers; acknowledgement p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms); ` +
        `failed ${failed}; stored ${stored.toLocaleString("en")} (${stored === acknowledged ? "= acknowledged" : "MISMATCH"}); ` +
        `rollup backlog drained in ${drainMs.toFixed(0)} ms; rollups ${incremental === rebuilt ? "equal" : "DIFFER FROM"} a rebuild`,
    );
    if (stored !== acknowledged || incremental !== rebuilt) process.exitCode = 1;
    await sql.exec(`TRUNCATE usage_event, usage_pending, usage_daily, usage_hourly, usage_referrer_daily`);
  }

  if (!values["skip-dashboard"]) {
    // Three years of synthetic events ending now, spread over 100,000 item ids, generated in SQL.
    const t0 = performance.now();
    const chunk = 1_000_000;
    for (let done = 0; done < totalEvents; done += chunk) {
      const n = Math.min(chunk, totalEvents - done);
      await sql.query(
        `INSERT INTO usage_event (kind, occurred_at, item_id, file_id, visitor_hash, country, is_robot, counted, referrer_host)
         SELECT CASE WHEN r < 0.15 THEN 'FILE_DOWNLOAD'::usage_event_kind ELSE 'ITEM_VIEW' END,
                now() - interval '1095 days' + (g + $1)::double precision / $2 * interval '1095 days',
                1 + (hashint4(g + $1) & 65535) % 100000,
                CASE WHEN r < 0.15 THEN 1 + (hashint4(g + $1) & 65535) % 100000 END,
                'v' || ((hashint4(g + $1 + 7) & 1048575) % 200000),
                (ARRAY['KR','US','CN','JP','DE','GB','IN','FR','CA','AU','--'])[1 + (hashint4(g + $1 + 3) & 1023) % 11],
                r > 0.97, r < 0.96,
                CASE WHEN (hashint4(g + $1 + 5) & 1023) < 400 THEN 'ref' || ((hashint4(g + $1 + 5) >> 10) & 1023) % 300 || '.example' END
           FROM (SELECT g, (hashint4(g + $1 + 11) & 65535) / 65536.0 AS r FROM generate_series(0, $3 - 1) g) s`,
        [done, totalEvents, n],
      );
    }
    await sql.exec(`UPDATE usage_event SET country = NULL WHERE country = '--'`);
    await sql.exec(`VACUUM ANALYZE usage_event`);
    const t1 = performance.now();
    const rollup = await rebuildUsageRollups(sql);
    for (const table of ["usage_daily", "usage_hourly", "usage_referrer_daily"]) await sql.exec(`VACUUM ANALYZE ${table}`);
    const t2 = performance.now();
    console.log(
      `dashboard data: ${totalEvents.toLocaleString("en")} events inserted in ${((t1 - t0) / 1000).toFixed(0)} s, rolled up in ${((t2 - t1) / 1000).toFixed(0)} s ` +
        `(${rollup.rows.toLocaleString("en")} daily, ${rollup.hourlyRows.toLocaleString("en")} hourly, ` +
        `${(await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM usage_referrer_daily`))[0].n.toLocaleString("en")} referrer rows)`,
    );
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 1095 * 86_400_000).toISOString().slice(0, 10);
    for (const [granularity, tz] of [["day", "Asia/Seoul"], ["month", "America/New_York"]] as const) {
      const times: number[] = [];
      let views = 0;
      for (let i = 0; i < 50; i++) {
        const t = performance.now();
        const stats = await getUsageStatistics(sql, "site", { kind: "SITE", id: 0 }, { from, to, granularity, tz });
        times.push(performance.now() - t);
        views = stats.totals.views;
      }
      console.log(
        `site dashboard, 3 years by ${granularity} in ${tz}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms ` +
          `(${views.toLocaleString("en")} views)`,
      );
    }
    // The dashboard's lists over the same three years in Seoul (partial days at both ends).
    const site = { kind: "SITE", id: 0 } as const;
    for (const [name, list] of [["top items", getTopEntries], ["referrers", getReferrers]] as const) {
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await list(sql, site, await resolveRange(sql, from, to, "Asia/Seoul"));
        times.push(performance.now() - t);
      }
      console.log(`site dashboard ${name}, 3 years in Asia/Seoul: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`);
    }

    // How the queries that read usage_event are executed at this size.
    const yesterday = new Date(Date.now() - 86_400_000);
    const plans: [string, string, unknown[]][] = [
      [
        "ingest: a visitor's recent events (double click and session rules)",
        `SELECT kind, item_id, file_id, researcher_id, unit_id, visitor_hash, occurred_at, counted, is_robot
           FROM usage_event WHERE visitor_hash = ANY($1::text[]) AND occurred_at >= $2 ORDER BY occurred_at, id`,
        [["v1", "v2", "v3"], new Date(Date.now() - 3_600_000)],
      ],
      [
        "partial day of a range: countries, top items and referrers of the site",
        `SELECT coalesce(e.country, '--'), e.item_id, e.referrer_host, count(*) FROM usage_event e
          WHERE e.occurred_at >= $1 AND e.occurred_at < $2 AND e.kind IN ('ITEM_VIEW', 'FILE_DOWNLOAD') AND ${scopeEventFilter("SITE", "e.item_id")}
            AND $3::int IS NOT NULL GROUP BY 1, 2, 3`,
        [new Date(Date.now() - 9 * 3_600_000), new Date(), 0],
      ],
      [
        "partial day of a range: one item",
        `SELECT coalesce(e.country, '--'), count(*) FROM usage_event e
          WHERE e.occurred_at >= $1 AND e.occurred_at < $3 AND e.kind IN ('ITEM_VIEW', 'FILE_DOWNLOAD') AND ${scopeEventFilter("ITEM", "e.item_id")}
          GROUP BY 1`,
        [new Date(Date.now() - 9 * 3_600_000), 4242, new Date()],
      ],
      [
        "rebuild of one day (stats:rebuild --from --to): the day's events",
        `SELECT count(*) FROM usage_event e WHERE occurred_at >= $1 AND occurred_at < $2`,
        [new Date(yesterday.toISOString().slice(0, 10)), new Date(new Date().toISOString().slice(0, 10))],
      ],
    ];
    for (const [what, text, params] of plans) {
      const plan = await sql.query<Record<string, string>>(`EXPLAIN (ANALYZE, COSTS OFF) ${text}`, params);
      console.log(`\nplan — ${what}:\n${plan.map((r) => `  ${Object.values(r)[0]}`).join("\n")}`);
    }
  }
} finally {
  await db.close();
}
