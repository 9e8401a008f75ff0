// npx tsx scripts/bench-import-plan.ts [records, default 10000]
// Times the workspace's import of a large CSV file as the screens do it (lib/import/store.ts):
// the dry run kept in the database, the report page reading it back, a change of one contributor
// match, and the real run. Prints the time of each step, the stored size of the plan and the
// process's peak memory. In-memory PGlite, or a throwaway database on the PostgreSQL server named
// by TEST_DATABASE_URL.
import { createTestDatabase } from "../lib/db/test-db";
import { commitStoredImport, getImport, getImportPage, setMatchChoices, startImport } from "../lib/import/store";
import { loadImportFixture } from "../lib/import/test-fixtures";

const count = Number(process.argv[2] ?? 10_000);
const header = "type,title,authors,author_orcids,issue_date,journal,pages,doi,keywords,abstract";
const rows = Array.from(
  { length: count },
  (_, i) =>
    `journal article,Synthetic study number ${i} of glutamate signalling,"Koo, Ja Wook; Kim, J.; Guest${i % 50}, Anna; 구자욱",,` +
    `${2000 + (i % 25)}-0${(i % 9) + 1},Journal ${i % 40},${i}-${i + 9},10.5555/bench.${i},alpha; beta; k${i % 100},` +
    `"An abstract of some length for record ${i}, describing methods and results in two sentences. The second sentence adds more words."`,
);
const bytes = new TextEncoder().encode([header, ...rows].join("\n") + "\n");

let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const db = await createTestDatabase();
try {
  await loadImportFixture(db.sql);
  const [u] = await db.sql.query<{ id: number }>(`INSERT INTO app_user (email, name, role, updated_at) VALUES ('bench@x.invalid', 'Bench', 'CURATOR', now()) RETURNING id`);
  const user = { id: Number(u.id), role: "CURATOR" as const, active: true, researcherId: null, unitIds: [1] };
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const stored = await startImport(db.sql, user, { source: { kind: "file", bytes, fileName: "bench.csv", format: "csv" }, collectionId: 1 });
  const t1 = performance.now();
  const [size] = await db.sql.query<{ rows: number; stored: number; text: number; largest: number }>(
    `SELECT 1 + (SELECT count(*)::int FROM import_plan_entry WHERE plan_id = p.id) AS rows,
            pg_column_size(p.plan) + (SELECT coalesce(sum(pg_column_size(e.entry)), 0) FROM import_plan_entry e WHERE e.plan_id = p.id) AS stored,
            octet_length(p.plan::text) + (SELECT coalesce(sum(octet_length(e.entry::text)), 0) FROM import_plan_entry e WHERE e.plan_id = p.id) AS text,
            greatest(octet_length(p.plan::text), (SELECT coalesce(max(octet_length(e.entry::text)), 0) FROM import_plan_entry e WHERE e.plan_id = p.id)) AS largest
       FROM import_plan p WHERE p.id = $1`,
    [stored.id],
  );
  const t2 = performance.now();
  const page = await getImportPage(db.sql, user, stored.id, { page: 50, perPage: 50 });
  const t3 = performance.now();
  const entry = page!.stored.plan.entries.find((e) => e.contributors.some((c) => c.researcher))!;
  const index = entry.contributors.findIndex((c) => c.researcher);
  await setMatchChoices(db.sql, user, stored.id, [`${entry.position}:${index}`], []);
  const t4 = performance.now();
  const done = await commitStoredImport(db.sql, user, stored.id, { status: "DRAFT", batchSize: 100 });
  const t5 = performance.now();
  const whole = await getImport(db.sql, user, stored.id);
  const t6 = performance.now();
  clearInterval(sample);
  console.log(
    `${db.sql.kind}: ${count} records (${mb(bytes.length)} CSV); plan stored in ${size.rows} row(s), ${mb(Number(size.stored))} on disk (${mb(Number(size.text))} as text, the largest row ${(Number(size.largest) / 1024).toFixed(1)} KB)\n` +
      `  dry run + store ${s(t1 - t0)}; report page 50 ${s(t3 - t2)}; untick one match ${s(t4 - t3)}; real run ${s(t5 - t4)} (${done.commit.created} created); ` +
      `whole plan + result read back ${s(t6 - t5)} (${whole!.plan.entries.length} entries)\n` +
      `  peak RSS ${mb(peak)} (${mb(peak - rssBefore)} above the start)`,
  );
} finally {
  clearInterval(sample);
  await db.close();
}
