// /curate/researchers/{id} — edit a researcher profile: names, position and units, contact with
// its visibility, identifiers, biography, interests, links; the photo; the recent history.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { PhotoManager } from "@/components/curate/photo-manager";
import { RecordEditor } from "@/components/curate/record-editor";
import { RecordHistory } from "@/components/curate/record-history";
import { editorText, researcherSections } from "@/components/curate/record-sections";
import { Forbidden, Panel, WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import { requirePageUser } from "@/lib/auth/guard";
import { pickFields } from "@/lib/curate/audit";
import { parseRecordId } from "@/lib/curate/fields";
import { access, getEditableResearcher, getRecordHistory, getUnitChoices, photoDeps } from "@/lib/curate/records";
import { RESEARCHER_FIELDS } from "@/lib/curate/researchers/schema";
import { isLang, type Lang } from "@/lib/i18n/config";
import { recordMessages } from "@/lib/i18n/messages-records";
import { loadCurrentResearcherAction, saveResearcherAction } from "../actions";

type Props = PageProps<"/[lang]/curate/researchers/[id]">;

export function generateStaticParams() {
  return [{ id: "0" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: recordMessages[isLang(lang) ? lang : "en"].titles.editResearcher };
}

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`);

async function Editor({ lang, id }: { lang: Lang; id: number }) {
  const t = recordMessages[lang];
  const { user } = await requirePageUser(lang, `/${lang}/curate/researchers/${id}`);
  const researcher = await getEditableResearcher(id);
  if (!researcher) notFound();
  if (!(await access.editResearcher(user, { id }))) return <Forbidden lang={lang} />;
  const [units, history, { maxBytes }] = await Promise.all([getUnitChoices(user), getRecordHistory("researcher", id), photoDeps()]);
  return (
    <>
      <WorkspaceNav lang={lang} user={user} current="researchers" />
      <div className="mb-5 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="min-w-0 break-words text-2xl font-semibold tracking-tight">
          <span className="block text-sm font-normal text-muted">{t.titles.editResearcher}</span>
          {researcher.displayName}
        </h1>
        <Link href={`/${lang}/researchers/${researcher.slug}`} prefetch={false} className="text-sm">
          {t.list.view}
        </Link>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <RecordEditor
          text={editorText(t)}
          sections={researcherSections(t, units)}
          initial={pickFields(RESEARCHER_FIELDS, researcher)}
          recordId={id}
          initialVersion={researcher.version}
          saveAction={saveResearcherAction}
          loadCurrentAction={loadCurrentResearcherAction}
        />
        <aside className="space-y-4 lg:sticky lg:top-4 lg:self-start">
          <Panel title={t.sections.photo} id="photo">
            <PhotoManager researcherId={id} slug={researcher.slug} photoKey={researcher.photoKey} maxBytes={maxBytes} sizeLabel={sizeLabel(maxBytes)} text={t.photo} />
          </Panel>
          <Panel title={t.sections.history} id="history">
            <RecordHistory lang={lang} entries={history} text={t} />
            <Link href={`/${lang}/curate/researchers/${id}/history`} prefetch={false} className="mt-3 inline-block text-sm">
              {t.versions.link}
            </Link>
          </Panel>
        </aside>
      </div>
    </>
  );
}

export default async function EditResearcherPage({ params }: Props) {
  const { lang, id } = await params;
  if (!isLang(lang)) notFound();
  const n = parseRecordId(id);
  if (n === null) notFound();
  return (
    <div className={WORKSPACE}>
      <Suspense fallback={<WorkspaceSkeleton />}>
        <Editor lang={lang} id={n} />
      </Suspense>
    </div>
  );
}
