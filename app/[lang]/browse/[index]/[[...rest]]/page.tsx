// The five browse indexes (by issue date, author, title, subject, type): overviews with counts,
// letters, headings and items, paged. The whole view is named by the path (lib/browse/route.ts), so
// every page renders from cached data into complete HTML and is itself cached after its first visit.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ItemSummaryList } from "@/components/item/item-summary-list";
import { BrowseTabs, formatNumber, JumpBar, letterLabel, Pager } from "@/components/browse/browse-nav";
import {
  getHeadingLetterCounts,
  getHeadings,
  getItemsByAuthor,
  getItemsBySubject,
  getItemsByTitleLetter,
  getItemsByType,
  getItemsByYear,
  getTitleLetterCounts,
  getTypeCounts,
  getYearCounts,
} from "@/lib/browse/data";
import { HEADINGS_PER_PAGE, ITEMS_PER_PAGE, type HeadingIndex, type ItemPage } from "@/lib/browse/queries";
import { browsePath, parseBrowsePath, typeSlug, withPage, type BrowseView, type ItemTypeKey } from "@/lib/browse/route";
import { isLang, type Lang } from "@/lib/i18n/config";
import { messages } from "@/lib/i18n/messages";
import { browseMessages } from "@/lib/i18n/messages-browse";

// Views render on their first visit (the build has no database); one placeholder satisfies the build.
export function generateStaticParams() {
  return [{ index: "date", rest: [] }];
}

type Props = PageProps<"/[lang]/browse/[index]/[[...rest]]">;

async function resolve(params: Props["params"]): Promise<{ lang: Lang; view: BrowseView }> {
  const { lang, index, rest } = await params;
  if (!isLang(lang)) notFound(); // the build's placeholder language
  const view = parseBrowsePath(index, rest ?? []);
  if (!view) notFound();
  return { lang, view };
}

function viewTitle(view: BrowseView, lang: Lang): string {
  const t = browseMessages[lang];
  switch (view.kind) {
    case "overview":
      return t.headings[view.index];
    case "year":
      return view.year === null ? t.undatedHeading : t.yearHeading(String(view.year));
    case "type":
      return messages(lang).item.types[view.type];
    case "letter":
      return t.letterHeading(view.index, letterLabel(view.letter, lang));
    case "heading":
      return t.headingItems(view.index, view.heading);
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang, view } = await resolve(params);
  const page = view.kind === "overview" ? 1 : view.page;
  const title = viewTitle(view, lang);
  const path = browsePath(view);
  return {
    title: page > 1 ? `${title} (${browseMessages[lang].page(String(page))})` : title,
    alternates: { canonical: path, languages: { en: `/en${path}`, ko: `/ko${path}` } },
  };
}

function Breadcrumb({ view, lang }: { view: BrowseView; lang: Lang }) {
  const t = browseMessages[lang];
  if (view.kind === "overview") return null;
  return (
    <p className="text-sm">
      <Link href={`/browse/${view.index}`} prefetch={false}>
        {t.headings[view.index]}
      </Link>
      <span aria-hidden="true" className="text-muted">
        {" "}
        ›
      </span>
    </p>
  );
}

/** A list of keys with counts, as a calm table of links (years, types). */
function CountList({ rows, lang }: { rows: { href: string; label: string; count: number }[]; lang: Lang }) {
  const t = browseMessages[lang];
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
      {rows.map((r) => (
        <li key={r.href}>
          <Link
            href={r.href}
            prefetch={false}
            className="flex items-baseline justify-between gap-3 rounded-lg border border-line bg-surface px-4 py-3 text-ink no-underline hover:border-accent hover:bg-accent-soft"
          >
            <span className="font-medium">{r.label}</span>
            <span className="text-sm tabular-nums text-muted">{formatNumber(r.count, lang)}</span>
          </Link>
        </li>
      ))}
      <li className="col-span-full mt-2 text-sm text-muted" aria-hidden={rows.length === 0}>
        {t.total}: <span className="tabular-nums">{t.itemCount(formatNumber(total, lang), total === 1)}</span>
      </li>
    </ul>
  );
}

function Items({ result, view, lang, primaryTitles }: { result: ItemPage; view: Exclude<BrowseView, { kind: "overview" }>; lang: Lang; primaryTitles?: boolean }) {
  // The title index is sorted on each item's own title; show that one, whatever the interface language.
  const items = primaryTitles ? result.items.map((i) => ({ ...i, alternativeTitle: null })) : result.items;
  return (
    <>
      <div className="rounded-xl border border-line bg-surface p-5 sm:p-6">
        <ItemSummaryList items={items} lang={lang} />
      </div>
      <div className="mt-5">
        <Pager page={view.page} total={result.total} perPage={ITEMS_PER_PAGE} hrefFor={(p) => browsePath(withPage(view, p))} lang={lang} />
      </div>
    </>
  );
}

async function DateOverview({ lang }: { lang: Lang }) {
  const t = browseMessages[lang];
  const years = await getYearCounts();
  return (
    <CountList
      lang={lang}
      rows={years.map((y) => ({
        href: browsePath({ index: "date", kind: "year", year: y.key, page: 1 }),
        label: y.key === null ? t.undated : String(y.key),
        count: y.count,
      }))}
    />
  );
}

async function TypeOverview({ lang }: { lang: Lang }) {
  const types = await getTypeCounts();
  const names = messages(lang).item.types;
  return (
    <CountList
      lang={lang}
      rows={types.map((y) => ({ href: `/browse/type/${typeSlug(y.key)}`, label: names[y.key as ItemTypeKey] ?? y.key, count: y.count }))}
    />
  );
}

