"use client";
// The search page body: query box, result count, active filters, sort and page size, hits with
// highlighted matches, facets and pagination. Every control is a plain link or a GET form, so
// the page works the same without JavaScript and every state has its own URL.
//
// A client component although it has no state: the server hands it the results as one plain
// object, which React streams as one piece. Rendered as server components, a page of results
// reaches the HTML renderer in several pieces (React Flight splits large trees), which arrive as
// separate hidden fragments that only a script puts in place — without JavaScript the page was
// left jumbled, its filters out of their list.
import Link from "next/link";
import { SearchForm } from "@/components/layout/search-form";
import type { Lang } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/config";
import { format, messages } from "@/lib/i18n/messages";
import { searchMessages } from "@/lib/i18n/messages-search";
import { formatIssueDate, languageName } from "@/lib/items/format";
import type { Segment } from "@/lib/search/highlight";
import { effectiveSort, FILTER_KEYS, LIST_EXPORT_MAX, PAGE_SIZES, SEARCH_SORTS, searchExportHref, searchHref, type FilterKey } from "@/lib/search/href";
import type { TSearchParams } from "@/lib/search/params";
import type { FacetValue, SearchHit, SearchResult } from "@/lib/search/search-items";

type Ctx = { lang: Lang; params: TSearchParams; result: SearchResult };

function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          <mark key={i} className="rounded-sm bg-accent-soft px-0.5 font-semibold text-ink">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/** A facet count; estimated counts (broad searches, see searchItems) read "≈ 1,240". */
function count(n: number, ctx: Ctx) {
  const text = number(n, ctx.lang);
  return ctx.result.estimated ? `≈ ${text}` : text;
}

function number(n: number, lang: Lang) {
  return n.toLocaleString(lang === "ko" ? "ko-KR" : "en-US");
}

/** How a filter's value reads on the page (facet lists and the active-filter chips). */
function filterLabel(key: FilterKey, value: string, ctx: Ctx, facet?: FacetValue): string {
  const t = messages(ctx.lang);
  const s = searchMessages[ctx.lang];
  if (key === "type") return t.item.types[value as keyof typeof t.item.types] ?? value;
  if (key === "language") return languageName(value, ctx.lang);
  if (key === "file") return s.openFile;
  if (key === "year") return value.replace("-", "–");
  const known = facet ?? ctx.result.facets[key].find((f) => f.value === value);
  if (!known) return value;
  return ctx.lang === "ko" && known.altLabel ? known.altLabel : known.label;
}

function Hit({ hit, lang }: { hit: SearchHit; lang: Lang }) {
  const t = messages(lang);
  const s = searchMessages[lang];
  const preferAlt = localized(lang, "primary", hit.alternativeTitle, hit.alternativeTitleLang) !== "primary";
  const [main, second] =
    preferAlt && hit.alternativeTitleSegments
      ? [hit.alternativeTitleSegments, hit.titleSegments]
      : [hit.titleSegments, hit.alternativeTitleSegments];
  const more = hit.authorCount - hit.authors.length;
  return (
    <li className="py-5 first:pt-0">
      <p className="flex flex-wrap items-center gap-x-2 text-xs font-medium uppercase tracking-wide text-muted">
        <span>{t.item.types[hit.type as keyof typeof t.item.types] ?? hit.type}</span>
        {hit.issueDate ? <span>· {formatIssueDate(hit.issueDate, lang)}</span> : null}
        {hit.hasOpenFile ? (
          <span className="rounded-full border border-accent px-2 py-px normal-case tracking-normal text-accent">{s.openFileBadge}</span>
        ) : null}
      </p>
      <h3 className="mt-1 text-lg font-medium leading-snug">
        <Link href={`/handle/${hit.handle}`} prefetch={false} className="text-ink no-underline hover:text-accent hover:underline">
          <Highlighted segments={main} />
        </Link>
      </h3>
      {second ? (
        <p className="mt-0.5 text-sm text-muted">
          <Highlighted segments={second} />
        </p>
      ) : null}
      <p className="mt-1 text-sm text-muted">
        {hit.authors.join("; ")}
        {more > 0 ? ` ${format(s.authorsMore, { n: more })}` : ""}
        {hit.journalTitle ? <span className="italic"> — {hit.journalTitle}</span> : null}
      </p>
      {hit.abstractSegments ? (
        <p className="mt-2 text-[0.95rem] leading-relaxed text-ink/90">
          <Highlighted segments={hit.abstractSegments} />
        </p>
      ) : null}
      {hit.views !== null ? <p className="mt-1 text-sm text-muted">{format(s.viewsCount, { n: number(hit.views, lang) })}</p> : null}
    </li>
  );
}

