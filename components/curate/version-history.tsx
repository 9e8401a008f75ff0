// The parts of a version history page shared by items, researchers, units and collections: one
// card per recorded change (what, when, who) with a before/after table of the fields it changed,
// and the "restore this version" form (a guarded server action that saves it as a new version).
import type { ReactNode } from "react";
import { ActionForm, type ActionFormText } from "@/components/curate/action-form";
import type { ActionResult } from "@/lib/auth/guard";
import type { Lang } from "@/lib/i18n/config";

export type VersionText = {
  /** Column headings. */
  field: string;
  before: string;
  after: string;
  /** An empty value. */
  none: string;
  /** After a long value is cut: "{n} more characters". */
  more: string;
  /** "by {name}", and the author of changes made by no one in particular. */
  by: string;
  system: string;
  /** "via API token “{token}”", after the author of a change made with a personal API token. */
  viaToken: string;
};

const SHOWN = 600;

function Value({ text, t }: { text: string; t: VersionText }) {
  if (!text) return <span className="text-muted">{t.none}</span>;
  const chars = [...text];
  return (
    <>
      {chars.length > SHOWN ? chars.slice(0, SHOWN).join("") + "…" : text}
      {chars.length > SHOWN ? <span className="block text-xs text-muted">{t.more.replace("{n}", String(chars.length - SHOWN))}</span> : null}
    </>
  );
}

/** The before/after of each field, values as readable text (`value` turns ids into names, lists into lines). */
export function ChangeTable({
  fields,
  changes,
  label,
  value,
  t,
}: {
  fields: string[];
  changes: Record<string, { before: unknown; after: unknown }>;
  label: (field: string) => string;
  value: (field: string, v: unknown) => string;
  t: VersionText;
}) {
  if (fields.length === 0) return null;
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full table-fixed text-left text-sm">
        <thead>
          <tr className="border-b border-line text-muted">
            <th scope="col" className="w-1/5 py-1 pr-3 font-medium">{t.field}</th>
            <th scope="col" className="py-1 pr-3 font-medium">{t.before}</th>
            <th scope="col" className="py-1 font-medium">{t.after}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((k) => (
            <tr key={k} className="border-b border-line align-top last:border-0">
              <th scope="row" className="break-words py-1.5 pr-3 font-medium">{label(k)}</th>
              <td className="whitespace-pre-wrap break-words py-1.5 pr-3">
                <del className="decoration-warn/60">
                  <Value text={value(k, changes[k].before)} t={t} />
                </del>
              </td>
              <td className="whitespace-pre-wrap break-words py-1.5">
                <ins className="no-underline">
                  <Value text={value(k, changes[k].after)} t={t} />
                </ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One recorded change: its heading, when and by whom, then what it changed and what can be done. */
export function VersionCard({
  lang,
  heading,
  at,
  userName,
  apiToken,
  t,
  children,
}: {
  lang: Lang;
  heading: ReactNode;
  at: string;
  userName: string | null;
  apiToken?: string | null;
  t: VersionText;
  children?: ReactNode;
}) {
  const dateTime = new Intl.DateTimeFormat(lang === "ko" ? "ko-KR" : "en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
  return (
    <li className="rounded-xl border border-line bg-surface p-4" data-testid="history-entry">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="min-w-0 break-words font-semibold">{heading}</h2>
        <p className="text-sm text-muted">
          <time dateTime={at}>{dateTime.format(new Date(at))} UTC</time> · {t.by.replace("{name}", userName ?? t.system)}
          {apiToken ? ` · ${t.viaToken.replace("{token}", apiToken)}` : ""}
        </p>
      </div>
      {children}
    </li>
  );
}

/** "Restore version N": posts the record, the version the user sees (optimistic locking) and the version to restore. */
export function RestoreForm<R>({
  action,
  id,
  currentVersion,
  restore,
  label,
  success,
  text,
}: {
  action: (previous: ActionResult<R> | null, form: FormData) => Promise<ActionResult<R>>;
  id: number;
  currentVersion: number;
  restore: number;
  label: string;
  success: string;
  text: ActionFormText;
}) {
  return (
    <ActionForm action={action} submitLabel={label} text={text} success={success} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={currentVersion} />
      <input type="hidden" name="restore" value={restore} />
    </ActionForm>
  );
}
