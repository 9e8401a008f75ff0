// A filterable, sortable, paged list of items (a researcher's publications, a collection's items)
// that works without JavaScript: a GET form for type, years and order (its route redirects to the
// list's path), plain links for pages and downloads. Each entry carries what Google Scholar reads in a listing — the linked title, authors,
// venue and year.
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { localized, type Lang } from "@/lib/i18n/config";
import { format, messages } from "@/lib/i18n/messages";
import { peopleMessages } from "@/lib/i18n/messages-people";
import { formatIssueDate } from "@/lib/items/format";
import { PUBLICATIONS_PER_PAGE, publicationQueryString, type PublicationPage, type PublicationQuery, type PublicationSort } from "@/lib/researchers/publications";

type Props = {
  lang: Lang;
  data: PublicationPage;
  query: PublicationQuery;
  /** The address of a state of the list (its path). */
  listPath: (q: PublicationQuery) => string;
  /** Where the GET form goes: a route that redirects the query string to the list's path. */
  formAction: string;
  /** The element id the links jump back to. */
  anchor: string;
  sorts: readonly PublicationSort[];
  /** Where the filtered list downloads ("/researchers/koo-ja-wook/publications"), if it does. */
  downloadPath?: string;
  /** Or the download link of each format, when the list downloads elsewhere (a collection: its search). */
  downloadHref?: (format: "bibtex" | "ris" | "csv" | "json") => string;
};

const control = "w-full rounded-lg border border-line bg-surface px-3 py-2 text-sm text-ink";

