// The browse indexes' shared navigation: the tab bar of the five indexes, the letter jump bar and
// the pager. Plain links only, so that every page works without JavaScript and can be crawled.
import Link from "next/link";
import type { Lang } from "@/lib/i18n/config";
import { browseMessages } from "@/lib/i18n/messages-browse";
import { HANGUL_LETTERS, LATIN_LETTERS, OTHER_LETTER, type Letter } from "@/lib/browse/letters";
import { BROWSE_INDEXES, type BrowseIndex } from "@/lib/browse/route";

export function formatNumber(n: number, lang: Lang) {
  return n.toLocaleString(lang === "ko" ? "ko-KR" : "en-US");
}

export function BrowseTabs({ active, lang }: { active: BrowseIndex; lang: Lang }) {
  const t = browseMessages[lang];
  return (
    <nav aria-label={t.tabsLabel} className="border-b border-line">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {BROWSE_INDEXES.map((index) => {
          const current = index === active;
          return (
            <li key={index}>
              <Link
                href={`/browse/${index}`}
                prefetch={false}
                aria-current={current ? "page" : undefined}
                className={`inline-block whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium no-underline sm:px-4 ${
                  current ? "border-accent text-ink" : "border-transparent text-muted hover:border-line hover:text-ink"
                }`}
              >
                {t.tabs[index]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function letterLabel(letter: Letter, lang: Lang) {
  return letter === OTHER_LETTER ? browseMessages[lang].otherShort : letter.length === 1 ? letter.toUpperCase() : letter;
}

/**
 * A–Z, 가나다 and "#": letters with entries are links, letters without are shown dimmed so the
 * bar keeps its shape.
 */
export function JumpBar({
  counts,
  hrefFor,
  current,
  lang,
}: {
  counts: Map<Letter, number>;
  hrefFor: (letter: Letter) => string;
  current?: Letter;
  lang: Lang;
}) {
  const t = browseMessages[lang];
  // Korean readers look for 가나다 first, when anything is filed there.
  const rows: [string, Letter[]][] =
    lang === "ko" && HANGUL_LETTERS.some((l) => counts.has(l))
      ? [
          [t.hangul, HANGUL_LETTERS],
          [t.latin, [...LATIN_LETTERS, OTHER_LETTER]],
        ]
      : [
          [t.latin, [...LATIN_LETTERS, OTHER_LETTER]],
          [t.hangul, HANGUL_LETTERS],
        ];
  return (
    <nav aria-label={t.jumpBar} className="space-y-2">
      {rows.map(([label, letters]) => (
        <div key={label} className="flex flex-wrap items-center gap-1" lang={label === t.hangul ? "ko" : undefined}>
          <span className="mr-1 w-14 shrink-0 text-xs font-medium text-muted">{label}</span>
          <ul className="flex flex-wrap gap-1">
            {letters.map((letter) => {
              const n = counts.get(letter) ?? 0;
              const text = letterLabel(letter, lang);
              const box = `inline-flex h-8 min-w-8 items-center justify-center rounded-md px-1.5 ${label === t.hangul ? "text-base" : "text-sm"}`;
              if (n === 0)
                return (
                  <li key={letter}>
                    <span className={`${box} text-muted opacity-70`} aria-hidden="true">
                      {text}
                    </span>
                  </li>
                );
              const isCurrent = letter === current;
              return (
                <li key={letter}>
                  <Link
                    href={hrefFor(letter)}
                    prefetch={false}
                    aria-current={isCurrent ? "page" : undefined}
                    className={`${box} font-medium no-underline ${
                      isCurrent ? "bg-accent text-accent-ink!" : "bg-sunken text-ink hover:bg-accent-soft"
                    }`}
                  >
                    {text}
                    {letter === OTHER_LETTER ? <span className="sr-only"> ({t.otherLetter})</span> : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

/** Which page numbers to show: the first, the last and two either side of the current one. */
export function pageWindow(current: number, last: number): (number | "gap")[] {
  const pages = new Set([1, last, current - 2, current - 1, current, current + 1, current + 2].filter((p) => p >= 1 && p <= last));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  for (const p of sorted) {
    const prev = out[out.length - 1];
    if (typeof prev === "number" && p - prev === 2) out.push(prev + 1);
    else if (typeof prev === "number" && p - prev > 2) out.push("gap");
    out.push(p);
  }
  return out;
}

export function Pager({ page, total, perPage, hrefFor, lang }: { page: number; total: number; perPage: number; hrefFor: (page: number) => string; lang: Lang }) {
  const t = browseMessages[lang];
  const last = Math.max(1, Math.ceil(total / perPage));
  const from = (page - 1) * perPage + 1;
  const to = Math.min(total, page * perPage);
  const linkClass = "inline-flex h-9 min-w-9 items-center justify-center rounded-md px-2.5 text-sm no-underline";
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <p className="text-sm text-muted">{t.showing(formatNumber(from, lang), formatNumber(to, lang), formatNumber(total, lang))}</p>
      {last > 1 ? (
        <nav aria-label={t.pagination}>
          <ul className="flex flex-wrap items-center gap-1">
            <li>
              {page > 1 ? (
                <Link href={hrefFor(page - 1)} prefetch={false} rel="prev" className={`${linkClass} text-ink hover:bg-sunken`}>
                  <span aria-hidden="true">‹ </span>
                  {t.previous}
                </Link>
              ) : null}
            </li>
            {pageWindow(page, last).map((p, i) =>
              p === "gap" ? (
                <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
                  …
                </li>
              ) : (
                <li key={p}>
                  <Link
                    href={hrefFor(p)}
                    prefetch={false}
                    aria-current={p === page ? "page" : undefined}
                    className={`${linkClass} tabular-nums ${p === page ? "bg-accent font-semibold text-accent-ink!" : "text-ink hover:bg-sunken"}`}
                  >
                    {formatNumber(p, lang)}
                  </Link>
                </li>
              ),
            )}
            <li>
              {page < last ? (
                <Link href={hrefFor(page + 1)} prefetch={false} rel="next" className={`${linkClass} text-ink hover:bg-sunken`}>
                  {t.next}
                  <span aria-hidden="true"> ›</span>
                </Link>
              ) : null}
            </li>
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
