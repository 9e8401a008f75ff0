import { openDatabase, type Sql } from "./lib/db/connection";
import { rebuildUsageDaily } from "./lib/stats/rollup";
const db = await openDatabase({ url: process.env.DATABASE_URL!, poolSize: 2 });
const wrap = (s: Sql): Sql => ({
  kind: s.kind,
  query: async (t, p) => { const a = performance.now(); const r = await s.query(t, p); console.log(((performance.now()-a)/1000).toFixed(1)+"s", t.replace(/\s+/g," ").slice(0, 90)); return r as any; },
  exec: async (t) => { const a = performance.now(); await s.exec(t); console.log(((performance.now()-a)/1000).toFixed(1)+"s", t.replace(/\s+/g," ").slice(0, 90)); },
  transaction: (fn) => s.transaction((tx) => fn(wrap(tx))),
});
if (process.argv[2] === "truncate") await db.sql.exec("TRUNCATE usage_daily");
const a = performance.now();
await rebuildUsageDaily(wrap(db.sql));
console.log("total", ((performance.now()-a)/1000).toFixed(1));
await db.close();
