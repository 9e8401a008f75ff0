// The unit tree as nested lists of links, each unit with its items and researchers. Branches fold
// with <details>/<summary> — no JavaScript — and the toggle sits under the unit's link rather than
// around it (a link inside a summary would be a control inside a control). Folded branches stay in
// the page, so crawlers and the find-in-page see every unit and collection.
import Link from "next/link";
import type { Lang } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/config";
import { format } from "@/lib/i18n/messages";
import { peopleMessages } from "@/lib/i18n/messages-people";
import type { UnitNode } from "@/lib/units/tree";

const toggleText = {
  en: (units: number, collections: number) =>
    [units ? `${units} ${units === 1 ? "unit" : "units"}` : "", collections ? `${collections} ${collections === 1 ? "collection" : "collections"}` : ""].filter(Boolean).join(", "),
  ko: (units: number, collections: number) => [units ? `하위 조직 ${units}` : "", collections ? `컬렉션 ${collections}` : ""].filter(Boolean).join(", "),
};

function UnitBranch({ node, lang, depth, collections, openDepth }: { node: UnitNode; lang: Lang; depth: number; collections: boolean; openDepth: number }) {
  const t = peopleMessages[lang];
  const locale = lang === "ko" ? "ko-KR" : "en-US";
  const name = localized(lang, node.name, node.altName, node.altLang);
  const shownCollections = collections ? node.collections : [];
  const nested = node.children.length > 0 || shownCollections.length > 0;
  return (
    <li className="py-0.5">
      <div className="flex flex-col py-1 @md:flex-row @md:items-baseline @md:justify-between @md:gap-3">
        <Link href={`/units/${node.slug}`} prefetch={false} className={`min-w-0 text-ink hover:text-accent ${depth === 0 ? "font-semibold" : "font-medium"}`}>
          {name}
        </Link>
        <span className="shrink-0 text-xs tabular-nums text-muted @md:text-right">
          {format(node.itemCount === 1 ? t.itemOne : t.items, { n: node.itemCount.toLocaleString(locale) })}
          {" · "}
          {format(node.researcherCount === 1 ? t.researcherOne : t.researchers, { n: node.researcherCount.toLocaleString(locale) })}
        </span>
      </div>
      {nested ? (
        <details open={depth < openDepth}>
          <summary className="flex w-fit cursor-pointer list-none items-center gap-1.5 rounded py-0.5 text-xs text-muted hover:text-accent [&::-webkit-details-marker]:hidden">
            <span aria-hidden="true" className="inline-block transition-transform [details[open]>summary>&]:rotate-90">
              ▸
            </span>
            <span>
              {toggleText[lang](node.children.length, shownCollections.length)}
              <span className="sr-only"> — {format(t.expand, { name })}</span>
            </span>
          </summary>
          <ul className="ml-1.5 border-l border-line pl-4">
            {node.children.map((child) => (
              <UnitBranch key={child.id} node={child} lang={lang} depth={depth + 1} collections={collections} openDepth={openDepth} />
            ))}
            {shownCollections.map((c) => (
              <li key={c.id} className="flex items-baseline justify-between gap-3 py-0.5 text-sm">
                <Link href={`/collections/${c.slug}`} prefetch={false} className="min-w-0 text-muted hover:text-accent">
                  {localized(lang, c.name, c.altName, c.altLang)}
                </Link>
                <span className="shrink-0 text-xs tabular-nums text-muted">{format(c.itemCount === 1 ? t.itemOne : t.items, { n: c.itemCount.toLocaleString(locale) })}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

/** `openDepth`: branches above this depth start unfolded (2: the top two levels show what they hold). */
export function UnitTreeView({ roots, lang, collections = false, openDepth = 2 }: { roots: UnitNode[]; lang: Lang; collections?: boolean; openDepth?: number }) {
  return (
    <ul className="@container">
      {roots.map((r) => (
        <UnitBranch key={r.id} node={r} lang={lang} depth={0} collections={collections} openDepth={openDepth} />
      ))}
    </ul>
  );
}
