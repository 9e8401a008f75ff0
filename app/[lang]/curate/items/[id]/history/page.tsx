// /curate/items/{id}/history — every recorded change of an item (who, when, what: the before and
// after of each field), newest first; any version can be restored, which saves it as a new version.
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { Suspense } from "react";
import { ActionForm } from "@/components/curate/action-form";
import { ItemHeader } from "@/components/curate/item-header";
import { WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import { requirePageUser } from "@/lib/auth/guard";
import { canChangeItemStatus, canViewItemHistory } from "@/lib/auth/permissions";
import { getCollectionChoices, getEditableItem, getItemHistory, getItemTarget } from "@/lib/curate/items/service";
import { isLang, type Lang } from "@/lib/i18n/config";
import { editMessages, type EditMessages } from "@/lib/i18n/messages-edit";
import { restoreVersionAction } from "../../actions";
import { parseItemId } from "@/lib/curate/items/schema";
import { formatBytes } from "@/lib/curate/files/format";
import { researchMessages } from "@/lib/i18n/messages-research";

type Props = PageProps<"/[lang]/curate/items/[id]/history">;

// A placeholder for the build (answers 404); real items render on request, per user.
export function generateStaticParams() {
  return [{ id: "0" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: editMessages[isLang(lang) ? lang : "en"].historyTitle };
}

const SHOWN = 600;

type FileText = (typeof researchMessages)["en"]["history"];

/** A file entry's value as readable text: sizes in bytes, access by name, the order as file names. */
function showFileValue(field: string, value: unknown, f: FileText, fileNames: Map<number, string>): string {
  if (value === null || value === undefined || value === "") return "";
  if (field === "size") return formatBytes(Number(value));
  if (field === "access") return f.access[String(value)] ?? String(value);
  if (field === "order" && Array.isArray(value)) return value.map((id, i) => `${i + 1}. ${fileNames.get(Number(id)) ?? `#${id}`}`).join("\n");
  return String(value);
}

/** A field's value as readable text (lists one per line, contributors by name and role). */
function show(field: string, value: unknown, t: EditMessages, collections: Map<number, string>): string {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return "";
  if (field === "contributors" && Array.isArray(value))
    return value.map((c: { name: string; role: string; orcid?: string | null }) => `${c.name} (${t.roles[c.role] ?? c.role})${c.orcid ? ` ${c.orcid}` : ""}`).join("\n");
  if (field === "funding" && Array.isArray(value)) return value.map((f: { funder: string; awardNumber?: string | null }) => (f.awardNumber ? `${f.funder}; ${f.awardNumber}` : f.funder)).join("\n");
  if (field === "collectionId") return collections.get(Number(value)) ?? String(value);
  if (field === "mappedCollectionIds" && Array.isArray(value)) return value.map((c) => collections.get(Number(c)) ?? String(c)).join("\n");
  if (field === "type") return t.types[String(value)] ?? String(value);
  if (field === "status") return t.statuses[String(value)] ?? String(value);
  if (Array.isArray(value)) return value.join("\n");
  return String(value);
}

function Value({ text, t }: { text: string; t: EditMessages }) {
  if (!text) return <span className="text-muted">{t.conflict.none}</span>;
  const chars = [...text];
  return (
    <>
      {chars.length > SHOWN ? chars.slice(0, SHOWN).join("") + "…" : text}
      {chars.length > SHOWN ? <span className="block text-xs text-muted">{t.history.more.replace("{n}", String(chars.length - SHOWN))}</span> : null}
    </>
  );
}

async function History({ lang, id }: { lang: Lang; id: number }) {
  const t = editMessages[lang];
  const { user } = await requirePageUser(lang, `/${lang}/curate/items/${id}/history`);
  const [item, target] = await Promise.all([getEditableItem(id), getItemTarget(id)]);
  if (!item || !target) notFound();
  if (!canViewItemHistory(user, target)) forbidden();
  const [entries, choices] = await Promise.all([getItemHistory(id), getCollectionChoices(user)]);
  const collections = new Map(choices.map((c) => [c.id, `${c.unitLabel} › ${c.label}`]));
  const mayRestore = canChangeItemStatus(user, target);
  const dateTime = new Intl.DateTimeFormat(lang === "ko" ? "ko-KR" : "en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
  const f = researchMessages[lang].history;
  // File ids → names, from the entries themselves (deleted files keep their last known name).
  const fileNames = new Map<number, string>();
  for (const e of [...entries].reverse()) if (e.fileId !== null && e.fileName) fileNames.set(e.fileId, e.fileName);
  const versionEntries = entries.filter((e) => !e.action.startsWith("file."));
  const oldest = versionEntries[versionEntries.length - 1];
  const text = { saved: t.saved, errors: t.errors };
  const restoreForm = (version: number, label: string) => (
    <ActionForm action={restoreVersionAction} submitLabel={label} text={text} success={t.history.restored} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <input type="hidden" name="restore" value={version} />
    </ActionForm>
  );
  return (
    <>
      <WorkspaceNav lang={lang} user={user} current="dashboard" />
      <ItemHeader lang={lang} item={item} current="history" />
      <p className="mb-4 max-w-prose text-sm text-muted">{t.history.intro}</p>
      {entries.length === 0 ? <p className="text-sm">{t.history.empty}</p> : null}
      <ol className="space-y-4">
        {entries.map((e) => {
          const isFile = e.action.startsWith("file.");
          const fields = Object.keys(e.changes).filter((k) => !(isFile && (k === "itemId" || k === "sha256")));
          const label = (k: string) => (isFile ? (f.fields[k] ?? k) : (t.fields[k] ?? k));
          const value = (k: string, v: unknown) => (isFile ? showFileValue(k, v, f, fileNames) : show(k, v, t, collections));
          return (
            <li key={e.id} className="rounded-xl border border-line bg-surface p-4" data-testid="history-entry">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold">
                  {e.version !== null ? `${t.version.replace("{version}", String(e.version))} · ` : ""}
                  {t.history.actions[e.action] ?? f.actions[e.action] ?? e.action}
                  {isFile && e.fileName ? ` · ${e.fileName}` : ""}
                  {e.summary && e.action === "status" ? ` · ${e.summary.split(" → ").map((s) => t.statuses[s] ?? s).join(" → ")}` : ""}
                </h2>
                <p className="text-sm text-muted">
                  <time dateTime={e.at}>{dateTime.format(new Date(e.at))} UTC</time> · {t.history.by.replace("{name}", e.userName ?? t.history.system)}
                  {e.apiToken ? ` · ${t.history.viaToken.replace("{token}", e.apiToken)}` : ""}
                </p>
              </div>
              {fields.length ? (
                <div className="mt-3 overflow-x-auto">
                  <table className="w-full table-fixed text-left text-sm">
                    <thead>
                      <tr className="border-b border-line text-muted">
                        <th scope="col" className="w-1/5 py-1 pr-3 font-medium">{t.conflict.field}</th>
                        <th scope="col" className="py-1 pr-3 font-medium">{t.history.before}</th>
                        <th scope="col" className="py-1 font-medium">{t.history.after}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {fields.map((k) => (
                        <tr key={k} className="border-b border-line align-top last:border-0">
                          <th scope="row" className="py-1.5 pr-3 font-medium">{label(k)}</th>
                          <td className="whitespace-pre-wrap break-words py-1.5 pr-3">
                            <del className="decoration-warn/60">
                              <Value text={value(k, e.changes[k].before)} t={t} />
                            </del>
                          </td>
                          <td className="whitespace-pre-wrap break-words py-1.5">
                            <ins className="no-underline">
                              <Value text={value(k, e.changes[k].after)} t={t} />
                            </ins>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
              {mayRestore && e.restorable && e.version !== null && e.version !== item.version ? (
                <div className="mt-3">{restoreForm(e.version, t.history.restore.replace("{version}", String(e.version)))}</div>
              ) : null}
              {mayRestore && e === oldest && e.action !== "create" && e.version !== null && e.version > 1 ? (
                <div className="mt-2">{restoreForm(e.version - 1, t.history.restoreBefore.replace("{version}", String(e.version - 1)))}</div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}

export default async function ItemHistoryPage({ params }: Props) {
  const { lang, id } = await params;
  if (!isLang(lang)) notFound();
  const n = parseItemId(id);
  if (n === null) notFound();
  return (
    <div className={WORKSPACE}>
      <Suspense fallback={<WorkspaceSkeleton />}>
        <History lang={lang} id={n} />
      </Suspense>
    </div>
  );
}
