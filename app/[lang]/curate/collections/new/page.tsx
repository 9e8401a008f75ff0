// /curate/collections/new — a new collection in a unit the user curates.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { RecordEditor } from "@/components/curate/record-editor";
import { editorText, collectionSections } from "@/components/curate/record-sections";
import { Forbidden, WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import { requirePageUser } from "@/lib/auth/guard";
import { canViewCuratorDashboard } from "@/lib/auth/permissions";
import { getUnitChoices } from "@/lib/curate/records";
import { isLang, type Lang } from "@/lib/i18n/config";
import { recordMessages } from "@/lib/i18n/messages-records";
import { createCollectionAction } from "../actions";

type Props = PageProps<"/[lang]/curate/collections/new">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: recordMessages[isLang(lang) ? lang : "en"].titles.newCollection };
}

async function NewCollection({ lang, parent }: { lang: Lang; parent: Promise<Record<string, string | string[] | undefined>> }) {
  const t = recordMessages[lang];
  const { user, forbidden } = await requirePageUser(lang, `/${lang}/curate/collections/new`, (u) => canViewCuratorDashboard(u));
  if (forbidden) return <Forbidden lang={lang} />;
  const units = await getUnitChoices(user);
  const wanted = Number((await parent).unit);
  const start = units.find((u) => u.id === wanted && u.mayUse) ?? units.find((u) => u.mayUse);
  return (
    <>
      <WorkspaceNav lang={lang} user={user} current="collections" />
      <h1 className="mb-5 text-2xl font-semibold tracking-tight">{t.titles.newCollection}</h1>
      <RecordEditor text={editorText(t)} sections={collectionSections(t, units)} initial={{ unitId: start?.id ?? null }} createAction={createCollectionAction} editPath={`/${lang}/curate/collections/{id}`} />
    </>
  );
}

export default async function NewCollectionPage({ params, searchParams }: Props) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  return (
    <div className={WORKSPACE}>
      <Suspense fallback={<WorkspaceSkeleton />}>
        <NewCollection lang={lang} parent={searchParams} />
      </Suspense>
    </div>
  );
}
