"use client";
// The usage time series as an interactive chart (Recharts). Loaded after the page's text by
// LazyUsageSeriesChart; the same figures are always in the table beside it.
import { useState } from "react";
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPeriod, type Granularity, type SeriesPoint } from "./series";

export type UsageSeriesChartLabels = {
  views: string;
  downloads: string;
  uniqueViews: string;
  uniqueDownloads: string;
  showUniques: string;
  previous: string;
};

type Props = {
  series: SeriesPoint[];
  /** The comparison period, aligned point by point with `series`. */
  previous?: SeriesPoint[];
  granularity: Granularity;
  locale: string;
  labels: UsageSeriesChartLabels;
  height?: number;
};

export default function UsageSeriesChart({ series, previous, granularity, locale, labels, height = 280 }: Props) {
  const [uniques, setUniques] = useState(false);
  const number = new Intl.NumberFormat(locale);
  const data = series.map((p, i) => ({ ...p, previousViews: previous?.[i]?.views }));
  return (
    <div>
      <label className="mb-2 flex w-fit cursor-pointer items-center gap-2 text-sm text-muted">
        <input type="checkbox" checked={uniques} onChange={(e) => setUniques(e.target.checked)} className="accent-[var(--accent)]" />
        {labels.showUniques}
      </label>
      <div style={{ height }} className="w-full text-xs">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--line)" vertical={false} />
            <XAxis
              dataKey="period"
              tickFormatter={(p: string) => formatPeriod(p, granularity, locale, true)}
              stroke="var(--muted)"
              tick={{ fill: "var(--muted)" }}
              tickLine={false}
              minTickGap={24}
            />
            <YAxis
              allowDecimals={false}
              tickFormatter={(v: number) => number.format(v)}
              stroke="var(--muted)"
              tick={{ fill: "var(--muted)" }}
              tickLine={false}
              axisLine={false}
              width={48}
            />
            <Tooltip
              labelFormatter={(p) => formatPeriod(String(p), granularity, locale, false)}
              formatter={(v) => number.format(Number(v))}
              contentStyle={{ background: "var(--surface)", border: "1px solid var(--line)", borderRadius: 8, color: "var(--ink)" }}
            />
            <Area type="monotone" dataKey="views" name={labels.views} stroke="var(--accent)" fill="var(--accent-soft)" strokeWidth={2} isAnimationActive={false} />
            <Area type="monotone" dataKey="downloads" name={labels.downloads} stroke="var(--warn)" fill="transparent" strokeWidth={2} isAnimationActive={false} />
            {uniques ? (
              <>
                <Line type="monotone" dataKey="uniqueViews" name={labels.uniqueViews} stroke="var(--accent)" strokeDasharray="4 3" dot={false} isAnimationActive={false} />
                <Line type="monotone" dataKey="uniqueDownloads" name={labels.uniqueDownloads} stroke="var(--warn)" strokeDasharray="4 3" dot={false} isAnimationActive={false} />
              </>
            ) : null}
            {previous ? (
              <Line type="monotone" dataKey="previousViews" name={labels.previous} stroke="var(--muted)" strokeDasharray="2 3" dot={false} isAnimationActive={false} />
            ) : null}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
