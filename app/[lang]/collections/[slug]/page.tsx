import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ItemSummaryList } from "@/components/item/item-summary-list";
import { isLang, localized, type Lang } from "@/lib/i18n/config";
import { format, messages } from "@/lib/i18n/messages";
import { COLLECTION_PAGE_SIZE, getCollectionPage } from "@/lib/units/pages";
import { getUnitTree, unitPath } from "@/lib/units/tree";

export function generateStaticParams() {
  return [{ slug: "_" }];
}

type Props = PageProps<"/[lang]/collections/[slug]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang, slug } = await params;
  if (!isLang(lang)) notFound();
  const data = await getCollectionPage(slug, 1);
  if (!data) return { title: messages(lang).notFound.title, robots: { index: false } };
  return {
    title: localized(lang, data.collection.name, data.collection.altName, data.collection.altLang),
    alternates: { canonical: `/collections/${slug}` },
  };
}

async function Items({ lang, slug, searchParams }: { lang: Lang; slug: string; searchParams: Props["searchParams"] }) {
  const sp = await searchParams;
  const raw = Array.isArray(sp.page) ? sp.page[0] : sp.page;
  const page = Math.max(1, Math.min(100_000, Number.parseInt(raw ?? "1", 10) || 1));
  const t = messages(lang);
  const data = await getCollectionPage(slug, page);
  if (!data) notFound();
  const pages = Math.max(1, Math.ceil(data.total / COLLECTION_PAGE_SIZE));
  return (
    <>
      {data.items.length ? <ItemSummaryList items={data.items} lang={lang} /> : <p className="text-muted">{t.home.noItems}</p>}
      {pages > 1 ? (
        <nav aria-label={format(t.units.page, { n: page, of: pages })} className="mt-6 flex items-center justify-between text-sm">
          {page > 1 ? <Link href={`/collections/${slug}?page=${page - 1}`}>← {t.units.previous}</Link> : <span />}
          <span className="text-muted">{format(t.units.page, { n: page, of: pages })}</span>
          {page < pages ? <Link href={`/collections/${slug}?page=${page + 1}`}>{t.units.next} →</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}

export default async function CollectionPage({ params, searchParams }: Props) {
  const { lang, slug } = await params;
  if (!isLang(lang)) notFound();
  const data = await getCollectionPage(slug, 1);
  if (!data) notFound();
  const t = messages(lang);
  const tree = await getUnitTree();
  const c = data.collection;
  const description = lang === "ko" && c.altDescription ? c.altDescription : (c.description ?? c.altDescription);
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-10">
      <nav aria-label={t.units.partOf}>
        <ol className="text-sm">
          {unitPath(tree, c.unitId).map((u) => (
            <li key={u.id} className="inline">
              <Link href={`/units/${u.slug}`} prefetch={false}>
                {localized(lang, u.name, u.altName, u.altLang)}
              </Link>
              <span aria-hidden="true" className="text-muted">
                {" "}
                ›{" "}
              </span>
            </li>
          ))}
        </ol>
      </nav>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">{localized(lang, c.name, c.altName, c.altLang)}</h1>
      <p className="mt-1 text-muted">{format(t.researcher.publicationCount, { n: data.total.toLocaleString(lang === "ko" ? "ko-KR" : "en-US") })}</p>
      {description ? <p className="mt-4 max-w-prose leading-7">{description}</p> : null}
      <section aria-label={t.units.items} className="mt-8 rounded-xl border border-line bg-surface p-5 sm:p-6">
        <Suspense fallback={<div className="h-64 animate-pulse rounded bg-sunken" />}>
          <Items lang={lang} slug={slug} searchParams={searchParams} />
        </Suspense>
      </section>
    </div>
  );
}
