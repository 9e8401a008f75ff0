// A choropleth of usage by country, drawn on the server as SVG: no script, nothing to wait for.
// Shades step on a logarithmic scale (usage by country spans orders of magnitude); each country
// carries its figure in a <title>, and the country table next to it is the accessible version.
import { countryName } from "@/lib/geo/countries";
import { getWorldShapes, MAP_HEIGHT, MAP_WIDTH } from "@/lib/geo/world-shapes";
import type { Lang } from "@/lib/i18n/config";

const STEPS = 5;

/** The step (1..STEPS) of a value on a log scale up to max; 0 for nothing. */
export function shadeStep(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  if (max === 1) return STEPS;
  return Math.min(STEPS, 1 + Math.floor((Math.log(value) / Math.log(max)) * (STEPS - 1) + 1e-9));
}

function shade(step: number): string {
  if (step === 0) return "var(--sunken)";
  return `color-mix(in oklab, var(--accent) ${Math.round((step / STEPS) * 100)}%, var(--accent-soft))`;
}

export function WorldMap({ values, label, lang }: { values: { country: string; value: number }[]; label: string; lang: Lang }) {
  const byCode = new Map(values.map((v) => [v.country.toUpperCase(), v.value]));
  const max = Math.max(0, ...byCode.values());
  const number = new Intl.NumberFormat(lang === "ko" ? "ko-KR" : "en-US");
  // Legend bounds: the smallest value that reaches each step.
  const bounds = Array.from({ length: STEPS }, (_, i) => (max <= 1 ? 1 : Math.ceil(Math.pow(max, i / (STEPS - 1)))));
  return (
    <figure className="m-0">
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} className="h-auto w-full" role="img" aria-label={label}>
        {getWorldShapes().map((shape, i) => {
          const value = shape.code ? (byCode.get(shape.code) ?? 0) : 0;
          const name = shape.code ? countryName(shape.code, lang) : shape.name;
          return (
            <path key={shape.code ?? `x${i}`} d={shape.d} style={{ fill: shade(shadeStep(value, max)) }} stroke="var(--line)" strokeWidth="0.6">
              <title>{`${name}: ${number.format(value)}`}</title>
            </path>
          );
        })}
      </svg>
      {max > 0 ? (
        <figcaption className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
          <span>{label}</span>
          <span className="flex items-center gap-1" aria-hidden="true">
            {bounds.map((b, i) => (
              <span key={i} className="flex items-center gap-1">
                <span className="inline-block h-3 w-4 rounded-sm border border-line" style={{ background: shade(i + 1) }} />
                <span className="tabular-nums">{i === STEPS - 1 ? number.format(max) : `${number.format(b)}+`}</span>
              </span>
            ))}
          </span>
        </figcaption>
      ) : null}
    </figure>
  );
}
