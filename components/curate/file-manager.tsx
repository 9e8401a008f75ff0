"use client";
// The files screen's interactive part. Uploads go straight to the upload route with
// XMLHttpRequest (the only browser API that reports upload progress), one file after another;
// the other changes call guarded server actions. After each change the server page is refreshed,
// so the list always shows what the database holds.
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/guard";
import { formatBytes } from "@/lib/curate/files/format";
import type { Lang } from "@/lib/i18n/config";
import { filesMessages, type FilesMessages } from "@/lib/i18n/messages-files";

type Access = "OPEN" | "EMBARGOED" | "RESTRICTED";
export type ManagedFile = {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
  description: string | null;
  access: Access;
  embargoUntil: string | null;
  version: number;
  downloads: number;
};
type Action<R> = (previous: ActionResult<R> | null, form: FormData) => Promise<ActionResult<R>>;

type Upload = { key: string; name: string; loaded: number; total: number };
type Note = { ok: boolean; text: string };

const fill = (s: string, values: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

function problemText(t: FilesMessages, status: number, body: Record<string, unknown> | null): string {
  const code = typeof body?.code === "string" ? body.code : status === 401 ? "unauthenticated" : status === 403 ? "forbidden" : status === 413 ? "too-large" : status >= 500 ? "server" : "invalid";
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(body ?? {})) if (typeof v === "string" || typeof v === "number") values[k] = v;
  if (typeof values.limit === "number") values.limit = formatBytes(values.limit);
  if (typeof values.detected === "string") values.detected = values.detected ? values.detected.toUpperCase() : "";
  if (code === "mismatch" && !values.detected) return fill(t.errors.mismatchUnknown, values);
  const template = (t.errors as Record<string, string>)[code] ?? t.errors.invalid;
  return fill(template, values);
}

function send(url: string, method: "POST" | "PUT", file: File, onProgress: (loaded: number) => void): Promise<{ status: number; body: Record<string, unknown> | null }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      let body: Record<string, unknown> | null = null;
      try {
        body = JSON.parse(xhr.responseText) as Record<string, unknown>;
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: { code: "network" } });
    xhr.send(file);
  });
}

