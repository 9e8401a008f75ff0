"use client";
// The editor of researchers, units and collections: fields described by the page, messages next
// to each field, and the save with optimistic locking. When someone else saved first it shows what
// changed (field by field) and reapplies the curator's own edits onto the saved version.
import { useRouter } from "next/navigation";
import { useId, useMemo, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/guard";
import { ConflictPanel, describedBy, FIELD, FieldNotes, SaveBar, type ConflictText } from "./editor-parts";
import { fieldText, reapply, toFormData, toFormValues, type RecordFormValues } from "./record-form-values";
import { useEditorValues } from "./editor-values";

type Action<R> = (previous: ActionResult<R> | null, form: FormData) => Promise<ActionResult<R>>;

export type RecordOption = { value: string; label: string; disabled?: boolean };

export type RecordField = {
  name: string;
  kind?: "text" | "textarea" | "select" | "multiselect" | "checkbox" | "email";
  rows?: number;
  wide?: boolean;
  required?: boolean;
  dir?: "ltr";
  options?: RecordOption[];
  /** For selects: the label of the empty choice (none when absent). */
  empty?: string;
};

export type RecordSection = { id: string; title: string; fields: RecordField[] };

export type RecordEditorText = {
  fields: Record<string, string>;
  help: Record<string, string>;
  errors: Record<string, string>;
  save: string;
  create: string;
  saving: string;
  saved: string;
  unsaved: string;
  version: string;
  conflict: ConflictText;
};

export function RecordEditor({
  text,
  sections,
  initial,
  recordId,
  initialVersion,
  createAction,
  saveAction,
  loadCurrentAction,
  editPath,
}: {
  text: RecordEditorText;
  sections: RecordSection[];
  initial: Record<string, unknown>;
  recordId?: number;
  initialVersion?: number;
  createAction?: Action<{ id: number; version: number }>;
  saveAction?: Action<{ id: number; version: number }>;
  loadCurrentAction?: Action<{ version: number; snapshot: Record<string, unknown> }>;
  /** Where a created record is edited: "{id}" is replaced. */
  editPath?: string;
}) {
  const router = useRouter();
  const names = useMemo(() => sections.flatMap((s) => s.fields.map((f) => f.name)), [sections]);
  const start = useMemo(() => toFormValues(initial, names), [initial, names]);
  const formId = useId();
  const { base, values, setValues, version, conflict, setConflict, message, setMessage, settle, reapplyMine, takeTheirs } = useEditorValues(formId, start, initialVersion ?? 0, reapply);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();

  const dirty = names.some((f) => fieldText(values, f) !== fieldText(base, f));
  const set = (k: string, v: string | string[]) => setValues((prev) => ({ ...prev, [k]: v }));
  const errorOf = (f: string) => {
    const codes = errors[f] ?? Object.entries(errors).find(([k]) => k.startsWith(`${f}.`))?.[1];
    return codes?.map((c) => text.errors[c] ?? text.errors.invalid)[0];
  };
  const optionLabel = (f: RecordField, v: string) => f.options?.find((o) => o.value === v)?.label ?? v;
  const display = (f: RecordField, v: RecordFormValues) => {
    const raw = v[f.name];
    if (f.kind === "checkbox") return raw === "on" ? "✓" : "";
    if (Array.isArray(raw)) return raw.map((x) => optionLabel(f, x)).join("\n");
    return f.kind === "select" ? (raw ? optionLabel(f, raw) : "") : raw;
  };

  async function submit(toSave: RecordFormValues, fromVersion: number) {
    setMessage(null);
    const result = recordId ? await saveAction!(null, toFormData(toSave, { id: recordId, version: fromVersion })) : await createAction!(null, toFormData(toSave));
    if (result.ok) {
      setErrors({});
      setConflict(null);
      if (!recordId) {
        router.push((editPath ?? "").replace("{id}", String(result.data.id)) + "?created=1");
        return;
      }
      settle(toSave, result.data.version);
      setMessage({ ok: true, text: text.saved.replace("{version}", String(result.data.version)) });
      router.refresh();
      return;
    }
    if (result.fieldErrors) {
      setErrors(result.fieldErrors);
      const first = Object.values(result.fieldErrors).flat()[0];
      setMessage({ ok: false, text: result.error === "invalid" ? text.errors.invalid : (text.errors[first] ?? text.errors.invalid) });
      requestAnimationFrame(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus());
      return;
    }
    if (result.error === "conflict" && recordId && loadCurrentAction) {
      const form = new FormData();
      form.set("id", String(recordId));
      const current = await loadCurrentAction(null, form);
      if (current.ok) {
        setConflict({ version: current.data.version, current: toFormValues(current.data.snapshot, names) });
        setMessage({ ok: false, text: text.errors.conflict });
        requestAnimationFrame(() => document.getElementById("conflict-title")?.focus());
        return;
      }
    }
    setMessage({ ok: false, text: (result.message && text.errors[result.message]) || text.errors[result.error] || text.errors.invalid });
  }

  const input = (f: RecordField) => {
    const e = errorOf(f.name);
    const help = text.help[f.name];
    const common = { id: `field-${f.name}`, name: f.name, "aria-invalid": e ? true : undefined, "aria-describedby": describedBy(f.name, help, e), dir: f.dir };
    const value = values[f.name];
    let control: React.ReactNode;
    if (f.kind === "checkbox") {
      control = (
        <label htmlFor={`field-${f.name}`} className="flex items-center gap-2 text-sm font-medium">
          <input {...common} type="checkbox" checked={value === "on"} onChange={(ev) => set(f.name, ev.target.checked ? "on" : "")} className="h-4 w-4 accent-accent" />
          {text.fields[f.name]}
        </label>
      );
    } else {
      const label = (
        <label htmlFor={`field-${f.name}`} className="text-sm font-medium">
          {text.fields[f.name]}
          {f.required ? <span aria-hidden="true"> *</span> : null}
        </label>
      );
      let widget: React.ReactNode;
      if (f.kind === "textarea") widget = <textarea {...common} rows={f.rows ?? 3} value={value as string} onChange={(ev) => set(f.name, ev.target.value)} className={FIELD} />;
      else if (f.kind === "select")
        widget = (
          <select {...common} value={value as string} onChange={(ev) => set(f.name, ev.target.value)} className={FIELD}>
            {f.empty !== undefined ? <option value="">{f.empty}</option> : null}
            {f.options?.map((o) => (
              <option key={o.value} value={o.value} disabled={o.disabled && o.value !== base[f.name]}>
                {o.label}
              </option>
            ))}
          </select>
        );
      else if (f.kind === "multiselect")
        widget = (
          <select
            {...common}
            multiple
            size={Math.min(6, Math.max(3, f.options?.length ?? 3))}
            value={value as string[]}
            onChange={(ev) => set(f.name, [...ev.target.selectedOptions].map((o) => o.value))}
            className={FIELD}
          >
            {f.options?.map((o) => (
              <option key={o.value} value={o.value} disabled={o.disabled && !(base[f.name] as string[]).includes(o.value)}>
                {o.label}
              </option>
            ))}
          </select>
        );
      else widget = <input {...common} type={f.kind === "email" ? "email" : "text"} required={f.required} value={value as string} onChange={(ev) => set(f.name, ev.target.value)} className={FIELD} />;
      control = (
        <>
          {label}
          {widget}
        </>
      );
    }
    return (
      <div key={f.name} className={f.wide ? "sm:col-span-2" : undefined}>
        {control}
        <FieldNotes name={f.name} help={help} error={e} />
      </div>
    );
  };

  const allFields = sections.flatMap((s) => s.fields);

  return (
    <form
      id={formId}
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(() => submit(values, version));
      }}
      noValidate
      className="space-y-5"
      aria-busy={pending}
    >
      {conflict ? (
        <ConflictPanel
          text={text.conflict}
          version={conflict.version}
          rows={allFields
            .filter((f) => fieldText(values, f.name) !== fieldText(conflict.current, f.name))
            .map((f) => ({ field: f.name, label: text.fields[f.name], yours: display(f, values), theirs: display(f, conflict.current) }))}
          pending={pending}
          onReapply={() => {
            const next = reapplyMine();
            startTransition(() => submit(...next));
          }}
          onDiscard={takeTheirs}
        />
      ) : null}

      {sections.map((s) => (
        <section key={s.id} aria-labelledby={s.id} className="rounded-xl border border-line bg-surface p-5">
          <h2 id={s.id} className="mb-4 text-base font-semibold tracking-tight">
            {s.title}
          </h2>
          <div className="grid gap-4 sm:grid-cols-2">{s.fields.map(input)}</div>
        </section>
      ))}

      <SaveBar
        label={recordId ? text.save : text.create}
        pending={pending}
        saving={text.saving}
        version={recordId ? text.version.replace("{version}", String(version)) : undefined}
        message={message}
        unsaved={dirty && recordId ? text.unsaved : ""}
      />
    </form>
  );
}
