// A row of headline figures ("At a glance"): label above, number below, in a joined grid.
export function StatGrid({ stats, className = "" }: { stats: { label: string; value: string }[]; className?: string }) {
  return (
    <dl className={`grid grid-cols-2 gap-px overflow-hidden rounded-xl border border-line bg-line sm:grid-cols-[repeat(auto-fit,minmax(7.5rem,1fr))] ${className}`}>
      {stats.map((s) => (
        <div key={s.label} className="bg-surface px-4 py-3">
          <dt className="text-xs text-muted">{s.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">{s.value}</dd>
        </div>
      ))}
    </dl>
  );
}
