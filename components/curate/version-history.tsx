// The parts of a version history page shared by items, researchers, units and collections: one
// card per recorded change (what, when, who) with a before/after table of the fields it changed,
// and the "restore this version" form (a guarded server action that saves it as a new version).
import type { ReactNode } from "react";
import { ActionForm, type ActionFormText } from "@/components/curate/action-form";
import type { ActionResult } from "@/lib/auth/guard";
import type { Lang } from "@/lib/i18n/config";
import { listDiff } from "./list-diff";

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
  /** Read out before a removed and an added value (the marks are visual). */
  removed: string;
  added: string;
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

// Removed and added text: a tint as well as the line (a thin strike-through is hard to see on Hangul),
// and a word for screen readers, which say nothing of <del> and <ins>.
export function Removed({ children, t }: { children: ReactNode; t: Pick<VersionText, "removed"> }) {
  return (
    <del className="rounded-sm bg-warn/15 px-0.5 decoration-warn/70 [box-decoration-break:clone]">
      <span className="sr-only">{t.removed}: </span>
      {children}
    </del>
  );
}

export function Added({ children, t }: { children: ReactNode; t: Pick<VersionText, "added"> }) {
  return (
    <ins className="rounded-sm bg-accent-soft px-0.5 no-underline [box-decoration-break:clone]">
      <span className="sr-only">{t.added}: </span>
      {children}
    </ins>
  );
}

/** One side of a change: a whole value marked, or a list entry by entry (only the entries that changed marked). */
function Side({ text, entries, side, t }: { text: string; entries: { text: string; changed: boolean }[] | null; side: "before" | "after"; t: VersionText }) {
  const Mark = side === "before" ? Removed : Added;
  if (!text) return <span className="text-muted">{t.none}</span>;
  if (!entries)
    return (
      <Mark t={t}>
        <Value text={text} t={t} />
      </Mark>
    );
  return (
    <ul>
      {entries.map((e, i) => (
        <li key={i}>
          {e.changed ? (
            <Mark t={t}>
              <span aria-hidden="true">{side === "before" ? "− " : "+ "}</span>
              <Value text={e.text} t={t} />
            </Mark>
          ) : (
            <Value text={e.text} t={t} />
          )}
        </li>
      ))}
    </ul>
  );
}

const entriesOf = (text: string) => (text ? text.split("\n") : []);

/**
 * The before/after of each field, values as readable text (`value` turns ids into names, lists into
 * lines). A list field (an array before or after) is compared entry by entry.
 */
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
          {fields.map((k) => {
            const { before, after } = changes[k];
            const [was, is] = [value(k, before), value(k, after)];
            const list = Array.isArray(before) || Array.isArray(after) ? listDiff(entriesOf(was), entriesOf(is)) : null;
            return (
              <tr key={k} className="border-b border-line align-top last:border-0">
                <th scope="row" className="break-words py-1.5 pr-3 font-medium">{label(k)}</th>
                <td className="whitespace-pre-wrap break-words py-1.5 pr-3">
                  <Side text={was} entries={list?.before ?? null} side="before" t={t} />
                </td>
                <td className="whitespace-pre-wrap break-words py-1.5">
                  <Side text={is} entries={list?.after ?? null} side="after" t={t} />
                </td>
              </tr>
            );
          })}
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
