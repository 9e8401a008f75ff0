// The parts of a usage dashboard: totals with their change against the period before, the time
// series (chart + table + downloads), countries (map + table), top items and referring sites.
import Link from "next/link";
import { LazyUsageSeriesChart } from "@/components/charts/lazy-usage-series-chart";
import { formatPeriod, type Granularity, type SeriesPoint } from "@/components/charts/series";
import { WorldMap } from "@/components/charts/world-map";
import { SectionCard } from "@/components/ui/section-card";
import type { CountryUsage, Referrer, TopEntry, Totals } from "@/lib/dashboard/data";
import { countryName, UNKNOWN_COUNTRY } from "@/lib/geo/countries";
import type { Lang } from "@/lib/i18n/config";
import { dashboardMessages } from "@/lib/i18n/messages-dashboard";
import { format } from "@/lib/i18n/messages";

const locale = (lang: Lang) => (lang === "ko" ? "ko-KR" : "en-US");

type Previous = { from: string; to: string; totals: Totals };

function Change({ now, before, previous, lang }: { now: number; before: number; previous: Previous; lang: Lang }) {
  const t = dashboardMessages[lang];
  const from = formatPeriod(previous.from, "day", locale(lang), false);
  const to = formatPeriod(previous.to, "day", locale(lang), false);
  if (now === before) return <span>{format(t.noChange, { from, to })}</span>;
  const pct = before === 0 ? "∞" : new Intl.NumberFormat(locale(lang), { style: "percent", maximumFractionDigits: 1 }).format(Math.abs(now - before) / before);
  return <span>{format(t.change, { sign: now > before ? "+" : "−", pct, from, to })}</span>;
}

type PageViews = { value: number; kind: "SITE" | "RESEARCHER" | "UNIT" };

