// Counts per year as a small server-drawn SVG bar chart, with the numbers in a table beneath.
export function YearBars({ data, caption, locale }: { data: { year: number; count: number }[]; caption: string; locale: string }) {
  if (data.length === 0) return null;
  const first = data[0].year;
  const last = data[data.length - 1].year;
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const counts = new Map(data.map((d) => [d.year, d.count]));
  const max = Math.max(...data.map((d) => d.count));
  const width = 320;
  const height = 110;
  const slot = width / years.length;
  const y = (v: number) => height - 16 - (v / max) * (height - 24);
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label={caption}>
        <line x1="0" x2={width} y1={height - 16} y2={height - 16} stroke="var(--line)" />
        {years.map((year, i) => {
          const v = counts.get(year) ?? 0;
          const last = years.length - 1;
          const labelled = i === 0 || i === last || (years.length <= 8 ? true : year % 5 === 0 && i > 1 && i < last - 1);
          return (
            <g key={year}>
              <rect x={i * slot + slot * 0.15} y={y(v)} width={slot * 0.7} height={height - 16 - y(v)} rx="1.5" fill="var(--accent)">
                <title>{`${year}: ${v.toLocaleString(locale)}`}</title>
              </rect>
              {labelled ? (
                <text x={i * slot + slot / 2} y={height - 3} textAnchor="middle" fontSize="9" fill="var(--muted)">
                  {year}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="sr-only">{caption}</figcaption>
    </figure>
  );
}
