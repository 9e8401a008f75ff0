// The date range a dashboard shows, as its URL carries it: a preset (last 30 days, last 12
// months, all time) or explicit from/to days, a granularity, a time zone and whether to compare
// with the period before. Whatever the URL holds, the result is a valid range: bad values fall
// back to the defaults and are reported, so a mistyped link still shows a dashboard.
import { z } from "zod";
import type { Granularity } from "@/components/charts/series";

export const PRESETS = ["30d", "12m", "all"] as const;
export type Preset = (typeof PRESETS)[number];

export type DashboardRange = {
  preset: Preset | "custom";
  /** First and last day shown, inclusive, "YYYY-MM-DD" in the time zone `tz`. For "all" the
   * first day is resolved against the data (null until then). */
  from: string | null;
  to: string;
  granularity: Granularity;
  tz: string;
  compare: boolean;
  /** The granularity the URL asked for, if any (otherwise it follows the length of the range). */
  chosenGranularity?: Granularity;
  /** Parameters that were present but unusable, by name. */
  invalid: RangeParam[];
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 366 * 50;

export function isTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** "YYYY-MM-DD" of an instant in a time zone. */
export function dayIn(instant: Date, tz: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type RangeParam = "range" | "from" | "to" | "granularity" | "tz";

const ZParams = z.object({
  range: z.enum(PRESETS).optional().catch(undefined),
  from: z.string().optional(),
  to: z.string().optional(),
  granularity: z.enum(["day", "week", "month"]).optional().catch(undefined),
  tz: z.string().optional(),
  compare: z.string().optional(),
});

type Raw = Record<string, string | string[] | undefined>;

function first(raw: Raw, key: string): string | undefined {
  const v = raw[key];
  return Array.isArray(v) ? v[0] : v;
}

export function resolveRange(raw: Raw, now: Date, defaultTz: string): DashboardRange {
  const invalid: RangeParam[] = [];
  const p = ZParams.parse(Object.fromEntries(["range", "from", "to", "granularity", "tz", "compare"].map((k) => [k, first(raw, k)])));
  if (first(raw, "range") !== undefined && !p.range) invalid.push("range");
  if (first(raw, "granularity") !== undefined && !p.granularity) invalid.push("granularity");

  let tz = defaultTz;
  if (p.tz !== undefined) {
    if (isTimeZone(p.tz)) tz = p.tz;
    else invalid.push("tz");
  }
  const today = dayIn(now, tz);

  let preset: DashboardRange["preset"] = p.range ?? "30d";
  let from: string | null;
  let to = today;
  const customFrom = p.from !== undefined && isDay(p.from) ? p.from : undefined;
  const customTo = p.to !== undefined && isDay(p.to) ? p.to : undefined;
  if (p.from !== undefined && !customFrom) invalid.push("from");
  if (p.to !== undefined && !customTo) invalid.push("to");

  if (!p.range && (customFrom || customTo)) {
    preset = "custom";
    to = customTo && customTo < today ? customTo : today;
    from = customFrom ?? addDays(to, -29);
    if (from > to) {
      invalid.push("from");
      from = addDays(to, -29);
    }
    if (daysBetween(from, to) > MAX_DAYS) from = addDays(to, -MAX_DAYS);
  } else if (preset === "12m") {
    from = addDays(today, -364);
  } else if (preset === "all") {
    from = null;
  } else {
    from = addDays(today, -29);
  }

  const span = from ? daysBetween(from, to) + 1 : Infinity;
  const granularity: Granularity = p.granularity ?? (span <= 62 ? "day" : span <= 366 ? "week" : "month");
  const compare = p.compare === "1" && preset !== "all";
  return { preset, from, to, granularity, tz, compare, invalid: [...new Set(invalid)].sort(), chosenGranularity: p.granularity };
}

/** The period of equal length just before [from, to]. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

/** The URL query of a range with some of its choices changed; defaults are left out. */
export function rangeQuery(r: DashboardRange, defaultTz: string, change: { preset?: Preset; granularity?: Granularity; compare?: boolean } = {}): string {
  const q = new URLSearchParams();
  const preset = change.preset ?? r.preset;
  if (preset === "custom") {
    if (r.from) q.set("from", r.from);
    q.set("to", r.to);
  } else if (preset !== "30d") q.set("range", preset);
  // A new preset gets the granularity that suits it; otherwise a chosen one is kept.
  const granularity = change.granularity ?? (change.preset ? undefined : r.chosenGranularity);
  if (granularity) q.set("granularity", granularity);
  if (r.tz !== defaultTz) q.set("tz", r.tz);
  if ((change.compare ?? r.compare) && preset !== "all") q.set("compare", "1");
  const s = q.toString();
  return s ? `?${s}` : "";
}
