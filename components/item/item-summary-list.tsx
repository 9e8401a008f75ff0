import Link from "next/link";
import type { Lang } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/config";
import { format, messages } from "@/lib/i18n/messages";
import { formatIssueDate } from "@/lib/items/format";
import type { ItemSummary } from "@/lib/site/overview";

export function ItemSummaryList({ items, lang, views }: { items: (ItemSummary & { views?: number })[]; lang: Lang; views?: boolean }) {
  const t = messages(lang);
  return (
    <ol className="divide-y divide-line">
      {items.map((item) => {
        const title = localized(lang, item.title, item.alternativeTitle, item.alternativeTitleLang);
        const more = item.authorCount - item.authors.length;
        return (
          <li key={item.id} className="py-3.5 first:pt-0 last:pb-0">
            <p className="text-xs font-medium uppercase tracking-wide text-muted">
              {t.item.types[item.type as keyof typeof t.item.types] ?? item.type}
              {item.issueDate ? <> · {formatIssueDate(item.issueDate, lang)}</> : null}
            </p>
            <Link href={`/handle/${item.handle}`} prefetch={false} className="mt-0.5 block font-medium leading-snug text-ink hover:text-accent">
              {title}
            </Link>
            <p className="mt-0.5 text-sm text-muted">
              {item.authors.join("; ")}
              {more > 0 ? ` +${more}` : ""}
              {item.journalTitle ? <span className="italic"> — {item.journalTitle}</span> : null}
            </p>
            {views && item.views !== undefined ? (
              <p className="mt-0.5 text-sm text-muted">
                {lang === "ko"
                  ? `${item.views.toLocaleString("ko-KR")}${t.home.views}`
                  : format("{n} {views}", { n: item.views.toLocaleString("en-US"), views: t.home.views })}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