export function TotalsRow({ totals, previous, pageViews, lang }: { totals: Totals; previous?: Previous; pageViews?: PageViews; lang: Lang }) {
  const t = dashboardMessages[lang];
  const n = new Intl.NumberFormat(locale(lang));
  const cards: { label: string; value: number; unique?: number; note?: string; before?: number }[] = [
    { label: t.views, value: totals.views, unique: totals.uniqueViews, before: previous?.totals.views },
    { label: t.downloads, value: totals.downloads, unique: totals.uniqueDownloads, before: previous?.totals.downloads },
    { label: t.robotHits, value: totals.robotHits, before: previous?.totals.robotHits },
  ];
  if (pageViews) cards.push({ label: t.pageViews, value: pageViews.value, note: t.pageViewsNote[pageViews.kind] });
  return (
    <dl className={`grid gap-3 ${cards.length === 4 ? "sm:grid-cols-2 lg:grid-cols-4" : "sm:grid-cols-3"}`}>
      {cards.map((c) => (
        <div key={c.label} className="rounded-xl border border-line bg-surface p-4">
          <dt className="text-sm text-muted">{c.label}</dt>
          <dd className="mt-1 text-3xl font-semibold tracking-tight tabular-nums">{n.format(c.value)}</dd>
          {c.unique !== undefined ? <dd className="text-sm text-muted tabular-nums">{format(t.unique, { n: n.format(c.unique) })}</dd> : null}
          {c.note ? <dd className="text-sm text-muted">{c.note}</dd> : null}
          {previous && c.before !== undefined ? (
            <dd className="mt-1 text-xs text-muted">
              <Change now={c.value} before={c.before} previous={previous} lang={lang} />
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

export function ExportLinks({ lang, href }: { lang: Lang; href: (format: "csv" | "json") => string }) {
  const t = dashboardMessages[lang];
  return (
    <p className="flex gap-3 text-sm">
      <span className="text-muted">{t.export}</span>
      <a href={href("csv")} download>
        CSV
      </a>
      <a href={href("json")}>JSON</a>
    </p>
  );
}

export function SeriesPanel({ lang, series, previous, granularity, exportHref }: { lang: Lang; series: SeriesPoint[]; previous?: SeriesPoint[]; granularity: Granularity; exportHref: (format: "csv" | "json") => string }) {
  const t = dashboardMessages[lang];
  const n = new Intl.NumberFormat(locale(lang));
  const sum = (k: keyof Omit<SeriesPoint, "period">) => series.reduce((s, p) => s + p[k], 0);
  return (
    <SectionCard size="lg" title={t.overTime} id="over-time" action={<ExportLinks lang={lang} href={exportHref} />}>
      <LazyUsageSeriesChart
        series={series}
        previous={previous}
        granularity={granularity}
        locale={locale(lang)}
        labels={{ views: t.views, downloads: t.downloads, uniqueViews: t.uniqueViews, uniqueDownloads: t.uniqueDownloads, showUniques: t.showUniques, previous: t.previous }}
      />
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-accent">{t.showTable}</summary>
        <div className="mt-2 max-h-96 overflow-auto">
          <table className="w-full text-right tabular-nums">
            <thead className="sticky top-0 bg-surface text-xs text-muted">
              <tr>
                <th scope="col" className="py-1 text-left font-medium">
                  {t.period}
                </th>
                <th scope="col" className="font-medium">{t.views}</th>
                <th scope="col" className="font-medium">{t.uniqueViews}</th>
                <th scope="col" className="font-medium">{t.downloads}</th>
                <th scope="col" className="font-medium">{t.uniqueDownloads}</th>
              </tr>
            </thead>
            <tbody>
              {series.map((p) => (
                <tr key={p.period} className="border-t border-line">
                  <th scope="row" className="py-1 text-left font-normal">
                    {formatPeriod(p.period, granularity, locale(lang), false)}
                  </th>
                  <td>{n.format(p.views)}</td>
                  <td>{n.format(p.uniqueViews)}</td>
                  <td>{n.format(p.downloads)}</td>
                  <td>{n.format(p.uniqueDownloads)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="font-semibold">
              <tr className="border-t-2 border-line">
                <th scope="row" className="py-1 text-left">
                  {t.total}
                </th>
                <td>{n.format(sum("views"))}</td>
                <td>{n.format(sum("uniqueViews"))}</td>
                <td>{n.format(sum("downloads"))}</td>
                <td>{n.format(sum("uniqueDownloads"))}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
    </SectionCard>
  );
}

const TOP_COUNTRIES = 10;

export function CountriesPanel({ lang, countries }: { lang: Lang; countries: CountryUsage[] }) {
  const t = dashboardMessages[lang];
  const n = new Intl.NumberFormat(locale(lang));
  return (
    <SectionCard size="lg" title={t.countries} id="countries">
      {countries.length === 0 ? (
        <p className="text-sm text-muted">{t.noneInRange}</p>
      ) : (
        <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <WorldMap values={countries.flatMap((c) => (c.country ? [{ country: c.country, value: c.views }] : []))} label={t.mapLabel} lang={lang} />
          <table className="w-full self-start text-sm tabular-nums">
            <thead className="text-xs text-muted">
              <tr>
                <th scope="col" className="py-1 text-left font-medium">{t.country}</th>
                <th scope="col" className="text-right font-medium">{t.views}</th>
                <th scope="col" className="text-right font-medium">{t.downloads}</th>
              </tr>
            </thead>
            <tbody>
              {countries.slice(0, TOP_COUNTRIES).map((c) => (
                <tr key={c.country ?? UNKNOWN_COUNTRY} className="border-t border-line">
                  <th scope="row" className="py-1 text-left font-normal">
                    {countryName(c.country ?? UNKNOWN_COUNTRY, lang)}
                  </th>
                  <td className="text-right">{n.format(c.views)}</td>
                  <td className="text-right">{n.format(c.downloads)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SectionCard>
  );
}

export function TopPanel({ lang, entries, files }: { lang: Lang; entries: TopEntry[]; files: boolean }) {
  const t = dashboardMessages[lang];
  const n = new Intl.NumberFormat(locale(lang));
  return (
    <SectionCard size="lg" title={files ? t.topFiles : t.topItems} id="top">
      {entries.length === 0 ? (
        <p className="text-sm text-muted">{t.noneInRange}</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-xs text-muted">
            <tr>
              <th scope="col" className="py-1 text-left font-medium">
                {files ? t.file : t.item}
              </th>
              {files ? null : (
                <th scope="col" className="pl-3 text-right font-medium whitespace-nowrap">
                  {t.views}
                </th>
              )}
              <th scope="col" className="pl-3 text-right font-medium whitespace-nowrap">
                {t.downloads}
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.href} className="border-t border-line align-top">
                <td className="py-1.5">
                  {files ? (
                    <a href={entry.href} className="line-clamp-2">
                      {entry.label}
                    </a>
                  ) : (
                    <Link href={entry.href} prefetch={false} className="line-clamp-2">
                      {entry.label}
                    </Link>
                  )}
                </td>
                {files ? null : <td className="pl-3 text-right whitespace-nowrap tabular-nums">{n.format(entry.views)}</td>}
                <td className="pl-3 text-right whitespace-nowrap tabular-nums">{n.format(entry.downloads)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SectionCard>
  );
}

export function ReferrersPanel({ lang, referrers }: { lang: Lang; referrers: Referrer[] }) {
  const t = dashboardMessages[lang];
  const n = new Intl.NumberFormat(locale(lang));
  const max = Math.max(1, ...referrers.map((r) => r.visits));
  return (
    <SectionCard size="lg" title={t.referrers} id="referrers">
      {referrers.length === 0 ? (
        <p className="text-sm text-muted">{t.noneInRange}</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-xs text-muted">
            <tr>
              <th scope="col" className="py-1 text-left font-medium">{t.site}</th>
              <th scope="col" className="text-right font-medium">{t.visits}</th>
            </tr>
          </thead>
          <tbody>
            {referrers.map((r) => (
              <tr key={r.host} className="border-t border-line">
                <td className="relative py-1.5">
                  <span aria-hidden="true" className="absolute inset-y-1 left-0 rounded bg-accent-soft" style={{ width: `${(r.visits / max) * 100}%` }} />
                  <span className="relative pl-1.5">{r.host}</span>
                </td>
                <td className="pl-3 text-right tabular-nums">{n.format(r.visits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SectionCard>
  );
}
