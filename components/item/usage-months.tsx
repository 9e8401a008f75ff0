// Views and downloads per month for the last twelve months: an SVG drawn on the server (no
// script to load, nothing to wait for), with the same figures in a table for every reader.
import type { MonthlyUsage } from "@/lib/items/get-item-page";

type Labels = { views: string; downloads: string; months: string[]; lastYear: string; showTable: string; month: string };

const WIDTH = 288;
const HEIGHT = 120;
const AXIS = 16;

export function UsageMonths({ data, labels, locale }: { data: MonthlyUsage[]; labels: Labels; locale: string }) {
  const max = Math.max(1, ...data.map((d) => Math.max(d.views, d.downloads)));
  const slot = WIDTH / data.length;
  const bar = Math.max(2, slot / 2 - 2);
  const y = (v: number) => HEIGHT - AXIS - (v / max) * (HEIGHT - AXIS - 6);
  const n = (v: number) => v.toLocaleString(locale);
  return (
    <div className="mt-4">
      <p className="flex items-center justify-between text-xs font-medium text-muted">
        <span>{labels.lastYear}</span>
        <span className="flex gap-3" aria-hidden="true">
          <span className="flex items-center gap-1">
            <span className="inline-block h-2 w-2 rounded-sm bg-accent" />
            {labels.views}
          </span>
          <span className="flex items-center gap-1">
            <span className="inline-block h-2 w-2 rounded-sm bg-muted" />
            {labels.downloads}
          </span>
        </span>
      </p>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="mt-2 h-auto w-full" aria-hidden="true">
        <line x1="0" x2={WIDTH} y1={HEIGHT - AXIS} y2={HEIGHT - AXIS} stroke="var(--line)" />
        {data.map((d, i) => {
          const x = i * slot + slot / 2;
          return (
            <g key={d.month}>
              <rect x={x - bar - 1} y={y(d.views)} width={bar} height={HEIGHT - AXIS - y(d.views)} rx="1.5" fill="var(--accent)">
                <title>{`${d.month} · ${labels.views} ${n(d.views)}`}</title>
              </rect>
              <rect x={x + 1} y={y(d.downloads)} width={bar} height={HEIGHT - AXIS - y(d.downloads)} rx="1.5" fill="var(--muted)">
                <title>{`${d.month} · ${labels.downloads} ${n(d.downloads)}`}</title>
              </rect>
              {i % 2 === data.length % 2 ? null : (
                <text x={x} y={HEIGHT - 3} textAnchor="middle" fontSize="9" fill="var(--muted)">
                  {labels.months[Number(d.month.slice(5)) - 1]}
                </text>
              )}
            </g>
          );
        })}
      </svg>
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
