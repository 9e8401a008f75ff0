// The frame of the workspace's record lists (researchers, units, collections): a title with a
// "new" link, a search form that works without JavaScript (GET, the query in the URL), the count,
// the rows and page links.
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import type { Lang } from "@/lib/i18n/config";
import type { RecordMessages } from "@/lib/i18n/messages-records";

export function RecordList({
  lang,
  text,
  title,
  intro,
  searchLabel,
  q,
  page,
  total,
  perPage,
  basePath,
  newLink,
  children,
}: {
  lang: Lang;
  text: RecordMessages;
  title: string;
  intro: string;
  searchLabel: string;
  q: string;
  page: number;
  total: number;
  perPage: number;
  basePath: string;
  newLink?: { href: string; label: string } | null;
  children: React.ReactNode;
}) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const locale = lang === "ko" ? "ko-KR" : "en-US";
  const href = (n: number) => `${basePath}?${new URLSearchParams({ ...(q ? { q } : {}), ...(n > 1 ? { page: String(n) } : {}) }).toString()}`;
  const p = text.list.pagination;
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {newLink ? (
          <Link href={newLink.href} prefetch={false} className="rounded-lg bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink! no-underline hover:opacity-90">
            {newLink.label}
          </Link>
        ) : null}
      </div>
      <p className="mt-1 max-w-prose text-sm text-muted">{intro}</p>
      <form method="get" action={basePath} role="search" className="mt-4 flex max-w-xl gap-2">
        <label htmlFor="record-q" className="sr-only">
          {searchLabel}
        </label>
        <input id="record-q" name="q" type="search" defaultValue={q} placeholder={searchLabel} className="block w-full rounded-lg border border-line bg-paper px-3 py-1.5 text-sm text-ink focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30" />
        <button type="submit" className="rounded-lg border border-line bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:border-accent hover:text-accent">
          {text.list.search}
        </button>
      </form>
      <p className="mt-3 text-sm text-muted" aria-live="polite">
        {text.list.count.replace("{n}", total.toLocaleString(locale))}
      </p>
      {total === 0 ? <p className="mt-4 text-sm">{text.list.none}</p> : <ul className="mt-3 divide-y divide-line rounded-xl border border-line bg-surface">{children}</ul>}
      <Pagination page={page} pages={pages} href={href} locale={locale} labels={{ nav: p.nav, previous: p.previous, next: p.next, page: (n) => p.page.replace("{n}", String(n)), current: (n) => p.current.replace("{n}", String(n)) }} />
    </>
  );
}

/** ?page= as a positive page number (1 when missing or nonsense). */
export function pageParam(v: string | string[] | undefined): number {
  const s = Array.isArray(v) ? v[0] : v;
  return s && /^\d{1,6}$/.test(s) && Number(s) >= 1 ? Number(s) : 1;
}

export function queryParam(v: string | string[] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v;
  return (s ?? "").slice(0, 200);
}
