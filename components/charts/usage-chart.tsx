"use client";
// Views and downloads per month. Recharts is loaded only in the browser, after the page's text
// (see UsageChart's lazy wrapper); the table beside it carries the same figures for everyone.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { MonthlyUsage } from "@/lib/items/get-item-page";

export default function UsageBars({ data, labels, width }: { data: MonthlyUsage[]; labels: { views: string; downloads: string; months: string[] }; width: number }) {
  const rows = data.map((d) => ({ ...d, label: labels.months[Number(d.month.slice(5)) - 1] }));
  return (
    // The chart is decoration for sighted readers (the table beside it carries the figures), so it
    // must not take keyboard focus: no accessibility layer.
    <BarChart width={width} height={180} data={rows} margin={{ top: 8, right: 4, bottom: 0, left: -18 }} accessibilityLayer={false}>
      <CartesianGrid vertical={false} stroke="var(--line)" />
      <XAxis dataKey="label" tick={{ fontSize: 11, fill: "var(--muted)" }} tickLine={false} axisLine={false} interval="preserveStartEnd" />
      <YAxis tick={{ fontSize: 11, fill: "var(--muted)" }} tickLine={false} axisLine={false} allowDecimals={false} width={44} />
      <Tooltip
        cursor={{ fill: "var(--sunken)" }}
        contentStyle={{ background: "var(--surface)", border: "1px solid var(--line)", borderRadius: 8, fontSize: 12, color: "var(--ink)" }}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="views" name={labels.views} fill="var(--accent)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
      <Bar dataKey="downloads" name={labels.downloads} fill="var(--muted)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
    </BarChart>
  );
}
