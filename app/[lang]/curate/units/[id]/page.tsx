// /curate/units/{id} — edit a unit: names in both languages, description, slug, and its place in
// the tree (a new parent; the unit's own subtree is not offered and is refused by the server).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { RecordEditor } from "@/components/curate/record-editor";
import { RecordHistory } from "@/components/curate/record-history";
import { editorText, unitSections } from "@/components/curate/record-sections";
import { Forbidden, Panel, WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import { requirePageUser } from "@/lib/auth/guard";
import { pickFields } from "@/lib/curate/audit";
import { parseRecordId } from "@/lib/curate/fields";
import { access, getEditableUnit, getRecordHistory, getUnitChoices } from "@/lib/curate/records";
import { UNIT_FIELDS } from "@/lib/curate/units/schema";
import { isLang, type Lang } from "@/lib/i18n/config";
import { recordMessages } from "@/lib/i18n/messages-records";
import { loadCurrentUnitAction, saveUnitAction } from "../actions";

type Props = PageProps<"/[lang]/curate/units/[id]">;

export function generateStaticParams() {
  return [{ id: "0" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: recordMessages[isLang(lang) ? lang : "en"].titles.editUnit };
}

async function Editor({ lang, id }: { lang: Lang; id: number }) {
  const t = recordMessages[lang];
  const { user } = await requirePageUser(lang, `/${lang}/curate/units/${id}`);
  const unit = await getEditableUnit(id);
  if (!unit) notFound();
  if (!(await access.editUnit(user, { id }))) return <Forbidden lang={lang} />;
  const [units, history] = await Promise.all([getUnitChoices(user), getRecordHistory("unit", id)]);
  return (
    <>
      <WorkspaceNav lang={lang} user={user} current="units" />
      <div className="mb-5 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="min-w-0 break-words text-2xl font-semibold tracking-tight">
          <span className="block text-sm font-normal text-muted">{t.titles.editUnit}</span>
          {unit.name}
        </h1>
        <Link href={`/${lang}/units/${unit.slug}`} prefetch={false} className="text-sm">
          {t.list.view}
        </Link>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <RecordEditor
          text={editorText(t)}
          sections={unitSections(t, units, id)}
          initial={pickFields(UNIT_FIELDS, unit)}
          recordId={id}
          initialVersion={unit.version}
          saveAction={saveUnitAction}
          loadCurrentAction={loadCurrentUnitAction}
        />
        <aside className="lg:sticky lg:top-4 lg:self-start">
          <Panel title={t.sections.history} id="history">
            <RecordHistory lang={lang} entries={history} text={t} />
            <Link href={`/${lang}/curate/units/${id}/history`} prefetch={false} className="mt-3 inline-block text-sm">
              {t.versions.link}
            </Link>
          </Panel>
        </aside>
      </div>
    </>
  );
}

export default async function EditUnitPage({ params }: Props) {
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
