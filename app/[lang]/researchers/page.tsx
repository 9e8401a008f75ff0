import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { isLang, localized, type Lang } from "@/lib/i18n/config";
import { Pagination } from "@/components/ui/pagination";
import { format, messages } from "@/lib/i18n/messages";
import { peopleMessages } from "@/lib/i18n/messages-people";
import { filterDirectory, listResearchers } from "@/lib/researchers/directory";
import { getUnitTree, unitPath, type UnitTree } from "@/lib/units/tree";

type Props = PageProps<"/[lang]/researchers">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: messages(isLang(lang) ? lang : "en").researcher.directory, alternates: { canonical: "/researchers" } };
}

function descendants(tree: UnitTree, unitId: number): Set<number> {
  const ids = new Set<number>();
  const walk = (id: number) => {
    ids.add(id);
    tree.byId.get(id)?.children.forEach((c) => walk(c.id));
  };
  walk(unitId);
  return ids;
}

// The directory depends on the query string, so it streams in after the static shell and React moves
// it into place with a script. Without JavaScript it would stay in a hidden element at the end of
// <body>: this style shows it there instead of the loading skeleton, before the footer (the body is
// a flex column). (Tailwind hides [hidden] with !important in its base layer; an important rule wins
// only from an earlier layer, hence Tailwind's first layer, "theme".)
const NO_SCRIPT_STYLE =
  `<style>#directory-loading{display:none}body>footer{order:2}` +
  `@layer theme{body>div[hidden][id^="S:"]{display:block!important;order:1}}</style>`;

const CONTAINER = "mx-auto w-full max-w-6xl px-4 sm:px-6";

async function Directory({ lang, searchParams }: { lang: Lang; searchParams: Props["searchParams"] }) {
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const name = one(sp.name).slice(0, 100);
  const unitSlug = one(sp.unit);
  const sort = one(sp.sort) === "output" ? "output" : "name";
  const pageNumber = Number.parseInt(one(sp.page), 10) || 1;
  const t = messages(lang);
  const p = peopleMessages[lang];
  const [entries, tree] = await Promise.all([listResearchers(), getUnitTree()]);
  const unit = [...tree.byId.values()].find((u) => u.slug === unitSlug);
  const result = filterDirectory(entries, { name, unitIds: unit ? descendants(tree, unit.id) : undefined, sort, page: pageNumber });
  const units = [...tree.byId.values()].filter((u) => u.parentId !== null);
  const locale = lang === "ko" ? "ko-KR" : "en-US";
  const link = (page: number) => `/researchers?${new URLSearchParams({ ...(name ? { name } : {}), ...(unitSlug ? { unit: unitSlug } : {}), ...(sort === "output" ? { sort } : {}), page: String(page) })}`;
  return (
    <div className={`${CONTAINER} pb-10`}>
      <form method="get" action="/researchers" className="mt-6 flex flex-wrap items-end gap-3 rounded-xl border border-line bg-surface p-4">
        <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm">
          {t.researcher.filterName}
          <input name="name" defaultValue={name} type="search" className="rounded-lg border border-line bg-surface px-3 py-2" />
        </label>
        <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm">
          {t.researcher.units}
          <select name="unit" defaultValue={unitSlug} className="rounded-lg border border-line bg-surface px-3 py-2">
            <option value="">{t.researcher.allUnits}</option>
            {units.map((u) => (
              <option key={u.id} value={u.slug}>
                {localized(lang, u.name, u.altName, u.altLang)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {p.sort}
          <select name="sort" defaultValue={sort} className="rounded-lg border border-line bg-surface px-3 py-2">
            <option value="name">{p.sortName}</option>
            <option value="output">{p.sortOutput}</option>
          </select>
        </label>
        <button type="submit" className="rounded-lg bg-accent px-4 py-2 font-semibold text-accent-ink">
          {t.researcher.filter}
        </button>
      </form>
      {result.entries.length === 0 ? (
        <p className="mt-8 text-muted">{t.researcher.noMatch}</p>
      ) : (
        <ul className="mt-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {result.entries.map((r) => {
            const path = r.primaryUnitId ? unitPath(tree, r.primaryUnitId) : [];
            const unitName = path.length ? localized(lang, path[path.length - 1].name, path[path.length - 1].altName, path[path.length - 1].altLang) : "";
            return (
              <li key={r.slug} className="flex items-center gap-3 rounded-xl border border-line bg-surface p-3">
                {r.hasPhoto ? (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={`/media/researchers/${r.slug}/photo`} alt="" width={48} height={48} loading="lazy" className="h-12 w-12 shrink-0 rounded-full" />
                ) : (
                  <span className="h-12 w-12 shrink-0 rounded-full bg-sunken" />
                )}
                <span className="min-w-0 text-sm">
                  <Link href={`/researchers/${r.slug}`} prefetch={false} className="font-medium">
                    {r.displayName}
                  </Link>
                  {r.position ? <span className="block truncate text-muted">{localized(lang, r.position, r.altPosition, "ko")}</span> : null}
                  <span className="block truncate text-muted">{unitName}</span>
                  <span className="block text-muted">{format(t.researcher.publicationCount, { n: r.publications.toLocaleString(locale) })}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination
        page={result.page}
        pages={result.pages}
        href={link}
        locale={locale}
        labels={{ nav: p.pages, previous: p.previous, next: p.next, page: (n) => format(p.page, { n }), current: (n) => format(p.currentPage, { n }) }}
      />
    </div>
  );
}

export default async function ResearchersPage({ params, searchParams }: Props) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  const t = messages(lang);
  return (
    <>
      <noscript dangerouslySetInnerHTML={{ __html: NO_SCRIPT_STYLE }} />
      <div className={`${CONTAINER} pt-10`}>
        <h1 className="text-3xl font-semibold tracking-tight">{t.researcher.directory}</h1>
        <p className="mt-2 text-muted">{t.researcher.directoryIntro}</p>
      </div>
      <Suspense
        fallback={
          <div id="directory-loading" className={CONTAINER}>
            <div className="mt-6 h-64 animate-pulse rounded-xl bg-sunken" />
          </div>
        }
      >
        <Directory lang={lang} searchParams={searchParams} />
      </Suspense>
    </>
  );
}
