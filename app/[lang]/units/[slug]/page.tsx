import { UsageBeacon } from "@/components/stats/usage-beacon";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { redirectIfMoved } from "@/lib/site/moved";
import { ItemSummaryList } from "@/components/item/item-summary-list";
import { CountedLinkList } from "@/components/ui/counted-link-list";
import { FeedLink } from "@/components/ui/feed-link";
import { SectionCard } from "@/components/ui/section-card";
import { StatGrid } from "@/components/ui/stat-grid";
import { UnitBreadcrumb } from "@/components/units/unit-breadcrumb";
import { isLang, localized, type Lang } from "@/lib/i18n/config";
import { format, messages } from "@/lib/i18n/messages";
import { peopleMessages } from "@/lib/i18n/messages-people";
import { getUnitPage } from "@/lib/units/pages";
import { getUnitTree, unitPath } from "@/lib/units/tree";
import { dashboardMessages } from "@/lib/i18n/messages-dashboard";
import { Suspense } from "react";
import { EditLink } from "@/components/curate/edit-link";

export function generateStaticParams() {
  return [{ slug: "_" }];
}

type Props = PageProps<"/[lang]/units/[slug]">;

async function load(params: Props["params"]) {
  const { lang, slug } = await params;
  if (!isLang(lang)) notFound();
  return { lang: lang as Lang, slug, data: await getUnitPage(slug) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang, slug, data } = await load(params);
  if (!data) return { title: messages(lang).notFound.title, robots: { index: false } };
  const name = localized(lang, data.unit.name, data.unit.altName, data.unit.altLang);
  return {
    title: name,
    alternates: {
      canonical: `/units/${slug}`,
      languages: { en: `/en/units/${slug}`, ko: `/ko/units/${slug}` },
      types: { "application/atom+xml": [{ url: `/units/${slug}/feed.xml`, title: format(peopleMessages[lang].feedTitle, { name }) }] },
    },
  };
}

export default async function UnitPage({ params }: Props) {
  const { lang, slug, data } = await load(params);
  if (!data) {
    await redirectIfMoved("unit", slug);
    notFound();
  }
  const t = messages(lang);
  const p = peopleMessages[lang];
  const tree = await getUnitTree();
  const { unit } = data;
  const name = localized(lang, unit.name, unit.altName, unit.altLang);
  const otherName = name === unit.name ? unit.altName : unit.name;
  const parents = unitPath(tree, unit.id).slice(0, -1);
  const number = (n: number) => n.toLocaleString(lang === "ko" ? "ko-KR" : "en-US");
  const description = lang === "ko" && data.description.altDescription ? data.description.altDescription : (data.description.description ?? data.description.altDescription);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <UsageBeacon type="unit" id={unit.id} />
      <UnitBreadcrumb path={parents} lang={lang} label={t.units.partOf} />
      <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-3xl font-semibold tracking-tight text-balance">{name}</h1>
        <Suspense fallback={null}>
          <EditLink lang={lang} kind="unit" slug={slug} />
        </Suspense>
      </div>
      {otherName ? (
        <p className="mt-1 text-lg text-muted" lang={otherName === unit.altName ? (unit.altLang ?? undefined) : "en"}>
          {otherName}
        </p>
      ) : null}
      {description ? <p className="mt-4 max-w-prose leading-7">{description}</p> : null}
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1">
        <FeedLink href={`/units/${slug}/feed.xml`} label={p.feed} />
        <Link href={`/units/${slug}/statistics`} prefetch={false}>
          {dashboardMessages[lang].more}
        </Link>
        <span className="text-sm text-muted">
          {p.unitItems}:{" "}
          {(["csv", "json", "bibtex", "ris"] as const).map((f, i) => (
            <span key={f}>
              {i ? " · " : ""}
              <a href={`/search/export?unit=${encodeURIComponent(slug)}&format=${f}`} rel="nofollow">
                {f === "bibtex" ? "BibTeX" : f.toUpperCase()}
              </a>
            </span>
          ))}
        </span>
      </p>

      <StatGrid
        className="mt-6 max-w-2xl"
        stats={[
          { label: t.units.publications, value: number(unit.itemCount) },
          { label: t.units.researchers, value: number(unit.researcherCount) },
          { label: t.units.views, value: number(data.usage.views) },
          { label: t.units.downloads, value: number(data.usage.downloads) },
        ]}
      />

      <div className="mt-8 grid gap-6 lg:grid-cols-[3fr_2fr]">
        <SectionCard size="lg" title={t.units.recent} id="recent">
          {data.recent.length ? <ItemSummaryList items={data.recent} lang={lang} /> : <p className="text-muted">{t.home.noItems}</p>}
        </SectionCard>
        <div className="space-y-6">
          {unit.children.length ? (
            <SectionCard size="lg" title={t.units.subUnits} id="sub-units">
              <CountedLinkList
                items={unit.children.map((c) => ({ href: `/units/${c.slug}`, label: localized(lang, c.name, c.altName, c.altLang), count: number(c.itemCount) }))}
              />
            </SectionCard>
          ) : null}
          {unit.collections.length ? (
            <SectionCard size="lg" title={t.units.collections} id="collections">
              <CountedLinkList
                items={unit.collections.map((c) => ({ href: `/collections/${c.slug}`, label: localized(lang, c.name, c.altName, c.altLang), count: number(c.itemCount) }))}
              />
            </SectionCard>
          ) : null}
          {data.researchers.length ? (
            <SectionCard
              size="lg"
              title={t.units.researchers}
              id="researchers"
              action={
                <Link href={`/researchers?unit=${slug}`} prefetch={false}>
                  {format(unit.researcherCount === 1 ? p.researcherOne : p.researchers, { n: number(unit.researcherCount) })}
                </Link>
              }
            >
              <ul className="space-y-2">
                {data.researchers.map((r) => (
                  <li key={r.slug} className="flex items-center gap-3 text-sm">
                    {r.hasPhoto ? (
                      // eslint-disable-next-line @next/next/no-img-element
                      <img src={`/media/researchers/${r.slug}/photo`} alt="" width={32} height={32} loading="lazy" className="h-8 w-8 shrink-0 rounded-full" />
                    ) : (
                      <span className="h-8 w-8 shrink-0 rounded-full bg-sunken" />
                    )}
                    <span>
                      <Link href={`/researchers/${r.slug}`} prefetch={false}>
                        {r.displayName}
                      </Link>
                      {r.position ? <span className="text-muted"> · {localized(lang, r.position, r.altPosition, "ko")}</span> : null}
                    </span>
                  </li>
                ))}
              </ul>
            </SectionCard>
          ) : null}
        </div>
      </div>
    </div>
  );
}
