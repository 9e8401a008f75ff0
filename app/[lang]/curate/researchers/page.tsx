// /curate/researchers — the workspace's researcher list: search by name (any script), slug or
// ORCID; paginated; an "edit" link where the user may edit, the public profile otherwise.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { pageParam, queryParam, RecordList } from "@/components/curate/record-list";
import { Forbidden, WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import { requirePageUser } from "@/lib/auth/guard";
import { canViewCuratorDashboard, coversUnit } from "@/lib/auth/permissions";
import { getResearcherList, getUnitChoices, RECORDS_PER_PAGE } from "@/lib/curate/records";
import { isLang, type Lang } from "@/lib/i18n/config";
import { recordMessages } from "@/lib/i18n/messages-records";

type Props = PageProps<"/[lang]/curate/researchers">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: recordMessages[isLang(lang) ? lang : "en"].titles.researchers };
}

async function Researchers({ lang, searchParams }: { lang: Lang; searchParams: Props["searchParams"] }) {
  const t = recordMessages[lang];
  const { user, forbidden } = await requirePageUser(lang, `/${lang}/curate/researchers`, (u) => canViewCuratorDashboard(u));
  if (forbidden) return <Forbidden lang={lang} />;
  const sp = await searchParams;
  const q = queryParam(sp.q);
  const page = pageParam(sp.page);
  const [{ rows, total }, units] = await Promise.all([getResearcherList(q, page), getUnitChoices(user)]);
  const paths = new Map(units.map((u) => [u.id, u.path]));
  return (
    <>
      <WorkspaceNav lang={lang} user={user} current="researchers" />
      <RecordList
        lang={lang}
        text={t}
        title={t.titles.researchers}
        intro={t.intro.researchers}
        searchLabel={t.list.searchLabel}
        q={q}
        page={page}
        total={total}
        perPage={RECORDS_PER_PAGE}
        basePath={`/${lang}/curate/researchers`}
        newLink={{ href: `/${lang}/curate/researchers/new`, label: t.list.newResearcher }}
      >
        {rows.map((r) => {
          // The list marks the primary unit only; the editor checks every unit of the profile.
          const mayEdit = r.unitId === null ? coversUnit(user, []) : coversUnit(user, paths.get(r.unitId) ?? []);
          return (
            <li key={r.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
              <div className="min-w-0 flex-1">
                <p className="break-words font-medium">{r.displayName}</p>
                <p className="break-words text-sm text-muted">{[r.position, r.unitName, r.orcid].filter(Boolean).join(" · ")}</p>
              </div>
              <Link href={`/${lang}/researchers/${r.slug}`} prefetch={false} className="text-sm">
                {t.list.view}
                <span className="sr-only">: {r.displayName}</span>
              </Link>
              {mayEdit ? (
                <Link href={`/${lang}/curate/researchers/${r.id}`} prefetch={false} className="text-sm font-medium">
                  {t.list.edit}
                  <span className="sr-only">: {r.displayName}</span>
                </Link>
              ) : null}
            </li>
          );
        })}
      </RecordList>
    </>
  );
}

export default async function ResearchersPage({ params, searchParams }: Props) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  return (
    <div className={WORKSPACE}>
      <Suspense fallback={<WorkspaceSkeleton />}>
        <Researchers lang={lang} searchParams={searchParams} />
      </Suspense>
    </div>
  );
}
