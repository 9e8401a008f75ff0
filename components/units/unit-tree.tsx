// The unit tree as nested disclosure lists: usable without JavaScript, top level open.
import type { Lang } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/config";
import type { UnitNode } from "@/lib/units/tree";

function count(n: number, lang: Lang) {
  return n.toLocaleString(lang === "ko" ? "ko-KR" : "en-US");
}

function UnitBranch({ node, lang, depth }: { node: UnitNode; lang: Lang; depth: number }) {
  const name = localized(lang, node.name, node.altName, node.altLang);
  const hasContent = node.children.length > 0 || node.collections.length > 0;
  const label = (
    <span className="flex items-baseline justify-between gap-3 py-1.5">
      <span className="flex items-baseline gap-2">
        {hasContent ? (
          <svg aria-hidden="true" viewBox="0 0 16 16" className="chevron h-3 w-3 shrink-0 self-center text-muted">
            <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
          </svg>
        ) : (
          <span className="w-3" />
        )}
        <span className={depth === 0 ? "font-semibold" : "font-medium"}>{name}</span>
      </span>
      <span className="shrink-0 text-sm tabular-nums text-muted">{count(node.itemCount, lang)}</span>
    </span>
  );
  if (!hasContent) return <li>{label}</li>;
  return (
    <li>
      <details open={depth === 0}>
        <summary className="rounded hover:bg-sunken">{label}</summary>
        <ul className="ml-1.5 border-l border-line pl-4">
          {node.children.map((child) => (
            <UnitBranch key={child.id} node={child} lang={lang} depth={depth + 1} />
          ))}
          {node.collections.map((c) => (
            <li key={c.id} className="flex items-baseline justify-between gap-3 py-1 text-sm">
              <span className="text-muted">{localized(lang, c.name, c.altName, c.altLang)}</span>
              <span className="shrink-0 tabular-nums text-muted">{count(c.itemCount, lang)}</span>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

export function UnitTreeView({ roots, lang }: { roots: UnitNode[]; lang: Lang }) {
  return (
    <ul>
      {roots.map((r) => (
        <UnitBranch key={r.id} node={r} lang={lang} depth={0} />
      ))}
    </ul>
  );
}
