// Pieces shared by the workspace's forms: the look of a field (every form), and for the item and
// record editors the notes under a field, the conflict panel (someone else saved first: what
// differs, reapply my edits or take theirs) and the save bar.

export const FIELD =
  "mt-1 block w-full rounded-lg border border-line bg-paper px-3 py-1.5 text-sm text-ink focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30 aria-[invalid=true]:border-warn";

export type ConflictText = { title: string; body: string; field: string; yours: string; theirs: string; reapply: string; discard: string; none: string };

export type ConflictRow = { field: string; label: string; yours: string; theirs: string };

/** The fields that differ between the curator's values and the saved version `version`, and the two ways on. */
export function ConflictPanel({
  text,
  version,
  rows,
  pending,
  onReapply,
  onDiscard,
}: {
  text: ConflictText;
  version: number;
  rows: ConflictRow[];
  pending: boolean;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  return (
    <section aria-labelledby="conflict-title" className="rounded-xl border-2 border-warn/60 bg-surface p-5" data-testid="conflict">
      <h2 id="conflict-title" tabIndex={-1} className="text-lg font-semibold text-warn">
        {text.title}
      </h2>
      <p className="mt-1 text-sm">{text.body.replace("{version}", String(version))}</p>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full table-fixed text-left text-sm">
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="w-1/4 py-1.5 pr-3">{text.field}</th>
              <th scope="col" className="py-1.5 pr-3">{text.yours}</th>
              <th scope="col" className="py-1.5">{text.theirs}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.field} className="border-b border-line align-top">
                <th scope="row" className="py-1.5 pr-3 font-medium">{r.label}</th>
                <td className="whitespace-pre-wrap break-words py-1.5 pr-3">{r.yours || text.none}</td>
                <td className="whitespace-pre-wrap break-words py-1.5">{r.theirs || text.none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" disabled={pending} onClick={onReapply} className="rounded-lg bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink hover:opacity-90 disabled:opacity-60">
          {text.reapply}
        </button>
        <button
          type="button"
          disabled={pending}
          onClick={onDiscard}
          className="rounded-lg border border-line px-3 py-1.5 text-sm font-medium hover:border-accent hover:text-accent disabled:opacity-60"
        >
          {text.discard}
        </button>
      </div>
    </section>
  );
}

/** The help under a field and its message from the server (ids `{name}-help`, `{name}-error`). */
export function FieldNotes({ name, help, error }: { name: string; help?: string; error?: string }) {
  return (
    <>
      {help ? (
        <span id={`${name}-help`} className="mt-1 block text-xs text-muted">
          {help}
        </span>
      ) : null}
      {error ? (
        <span id={`${name}-error`} className="mt-1 block text-sm text-warn">
          {error}
        </span>
      ) : null}
    </>
  );
}

/** The ids a field's aria-describedby names: its help and its message, when there are. */
export const describedBy = (name: string, help?: string, error?: string) => [help ? `${name}-help` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;

/** The sticky bar under an editor: the submit button, the version being edited, and the outcome of the last save or "unsaved". */
export function SaveBar({
  label,
  pending,
  saving,
  version,
  message,
  unsaved,
}: {
  label: string;
  pending: boolean;
  saving: string;
  version?: string;
  message: { ok: boolean; text: string } | null;
  unsaved: string;
}) {
  return (
    <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-line bg-paper/95 py-3">
      <button type="submit" disabled={pending} className="rounded-lg bg-accent px-4 py-2 text-sm font-semibold text-accent-ink hover:opacity-90 disabled:opacity-60">
        {pending ? saving : label}
      </button>
      {version ? <span className="text-sm text-muted">{version}</span> : null}
      <p role="status" aria-live="polite" className={`text-sm ${message ? (message.ok ? "text-muted" : "text-warn") : ""}`}>
        {message?.text ?? unsaved}
      </p>
    </div>
  );
}
