// /curate/imports — start an import (file or OAI-PMH harvest) into a collection the user may
// import into; the dry run opens at /curate/imports/{id}. Lists the user's recent imports.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ImportForm } from "@/components/curate/import-form";
import { Forbidden, Panel, WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import { requirePageUser } from "@/lib/auth/guard";
import { isLang, type Lang } from "@/lib/i18n/config";
import { importMessages } from "@/lib/i18n/messages-import";
import { DEFAULT_MAX_BYTES, IMPORT_FORMATS } from "@/lib/import";
import { getImportCollections, getRecentImports } from "@/lib/import/service";
import { startImportAction } from "./actions";

type Props = PageProps<"/[lang]/curate/imports">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: importMessages[isLang(lang) ? lang : "en"].title };
}

async function Imports({ lang }: { lang: Lang }) {
  const t = importMessages[lang];
  const { user, forbidden } = await requirePageUser(lang, `/${lang}/curate/imports`, (u) => u.role !== "RESEARCHER");
  if (forbidden) return <Forbidden lang={lang} />;
  const [collections, recent] = await Promise.all([getImportCollections(user), getRecentImports(user)]);
  const time = new Intl.DateTimeFormat(lang === "ko" ? "ko-KR" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <WorkspaceNav lang={lang} user={user} current="imports" />
      <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
      <p className="mb-6 mt-1 max-w-3xl text-sm text-muted">{t.intro}</p>
      <div className="space-y-6">
        <Panel
          title={t.newImport}
          id="new-import"
          aside={
            <a href={`/${lang}/curate/imports/template`} download="atrium-import-template.csv">
              {t.downloadTemplate}
            </a>
          }
        >
          {collections.length ? (
            <ImportForm
              lang={lang}
              text={t}
              action={startImportAction}
              collections={collections.map((c) => ({ id: c.id, label: c.label, unitLabel: c.unitLabel }))}
              formats={IMPORT_FORMATS}
              maxMb={Math.round(DEFAULT_MAX_BYTES / 1024 / 1024)}
            />
          ) : (
            <p className="text-sm text-muted">{t.noCollections}</p>
          )}
        </Panel>
        <Panel title={t.recent} id="recent-imports">
          {recent.length ? (
            <ul className="divide-y divide-line text-sm">
              {recent.map((r) => (
                <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
                  <Link href={`/${lang}/curate/imports/${r.id}`} prefetch={false} className="min-w-0 break-all">
                    {r.source}
                  </Link>
                  <span className="text-muted">
                    {t.states[r.state]} · {r.collection} · {r.counts.total} · {time.format(r.created_at)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">{t.noRecent}</p>
          )}
        </Panel>
      </div>
    </>
  );
}

export default async function ImportsPage({ params }: Props) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  return (
    <div className={WORKSPACE}>
      <Suspense fallback={<WorkspaceSkeleton />}>
        <Imports lang={lang} />
      </Suspense>
    </div>
  );
}