function FacetGroup({ name, values, ctx }: { name: Exclude<FilterKey, "file">; values: FacetValue[]; ctx: Ctx }) {
  const s = searchMessages[ctx.lang];
  const active = ctx.params[name];
  if (values.length === 0 && !active) return null;
  const id = `facet-${name}`;
  return (
    <section aria-labelledby={id} className="border-t border-line py-4 first:border-t-0 first:pt-0">
      <h3 id={id} className="mb-2 text-sm font-semibold">
        {s.facets[name]}
      </h3>
      <ul className="space-y-1 text-sm">
        {values.map((v) => {
          const label = filterLabel(name, v.value, ctx, v);
          const selected = active === v.value;
          return (
            <li key={v.value}>
              <Link
                href={searchHref(ctx.params, { [name]: selected ? undefined : v.value })}
                prefetch={false}
                aria-current={selected ? "true" : undefined}
                aria-label={selected ? format(s.remove, { label }) : undefined}
                className={`flex items-baseline justify-between gap-3 rounded px-1.5 py-0.5 no-underline hover:bg-sunken ${
                  selected ? "bg-accent-soft font-semibold text-ink" : "text-ink"
                }`}
              >
                <span className="min-w-0">
                  {selected ? <span aria-hidden="true">✓ </span> : null}
                  {label}
                </span>
                <span className="shrink-0 tabular-nums text-muted">{count(v.count, ctx)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Facets({ ctx }: { ctx: Ctx }) {
  const s = searchMessages[ctx.lang];
  const { facets } = ctx.result;
  const fileSelected = ctx.params.file === "open";
  return (
    <div>
      <h2 id="filters" className="mb-4 text-base font-semibold tracking-tight">
        {s.refine}
      </h2>
      <FacetGroup name="type" values={facets.type} ctx={ctx} />
      <FacetGroup name="year" values={facets.year} ctx={ctx} />
      {facets.openFile > 0 || fileSelected ? (
        <section aria-labelledby="facet-file" className="border-t border-line py-4">
          <h3 id="facet-file" className="mb-2 text-sm font-semibold">
            {s.facets.file}
          </h3>
          <Link
            href={searchHref(ctx.params, { file: fileSelected ? undefined : "open" })}
            prefetch={false}
            aria-current={fileSelected ? "true" : undefined}
            aria-label={fileSelected ? format(s.remove, { label: s.openFile }) : undefined}
            className={`flex items-baseline justify-between gap-3 rounded px-1.5 py-0.5 text-sm no-underline hover:bg-sunken ${
              fileSelected ? "bg-accent-soft font-semibold text-ink" : "text-ink"
            }`}
          >
            <span>
              {fileSelected ? <span aria-hidden="true">✓ </span> : null}
              {s.openFile}
            </span>
            <span className="tabular-nums text-muted">{count(facets.openFile, ctx)}</span>
          </Link>
        </section>
      ) : null}
      <FacetGroup name="unit" values={facets.unit} ctx={ctx} />
      <FacetGroup name="collection" values={facets.collection} ctx={ctx} />
      <FacetGroup name="author" values={facets.author} ctx={ctx} />
      <FacetGroup name="subject" values={facets.subject} ctx={ctx} />
      <FacetGroup name="language" values={facets.language} ctx={ctx} />
    </div>
  );
}

function ActiveFilters({ ctx }: { ctx: Ctx }) {
  const s = searchMessages[ctx.lang];
  const active = FILTER_KEYS.filter((k) => ctx.params[k] !== undefined);
  if (active.length === 0) return null;
  const cleared = Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined]));
  return (
    <section aria-label={s.activeFilters} className="mt-4 flex flex-wrap items-center gap-2">
      {active.map((key) => {
        const label = filterLabel(key, String(ctx.params[key]), ctx);
        return (
          <Link
            key={key}
            href={searchHref(ctx.params, { [key]: undefined })}
            prefetch={false}
            aria-label={format(s.remove, { label })}
            className="inline-flex items-center gap-1.5 rounded-full border border-line bg-surface px-3 py-1 text-sm text-ink no-underline hover:border-accent"
          >
            <span className="text-muted">{s.facets[key]}:</span> {label}
            <span aria-hidden="true" className="text-muted">
              ×
            </span>
          </Link>
        );
      })}
      {active.length > 1 ? (
        <Link href={searchHref(ctx.params, cleared)} prefetch={false} className="text-sm">
          {s.clearAll}
        </Link>
      ) : null}
    </section>
  );
}

function Controls({ ctx }: { ctx: Ctx }) {
  const s = searchMessages[ctx.lang];
  const sort = effectiveSort(ctx.params);
  const sorts = ctx.params.q ? SEARCH_SORTS : SEARCH_SORTS.filter((x) => x !== "relevance");
  const pill = (current: boolean) =>
    `rounded-full px-2.5 py-0.5 no-underline ${current ? "bg-ink font-semibold text-paper" : "text-ink hover:bg-sunken"}`;
  return (
    <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
      <nav aria-label={s.sortBy} className="flex flex-wrap items-center gap-1">
        <span className="mr-1 text-muted">{s.sortBy}</span>
        {sorts.map((x) =>
          x === sort ? (
            <span key={x} aria-current="true" className={pill(true)}>
              {s.sorts[x]}
            </span>
          ) : (
            <Link key={x} href={searchHref(ctx.params, { sort: x })} prefetch={false} className={pill(false)}>
              {s.sorts[x]}
            </Link>
          ),
        )}
      </nav>
      <nav aria-label={s.perPage} className="flex flex-wrap items-center gap-1">
        <span className="mr-1 text-muted">{s.perPage}</span>
        {PAGE_SIZES.map((n) =>
          n === ctx.params.size ? (
            <span key={n} aria-current="true" className={pill(true)}>
              {n}
            </span>
          ) : (
            <Link key={n} href={searchHref(ctx.params, { size: n })} prefetch={false} className={pill(false)}>
              {n}
            </Link>
          ),
        )}
      </nav>
    </div>
  );
}

function Pagination({ ctx }: { ctx: Ctx }) {
  const s = searchMessages[ctx.lang];
  const { total, size, page } = ctx.result;
  const pages = Math.min(Math.ceil(total / size), 500);
  if (pages <= 1) return null;
  const shown = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pages));
  const list = [...shown].sort((a, b) => a - b);
  const link = "inline-flex min-w-9 justify-center rounded-lg border border-line px-3 py-1.5 no-underline hover:border-accent";
  return (
    <nav aria-label={s.pagination} className="mt-8 flex flex-wrap items-center gap-1.5 text-sm">
      {page > 1 ? (
        <Link href={searchHref(ctx.params, { page: page - 1 })} prefetch={false} rel="prev" className={`${link} text-ink`}>
          ← {s.previous}
        </Link>
      ) : null}
      {list.map((n, i) => (
        <span key={n} className="contents">
          {i > 0 && n - list[i - 1] > 1 ? <span aria-hidden="true" className="px-1 text-muted">…</span> : null}
          {n === page ? (
            <span aria-current="page" className={`${link} border-ink bg-ink font-semibold text-paper`}>
              <span className="sr-only">{format(s.page, { n })}</span>
              <span aria-hidden="true">{n}</span>
            </span>
          ) : (
            <Link href={searchHref(ctx.params, { page: n })} prefetch={false} aria-label={format(s.page, { n })} className={`${link} text-ink`}>
              {n}
            </Link>
          )}
        </span>
      ))}
      {page < pages ? (
        <Link href={searchHref(ctx.params, { page: page + 1 })} prefetch={false} rel="next" className={`${link} text-ink`}>
          {s.next} →
        </Link>
      ) : null}
    </nav>
  );
}

function NoResults({ ctx }: { ctx: Ctx }) {
  const s = searchMessages[ctx.lang];
  const filtered = FILTER_KEYS.some((k) => ctx.params[k] !== undefined);
  const cleared = Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined]));
  return (
    <div className="rounded-xl border border-line bg-surface p-6">
      <p className="text-lg font-medium">{ctx.params.q ? format(s.noResults, { q: ctx.params.q }) : s.noResultsFiltered}</p>
      {filtered ? (
        <p className="mt-3">
          <Link href={searchHref(ctx.params, cleared)} prefetch={false}>
            {s.removeFilters}
          </Link>
        </p>
      ) : null}
      <h2 className="mt-5 text-sm font-semibold">{s.tipsTitle}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-muted">
        {s.tips.map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
      <p className="mt-4 text-muted">
        <Link href="/browse/date" prefetch={false}>
          {s.browseInstead}
        </Link>
      </p>
    </div>
  );
}

