// A usage dashboard of any scope, as the statistics pages show it: heading, controls, totals,
// series, countries, top entries and referrers. The figures depend on the query string, so
// everything below the heading streams in inside <Suspense>.
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getDashboard, type DashboardSubject } from "@/lib/dashboard/data";
import { resolveRange } from "@/lib/dashboard/range";
import { env } from "@/lib/env";
import { localized, type Lang } from "@/lib/i18n/config";
import { format } from "@/lib/i18n/messages";
import { dashboardMessages } from "@/lib/i18n/messages-dashboard";
import { RangeBar } from "./range-bar";
import { CountriesPanel, ReferrersPanel, SeriesPanel, TopPanel, TotalsRow } from "./usage-panels";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function Figures({ lang, scope, path, searchParams }: { lang: Lang; scope: string; path: string; searchParams: SearchParams }) {
  const t = dashboardMessages[lang];
  const defaultTz = env().TIME_ZONE;
  const range = resolveRange(await searchParams, new Date(), defaultTz);
  const data = await getDashboard({ scope, from: range.from, to: range.to, granularity: range.granularity, tz: range.tz, compare: range.compare });
  if (!data) notFound();
  const api = (fmt: "csv" | "json") =>
    `/api/v1/statistics?${new URLSearchParams({ scope, from: data.firstDay, to: data.to, granularity: range.granularity, tz: range.tz, ...(fmt === "csv" ? { format: "csv" } : {}) })}`;
  const locale = lang === "ko" ? "ko-KR" : "en-US";
  const asOf = data.asOf ? new Date(data.asOf).toLocaleString(locale, { timeZone: range.tz, dateStyle: "medium", timeStyle: "short" }) : null;
  return (
    <div className="space-y-6">
        {asOf ? <p className="text-sm text-muted">{format(t.asOf, { time: asOf })}</p> : <p>{t.noData}</p>}
        <RangeBar lang={lang} path={`/${lang}${path}`} range={range} defaultTz={defaultTz} firstDay={data.firstDay} />
        {range.invalid.length ? (
          <p role="status" className="rounded-lg border border-warn/40 bg-surface px-4 py-2 text-sm text-warn">
            {format(t.invalid, { names: range.invalid.map((name) => t.params[name]).join(", ") })}
          </p>
        ) : null}
        <TotalsRow
          totals={data.totals}
          previous={data.previous ? { from: data.previous.from ?? data.firstDay, to: data.previous.to, totals: data.previous.totals } : undefined}
          pageViews={data.pageViews === null ? undefined : { value: data.pageViews, kind: scope === "site" ? "SITE" : scope.startsWith("unit:") ? "UNIT" : "RESEARCHER" }}
          lang={lang}
        />
        <SeriesPanel lang={lang} series={data.series} previous={data.previous?.series} granularity={range.granularity} exportHref={api} />
        <CountriesPanel lang={lang} countries={data.countries} />
        <div className="grid gap-6 lg:grid-cols-2">
          <TopPanel lang={lang} entries={data.top} files={scope.startsWith("item:")} />
          <ReferrersPanel lang={lang} referrers={data.referrers} />
        </div>
    </div>
  );
}

function Loading() {
  return (
    <div aria-hidden="true" className="space-y-6">
      <div className="h-8 w-2/3 animate-pulse rounded bg-sunken" />
      <div className="grid gap-3 sm:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-28 animate-pulse rounded-xl bg-sunken" />
        ))}
      </div>
      <div className="h-96 animate-pulse rounded-xl bg-sunken" />
    </div>
  );
}

/**
 * `scope` as the statistics API names it ("site", "item:{handle}", "unit:{slug}" …), `subject`
 * what it names (the page answers 404 before this when there is none); `path` is the page's own.
 */
export function DashboardView({ lang, scope, subject, path, searchParams }: { lang: Lang; scope: string; subject: DashboardSubject; path: string; searchParams: SearchParams }) {
  const t = dashboardMessages[lang];
  const site = subject.kind === "SITE";
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <h1 className="text-3xl font-semibold tracking-tight text-balance">
        {site ? t.siteTitle : format(t.scopeTitle, { name: localized(lang, subject.name, subject.altName, subject.altLang) })}
      </h1>
      <p className="mt-2 mb-6 max-w-3xl text-muted">
        {site ? t.siteIntro : t.scopeIntro}{" "}
        {site ? null : (
          <>
            <Link href={subject.href}>{t.backTo}</Link> · <Link href="/statistics">{t.siteLink}</Link>
          </>
        )}
      </p>
      <Suspense fallback={<Loading />}>
        <Figures lang={lang} scope={scope} path={path} searchParams={searchParams} />
      </Suspense>
    </div>
  );
}
