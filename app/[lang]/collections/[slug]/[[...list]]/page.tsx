import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { redirectIfMoved } from "@/lib/site/moved";
import { PublicationList } from "@/components/researcher/publication-list";
import { FeedLink } from "@/components/ui/feed-link";
import { SectionCard } from "@/components/ui/section-card";
import { UnitBreadcrumb } from "@/components/units/unit-breadcrumb";
import { isLang, localized, type Lang } from "@/lib/i18n/config";
import { format, messages } from "@/lib/i18n/messages";
import { peopleMessages } from "@/lib/i18n/messages-people";
import { parsePublicationSegments, publicationListPath, type PublicationQuery, type PublicationSort } from "@/lib/researchers/publications";
import { collectionExportHref } from "@/lib/search/href";
import { getCollection, getCollectionItems } from "@/lib/units/pages";
import { getUnitTree, unitPath } from "@/lib/units/tree";
import { dashboardMessages } from "@/lib/i18n/messages-dashboard";
import { Suspense } from "react";
import { EditLink } from "@/components/curate/edit-link";

// Collections render on their first visit (the build has no database); one placeholder satisfies the build.
export function generateStaticParams() {
  return [{ slug: "_", list: [] }];
}

type Props = PageProps<"/[lang]/collections/[slug]/[[...list]]">;

/** Sorting by views would sum usage over every item of a large collection: left to search. */
const COLLECTION_SORTS: readonly PublicationSort[] = ["newest", "oldest", "title", "cited"];

/** The collection, with its item list in the state the path names (see lib/researchers/publications.ts). */
async function load(params: Props["params"]) {
  const { lang, slug, list } = await params;
  if (!isLang(lang)) notFound();
  const query = parsePublicationSegments(list ?? []);
  if (!query || !COLLECTION_SORTS.includes(query.sort)) notFound();
  return { lang, slug, query, c: await getCollection(slug) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang, slug, query, c } = await load(params);
  if (!c) return { title: messages(lang).notFound.title, robots: { index: false } };
  const name = localized(lang, c.name, c.altName, c.altLang);
  const listPath = publicationListPath(`/collections/${slug}`, query);
  return {
    title: name,
    ...(listPath === `/collections/${slug}` ? {} : { robots: { index: false, follow: true } }),
    alternates: {
      canonical: listPath,
      languages: { en: `/en${listPath}`, ko: `/ko${listPath}` },
      types: { "application/atom+xml": [{ url: `/collections/${slug}/feed.xml`, title: format(peopleMessages[lang].feedTitle, { name }) }] },
    },
  };
}

async function Items({ lang, slug, collectionId, query }: { lang: Lang; slug: string; collectionId: number; query: PublicationQuery }) {
  const data = await getCollectionItems(collectionId, query, lang);
  return (
    <PublicationList
      lang={lang}
      data={data}
      query={query}
      listPath={(q) => publicationListPath(`/collections/${slug}`, q)}
      formAction={`/collections/${slug}/items`}
      downloadHref={(format) => collectionExportHref(slug, query, format)}
      anchor="items"
      sorts={COLLECTION_SORTS}
    />
  );
}

export default async function CollectionPage({ params }: Props) {
  const { lang, slug, query, c } = await load(params);
  if (!c) {
    await redirectIfMoved("collection", slug, (await params).list ?? []);
    notFound();
  }
  const t = messages(lang);
  const p = peopleMessages[lang];
  const tree = await getUnitTree();
  const description = lang === "ko" && c.altDescription ? c.altDescription : (c.description ?? c.altDescription);
  const locale = lang === "ko" ? "ko-KR" : "en-US";
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-10">
      <UnitBreadcrumb path={unitPath(tree, c.unitId)} lang={lang} label={t.units.partOf} />
      <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-3xl font-semibold tracking-tight text-balance">{localized(lang, c.name, c.altName, c.altLang)}</h1>
        <Suspense fallback={null}>
          <EditLink lang={lang} kind="collection" slug={slug} />
        </Suspense>
      </div>
      <p className="mt-1 flex flex-wrap items-baseline gap-x-4 gap-y-1 text-muted">
        <span>{format(c.total === 1 ? p.countOne : p.count, { n: c.total.toLocaleString(locale) })}</span>
        <FeedLink href={`/collections/${slug}/feed.xml`} label={p.feed} />
        <Link href={`/collections/${slug}/statistics`} prefetch={false}>
          {dashboardMessages[lang].more}
        </Link>
      </p>
      {description ? <p className="mt-4 max-w-prose leading-7">{description}</p> : null}
      <SectionCard title={p.itemsOf} id="items" size="lg" className="mt-8 scroll-mt-4">
        <Items lang={lang} slug={slug} collectionId={c.id} query={query} />
      </SectionCard>
    </div>
  );
}
