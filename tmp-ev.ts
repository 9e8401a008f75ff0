import { generateEvents, type EventItem } from "./lib/seed/events";
import { Random } from "./lib/seed/random";
const r = new Random("x");
const now = Date.UTC(2026, 10, 28);
const items: EventItem[] = Array.from({ length: 100000 }, (_, i) => ({ id: i + 1, publishedAt: now - Math.floor(r.next() * 15 * 365) * 86400000, groupId: i % 13, weight: r.pareto(1.15), files: r.chance(0.25) ? [{ id: i + 1, openFrom: 0 }] : [] }));
const targets = { items, researchers: Array.from({ length: 10000 }, (_, i) => ({ id: i + 1, weight: 3, itemIndexes: [i, i + 5] })), units: Array.from({ length: 17 }, (_, i) => ({ id: i + 1, weight: 3, groupId: i })) };
let joinMs = 0;
const a = performance.now();
const stats = await generateEvents(r.fork("e"), targets, { total: Number(process.argv[2] ?? 1000000), today: new Date(now) }, async (batch) => {
  const b = performance.now();
  const j = (f: (e: any) => any) => batch.map(f).join(",");
  j((e) => e.kind); j((e) => e.t); j((e) => e.item || ""); j((e) => e.file || ""); j((e) => e.researcher || ""); j((e) => e.unit || ""); j((e) => e.visitor); j((e) => e.country); j((e) => e.robot ? "t" : "f"); j((e) => e.counted ? "t" : "f"); j((e) => e.referrer);
  joinMs += performance.now() - b;
});
console.log(stats, ((performance.now() - a) / 1000).toFixed(1), "s total;", (joinMs / 1000).toFixed(1), "s joining");
