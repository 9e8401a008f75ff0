// npx tsx scripts/bench-import.ts [records, default 10000]
// Times a CSV import (read, dry run, commit in batches of 100) into a scratch database: in-memory
// PGlite, or a throwaway database on the PostgreSQL server named by TEST_DATABASE_URL.
import { createTestDatabase } from "../lib/db/test-db";
import { commitImport, parseImportText, planImport } from "../lib/import";
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
const text = [header, ...rows].join("\n") + "\n";

const db = await createTestDatabase();
try {
  await loadImportFixture(db.sql);
  const t0 = performance.now();
  const parsed = parseImportText(text, "csv", "bench.csv");
  const t1 = performance.now();
  const plan = await planImport(db.sql, parsed, { collection: "articles" });
  const t2 = performance.now();
  const result = await commitImport(db.sql, plan, { batchSize: 100 });
  const t3 = performance.now();
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `${db.sql.kind}: ${count} records (${(text.length / 1024 / 1024).toFixed(1)} MB) — read ${s(t1 - t0)}, dry run ${s(t2 - t1)}, ` +
      `commit ${s(t3 - t2)} (${result.created} created, ${result.batches.length} batches); ` +
      `${Math.round(count / ((t3 - t0) / 1000))} records/s overall, ${Math.round(count / ((t3 - t2) / 1000))} records/s commit`,
  );
} finally {
  await db.close();
}
