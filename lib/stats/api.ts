// GET /api/v1/statistics: the request's parameters checked (zod) and answered from lib/stats/query.ts.
import { z } from "zod";
import type { Sql } from "../db/connection";
import { getUsageStatistics, parseScope, resolveScope, statisticsCsv } from "./query";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const ZStatisticsQuery = z
  .object({
    scope: z.string().default("site"),
    from: z.string().refine(isRealDate, "must be a date, YYYY-MM-DD").optional(),
    to: z.string().refine(isRealDate, "must be a date, YYYY-MM-DD").optional(),
    granularity: z.enum(["day", "week", "month"]).default("day"),
    tz: z.string().max(64).refine(isTimeZone, "must be an IANA time zone, e.g. Asia/Seoul").default("UTC"),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .strict();
export type TStatisticsQuery = z.infer<typeof ZStatisticsQuery>;

/** Today in a time zone, "YYYY-MM-DD". */
export function todayIn(tz: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const MAX_YEARS = 30;

export type StatisticsAnswer =
  | { kind: "error"; status: number; title: string; detail: string }
  | { kind: "json"; body: unknown }
  | { kind: "csv"; body: string; fileName: string };

export async function answerStatistics(sql: Sql, search: URLSearchParams, now = new Date()): Promise<StatisticsAnswer> {
  const parsed = ZStatisticsQuery.safeParse(Object.fromEntries(search));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
    return { kind: "error", status: 400, title: "Bad Request", detail };
  }
  const q = parsed.data;
  const scope = parseScope(q.scope);
  if (!scope) return { kind: "error", status: 404, title: "Not Found", detail: `Unknown scope "${q.scope}": use site, item:{prefix}/{n}, researcher:{slug}, unit:{slug} or collection:{slug}.` };
  const to = q.to ?? todayIn(q.tz, now);
  const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  if (from > to) return { kind: "error", status: 400, title: "Bad Request", detail: `from (${from}) is after to (${to}).` };
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > MAX_YEARS) return { kind: "error", status: 400, title: "Bad Request", detail: `The range may span at most ${MAX_YEARS} years.` };
  const ref = await resolveScope(sql, scope);
  if (!ref) return { kind: "error", status: 404, title: "Not Found", detail: `There is no ${scope.kind.toLowerCase()} "${scope.key}".` };
  const stats = await getUsageStatistics(sql, q.scope, ref, { from, to, granularity: q.granularity, tz: q.tz });
  if (q.format === "csv") return { kind: "csv", body: statisticsCsv(stats), fileName: `statistics-${q.scope.replace(/[^\w.-]+/g, "-")}-${from}-${to}.csv` };
  return { kind: "json", body: stats };
}
