// /curate/me/items/{id}/correction — a researcher proposes a correction to one of their items: the
// field, the value it should have and a comment. Only contributors linked to the item (and curators
// of its unit) may file; the server action checks again.
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { Suspense } from "react";
import { ActionForm } from "@/components/curate/action-form";
import { FIELD } from "@/components/curate/editor-parts";
import { Panel, WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import { requirePageUser } from "@/lib/auth/guard";
import { canRequestCorrection } from "@/lib/auth/permissions";
import { CORRECTABLE_FIELDS } from "@/lib/curate/corrections";
import { getItemTarget } from "@/lib/curate/items/service";
import { parseItemId } from "@/lib/curate/items/schema";
import { getCorrectionTarget } from "@/lib/curate/researcher-workspace";
import { isLang, type Lang } from "@/lib/i18n/config";
import { researchMessages } from "@/lib/i18n/messages-research";
import { fileCorrectionAction } from "../../../actions";

type Props = PageProps<"/[lang]/curate/me/items/[id]/correction">;

// A placeholder for the build (answers 404); real items render on request, per user.
export function generateStaticParams() {
  return [{ id: "0" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: researchMessages[isLang(lang) ? lang : "en"].correction.title };
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return Array.isArray(value) ? (value.length ? value.join("; ") : "—") : String(value);
}

async function CorrectionForm({ lang, id }: { lang: Lang; id: string }) {
  const t = researchMessages[lang];
  const itemId = parseItemId(id);
  const { user } = await requirePageUser(lang, `/${lang}/curate/me/items/${id}/correction`);
  const target = itemId === null ? null : await getItemTarget(itemId);
  if (itemId === null || target === null) notFound();
  if (!canRequestCorrection(user, target)) forbidden();
  const nav = <WorkspaceNav lang={lang} user={user} current="me" />;
  const item = (await getCorrectionTarget(itemId))!;
  const values = item as unknown as Record<string, unknown>;
  return (
    <>
      {nav}
      <p className="text-sm">
        <Link href={`/${lang}/curate/me#my-research`}>{t.correction.back}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t.correction.title}</h1>
      <p className="mt-1 break-words text-lg">{item.title}</p>
      <p className="mt-1 max-w-prose text-sm text-muted">{t.correction.intro}</p>
      <div className="mt-5 grid gap-5 lg:grid-cols-2">
        <Panel title={t.correction.title} id="propose">
          <ActionForm action={fileCorrectionAction} submitLabel={t.correction.submit} text={{ saved: t.correction.sent, errors: t.errors }} className="grid gap-3">
            <input type="hidden" name="itemId" value={item.id} />
            <label className="text-sm">
              {t.correction.field}
              <select name="field" required className={FIELD} defaultValue="title">
                {CORRECTABLE_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {t.fields[f]}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm">
              {t.correction.value} <span className="text-muted">({t.correction.valueHelp})</span>
              <textarea name="value" rows={4} maxLength={100_000} className={FIELD} />
            </label>
            <label className="text-sm">
              {t.correction.comment}
              <textarea name="comment" rows={3} maxLength={5000} className={FIELD} />
            </label>
          </ActionForm>
        </Panel>
        <Panel title={t.correction.current} id="current">
          <dl className="divide-y divide-line text-sm">
            {CORRECTABLE_FIELDS.map((f) => (
              <div key={f} className="grid gap-1 py-2 sm:grid-cols-[9rem_1fr]">
                <dt className="text-muted">{t.fields[f]}</dt>
                <dd className="line-clamp-4 whitespace-pre-wrap break-words">{show(values[f])}</dd>
              </div>
            ))}
          </dl>
        </Panel>
      </div>
    </>
  );
}

export default async function CorrectionPage({ params }: Props) {
  const { lang, id } = await params;
  if (!isLang(lang)) notFound();
  return (
    <div className={WORKSPACE}>
      <Suspense fallback={<WorkspaceSkeleton />}>
        <CorrectionForm lang={lang} id={id} />
      </Suspense>
    </div>
  );
}
