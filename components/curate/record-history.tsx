// The last changes of a researcher, unit or collection: who, when, and the before/after of each
// field, newest first (a server component; the entries come from lib/curate/audit listHistory).
import type { HistoryEntry } from "@/lib/curate/audit";
import type { Lang } from "@/lib/i18n/config";
import type { RecordMessages } from "@/lib/i18n/messages-records";

const show = (v: unknown): string => {
  if (v === null || v === undefined) return "—";
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === "object" ? JSON.stringify(x) : String(x))).join(", ");
  if (typeof v === "object") return JSON.stringify(v);
  const s = String(v);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
};

/** A photo is named by the start of its checksum, not its whole storage key. */
const shown = (field: string, v: unknown) => (field === "photoKey" && typeof v === "string" ? `#${v.slice(3, 11)}` : show(v));

export function RecordHistory({ lang, entries, text }: { lang: Lang; entries: HistoryEntry[]; text: RecordMessages }) {
  if (entries.length === 0) return <p className="text-sm text-muted">{text.history.empty}</p>;
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
                  <span className="text-ink">{text.fields[field] ?? field}</span>: <del>{shown(field, c.before)}</del> → <ins className="no-underline">{shown(field, c.after)}</ins>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
