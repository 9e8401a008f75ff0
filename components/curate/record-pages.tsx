// The workspace pages of one researcher, unit or collection: the editor (/curate/{kind}s/{id}) with
// the recent history beside it (and the photo, for a researcher), and the version history
// (/curate/{kind}s/{id}/history). The routes only pick the kind and its server actions.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ActionResult } from "@/lib/auth/guard";
import { requirePageUser } from "@/lib/auth/guard";
import { getRecordHistory, getUnitChoices, photoDeps } from "@/lib/curate/records";
import { isLang, type Lang } from "@/lib/i18n/config";
import { recordMessages, type RecordMessages } from "@/lib/i18n/messages-records";
import { PhotoManager } from "./photo-manager";
import { RecordEditor } from "./record-editor";
import { loadRecord, mayEditRecord, type RecordKind } from "./record-kinds";
import { collectionSections, editorText, researcherSections, unitSections } from "./record-sections";
import { RecordHistory, RecordVersions, type RestoreAction } from "./record-versions";
import { Forbidden, Panel, RecordTitle, recordPage, WorkspaceNav } from "./workspace";

type Action<R> = (previous: ActionResult<R> | null, form: FormData) => Promise<ActionResult<R>>;
type EditActions = {
  save: Action<{ id: number; version: number }>;
  loadCurrent: Action<{ version: number; snapshot: Record<string, unknown> }>;
};
type Params = { params: Promise<{ lang: string; id: string }> };

const EDIT_TITLE = { researcher: "editResearcher", unit: "editUnit", collection: "editCollection" } as const;

const sectionsOf = (kind: RecordKind, t: RecordMessages, units: Awaited<ReturnType<typeof getUnitChoices>>, id: number) =>
  kind === "researcher" ? researcherSections(t, units) : kind === "unit" ? unitSections(t, units, id) : collectionSections(t, units);

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`);

async function RecordEdit({ lang, id, kind, actions }: { lang: Lang; id: number; kind: RecordKind; actions: EditActions }) {
  const t = recordMessages[lang];
  const { user } = await requirePageUser(lang, `/${lang}/curate/${kind}s/${id}`);
  const record = await loadRecord(kind, id);
  if (!record) notFound();
  if (!(await mayEditRecord(kind, user, id))) return <Forbidden lang={lang} />;
  const [units, history, photo] = await Promise.all([getUnitChoices(user), getRecordHistory(kind, id), kind === "researcher" ? photoDeps() : null]);
  return (
    <>
      <WorkspaceNav lang={lang} user={user} current={`${kind}s`} />
      <RecordTitle kicker={t.titles[EDIT_TITLE[kind]]} name={record.name}>
        <Link href={`/${lang}/${kind}s/${record.slug}`} prefetch={false} className="text-sm">
          {t.list.view}
        </Link>
      </RecordTitle>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <RecordEditor
          text={editorText(t)}
          sections={sectionsOf(kind, t, units, id)}
          initial={record.fields}
          recordId={id}
          initialVersion={record.version}
          saveAction={actions.save}
          loadCurrentAction={actions.loadCurrent}
        />
        <aside className="space-y-4 lg:sticky lg:top-4 lg:self-start">
          {photo ? (
            <Panel title={t.sections.photo} id="photo">
              <PhotoManager researcherId={id} slug={record.slug} photoKey={record.photoKey} maxBytes={photo.maxBytes} sizeLabel={sizeLabel(photo.maxBytes)} text={t.photo} />
            </Panel>
          ) : null}
          <Panel title={t.sections.history} id="history">
            <RecordHistory lang={lang} entries={history} text={t} units={units} />
            <Link href={`/${lang}/curate/${kind}s/${id}/history`} prefetch={false} className="mt-3 inline-block text-sm">
              {t.versions.link}
            </Link>
          </Panel>
        </aside>
      </div>
    </>
  );
}

const title = async ({ params }: Params, pick: (t: RecordMessages) => string): Promise<Metadata> => {
  const { lang } = await params;
  return { title: pick(recordMessages[isLang(lang) ? lang : "en"]) };
};

/** A placeholder for the build (answers 404); real records render on request, per user. */
const placeholderParams = () => [{ id: "0" }];

/** The editor page of a kind of record: its exports (metadata, build params) and the page. */
export function recordEditPage(kind: RecordKind, actions: EditActions) {
  return {
    generateStaticParams: placeholderParams,
    generateMetadata: (props: Params) => title(props, (t) => t.titles[EDIT_TITLE[kind]]),
    Page: recordPage(function Edit({ lang, id }) {
      return <RecordEdit lang={lang} id={id} kind={kind} actions={actions} />;
    }),
  };
}

/** The version history page of a kind of record. */
export function recordHistoryPage(kind: RecordKind, restoreAction: RestoreAction) {
  return {
    generateStaticParams: placeholderParams,
    generateMetadata: (props: Params) => title(props, (t) => t.versions.title),
    Page: recordPage(function History({ lang, id }) {
      return <RecordVersions lang={lang} type={kind} id={id} restoreAction={restoreAction} />;
    }),
  };
}
