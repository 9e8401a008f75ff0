// The history of a researcher, a unit or a collection: the short list of recent changes beside the
// editor, and the version history page (/curate/{kind}s/{id}/history) with the before/after of each
// field, newest first, and a "restore" button on each earlier version (it saves that version as a
// new one).
import Link from "next/link";
import { notFound } from "next/navigation";
import { Added, ChangeTable, Removed, RestoreForm, VersionCard, type VersionText } from "@/components/curate/version-history";
import { Forbidden, RecordTitle, WorkspaceNav } from "@/components/curate/workspace";
import type { ActionResult } from "@/lib/auth/guard";
import { requirePageUser } from "@/lib/auth/guard";
import type { HistoryEntry } from "@/lib/curate/audit";
import { getRecordHistory, getUnitChoices, type UnitChoice } from "@/lib/curate/records";
import type { Lang } from "@/lib/i18n/config";
import { curateMessages } from "@/lib/i18n/messages-curate";
import { recordMessages, type RecordMessages } from "@/lib/i18n/messages-records";
import { loadRecord, mayEditRecord, type RecordKind } from "./record-kinds";

type Restored = { id: number; version: number; newVersion: number };
export type RestoreAction = (previous: ActionResult<Restored> | null, form: FormData) => Promise<ActionResult<Restored>>;

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

const unitNames = (units: UnitChoice[]) => new Map(units.map((u) => [u.id, u.label]));

/** The last changes, short: who, when, and each field's before → after on one line (lists comma-separated, long text cut). */
export function RecordHistory({ lang, entries, text, units }: { lang: Lang; entries: HistoryEntry[]; text: RecordMessages; units: UnitChoice[] }) {
  if (entries.length === 0) return <p className="text-sm text-muted">{text.history.empty}</p>;
  const names = unitNames(units);
  const marks = curateMessages[lang].diff;
  const brief = (field: string, v: unknown, Mark: typeof Removed | typeof Added) => {
    const s = show(field, v, text, names).replaceAll("\n", ", ");
    return s ? <Mark t={marks}>{s.length > 300 ? `${s.slice(0, 300)}…` : s}</Mark> : "—";
  };
  const dateTime = new Intl.DateTimeFormat(lang === "ko" ? "ko-KR" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <ol className="space-y-3 text-sm">
      {entries.map((e) => (
        <li key={e.id} className="border-b border-line pb-2 last:border-0">
          <p>
            <span className="font-medium">{text.history.actions[e.action] ?? e.action}</span>
            {e.version ? ` · v${e.version}` : ""} · <time dateTime={e.at}>{dateTime.format(new Date(e.at))} UTC</time>
            <span className="text-muted">
              {" "}
              · {e.userName ? text.history.by.replace("{name}", e.userName) : text.history.system}
              {e.apiToken ? ` · ${text.history.viaToken.replace("{token}", e.apiToken)}` : ""}
            </span>
          </p>
          {e.action !== "create" ? (
            <ul className="mt-1 space-y-0.5">
              {Object.entries(e.changes).map(([field, c]) => (
                <li key={field} className="text-muted [overflow-wrap:anywhere]">
                  <span className="text-ink">{text.fields[field] ?? field}</span>: {brief(field, c.before, Removed)} → {brief(field, c.after, Added)}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export async function RecordVersions({ lang, type, id, restoreAction }: { lang: Lang; type: RecordKind; id: number; restoreAction: RestoreAction }) {
  const t = recordMessages[lang];
  const v = t.versions;
  const { user } = await requirePageUser(lang, `/${lang}/curate/${type}s/${id}/history`);
  const record = await loadRecord(type, id);
  if (!record) notFound();
  if (!(await mayEditRecord(type, user, id))) return <Forbidden lang={lang} />;
  const [entries, units] = await Promise.all([getRecordHistory(type, id, 500), getUnitChoices(user)]);
  const names = unitNames(units);
  const vt: VersionText = { field: v.field, before: v.before, after: v.after, none: v.none, more: v.more, by: t.history.by, system: t.history.system, viaToken: t.history.viaToken, ...curateMessages[lang].diff };
  const text = { saved: t.saved, errors: t.errors };
  return (
    <>
      <WorkspaceNav lang={lang} user={user} current={`${type}s`} />
      <RecordTitle kicker={v.title} name={record.name}>
        <p className="flex flex-wrap gap-x-4 text-sm">
          <Link href={`/${lang}/curate/${type}s/${id}`} prefetch={false}>
            {v.back}
          </Link>
          <Link href={`/${lang}/${type}s/${record.slug}`} prefetch={false}>
            {t.list.view}
          </Link>
        </p>
      </RecordTitle>
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
              <ChangeTable fields={fields} changes={e.changes} label={(k) => t.fields[k as keyof typeof t.fields] ?? k} value={(k, x) => show(k, x, t, names)} t={vt} />
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
