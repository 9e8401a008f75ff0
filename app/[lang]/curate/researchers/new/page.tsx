// /curate/researchers/new — a new researcher profile, in a unit the user curates.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { RecordEditor } from "@/components/curate/record-editor";
import { editorText, researcherSections } from "@/components/curate/record-sections";
import { Forbidden, WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import { requirePageUser } from "@/lib/auth/guard";
import { canViewCuratorDashboard } from "@/lib/auth/permissions";
import { getUnitChoices } from "@/lib/curate/records";
import { isLang, type Lang } from "@/lib/i18n/config";
import { recordMessages } from "@/lib/i18n/messages-records";
import { createResearcherAction } from "../actions";

type Props = PageProps<"/[lang]/curate/researchers/new">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: recordMessages[isLang(lang) ? lang : "en"].titles.newResearcher };
}

async function NewResearcher({ lang }: { lang: Lang }) {
  const t = recordMessages[lang];
  const { user, forbidden } = await requirePageUser(lang, `/${lang}/curate/researchers/new`, (u) => canViewCuratorDashboard(u));
  if (forbidden) return <Forbidden lang={lang} />;
  const units = await getUnitChoices(user);
  const first = units.find((u) => u.mayUse);
  return (
    <>
      <WorkspaceNav lang={lang} user={user} current="researchers" />
      <h1 className="mb-5 text-2xl font-semibold tracking-tight">{t.titles.newResearcher}</h1>
      <RecordEditor
        text={editorText(t)}
        sections={researcherSections(t, units)}
        initial={{ primaryUnitId: user.role === "ADMIN" ? null : (first?.id ?? null) }}
        createAction={createResearcherAction}
        editPath={`/${lang}/curate/researchers/{id}`}
      />
    </>
  );
}

export default async function NewResearcherPage({ params }: Props) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  return (
    <div className={WORKSPACE}>
      <Suspense fallback={<WorkspaceSkeleton />}>
        <NewResearcher lang={lang} />
      </Suspense>
    </div>
  );
}
