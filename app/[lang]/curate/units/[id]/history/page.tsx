// /curate/units/{id}/history — every recorded change of the unit, with a before/after diff, and
// restoring an earlier version (saved as a new version).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { RecordVersions } from "@/components/curate/record-versions";
import { WORKSPACE, WorkspaceSkeleton } from "@/components/curate/workspace";
import { parseRecordId } from "@/lib/curate/fields";
import { isLang } from "@/lib/i18n/config";
import { recordMessages } from "@/lib/i18n/messages-records";
import { restoreUnitVersionAction } from "../../actions";

type Props = PageProps<"/[lang]/curate/units/[id]/history">;

// A placeholder for the build (answers 404); real records render on request, per user.
export function generateStaticParams() {
  return [{ id: "0" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: recordMessages[isLang(lang) ? lang : "en"].versions.title };
}

export default async function UnitHistoryPage({ params }: Props) {
  const { lang, id } = await params;
  if (!isLang(lang)) notFound();
  const n = parseRecordId(id);
  if (n === null) notFound();
  return (
    <div className={WORKSPACE}>
      <Suspense fallback={<WorkspaceSkeleton />}>
        <RecordVersions lang={lang} type="unit" id={n} restoreAction={restoreUnitVersionAction} />
      </Suspense>
    </div>
  );
}
