// /curate/items/{id} — the item editor: every field, contributors, collections, the workflow
// (draft → in review → published → withdrawn and back) and links to history, preview and files.
import type { Metadata } from "next";
import { ActionForm } from "@/components/curate/action-form";
import { CorrectionList } from "@/components/curate/corrections";
import { ItemEditor } from "@/components/curate/item-editor";
import { loadItemPage } from "@/components/curate/item-header";
import { Panel, recordPage } from "@/components/curate/workspace";
import { canChangeItemStatus, canDecideCorrection, canEditItem } from "@/lib/auth/permissions";
import { getItemCorrections } from "@/lib/curate/researcher-workspace";
import { researchMessages } from "@/lib/i18n/messages-research";
import { getCollectionChoices, getResearcherNames } from "@/lib/curate/items/service";
import { snapshotOf, STATUS_MOVES } from "@/lib/curate/items/store";
import { isLang, type Lang } from "@/lib/i18n/config";
import { editMessages } from "@/lib/i18n/messages-edit";
import { changeStatusAction, loadCurrentItemAction, saveItemAction } from "../actions";
import { FIELD } from "@/components/curate/editor-parts";

type Props = PageProps<"/[lang]/curate/items/[id]">;

// A placeholder for the build (answers 404); real items render on request, per user.
export function generateStaticParams() {
  return [{ id: "0" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: editMessages[isLang(lang) ? lang : "en"].editTitle };
}

async function Editor({ lang, id }: { lang: Lang; id: number }) {
  const t = editMessages[lang];
  const { user, item, target, top } = await loadItemPage(lang, id, "edit", canEditItem);
  const [collections, researcherNames, corrections] = await Promise.all([
    getCollectionChoices(user),
    getResearcherNames(item.contributors.map((c) => c.researcherId).filter((r): r is number => r !== null)),
    getItemCorrections(id),
  ]);
  const openCorrections = corrections.filter((c) => c.status === "OPEN");
  const moves = canChangeItemStatus(user, target) ? STATUS_MOVES[item.status] : [];
  const text = { saved: t.saved, errors: t.errors };
  return (
    <>
      {top}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <ItemEditor
          lang={lang}
          text={t}
          itemId={item.id}
          initial={snapshotOf(item)}
          initialVersion={item.version}
          researcherNames={researcherNames}
          collections={collections}
          saveAction={saveItemAction}
          loadCurrentAction={loadCurrentItemAction}
        />
        <aside className="space-y-4 lg:sticky lg:top-4 lg:self-start">
          <Panel title={t.workflow.title} id="workflow">
            <p className="text-sm">{t.workflow.current.replace("{status}", t.statuses[item.status])}</p>
            {item.withdrawnReason ? <p className="mt-1 break-words text-sm text-muted">{item.withdrawnReason}</p> : null}
            <div className="mt-3 space-y-3">
              {moves.map((move) => (
                <ActionForm
                  key={move}
                  action={changeStatusAction}
                  submitLabel={t.moves[move]}
                  text={text}
                  success={t.workflow.changed.replace("{status}", t.statuses[move])}
                  danger={move === "WITHDRAWN"}
                  className="flex flex-wrap items-end gap-2"
                >
                  <input type="hidden" name="id" value={item.id} />
                  <input type="hidden" name="version" value={item.version} />
                  <input type="hidden" name="status" value={move} />
                  {move === "WITHDRAWN" ? (
                    <label className="w-full text-sm">
                      {t.fields.withdrawnReason}
                      <textarea name="reason" rows={2} required maxLength={1000} className={FIELD} aria-describedby="reason-help" />
                      <span id="reason-help" className="mt-1 block text-xs text-muted">
                        {t.workflow.reasonHelp}
                      </span>
                    </label>
                  ) : null}
                </ActionForm>
              ))}
            </div>
          </Panel>
          {openCorrections.length ? (
            <Panel title={researchMessages[lang].review.title} id="corrections">
              <CorrectionList requests={openCorrections} lang={lang} review={canDecideCorrection(user, target)} />
            </Panel>
          ) : null}
        </aside>
      </div>
    </>
  );
}

export default recordPage(Editor);
