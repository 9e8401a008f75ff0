// /statistics — the site's usage dashboard. The heading is static; the figures depend on the
// range in the query string and stream in inside <Suspense>.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { RangeBar } from "@/components/stats/range-bar";
import { CountriesPanel, ReferrersPanel, SeriesPanel, TopItemsPanel, TotalsRow } from "@/components/stats/usage-panels";
import { resolveRange } from "@/lib/dashboard/range";
import { getSiteDashboard } from "@/lib/dashboard/site-data";
import { env } from "@/lib/env";
import { isLang, type Lang } from "@/lib/i18n/config";
import { format } from "@/lib/i18n/messages";
import { dashboardMessages } from "@/lib/i18n/messages-dashboard";

type Props = PageProps<"/[lang]/statistics">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  const t = dashboardMessages[isLang(lang) ? lang : "en"];
  return { title: t.siteTitle, alternates: { canonical: "/statistics", languages: { en: "/en/statistics", ko: "/ko/statistics" } } };
}

async function Dashboard({ lang, searchParams }: { lang: Lang; searchParams: Props["searchParams"] }) {
  const t = dashboardMessages[lang];
  const defaultTz = env().TIME_ZONE;
  const range = resolveRange(await searchParams, new Date(), defaultTz);
  const data = await getSiteDashboard({ from: range.from, to: range.to, granularity: range.granularity, compare: range.compare });
  const api = (fmt: "csv" | "json") =>
    `/api/v1/statistics?${new URLSearchParams({ scope: "site", from: data.from, to: data.to, granularity: range.granularity, tz: range.tz, ...(fmt === "csv" ? { format: "csv" } : {}) })}`;
  const time = data.asOf ? new Date(data.asOf).toLocaleString(lang === "ko" ? "ko-KR" : "en-US", { timeZone: range.tz, dateStyle: "medium", timeStyle: "short" }) : null;
  return (
    <div className="space-y-6">
      {time ? <p className="text-sm text-muted">{format(t.asOf, { time })}</p> : <p>{t.noData}</p>}
      <RangeBar lang={lang} path={`/${lang}/statistics`} range={range} defaultTz={defaultTz} firstDay={data.from} />
      {range.invalid.length ? (
        <p role="status" className="rounded-lg border border-warn/40 bg-surface px-4 py-2 text-sm text-warn">
          {format(t.invalid, { names: range.invalid.map((name) => t.params[name]).join(", ") })}
        </p>
      ) : null}
      <TotalsRow totals={data.totals} previous={data.previous} lang={lang} />
      <SeriesPanel lang={lang} series={data.series} previous={data.previous?.series} granularity={range.granularity} exportHref={api} />
      <CountriesPanel lang={lang} countries={data.countries} />
      <div className="grid gap-6 lg:grid-cols-2">
        <TopItemsPanel lang={lang} items={data.topItems} />
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

export default async function StatisticsPage({ params, searchParams }: Props) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  const t = dashboardMessages[lang];
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <h1 className="text-3xl font-semibold tracking-tight">{t.siteTitle}</h1>
      <p className="mt-2 mb-6 max-w-3xl text-muted">{t.siteIntro}</p>
      <Suspense fallback={<Loading />}>
        <Dashboard lang={lang} searchParams={searchParams} />
      </Suspense>
    </div>
  );
}
