// Shapes and labels shared by the usage charts and their tables. A series point is the one
// DESIGN.md §4's statistics API returns; `period` is the first day of the day, week or month.
export type Granularity = "day" | "week" | "month";

export type SeriesPoint = {
  period: string;
  views: number;
  uniqueViews: number;
  downloads: number;
  uniqueDownloads: number;
};

/** "2026-11-03" as the reader says it: "Nov 3" / "11월 3일", a month as "Nov 2026" / "2026년 11월". */
export function formatPeriod(period: string, granularity: Granularity, locale: string, short: boolean): string {
  const [y, m, d] = period.split("-").map(Number);
  if (!y || !m || !d) return period;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (granularity === "month") return date.toLocaleDateString(locale, { timeZone: "UTC", year: "numeric", month: "short" });
  return date.toLocaleDateString(locale, { timeZone: "UTC", month: "short", day: "numeric", ...(short ? {} : { year: "numeric" }) });
}
