// npm run bench [-- --db pglite|postgres --connections 32 --duration 10 --port 3311]
// Serves the production build on the chosen database (postgres: BENCH_DATABASE_URL or
// DATABASE_URL; pglite: DATA_DIR, default ./data), drives it with autocannon and prints the median,
// 95th percentile and throughput of each page, and each page's cost relative to a static file
// served by the same server; before that, the time of the first (uncached) request for a dozen
// distinct searches and the most prolific researcher's profile. Results are also written to
// bench-results/<timestamp>.json.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL ? "postgres" : "pglite" },
    connections: { type: "string", default: "32" },
    duration: { type: "string", default: "10" },
    port: { type: "string", default: "3311" },
  },
});
const connections = Number(args.connections);
const duration = Number(args.duration);
const port = Number(args.port);
const base = `http://127.0.0.1:${port}`;

const targets = [
  { name: "static file (/icon.svg)", path: "/icon.svg" },
  { name: "home page (/)", path: "/" },
  { name: "seed item page", path: "/handle/2023.sw.kbri/1191" },
  { name: "search with facets", path: "/search?q=glutamate+ketamine" },
  { name: "search, filtered", path: "/search?q=disorder&type=JOURNAL_ARTICLE&year=2020-2024" },
  { name: "search, broad", path: "/search?q=brain" },
  { name: "search, Korean", path: `/search?q=${encodeURIComponent("정서")}` },
  { name: "search, most viewed", path: "/search?q=memory&sort=views" },
  { name: "suggestions (API)", path: "/api/v1/suggest?q=koo&lang=en" },
];

// Searches a person might run, each URL distinct so that no cache answers it: the time of the
// first request for each is the cost of an uncached search (query and render). Each is asked three
// ways (as typed, its next page, sorted by date — or by title if it was): 36 distinct searches.
const SEARCHES = [
  "/search?q=depression",
  "/search?q=hippocampal+memory&year=2015-2019",
  "/search?q=astrocyte&type=JOURNAL_ARTICLE",
  "/search?q=neuron&sort=title",
  "/search?q=disorder&sort=date&page=3",
  "/search?q=synaptic+plasticity&file=open",
  `/search?q=${encodeURIComponent("인지")}`,
  `/search?q=${encodeURIComponent("질환")}&language=ko`,
  "/search?q=Koo+Ja+Wook",
  "/search?q=stress&sort=views",
  "/search?type=CONFERENCE_PAPER&year=2020-2024",
  "/search?q=glia+-mouse",
];
const FIRST_HIT_SEARCHES = SEARCHES.flatMap((p) => {
  const variant = (change: (q: URLSearchParams) => void) => {
    const q = new URLSearchParams(p.split("?")[1]);
    change(q);
    return `/search?${q}`;
  };
  return [
    p,
    variant((q) => q.set("page", String(Number(q.get("page") ?? 1) + 1))),
    variant((q) => q.set("sort", q.get("sort") === "date" ? "title" : "date")),
  ];
});

/** The most prolific researcher's profile (first of the directory sorted by output). */
async function profileTarget(): Promise<{ name: string; path: string }> {
  const html = await (await fetch(`${base}/researchers?sort=output`, { headers: { "accept-language": "en" } })).text();
  const slug = /href="\/(?:en\/)?researchers\/([^"?/]+)"/.exec(html)?.[1];
  if (!slug) throw new Error("no researcher found in the directory");
  return { name: "top researcher profile", path: `/researchers/${slug}` };
}

/**
 * JavaScript a browser downloads for a page, compressed as sent: the scripts the HTML names,
 * without the `noModule` polyfills that modern browsers skip.
 */
async function pageScripts(pagePath: string): Promise<{ scripts: number; raw: number; gzip: number; brotli: number }> {
  const html = await (await fetch(base + pagePath, { headers: { "accept-language": "en" } })).text();
  const sources = [...html.matchAll(/<script\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/\bnoModule\b/i.test(tag))
    .map((tag) => /\bsrc="([^"]+)"/.exec(tag)?.[1])
    .filter((src): src is string => Boolean(src));
  // node:http, not fetch: fetch would decompress and report the uncompressed size.
  const size = (src: string, encoding: string) =>
    new Promise<number>((resolve, reject) => {
      http
        .get(base + src, { headers: { "accept-encoding": encoding } }, (res) => {
          let bytes = 0;
          res.on("data", (chunk: Buffer) => (bytes += chunk.length));
          res.on("end", () => resolve(bytes));
        })
        .on("error", reject);
    });
  const totals = { scripts: sources.length, raw: 0, gzip: 0, brotli: 0 };
  for (const src of [...new Set(sources)]) {
    totals.raw += await size(src, "identity");
    totals.gzip += await size(src, "gzip");
    totals.brotli += await size(src, "br");
  }
  return totals;
}

