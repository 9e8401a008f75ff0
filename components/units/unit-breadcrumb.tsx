// The path of units above a page (institute › division › group ›), each a link, for unit and
// collection pages; the page's own heading follows it.
import Link from "next/link";
import { localized, type Lang } from "@/lib/i18n/config";
import type { UnitNode } from "@/lib/units/tree";

export function UnitBreadcrumb({ path, lang, label }: { path: UnitNode[]; lang: Lang; label: string }) {
  if (path.length === 0) return null;
  return (
    <nav aria-label={label}>
      <ol className="flex flex-wrap items-baseline gap-x-1.5 text-sm">
        {path.map((u) => (
          <li key={u.id} className="inline-flex items-baseline gap-x-1.5">
            <Link href={`/units/${u.slug}`} prefetch={false}>
              {localized(lang, u.name, u.altName, u.altLang)}
            </Link>
            <span aria-hidden="true" className="text-muted">
              ›
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
