// /curate/units/new — a new unit below one the user curates (a top-level unit: administrators).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { RecordEditor } from "@/components/curate/record-editor";
import { editorText, unitSections } from "@/components/curate/record-sections";
import { Forbidden, WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import { requirePageUser } from "@/lib/auth/guard";
import { canViewCuratorDashboard } from "@/lib/auth/permissions";
import { getUnitChoices } from "@/lib/curate/records";
import { isLang, type Lang } from "@/lib/i18n/config";
import { recordMessages } from "@/lib/i18n/messages-records";
import { createUnitAction } from "../actions";

type Props = PageProps<"/[lang]/curate/units/new">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: recordMessages[isLang(lang) ? lang : "en"].titles.newUnit };
}

async function NewUnit({ lang, parent }: { lang: Lang; parent: Promise<Record<string, string | string[] | undefined>> }) {
  const t = recordMessages[lang];
  const { user, forbidden } = await requirePageUser(lang, `/${lang}/curate/units/new`, (u) => canViewCuratorDashboard(u));
  if (forbidden) return <Forbidden lang={lang} />;
  const units = await getUnitChoices(user);
  const wanted = Number((await parent).parent);
  const start = units.find((u) => u.id === wanted && u.mayUse) ?? (user.role === "ADMIN" ? null : units.find((u) => u.mayUse));
  return (
    <>
      <WorkspaceNav lang={lang} user={user} current="units" />
      <h1 className="mb-5 text-2xl font-semibold tracking-tight">{t.titles.newUnit}</h1>
      <RecordEditor text={editorText(t)} sections={unitSections(t, units)} initial={{ parentId: start?.id ?? null }} createAction={createUnitAction} editPath={`/${lang}/curate/units/{id}`} />
    </>
  );
}

export default async function NewUnitPage({ params, searchParams }: Props) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  return (
    <div className={WORKSPACE}>
      <Suspense fallback={<WorkspaceSkeleton />}>
        <NewUnit lang={lang} parent={searchParams} />
      </Suspense>
    </div>
  );
}
