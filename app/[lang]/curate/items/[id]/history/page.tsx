// /curate/items/{id}/history — every recorded change of an item (who, when, what: the before and
// after of each field), newest first; any version can be restored, which saves it as a new version.
import type { Metadata } from "next";
import { loadItemPage } from "@/components/curate/item-header";
import { ChangeTable, RestoreForm, VersionCard, type VersionText } from "@/components/curate/version-history";
import { recordPage } from "@/components/curate/workspace";
import { canChangeItemStatus, canViewItemHistory } from "@/lib/auth/permissions";
import { getCollectionChoices, getItemHistory } from "@/lib/curate/items/service";
import { isLang, type Lang } from "@/lib/i18n/config";
import { curateMessages } from "@/lib/i18n/messages-curate";
import { editMessages, type EditMessages } from "@/lib/i18n/messages-edit";
import { restoreVersionAction } from "../../actions";
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

async function History({ lang, id }: { lang: Lang; id: number }) {
  const t = editMessages[lang];
  const { user, item, target, top } = await loadItemPage(lang, id, "history", canViewItemHistory);
  const [entries, choices] = await Promise.all([getItemHistory(id), getCollectionChoices(user)]);
  const collections = new Map(choices.map((c) => [c.id, `${c.unitLabel} › ${c.label}`]));
  const mayRestore = canChangeItemStatus(user, target);
  const f = researchMessages[lang].history;
  // File ids → names, from the entries themselves (deleted files keep their last known name).
  const fileNames = new Map<number, string>();
  for (const e of [...entries].reverse()) if (e.fileId !== null && e.fileName) fileNames.set(e.fileId, e.fileName);
  const versionEntries = entries.filter((e) => !e.action.startsWith("file."));
  const oldest = versionEntries[versionEntries.length - 1];
  const text = { saved: t.saved, errors: t.errors };
  const restoreForm = (version: number, label: string) => (
    <RestoreForm action={restoreVersionAction} id={item.id} currentVersion={item.version} restore={version} label={label} text={text} success={t.history.restored} />
  );
  const vt: VersionText = { field: t.conflict.field, before: t.history.before, after: t.history.after, none: t.conflict.none, more: t.history.more, by: t.history.by, system: t.history.system, viaToken: t.history.viaToken, ...curateMessages[lang].diff };
  return (
    <>
      {top}
      <p className="mb-4 max-w-prose text-sm text-muted">{t.history.intro}</p>
      {entries.length === 0 ? <p className="text-sm">{t.history.empty}</p> : null}
      <ol className="space-y-4">
        {entries.map((e) => {
          const isFile = e.action.startsWith("file.");
          const fields = Object.keys(e.changes).filter((k) => !(isFile && (k === "itemId" || k === "sha256")));
          const label = (k: string) => (isFile ? (f.fields[k] ?? k) : (t.fields[k] ?? k));
          const value = (k: string, v: unknown) => (isFile ? showFileValue(k, v, f, fileNames) : show(k, v, t, collections));
          return (
            <VersionCard
              key={e.id}
              lang={lang}
              t={vt}
              at={e.at}
              userName={e.userName}
              apiToken={e.apiToken}
              heading={
                <>
                  {e.version !== null ? `${t.version.replace("{version}", String(e.version))} · ` : ""}
                  {t.history.actions[e.action] ?? f.actions[e.action] ?? e.action}
                  {isFile && e.fileName ? ` · ${e.fileName}` : ""}
                  {e.summary && e.action === "status" ? ` · ${e.summary.split(" → ").map((s) => t.statuses[s] ?? s).join(" → ")}` : ""}
                </>
              }
            >
              <ChangeTable fields={fields} changes={e.changes} label={label} value={value} t={vt} />
              {mayRestore && e.restorable && e.version !== null && e.version !== item.version ? (
                <div className="mt-3">{restoreForm(e.version, t.history.restore.replace("{version}", String(e.version)))}</div>
              ) : null}
              {mayRestore && e === oldest && e.action !== "create" && e.version !== null && e.version > 1 ? (
                <div className="mt-2">{restoreForm(e.version - 1, t.history.restoreBefore.replace("{version}", String(e.version - 1)))}</div>
              ) : null}
            </VersionCard>
          );
        })}
      </ol>
    </>
  );
}

export default recordPage(History);