type FirstHit = { path: string; ms: number; status: number };

async function firstHits(paths: string[]): Promise<FirstHit[]> {
  const hits: FirstHit[] = [];
  for (const p of paths) {
    const t = performance.now();
    const res = await fetch(base + p, { headers: { "accept-language": "en" } });
    await res.arrayBuffer(); // the whole page, streamed results included
    hits.push({ path: p, ms: performance.now() - t, status: res.status });
  }
  return hits;
}

const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
if (args.db === "postgres") {
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) throw new Error("--db postgres needs BENCH_DATABASE_URL or DATABASE_URL");
  env.DATABASE_URL = url;
} else {
  delete env.DATABASE_URL;
}

const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "inherit"], detached: true });
server.stdout.on("data", () => {}); // drain; the server's own log is not part of the report
const stop = () => {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // already gone
  }
};
process.on("exit", stop);

type Figures = { name: string; path: string; requests: number; errors: number; p50: number; p95: number; rps: number };

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(target: { name: string; path: string }): Promise<Figures> {
  const url = base + target.path;
  for (let i = 0; i < 20; i++) await (await fetch(url)).arrayBuffer(); // warm the cache and the JIT
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration, headers: { "accept-language": "en" } }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 400) errors++;
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    ...target,
    requests: latencies.length,
    errors: errors + result.errors + result.timeouts,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    rps: latencies.length / duration,
  };
}

async function waitForHealth() {
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("the server exited before it became healthy");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the server did not become healthy within 15 minutes");
}

await waitForHealth();
const profile = await profileTarget();
// Uncached first: a fresh server has nothing in its caches for these URLs yet.
const uncached = await firstHits([...FIRST_HIT_SEARCHES, profile.path]);
const itemScripts = await pageScripts("/handle/2023.sw.kbri/1191");
const results: Figures[] = [];
for (const target of [...targets, profile]) results.push(await measure(target));
stop();

const staticFigures = results[0];
const cpu = os.cpus();
const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`\nAtrium benchmark — ${args.db === "postgres" ? "PostgreSQL server" : "embedded PGlite"}; ${connections} connections, ${duration} s per page`);
console.log(`machine: ${machine}\n`);
const row = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(28) : c.padStart(11))).join(""));
row(["target", "p50 ms", "p95 ms", "req/s", "errors", "p50 ×static", "req/s ÷stat"]);
for (const r of results) {
  row([
    r.name,
    r.p50.toFixed(1),
    r.p95.toFixed(1),
    r.rps.toFixed(0),
    String(r.errors),
    (r.p50 / staticFigures.p50).toFixed(2),
    (r.rps / staticFigures.rps).toFixed(2),
  ]);
}
const searchFirst = uncached.slice(0, FIRST_HIT_SEARCHES.length).map((h) => h.ms).sort((a, b) => a - b);
console.log(`\nUncached first requests (one at a time, whole page):`);
for (const h of uncached) console.log(`  ${h.ms.toFixed(0).padStart(6)} ms  ${h.status}  ${h.path}`);
console.log(`  ${searchFirst.length} searches: p50 ${percentile(searchFirst, 50).toFixed(0)} ms, p95 ${percentile(searchFirst, 95).toFixed(0)} ms, slowest ${searchFirst[searchFirst.length - 1].toFixed(0)} ms`);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`\nJavaScript of the seed item page: ${itemScripts.scripts} scripts, ${kb(itemScripts.brotli)} Brotli (${kb(itemScripts.gzip)} gzip, ${kb(itemScripts.raw)} uncompressed)`);
fs.mkdirSync("bench-results", { recursive: true });
const file = path.join("bench-results", `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), db: args.db, connections, duration, machine, results, uncached, itemScripts }, null, 2));
console.log(`\nwritten to ${file}`);
process.exit(results.some((r) => r.errors > 0) || uncached.some((h) => h.status >= 400) ? 1 : 0);