/** The search box pre-filled with the query; active filters ride along as hidden fields. */
export function SearchBox({ lang, params }: { lang: Lang; params?: TSearchParams }) {
  return (
    <SearchForm t={messages(lang)} size="large" id="search-page-q" defaultValue={params?.q}>
      {params
        ? FILTER_KEYS.filter((k) => params[k] !== undefined).map((k) => <input key={k} type="hidden" name={k} value={String(params[k])} />)
        : null}
    </SearchForm>
  );
}

export function SearchResultsView({ lang, params, result }: Ctx) {
  const s = searchMessages[lang];
  const ctx = { lang, params, result };
  const from = (result.page - 1) * result.size + 1;
  const to = Math.min(result.total, from + result.hits.length - 1);
  const heading = result.estimated
    ? params.q
      ? format(s.aboutResultsFor, { n: number(result.total, lang), q: params.q })
      : format(s.aboutResults, { n: number(result.total, lang) })
    : params.q
      ? format(result.total === 1 ? s.resultFor : s.resultsFor, { n: number(result.total, lang), q: params.q })
      : format(result.total === 1 ? s.result : s.results, { n: number(result.total, lang) });
  return (
    <>
      <SearchBox lang={lang} params={params} />
      {!params.q && result.total > 0 ? <p className="mt-3 text-sm text-muted">{s.emptyQuery}</p> : null}
      <ActiveFilters ctx={ctx} />
      <div className="mt-8 grid gap-8 lg:grid-cols-[16rem_minmax(0,1fr)] lg:gap-10">
        <div className="min-w-0 lg:order-2">
          <div className="flex flex-col gap-3 border-b border-line pb-4">
            <h2 className="text-xl font-semibold tracking-tight" aria-live="polite">
              {heading}
            </h2>
            {result.estimated ? <p className="text-sm text-muted">{s.estimated}</p> : null}
            {result.total > 0 ? (
              <p className="text-sm text-muted">
                {result.hits.length > 0 ? format(s.showing, { from: number(from, lang), to: number(to, lang) }) : null}
                <a href="#filters" className="ml-3 lg:hidden">
                  {s.skipToFilters}
                </a>
              </p>
            ) : null}
            {result.total > 0 ? <Controls ctx={ctx} /> : null}
          </div>
          {result.total === 0 ? (
            <div className="mt-6">
              <NoResults ctx={ctx} />
            </div>
          ) : (
            <ol className="mt-5 divide-y divide-line">
              {result.hits.map((hit) => (
                <Hit key={hit.id} hit={hit} lang={lang} />
              ))}
            </ol>
          )}
          <Pagination ctx={ctx} />
          {result.total > 0 ? <ExportLinks params={params} lang={lang} /> : null}
        </div>
        {result.total > 0 ? (
          <aside aria-labelledby="filters" className="min-w-0 rounded-xl border border-line bg-surface p-5 lg:order-1 lg:self-start">
            <Facets ctx={ctx} />
          </aside>
        ) : null}
      </div>
    </>
  );
}

/** Calm links under the results: every result of this search, in this order, as a file. */
function ExportLinks({ params, lang }: { params: TSearchParams; lang: Lang }) {
  const s = searchMessages[lang];
  return (
    <div className="mt-6 border-t border-line pt-4 text-sm" data-testid="search-export">
      <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="font-medium">{s.download}:</span>
        {(["csv", "json", "bibtex", "ris"] as const).map((f) => (
          <a key={f} href={searchExportHref(params, f)} rel="nofollow" className="rounded-md border border-line px-2 py-0.5 font-medium hover:bg-sunken">
            {f === "bibtex" ? "BibTeX" : f.toUpperCase()}
          </a>
        ))}
      </p>
      <p className="mt-1 text-xs text-muted">{format(s.downloadNote, { max: LIST_EXPORT_MAX.toLocaleString(lang === "ko" ? "ko-KR" : "en-US") })}</p>
    </div>
  );
}