async function letterCounts(index: "author" | "subject" | "title") {
  const counts = index === "title" ? await getTitleLetterCounts() : await getHeadingLetterCounts(index);
  return new Map(counts.map((c) => [c.key, c.count]));
}

async function LetterOverview({ index, lang }: { index: "author" | "subject" | "title"; lang: Lang }) {
  const t = browseMessages[lang];
  const counts = await letterCounts(index);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return (
    <div className="rounded-xl border border-line bg-surface p-5 sm:p-6">
      <JumpBar counts={counts} lang={lang} hrefFor={(letter) => browsePath({ index, kind: "letter", letter, page: 1 } as BrowseView)} />
      <p className="mt-4 text-sm text-muted">
        {t.total}: {index === "title" ? t.titleCount(formatNumber(total, lang)) : t.headingCount(formatNumber(total, lang), index)}
      </p>
    </div>
  );
}

function letterBar(index: "author" | "subject" | "title", counts: Map<string, number>, current: string, lang: Lang) {
  return (
    <div className="mb-6 rounded-xl border border-line bg-surface p-4 sm:p-5">
      <JumpBar counts={counts} current={current} lang={lang} hrefFor={(letter) => browsePath({ index, kind: "letter", letter, page: 1 } as BrowseView)} />
    </div>
  );
}

async function HeadingLetter({ view, lang }: { view: Extract<BrowseView, { kind: "letter"; index: HeadingIndex }>; lang: Lang }) {
  const t = browseMessages[lang];
  const [counts, result] = await Promise.all([letterCounts(view.index), getHeadings(view.index, view.letter, view.page)]);
  if (result.headings.length === 0) notFound();
  return (
    <>
      {letterBar(view.index, counts, view.letter, lang)}
      <div className="rounded-xl border border-line bg-surface p-2 sm:p-3">
        <ul className="grid sm:grid-cols-2 sm:gap-x-6">
          {result.headings.map((h) => (
            <li key={h.name} className="flex items-baseline justify-between gap-3 border-b border-line px-3 py-2 last:border-b-0 sm:[&:nth-last-child(2):nth-child(odd)]:border-b-0">
              <span className="min-w-0">
                <Link href={browsePath({ index: view.index, kind: "heading", heading: h.name, page: 1 })} prefetch={false} className="font-medium text-ink hover:text-accent">
                  {h.name}
                </Link>
                {h.researcherSlug ? (
                  <>
                    {" "}
                    <Link
                      href={`/researchers/${h.researcherSlug}`}
                      prefetch={false}
                      aria-label={t.profileOf(h.name)}
                      className="ml-1 whitespace-nowrap rounded-full bg-accent-soft px-2 py-0.5 text-xs font-medium text-ink no-underline hover:underline"
                    >
                      {t.researcherProfile}
                    </Link>
                  </>
                ) : null}
              </span>
              <span className="shrink-0 text-sm tabular-nums text-muted">{formatNumber(h.count, lang)}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="mt-5">
        <Pager page={view.page} total={result.total} perPage={HEADINGS_PER_PAGE} hrefFor={(p) => browsePath(withPage(view, p))} lang={lang} />
      </div>
    </>
  );
}

async function TitleLetter({ view, lang }: { view: Extract<BrowseView, { kind: "letter"; index: "title" }>; lang: Lang }) {
  const [counts, result] = await Promise.all([letterCounts("title"), getItemsByTitleLetter(view.letter, view.page)]);
  if (result.items.length === 0) notFound();
  return (
    <>
      {letterBar("title", counts, view.letter, lang)}
      <Items result={result} view={view} lang={lang} primaryTitles />
    </>
  );
}

async function ItemView({ view, lang }: { view: Extract<BrowseView, { kind: "year" | "type" | "heading" }>; lang: Lang }) {
  const result =
    view.kind === "year"
      ? await getItemsByYear(view.year, view.page)
      : view.kind === "type"
        ? await getItemsByType(view.type, view.page)
        : view.index === "author"
          ? await getItemsByAuthor(view.heading, view.page)
          : await getItemsBySubject(view.heading, view.page);
  if (result.items.length === 0) notFound();
  return <Items result={result} view={view} lang={lang} />;
}

async function ViewBody({ view, lang }: { view: BrowseView; lang: Lang }) {
  if (view.kind === "overview") {
    if (view.index === "date") return <DateOverview lang={lang} />;
    if (view.index === "type") return <TypeOverview lang={lang} />;
    return <LetterOverview index={view.index} lang={lang} />;
  }
  if (view.kind === "letter") {
    return view.index === "title" ? <TitleLetter view={view as Extract<BrowseView, { index: "title" }>} lang={lang} /> : <HeadingLetter view={view as Extract<BrowseView, { kind: "letter"; index: HeadingIndex }>} lang={lang} />;
  }
  return <ItemView view={view} lang={lang} />;
}

export default async function BrowseIndexPage({ params }: Props) {
  const { lang, view } = await resolve(params);
  const t = browseMessages[lang];
  // No <Suspense> here: an empty view (a page past the last) must answer 404 before anything is sent.
  const body = await ViewBody({ view, lang });
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6 sm:py-10">
      <p className="text-sm font-medium text-muted">{t.title}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight sm:text-3xl">{viewTitle(view, lang)}</h1>
      {view.kind === "overview" ? <p className="mt-2 max-w-2xl text-muted">{t.overview[view.index]}</p> : null}
      <div className="mt-6">
        <BrowseTabs active={view.index} lang={lang} />
      </div>
      <div className="mt-6 space-y-1">
        <Breadcrumb view={view} lang={lang} />
      </div>
      <div className="mt-2">{body}</div>
    </div>
  );
}
