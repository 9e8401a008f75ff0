// The unit tree as nested lists of links, fully shown: readable without JavaScript and free of
// controls inside controls. Collections are listed under their unit when asked for.
import Link from "next/link";
import type { Lang } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/config";
import type { UnitNode } from "@/lib/units/tree";

function count(n: number, lang: Lang) {
  return n.toLocaleString(lang === "ko" ? "ko-KR" : "en-US");
}

function UnitBranch({ node, lang, depth, collections }: { node: UnitNode; lang: Lang; depth: number; collections: boolean }) {
  const nested = node.children.length > 0 || (collections && node.collections.length > 0);
  return (
    <li>
      <span className="flex items-baseline justify-between gap-3 py-1">
        <Link href={`/units/${node.slug}`} prefetch={false} className={`min-w-0 text-ink ${depth === 0 ? "font-semibold" : "font-medium"}`}>
          {localized(lang, node.name, node.altName, node.altLang)}
        </Link>
        <span className="shrink-0 text-sm tabular-nums text-muted">{count(node.itemCount, lang)}</span>
      </span>
      {nested ? (
        <ul className="ml-1.5 border-l border-line pl-4">
          {node.children.map((child) => (
            <UnitBranch key={child.id} node={child} lang={lang} depth={depth + 1} collections={collections} />
          ))}
          {collections
            ? node.collections.map((c) => (
                <li key={c.id} className="flex items-baseline justify-between gap-3 py-0.5 text-sm">
                  <Link href={`/collections/${c.slug}`} prefetch={false} className="min-w-0 text-muted hover:text-accent">
                    {localized(lang, c.name, c.altName, c.altLang)}
                  </Link>
                  <span className="shrink-0 tabular-nums text-muted">{count(c.itemCount, lang)}</span>
                </li>
              ))
            : null}
        </ul>
      ) : null}
    </li>
  );
}

export function UnitTreeView({ roots, lang, collections = false }: { roots: UnitNode[]; lang: Lang; collections?: boolean }) {
  return (
    <ul>
      {roots.map((r) => (
        <UnitBranch key={r.id} node={r} lang={lang} depth={0} collections={collections} />
      ))}
    </ul>
  );
}
