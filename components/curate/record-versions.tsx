// The version history page of a researcher, a unit or a collection (/curate/{kind}s/{id}/history):
// every recorded change with the before/after of each field, newest first, and a "restore" button
// on each earlier version (it saves that version as a new one). The routes only pick the kind.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeTable, RestoreForm, VersionCard, type VersionText } from "@/components/curate/version-history";
import { Forbidden, WorkspaceNav } from "@/components/curate/workspace";
import type { ActionResult } from "@/lib/auth/guard";
import { requirePageUser } from "@/lib/auth/guard";
import { access, getEditableCollection, getEditableResearcher, getEditableUnit, getRecordHistory, getUnitChoices } from "@/lib/curate/records";
import type { RestorableType } from "@/lib/curate/restore";
import type { Lang } from "@/lib/i18n/config";
import { recordMessages, type RecordMessages } from "@/lib/i18n/messages-records";

type Restored = { id: number; version: number; newVersion: number };
type RestoreAction = (previous: ActionResult<Restored> | null, form: FormData) => Promise<ActionResult<Restored>>;

const UNIT_FIELDS_BY_ID = new Set(["primaryUnitId", "unitIds", "parentId", "unitId"]);

/** A value as readable text: units by name, lists one per line, links as "label url", photos by checksum. */
function show(field: string, value: unknown, t: RecordMessages, units: Map<number, string>): string {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return "";
  if (UNIT_FIELDS_BY_ID.has(field)) return (Array.isArray(value) ? value : [value]).map((u) => units.get(Number(u)) ?? `#${u}`).join("\n");
  if (field === "photoKey" && typeof value === "string") return `#${value.slice(3, 11)}`;
  if (field === "links" && Array.isArray(value)) return value.map((l: { label?: string; url: string }) => (l.label ? `${l.label} ${l.url}` : l.url)).join("\n");
  if (typeof value === "boolean") return value ? t.versions.yes : t.versions.no;
  if (Array.isArray(value)) return value.map((v) => (v && typeof v === "object" ? JSON.stringify(v) : String(v))).join("\n");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

async function loadRecord(type: RestorableType, id: number): Promise<{ name: string; slug: string; version: number } | null> {
  if (type === "researcher") {
    const r = await getEditableResearcher(id);
    return r && { name: r.displayName, slug: r.slug, version: r.version };
  }
  const r = type === "unit" ? await getEditableUnit(id) : await getEditableCollection(id);
  return r && { name: r.name, slug: r.slug, version: r.version };
}

export async function RecordVersions({ lang, type, id, restoreAction }: { lang: Lang; type: RestorableType; id: number; restoreAction: RestoreAction }) {
  const t = recordMessages[lang];
  const v = t.versions;
  const { user } = await requirePageUser(lang, `/${lang}/curate/${type}s/${id}/history`);
  const record = await loadRecord(type, id);
  if (!record) notFound();
  const mayEdit = type === "researcher" ? access.editResearcher : type === "unit" ? access.editUnit : access.editCollection;
  if (!(await mayEdit(user, { id }))) return <Forbidden lang={lang} />;
  const [entries, units] = await Promise.all([getRecordHistory(type, id, 500), getUnitChoices(user)]);
  const unitNames = new Map(units.map((u) => [u.id, u.label]));
  const vt: VersionText = { field: v.field, before: v.before, after: v.after, none: v.none, more: v.more, by: t.history.by, system: t.history.system, viaToken: t.history.viaToken };
  const text = { saved: t.saved, errors: t.errors };
  return (
    <>
      <WorkspaceNav lang={lang} user={user} current={`${type}s`} />
      <div className="mb-5 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="min-w-0 break-words text-2xl font-semibold tracking-tight">
          <span className="block text-sm font-normal text-muted">{v.title}</span>
          {record.name}
        </h1>
        <p className="flex flex-wrap gap-x-4 text-sm">
          <Link href={`/${lang}/curate/${type}s/${id}`} prefetch={false}>
            {v.back}
          </Link>
          <Link href={`/${lang}/${type}s/${record.slug}`} prefetch={false}>
            {t.list.view}
          </Link>
        </p>
      </div>
      <p className="mb-4 max-w-prose text-sm text-muted">{v.intro}</p>
      {entries.length === 0 ? <p className="text-sm">{t.history.empty}</p> : null}
      <ol className="space-y-4">
        {entries.map((e, i) => {
          const fields = e.action === "create" ? Object.keys(e.changes).filter((k) => e.changes[k].after !== null && e.changes[k].after !== false) : Object.keys(e.changes);
          // A photo change keeps the version of the fields beside it (restoring does not bring photos
          // back): its heading names no version.
          return (
            <VersionCard
              key={e.id}
              lang={lang}
              t={vt}
              at={e.at}
              userName={e.userName}
              apiToken={e.apiToken}
              heading={`${e.version !== null && e.action !== "photo" ? `${v.version.replace("{version}", String(e.version))} · ` : ""}${t.history.actions[e.action] ?? e.action}`}
            >
              <ChangeTable fields={fields} changes={e.changes} label={(k) => t.fields[k as keyof typeof t.fields] ?? k} value={(k, x) => show(k, x, t, unitNames)} t={vt} />
              {e.restorable && e.version !== null && e.version !== record.version ? (
                <div className="mt-3">
                  <RestoreForm action={restoreAction} id={id} currentVersion={record.version} restore={e.version} label={v.restore.replace("{version}", String(e.version))} text={text} success={v.restored} />
                </div>
              ) : null}
              {/* Records loaded or imported without a history: the oldest change still knows what came before it. */}
              {i === entries.length - 1 && e.action !== "create" && e.action !== "photo" && e.version !== null && e.version > 1 ? (
                <div className="mt-2">
                  <RestoreForm action={restoreAction} id={id} currentVersion={record.version} restore={e.version - 1} label={v.restoreBefore.replace("{version}", String(e.version - 1))} text={text} success={v.restored} />
                </div>
              ) : null}
            </VersionCard>
          );
        })}
      </ol>
    </>
  );
}
