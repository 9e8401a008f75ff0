// /curate/collections/{id} — edit a collection: names in both languages, description, slug, and
// its unit (moving it there needs rights on the old and the new unit).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { RecordEditor } from "@/components/curate/record-editor";
import { RecordHistory } from "@/components/curate/record-history";
import { editorText, collectionSections } from "@/components/curate/record-sections";
import { Forbidden, Panel, WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import { requirePageUser } from "@/lib/auth/guard";
import { pickFields } from "@/lib/curate/audit";
import { parseRecordId } from "@/lib/curate/fields";
import { access, getEditableCollection, getRecordHistory, getUnitChoices } from "@/lib/curate/records";
import { COLLECTION_FIELDS } from "@/lib/curate/units/schema";
import { isLang, type Lang } from "@/lib/i18n/config";
import { recordMessages } from "@/lib/i18n/messages-records";
import { loadCurrentCollectionAction, saveCollectionAction } from "../actions";

type Props = PageProps<"/[lang]/curate/collections/[id]">;

export function generateStaticParams() {
  return [{ id: "0" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: recordMessages[isLang(lang) ? lang : "en"].titles.editCollection };
}

async function Editor({ lang, id }: { lang: Lang; id: number }) {
  const t = recordMessages[lang];
  const { user } = await requirePageUser(lang, `/${lang}/curate/collections/${id}`);
  const collection = await getEditableCollection(id);
  if (!collection) notFound();
  if (!(await access.editCollection(user, { id }))) return <Forbidden lang={lang} />;
  const [units, history] = await Promise.all([getUnitChoices(user), getRecordHistory("collection", id)]);
  return (
    <>
      <WorkspaceNav lang={lang} user={user} current="collections" />
      <div className="mb-5 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="min-w-0 break-words text-2xl font-semibold tracking-tight">
          <span className="block text-sm font-normal text-muted">{t.titles.editCollection}</span>
          {collection.name}
        </h1>
        <Link href={`/${lang}/collections/${collection.slug}`} prefetch={false} className="text-sm">
          {t.list.view}
        </Link>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <RecordEditor
          text={editorText(t)}
          sections={collectionSections(t, units)}
          initial={pickFields(COLLECTION_FIELDS, collection)}
          recordId={id}
          initialVersion={collection.version}
          saveAction={saveCollectionAction}
          loadCurrentAction={loadCurrentCollectionAction}
        />
        <aside className="lg:sticky lg:top-4 lg:self-start">
          <Panel title={t.sections.history} id="history">
            <RecordHistory lang={lang} entries={history} text={t} />
            <Link href={`/${lang}/curate/collections/${id}/history`} prefetch={false} className="mt-3 inline-block text-sm">
              {t.versions.link}
            </Link>
          </Panel>
        </aside>
      </div>
    </>
  );
}

export default async function EditCollectionPage({ params }: Props) {
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
