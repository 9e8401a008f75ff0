// /curate/units — the unit tree in the workspace: search by name or slug, paginated, with "edit"
// links on the units the user curates.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { pageParam, queryParam, RecordList } from "@/components/curate/record-list";
import { Forbidden, WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import { requirePageUser } from "@/lib/auth/guard";
import { canViewCuratorDashboard } from "@/lib/auth/permissions";
import { getUnitList, RECORDS_PER_PAGE } from "@/lib/curate/records";
import { isLang, type Lang } from "@/lib/i18n/config";
import { recordMessages } from "@/lib/i18n/messages-records";

type Props = PageProps<"/[lang]/curate/units">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: recordMessages[isLang(lang) ? lang : "en"].titles.units };
}

async function Units({ lang, searchParams }: { lang: Lang; searchParams: Props["searchParams"] }) {
  const t = recordMessages[lang];
  const { user, forbidden } = await requirePageUser(lang, `/${lang}/curate/units`, (u) => canViewCuratorDashboard(u));
  if (forbidden) return <Forbidden lang={lang} />;
  const sp = await searchParams;
  const q = queryParam(sp.q);
  const page = pageParam(sp.page);
  const { rows, total } = await getUnitList(user, q, page);
  return (
    <>
      <WorkspaceNav lang={lang} user={user} current="units" />
      <RecordList
        lang={lang}
        text={t}
        title={t.titles.units}
        intro={t.intro.units}
        searchLabel={t.list.searchUnits}
        q={q}
        page={page}
        total={total}
        perPage={RECORDS_PER_PAGE}
        basePath={`/${lang}/curate/units`}
        newLink={{ href: `/${lang}/curate/units/new`, label: t.list.newUnit }}
      >
        {rows.map((u) => (
          <li key={u.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
            <div className="min-w-0 flex-1" style={{ paddingInlineStart: q ? 0 : `${Math.min(u.depth, 6) * 1.25}rem` }}>
              <p className="break-words font-medium">
                {u.name}
                {u.altName ? <span className="font-normal text-muted"> · {u.altName}</span> : null}
              </p>
              {q && u.depth > 0 ? <p className="break-words text-sm text-muted">{u.label}</p> : null}
            </div>
            <Link href={`/${lang}/units/${u.slug}`} prefetch={false} className="text-sm">
              {t.list.view}
              <span className="sr-only">: {u.name}</span>
            </Link>
            {u.mayEdit ? (
              <Link href={`/${lang}/curate/units/${u.id}`} prefetch={false} className="text-sm font-medium">
                {t.list.edit}
                <span className="sr-only">: {u.name}</span>
              </Link>
            ) : null}
          </li>
        ))}
      </RecordList>
    </>
  );
}

export default async function UnitsPage({ params, searchParams }: Props) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  return (
    <div className={WORKSPACE}>
      <Suspense fallback={<WorkspaceSkeleton />}>
        <Units lang={lang} searchParams={searchParams} />
      </Suspense>
    </div>
  );
}
