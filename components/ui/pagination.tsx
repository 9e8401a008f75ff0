// Page links for any list: previous, a window of numbered pages around the current one (first and
// last always), next. Plain links, so lists page without JavaScript and crawlers follow them.
import Link from "next/link";

export type PaginationLabels = { nav: string; previous: string; next: string; page: (n: number) => string; current: (n: number) => string };

/** Page numbers to show, with null for a gap: 1 … 4 5 [6] 7 8 … 20. */
export function pageWindow(page: number, pages: number, around = 2): (number | null)[] {
  const shown = new Set([1, pages]);
  for (let n = page - around; n <= page + around; n++) if (n >= 1 && n <= pages) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  return sorted.flatMap((n, i) => (i > 0 && n - sorted[i - 1] > 1 ? [null, n] : [n]));
}

export function Pagination({ page, pages, href, labels, locale }: { page: number; pages: number; href: (n: number) => string; labels: PaginationLabels; locale: string }) {
  if (pages <= 1) return null;
  const cell = "inline-flex min-w-9 items-center justify-center rounded-lg px-2.5 py-1.5";
  return (
    <nav aria-label={labels.nav} className="mt-6">
      <ul className="flex flex-wrap items-center justify-center gap-1 text-sm">
        <li>
          {page > 1 ? (
            <Link href={href(page - 1)} prefetch={false} rel="prev" className={`${cell} hover:bg-sunken`}>
              ← {labels.previous}
            </Link>
          ) : (
            <span className={`${cell} text-muted`} aria-hidden="true">
              ← {labels.previous}
            </span>
          )}
        </li>
        {pageWindow(page, pages).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={n}>
              {n === page ? (
                <span aria-current="page" aria-label={labels.current(n)} className={`${cell} bg-accent font-semibold text-accent-ink`}>
                  {n.toLocaleString(locale)}
                </span>
              ) : (
                <Link href={href(n)} prefetch={false} aria-label={labels.page(n)} className={`${cell} hover:bg-sunken`}>
                  {n.toLocaleString(locale)}
                </Link>
              )}
            </li>
          ),
        )}
        <li>
          {page < pages ? (
            <Link href={href(page + 1)} prefetch={false} rel="next" className={`${cell} hover:bg-sunken`}>
              {labels.next} →
            </Link>
          ) : (
            <span className={`${cell} text-muted`} aria-hidden="true">
              {labels.next} →
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