export function PublicationList({ lang, data, query, listPath, formAction, anchor, sorts, downloadPath, downloadHref }: Props) {
  const t = peopleMessages[lang];
  const types = messages(lang).item.types;
  const locale = lang === "ko" ? "ko-KR" : "en-US";
  const number = (n: number) => n.toLocaleString(locale);
  const href = (q: PublicationQuery) => `${listPath(q)}#${anchor}`;
  const filtered = query.types.length > 0 || query.from !== null || query.to !== null;
  const first = (data.page - 1) * PUBLICATIONS_PER_PAGE + 1;
  const last = first + data.entries.length - 1;
  // Years to choose from: the list's own years, plus a chosen year the counts no longer include.
  const years = [...new Set([...data.years.map((y) => y.year), ...[query.from, query.to].filter((y): y is number => y !== null)])].sort((a, b) => b - a);
  const yearCount = new Map(data.years.map((y) => [y.year, y.count]));
  const typeOptions = [...new Set([...data.types.map((x) => x.type), ...query.types])];
  const typeCount = new Map(data.types.map((x) => [x.type, x.count]));
  const typeName = (type: string) => types[type as keyof typeof types] ?? type;
  const formId = `${anchor}-filters`;
  return (
    <div>
      <form method="get" action={formAction} aria-label={t.filters} id={formId} className="grid grid-cols-2 gap-3 rounded-lg bg-sunken p-3 sm:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.3fr)_auto] sm:items-end">
        <div className="col-span-2 flex flex-col gap-1 text-sm sm:col-span-1">
          <label htmlFor={`${anchor}-type`}>{t.type}</label>
          <select id={`${anchor}-type`} name="type" defaultValue={query.types.length === 1 ? query.types[0] : query.types.join(",")} className={control}>
            <option value="">{t.allTypes}</option>
            {query.types.length > 1 ? <option value={query.types.join(",")}>{query.types.map(typeName).join(", ")}</option> : null}
            {typeOptions.map((type) => (
              <option key={type} value={type}>
                {typeName(type)} ({number(typeCount.get(type) ?? 0)})
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={`${anchor}-from`}>{t.from}</label>
          <select id={`${anchor}-from`} name="from" defaultValue={query.from ?? ""} className={control}>
            <option value="">{t.anyYear}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
                {yearCount.has(y) ? ` (${number(yearCount.get(y)!)})` : ""}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={`${anchor}-to`}>{t.to}</label>
          <select id={`${anchor}-to`} name="to" defaultValue={query.to ?? ""} className={control}>
            <option value="">{t.anyYear}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
                {yearCount.has(y) ? ` (${number(yearCount.get(y)!)})` : ""}
              </option>
            ))}
          </select>
        </div>
        <div className="col-span-2 flex flex-col gap-1 text-sm sm:col-span-1">
          <label htmlFor={`${anchor}-sort`}>{t.sort}</label>
          <select id={`${anchor}-sort`} name="sort" defaultValue={query.sort} className={control}>
            {sorts.map((s) => (
              <option key={s} value={s}>
                {t.sorts[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="col-span-2 rounded-lg bg-accent px-4 py-2 text-sm font-semibold text-accent-ink sm:col-span-1">
          {t.apply}
        </button>
      </form>

      <div className="mt-4 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-sm text-muted">
        <p aria-live="polite">
          {data.total === 0
            ? filtered
              ? t.noMatch
              : t.none
            : format(t.showing, { from: number(first), to: number(last), total: number(data.total) })}
        </p>
        {filtered ? (
          <Link href={href({ ...query, types: [], from: null, to: null, page: 1 })} prefetch={false}>
            {t.clear}
          </Link>
        ) : null}
      </div>

      {data.entries.length ? (
        <ol start={first} className="mt-3 divide-y divide-line">
          {data.entries.map((e) => {
            const title = localized(lang, e.title, e.alternativeTitle, e.alternativeTitleLang);
            const more = e.authorCount - e.authors.length;
            return (
              <li key={e.id} className="py-3.5 first:pt-1 last:pb-0">
                <p className="text-xs font-medium uppercase tracking-wide text-muted">
                  {typeName(e.type)}
                  {e.issueDate ? <> · {formatIssueDate(e.issueDate, lang)}</> : null}
                </p>
                <Link href={`/handle/${e.handle}`} prefetch={false} className="mt-0.5 block font-medium leading-snug text-ink hover:text-accent">
                  {title}
                </Link>
                <p className="mt-0.5 text-sm text-muted">
                  {e.authors.join("; ")}
                  {more > 0 ? ` +${number(more)}` : ""}
                  {e.venue ? <span className="italic"> — {e.venue}</span> : null}
                  {e.issueYear && !e.issueDate ? <>, {e.issueYear}</> : null}
                </p>
                {e.citations !== null || (query.sort === "viewed" && e.views !== null) ? (
                  <p className="mt-0.5 text-xs text-muted">
                    {[e.citations !== null ? format(t.cited, { n: number(e.citations) }) : null, query.sort === "viewed" && e.views !== null ? format(t.views, { n: number(e.views) }) : null]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}

      <Pagination
        page={data.page}
        pages={data.pages}
        href={(n) => href({ ...query, page: n })}
        locale={locale}
        labels={{ nav: t.pages, previous: t.previous, next: t.next, page: (n) => format(t.page, { n }), current: (n) => format(t.currentPage, { n }) }}
      />

      {(downloadPath || downloadHref) && data.total > 0 ? (
        <div className="mt-6 border-t border-line pt-4 text-sm">
          <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="font-medium">{t.download}:</span>
            {(["bibtex", "ris", "csv", "json"] as const).map((f) => (
              <a
                key={f}
                href={downloadHref ? downloadHref(f) : `${downloadPath}${publicationQueryString({ ...query, page: 1 }, { format: f })}`}
                rel="nofollow"
                className="rounded-md border border-line px-2 py-0.5 font-medium hover:bg-sunken"
              >
                {f === "bibtex" ? "BibTeX" : f.toUpperCase()}
              </a>
            ))}
          </p>
          <p className="mt-1 text-xs text-muted">{t.downloadNote}</p>
        </div>
      ) : null}
    </div>
  );
}
