// /curate/collections — collections by unit in the workspace: search by name or slug, paginated,
// with "edit" links on the collections of units the user curates.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { pageParam, queryParam, RecordList } from "@/components/curate/record-list";
import { Forbidden, WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import { requirePageUser } from "@/lib/auth/guard";
import { canViewCuratorDashboard } from "@/lib/auth/permissions";
import { getCollectionListFor, RECORDS_PER_PAGE } from "@/lib/curate/records";
import { isLang, type Lang } from "@/lib/i18n/config";
import { recordMessages } from "@/lib/i18n/messages-records";

type Props = PageProps<"/[lang]/curate/collections">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: recordMessages[isLang(lang) ? lang : "en"].titles.collections };
}

async function Collections({ lang, searchParams }: { lang: Lang; searchParams: Props["searchParams"] }) {
  const t = recordMessages[lang];
  const { user, forbidden } = await requirePageUser(lang, `/${lang}/curate/collections`, (u) => canViewCuratorDashboard(u));
  if (forbidden) return <Forbidden lang={lang} />;
  const sp = await searchParams;
  const q = queryParam(sp.q);
  const page = pageParam(sp.page);
  const { rows, total } = await getCollectionListFor(user, q, page);
  return (
    <>
      <WorkspaceNav lang={lang} user={user} current="collections" />
      <RecordList
        lang={lang}
        text={t}
        title={t.titles.collections}
        intro={t.intro.collections}
        searchLabel={t.list.searchCollections}
        q={q}
        page={page}
        total={total}
        perPage={RECORDS_PER_PAGE}
        basePath={`/${lang}/curate/collections`}
        newLink={{ href: `/${lang}/curate/collections/new`, label: t.list.newCollection }}
      >
        {rows.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
            <div className="min-w-0 flex-1">
              <p className="break-words font-medium">
                {c.name}
                {c.altName ? <span className="font-normal text-muted"> · {c.altName}</span> : null}
              </p>
              <p className="break-words text-sm text-muted">
                {c.unitName} · {t.list.items.replace("{n}", c.itemCount.toLocaleString(lang === "ko" ? "ko-KR" : "en-US"))}
              </p>
            </div>
            <Link href={`/${lang}/collections/${c.slug}`} prefetch={false} className="text-sm">
              {t.list.view}
              <span className="sr-only">: {c.name}</span>
            </Link>
            {c.mayEdit ? (
              <Link href={`/${lang}/curate/collections/${c.id}`} prefetch={false} className="text-sm font-medium">
                {t.list.edit}
                <span className="sr-only">: {c.name}</span>
              </Link>
            ) : null}
          </li>
        ))}
      </RecordList>
    </>
  );
}

export default async function CollectionsPage({ params, searchParams }: Props) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  return (
    <div className={WORKSPACE}>
      <Suspense fallback={<WorkspaceSkeleton />}>
        <Collections lang={lang} searchParams={searchParams} />
      </Suspense>
    </div>
  );
}