export function FileManager({
  lang,
  itemId,
  maxBytes,
  files,
  actions,
}: {
  lang: Lang;
  itemId: number;
  maxBytes: number;
  files: (ManagedFile & { updatedAt: string })[];
  actions: { update: Action<{ fileId: number }>; move: Action<{ fileId: number }>; remove: Action<{ name: string }> };
}) {
  const t = filesMessages[lang];
  const router = useRouter();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [notes, setNotes] = useState<Note[]>([]);
  const [dragging, setDragging] = useState(false);
  const [pending, startTransition] = useTransition();
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();

  async function uploadAll(list: File[], replaceId?: number) {
    const results: Note[] = [];
    for (const file of list) {
      // The server enforces the limit too; this spares sending a file that would be refused.
      if (file.size > maxBytes) {
        results.push({ ok: false, text: fill(t.failed, { name: file.name, reason: fill(t.errors["too-large"], { limit: formatBytes(maxBytes) }) }) });
        setNotes([...results]);
        continue;
      }
      const key = `${file.name}-${file.size}-${Math.random()}`;
      setUploads((u) => [...u, { key, name: file.name, loaded: 0, total: file.size }]);
      const url = replaceId
        ? `/api/v1/curate/files/${replaceId}?name=${encodeURIComponent(file.name)}`
        : `/api/v1/curate/files?item=${itemId}&name=${encodeURIComponent(file.name)}`;
      const { status, body } = await send(url, replaceId ? "PUT" : "POST", file, (loaded) =>
        setUploads((u) => u.map((x) => (x.key === key ? { ...x, loaded } : x))),
      );
      setUploads((u) => u.filter((x) => x.key !== key));
      const shown = typeof body?.fileName === "string" ? body.fileName : file.name;
      if (status === 200 || status === 201) results.push({ ok: true, text: fill(replaceId ? t.replaced : t.uploaded, { name: shown }) });
      else results.push({ ok: false, text: fill(t.failed, { name: file.name, reason: problemText(t, status, body) }) });
      setNotes([...results]);
      startTransition(() => router.refresh());
    }
  }

  function onChoose(e: React.ChangeEvent<HTMLInputElement>) {
    const list = Array.from(e.target.files ?? []);
    e.target.value = "";
    if (list.length) void uploadAll(list);
  }

  async function runAction<R>(action: Action<R>, fields: Record<string, string>, success: (data: R) => string) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    const result = await action(null, form);
    if (result.ok) setNotes([{ ok: true, text: success(result.data) }]);
    else {
      const key = result.message && result.message in t.errors ? result.message : result.error;
      setNotes([{ ok: false, text: (t.errors as Record<string, string>)[key] ?? t.errors.invalid }]);
    }
    startTransition(() => router.refresh());
    return result.ok;
  }

  return (
    <div className="mt-6 grid gap-6">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const list = Array.from(e.dataTransfer.files);
          if (list.length) void uploadAll(list);
        }}
        className={`rounded-xl border-2 border-dashed p-6 text-center transition-colors ${dragging ? "border-accent bg-accent-soft" : "border-line bg-surface"}`}
        data-testid="dropzone"
      >
        <p className="text-sm">
          {t.drop}{" "}
          <label htmlFor={inputId} className="cursor-pointer font-medium text-accent underline underline-offset-2">
            {t.choose}
          </label>
        </p>
        <input ref={inputRef} id={inputId} type="file" multiple onChange={onChoose} className="sr-only" />
        <p className="mt-1 text-xs text-muted">
          {t.chooseHelp} {fill(t.limit, { size: formatBytes(maxBytes) })}
        </p>
      </div>

      {uploads.length > 0 ? (
        <ul className="grid gap-3" aria-label={t.title}>
          {uploads.map((u) => {
            const label = fill(t.uploading, { name: u.name });
            const pct = u.total ? Math.min(100, Math.round((u.loaded / u.total) * 100)) : 0;
            return (
              <li key={u.key} className="text-sm">
                <div className="flex justify-between gap-3">
                  <span className="truncate">{label}</span>
                  <span className="tabular-nums text-muted">{pct}%</span>
                </div>
                <progress className="mt-1 h-2 w-full accent-accent" max={u.total || 1} value={u.loaded} aria-label={label} />
              </li>
            );
          })}
        </ul>
      ) : null}

      <div role="status" aria-live="polite" className="grid gap-1 empty:hidden" data-testid="file-notes">
        {notes.map((n, i) => (
          <p key={i} className={`rounded-lg px-3 py-2 text-sm ${n.ok ? "bg-accent-soft text-ink" : "border border-warn/50 text-warn"}`}>
            {n.text}
          </p>
        ))}
      </div>

      <section aria-labelledby="files-list">
        <h2 id="files-list" className="mb-3 text-base font-semibold tracking-tight">
          {t.list} <span className="font-normal text-muted">({files.length})</span>
        </h2>
        {files.length === 0 ? (
          <p className="text-sm text-muted">{t.empty}</p>
        ) : (
          <ol className="divide-y divide-line rounded-xl border border-line bg-surface" aria-busy={pending}>
            {files.map((f, index) => (
              <FileRow
                key={f.id}
                file={f}
                first={index === 0}
                last={index === files.length - 1}
                t={t}
                lang={lang}
                onMove={(direction) => runAction(actions.move, { fileId: String(f.id), direction }, () => t.saved)}
                onSave={(fields) => runAction(actions.update, { fileId: String(f.id), ...fields }, () => t.saved)}
                onDelete={() => runAction(actions.remove, { fileId: String(f.id) }, (d) => fill(t.deleted, { name: d.name }))}
                onReplace={(file) => uploadAll([file], f.id)}
              />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function FileRow({
  file,
  first,
  last,
  t,
  lang,
  onMove,
  onSave,
  onDelete,
  onReplace,
}: {
  file: ManagedFile;
  first: boolean;
  last: boolean;
  t: FilesMessages;
  lang: Lang;
  onMove: (direction: "up" | "down") => Promise<boolean>;
  onSave: (fields: Record<string, string>) => Promise<boolean>;
  onDelete: () => Promise<boolean>;
  onReplace: (file: File) => Promise<void>;
}) {
  const [mode, setMode] = useState<"view" | "edit" | "confirm">("view");
  const [access, setAccess] = useState<Access>(file.access);
  const [busy, setBusy] = useState(false);
  const ids = useId();
  const date = file.embargoUntil ? new Intl.DateTimeFormat(lang === "ko" ? "ko-KR" : "en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${file.embargoUntil}T00:00:00Z`)) : "";
  const accessText = file.access === "EMBARGOED" ? fill(t.access.EMBARGOED, { date }) : t.access[file.access];
  const button = "rounded-lg border border-line px-2.5 py-1 text-sm font-medium text-ink hover:border-accent hover:text-accent disabled:opacity-40";
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="grid gap-3 p-4" data-file-id={file.id}>
      <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
        <div className="min-w-0 flex-1 basis-64">
          <a href={`/files/${file.id}/${encodeURIComponent(file.fileName)}`} className="font-medium break-all" data-testid="file-name">
            {file.fileName}
          </a>
          {file.description ? <p className="text-sm text-ink">{file.description}</p> : null}
          <dl className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted">
            <div className="flex gap-1">
              <dt className="sr-only">{t.columns.size}</dt>
              <dd>{formatBytes(file.size)}</dd>
            </div>
            <div className="flex gap-1">
              <dt className="sr-only">{t.columns.type}</dt>
              <dd className="break-all">{file.mimeType.split(";")[0]}</dd>
            </div>
            <div className="flex gap-1">
              <dt className="sr-only">{t.columns.access}</dt>
              <dd data-testid="file-access" className={file.access === "OPEN" ? "" : "font-medium text-warn"}>
                {accessText}
              </dd>
            </div>
            <div className="flex gap-1">
              <dt>{t.columns.downloads}</dt>
              <dd className="tabular-nums">{file.downloads.toLocaleString(lang)}</dd>
            </div>
            {file.version > 1 ? (
              <div className="flex gap-1">
                <dt className="sr-only">{t.versionLabel}</dt>
                <dd>{fill(t.version, { n: file.version })}</dd>
              </div>
            ) : null}
          </dl>
        </div>
        <div className="flex flex-wrap gap-1.5">
          <button type="button" className={button} disabled={first || busy} onClick={() => run(() => onMove("up"))} aria-label={fill(t.moveUp, { name: file.fileName })}>
            ↑
          </button>
          <button type="button" className={button} disabled={last || busy} onClick={() => run(() => onMove("down"))} aria-label={fill(t.moveDown, { name: file.fileName })}>
            ↓
          </button>
          <button type="button" className={button} aria-expanded={mode === "edit"} onClick={() => setMode(mode === "edit" ? "view" : "edit")}>
            {t.edit}
          </button>
          <label className={`${button} cursor-pointer focus-within:outline-2 focus-within:outline-accent`}>
            {t.replace}
            <input
              type="file"
              className="sr-only"
              aria-label={fill(t.replaceLabel, { name: file.fileName })}
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                e.target.value = "";
                if (chosen) void run(() => onReplace(chosen));
              }}
            />
          </label>
          <button type="button" className={`${button} text-warn`} onClick={() => setMode("confirm")}>
            {t.delete}
          </button>
        </div>
      </div>

      {mode === "confirm" ? (
        <div role="alertdialog" aria-labelledby={`${ids}-confirm`} className="flex flex-wrap items-center gap-2 rounded-lg border border-warn/50 p-3">
          <p id={`${ids}-confirm`} className="flex-1 basis-64 text-sm">
            {fill(t.deleteConfirm, { name: file.fileName })}
          </p>
          <button type="button" disabled={busy} className="rounded-lg bg-warn px-3 py-1.5 text-sm font-medium text-paper hover:opacity-90" onClick={() => run(async () => (await onDelete()) && setMode("view"))}>
            {t.deleteYes}
          </button>
          <button type="button" className={button} onClick={() => setMode("view")} autoFocus>
            {t.cancel}
          </button>
        </div>
      ) : null}

      {mode === "edit" ? (
        <form
          className="grid gap-3 rounded-lg border border-line p-3 sm:grid-cols-2"
          aria-label={fill(t.editTitle, { name: file.fileName })}
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            const fields: Record<string, string> = {};
            for (const [k, v] of data.entries()) if (typeof v === "string") fields[k] = v;
            void run(async () => (await onSave(fields)) && setMode("view"));
          }}
        >
          <div className="grid gap-1 sm:col-span-2">
            <label htmlFor={`${ids}-desc`} className="text-sm font-medium">
              {t.description}
            </label>
            <input id={`${ids}-desc`} name="description" defaultValue={file.description ?? ""} maxLength={2000} aria-describedby={`${ids}-deschelp`} className="rounded-lg border border-line bg-paper px-3 py-1.5 text-sm" />
            <p id={`${ids}-deschelp`} className="text-xs text-muted">
              {t.descriptionHelp}
            </p>
          </div>
          <div className="grid gap-1">
            <label htmlFor={`${ids}-access`} className="text-sm font-medium">
              {t.accessLabel}
            </label>
            <select id={`${ids}-access`} name="access" value={access} onChange={(e) => setAccess(e.target.value as Access)} className="rounded-lg border border-line bg-paper px-3 py-1.5 text-sm">
              {(["OPEN", "EMBARGOED", "RESTRICTED"] as const).map((a) => (
                <option key={a} value={a}>
                  {t.accessOptions[a]}
                </option>
              ))}
            </select>
          </div>
          {access === "EMBARGOED" ? (
            <div className="grid gap-1">
              <label htmlFor={`${ids}-until`} className="text-sm font-medium">
                {t.embargoUntil}
              </label>
              <input id={`${ids}-until`} type="date" name="embargoUntil" required defaultValue={file.embargoUntil ?? ""} className="rounded-lg border border-line bg-paper px-3 py-1.5 text-sm" />
            </div>
          ) : null}
          <div className="flex gap-2 sm:col-span-2">
            <button type="submit" disabled={busy} className="rounded-lg bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink hover:opacity-90">
              {t.save}
            </button>
            <button type="button" className={button} onClick={() => setMode("view")}>
              {t.cancel}
            </button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
