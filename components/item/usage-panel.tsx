"use client";
// "Total views & downloads": the figures first (server-rendered), then the twelve-month chart,
// whose code is fetched only once the browser is idle, so it never delays the page.
import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { MonthlyUsage } from "@/lib/items/get-item-page";

const UsageBars = dynamic(() => import("../charts/usage-chart"), { ssr: false, loading: () => null });

type Labels = { views: string; downloads: string; months: string[]; lastYear: string; showTable: string; month: string };

export function UsageMonths({ data, labels, locale }: { data: MonthlyUsage[]; labels: Labels; locale: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    idle(() => setReady(true));
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    if (box.current) observer.observe(box.current);
    return () => observer.disconnect();
  }, []);
  const n = (v: number) => v.toLocaleString(locale);
  return (
    <div className="mt-4">
      <p className="text-xs font-medium text-muted">{labels.lastYear}</p>
      <div ref={box} className="mt-2 h-[180px]" aria-hidden="true">
        {ready && width > 0 ? <UsageBars data={data} labels={labels} width={width} /> : null}
      </div>
      <details className="mt-2 text-sm">
        <summary className="text-accent">{labels.showTable}</summary>
        <table className="mt-2 w-full text-right tabular-nums">
          <thead className="text-xs text-muted">
            <tr>
              <th scope="col" className="text-left font-medium">
                {labels.month}
              </th>
              <th scope="col" className="font-medium">
                {labels.views}
              </th>
              <th scope="col" className="font-medium">
                {labels.downloads}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.month} className="border-t border-line">
                <th scope="row" className="py-1 text-left font-normal">
                  {d.month}
                </th>
                <td>{n(d.views)}</td>
                <td>{n(d.downloads)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
