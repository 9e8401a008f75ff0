"use client";
// Recharts is about 100 KB of script: it loads after the page's text and figures are on screen,
// with a quiet placeholder of the chart's size so nothing moves when it arrives.
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type UsageSeriesChart from "./usage-series-chart";

const Chart = dynamic(() => import("./usage-series-chart"), {
  ssr: false,
  loading: () => <div style={{ height: 308 }} className="w-full animate-pulse rounded-lg bg-sunken" />,
});

export function LazyUsageSeriesChart(props: ComponentProps<typeof UsageSeriesChart>) {
  return <Chart {...props} />;
}
