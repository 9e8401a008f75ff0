import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ItemSummaryList } from "@/components/item/item-summary-list";
import { SearchForm } from "@/components/layout/search-form";
import { UnitTreeView } from "@/components/units/unit-tree";
import { isLang, type Lang } from "@/lib/i18n/config";
import { messages } from "@/lib/i18n/messages";
import { getMostViewedItems, getRecentItems, getSiteTotals } from "@/lib/site/overview";
import { getUnitTree } from "@/lib/units/tree";

function Panel({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-line bg-surface p-5 sm:p-6">
      <h2 id={id} className="mb-4 text-lg font-semibold tracking-tight">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Skeleton({ lines = 4 }: { lines?: number }) {
  return (
    <div aria-hidden="true" className="space-y-3">
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="h-4 animate-pulse rounded bg-sunken" style={{ width: `${90 - i * 9}%` }} />
      ))}
    </div>
  );
}

async function Totals({ lang }: { lang: Lang }) {
  const t = messages(lang);
  const totals = await getSiteTotals();
  const figures = [
    [t.home.items, totals.items],
    [t.home.researchers, totals.researchers],
    [t.home.units, totals.units],
    [t.home.files, totals.files],
    [t.home.viewsYear, totals.viewsYear],
    [t.home.downloadsYear, totals.downloadsYear],
  ] as const;
  return (
    <dl className="grid grid-cols-2 gap-px overflow-hidden rounded-xl border border-line bg-line sm:grid-cols-3 lg:grid-cols-6">
      {figures.map(([label, value]) => (
        <div key={label} className="bg-surface px-4 py-4">
          <dt className="text-xs text-muted">{label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums tracking-tight">
            {value.toLocaleString(lang === "ko" ? "ko-KR" : "en-US")}
          </dd>
        </div>
      ))}
    </dl>
  );
}

async function Recent({ lang }: { lang: Lang }) {
  const items = await getRecentItems(8);
  return items.length ? <ItemSummaryList items={items} lang={lang} /> : <p className="text-muted">{messages(lang).home.noItems}</p>;
}

async function MostViewed({ lang }: { lang: Lang }) {
  const items = await getMostViewedItems(5);
  return items.length ? <ItemSummaryList items={items} lang={lang} views /> : <p className="text-muted">{messages(lang).home.noViews}</p>;
}

async function Tree({ lang }: { lang: Lang }) {
  const tree = await getUnitTree();
  return <UnitTreeView roots={tree.roots} lang={lang} />;
}

export default async function HomePage({ params }: PageProps<"/[lang]">) {
  const { lang: raw } = await params;
  if (!isLang(raw)) notFound(); // the build's placeholder language
  const lang: Lang = raw;
  const t = messages(lang);
  return (
    <div className="mx-auto max-w-6xl px-4 sm:px-6">
      <section className="py-10 sm:py-14">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">{t.home.heading}</h1>
        <p className="mt-3 max-w-2xl text-lg text-muted">{t.home.intro}</p>
        <div className="mt-6 max-w-2xl">
          <SearchForm t={t} size="large" id="home-search" />
        </div>
      </section>

      <section aria-label={t.home.totals} className="mb-8">
        <Suspense fallback={<div className="h-24 animate-pulse rounded-xl bg-sunken" />}>
          <Totals lang={lang} />
        </Suspense>
      </section>

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Panel title={t.home.recent} id="recent">
          <Suspense fallback={<Skeleton lines={8} />}>
            <Recent lang={lang} />
          </Suspense>
        </Panel>
        <div className="space-y-6">
          <Panel title={t.home.mostViewed} id="most-viewed">
            <Suspense fallback={<Skeleton lines={5} />}>
              <MostViewed lang={lang} />
            </Suspense>
          </Panel>
          <Panel title={t.home.tree} id="unit-tree">
            <Suspense fallback={<Skeleton lines={6} />}>
              <Tree lang={lang} />
            </Suspense>
          </Panel>
        </div>
      </div>
    </div>
  );
}
