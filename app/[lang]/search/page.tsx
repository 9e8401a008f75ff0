// /search?q=… — full-text search with facets. The shell is static; the results depend on the
// query string and so render at request time inside <Suspense> (cacheComponents).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { SearchBox, SearchResultsView } from "@/components/search/search-results";
import { isLang, type Lang } from "@/lib/i18n/config";
import { searchMessages } from "@/lib/i18n/messages-search";
import { getSearchResults } from "@/lib/search/get-search-results";
import { parseSearchParams } from "@/lib/search/params";

type Props = PageProps<"/[lang]/search">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return {
    title: searchMessages[isLang(lang) ? lang : "en"].title,
    // Result lists are for people; crawlers reach every item through browse pages and the sitemap.
    robots: { index: false, follow: true },
  };
}

const CONTAINER = "mx-auto w-full max-w-6xl px-4 pb-10 sm:px-6";

// Results depend on the query string, so they stream in after the static shell and React moves
// them into place with a script. Without JavaScript they would stay in a hidden element at the end
// of <body>: this style shows them there instead of the loading skeleton, before the footer (the
// body is a flex column), so the page keeps working for people and tools without JavaScript.
// (Tailwind hides [hidden] with !important in its base layer; an important rule wins only from
// an earlier layer, hence Tailwind's first layer, "theme".)
const NO_SCRIPT_STYLE =
  `<style>#search-loading{display:none}body>footer{order:2}` +
  `@layer theme{body>div[hidden][id^="S:"]{display:block!important;order:1}}</style>`;

async function Results({ lang, searchParams }: { lang: Lang; searchParams: Props["searchParams"] }) {
  const params = parseSearchParams(await searchParams);
  const result = await getSearchResults(params);
  return (
    <div className={CONTAINER}>
      {result ? <SearchResultsView lang={lang} params={params} result={result} /> : <SearchBox lang={lang} />}
    </div>
  );
}

function Loading({ lang }: { lang: Lang }) {
  return (
    <div id="search-loading" className={CONTAINER}>
      <SearchBox lang={lang} />
      <div aria-hidden="true" className="mt-8 grid gap-8 lg:grid-cols-[16rem_minmax(0,1fr)] lg:gap-10">
        <div className="space-y-5 lg:order-2">
          {Array.from({ length: 5 }, (_, i) => (
            <div key={i} className="space-y-2">
              <div className="h-3 w-32 animate-pulse rounded bg-sunken" />
              <div className="h-5 w-4/5 animate-pulse rounded bg-sunken" />
              <div className="h-4 w-3/5 animate-pulse rounded bg-sunken" />
            </div>
          ))}
        </div>
        <div className="h-72 animate-pulse rounded-xl bg-sunken lg:order-1" />
      </div>
    </div>
  );
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { lang: raw } = await params;
  if (!isLang(raw)) notFound(); // the build's placeholder language
  const lang: Lang = raw;
  return (
    <>
      <noscript dangerouslySetInnerHTML={{ __html: NO_SCRIPT_STYLE }} />
      <div className="mx-auto max-w-6xl px-4 pt-8 sm:px-6 sm:pt-10">
        <h1 className="mb-5 text-3xl font-semibold tracking-tight">{searchMessages[lang].title}</h1>
      </div>
      <Suspense fallback={<Loading lang={lang} />}>
        <Results lang={lang} searchParams={searchParams} />
      </Suspense>
    </>
  );
}
