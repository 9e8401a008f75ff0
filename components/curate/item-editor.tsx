"use client";
// The item editor: every field of an item, messages next to each field, and the save with
// optimistic locking. When someone else saved first, it shows what changed (theirs vs current,
// field by field) and reapplies the curator's own edits onto the current version in one click.
import { useRouter } from "next/navigation";
import { useId, useMemo, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/guard";
import type { ItemSnapshot } from "@/lib/curate/items/store";
import type { EditMessages } from "@/lib/i18n/messages-edit";
import { ConflictPanel, describedBy, FIELD, FieldNotes, SaveBar } from "./editor-parts";
import { ContributorsEditor } from "./item-contributors";
import { ALL_FIELDS, fieldText, reapply, toFormData, toFormValues, type ItemFormValues } from "./item-form-values";
import { useEditorValues } from "./editor-values";

const ITEM_TYPE_KEYS = ["JOURNAL_ARTICLE", "CONFERENCE_PAPER", "BOOK", "BOOK_CHAPTER", "THESIS", "REPORT", "DATASET", "PATENT", "PRESENTATION", "OTHER"];

type Action<R> = (previous: ActionResult<R> | null, form: FormData) => Promise<ActionResult<R>>;
export type CollectionOption = { id: number; label: string; unitLabel: string; mayUse: boolean };

export function ItemEditor({
  lang,
  text,
  itemId,
  initial,
  initialVersion,
  researcherNames,
  collections,
  createAction,
  saveAction,
  loadCurrentAction,
}: {
  lang: string;
  text: EditMessages;
  itemId?: number;
  initial: Partial<ItemSnapshot>;
  initialVersion?: number;
  researcherNames: Record<number, string>;
  collections: CollectionOption[];
  createAction?: Action<{ id: number; version: number }>;
  saveAction?: Action<{ id: number; version: number }>;
  loadCurrentAction?: Action<{ version: number; snapshot: ItemSnapshot }>;
}) {
  const router = useRouter();
  const start = useMemo(() => toFormValues(initial, researcherNames), [initial, researcherNames]);
  const formId = useId();
  const { base, values, setValues, version, conflict, setConflict, message, setMessage, settle, reapplyMine, takeTheirs } = useEditorValues(formId, start, initialVersion ?? 0, reapply);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  // A newer version rendered by the server (after a status change or restore): take it over
  // unless the curator is in the middle of edits (then a save shows the conflict).
  const [seenVersion, setSeenVersion] = useState(initialVersion ?? 0);
  if ((initialVersion ?? 0) !== seenVersion) {
    setSeenVersion(initialVersion ?? 0);
    if ((initialVersion ?? 0) > version && !ALL_FIELDS.some((f) => fieldText(values, f) !== fieldText(base, f))) {
      settle(start, initialVersion ?? 0);
    }
  }

  const dirty = ALL_FIELDS.some((f) => fieldText(values, f) !== fieldText(base, f));
  const set = <K extends keyof ItemFormValues>(k: K, v: ItemFormValues[K]) => setValues((prev) => ({ ...prev, [k]: v }));
  const errorOf = (f: string) => errors[f]?.map((c) => text.errors[c] ?? text.errors.invalid)[0];

  async function submit(toSave: ItemFormValues, fromVersion: number) {
    setMessage(null);
    const result = itemId
      ? await saveAction!(null, toFormData(toSave, { id: itemId, version: fromVersion }))
      : await createAction!(null, toFormData(toSave));
    if (result.ok) {
      setErrors({});
      setConflict(null);
      if (!itemId) {
        router.push(`/${lang}/curate/items/${result.data.id}?created=1`);
        return;
      }
      settle(toSave, result.data.version);
      setMessage({ ok: true, text: text.saved.replace("{version}", String(result.data.version)) });
      router.refresh();
      return;
    }
    if (result.error === "invalid") {
      setErrors(result.fieldErrors ?? {});
      setMessage({ ok: false, text: text.errors.invalid });
      requestAnimationFrame(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus());
      return;
    }
    if (result.error === "conflict" && itemId && loadCurrentAction) {
      const form = new FormData();
      form.set("id", String(itemId));
      const current = await loadCurrentAction(null, form);
      if (current.ok) {
        setConflict({ version: current.data.version, current: toFormValues(current.data.snapshot, { ...researcherNames, ...namesOf(toSave) }) });
        setMessage({ ok: false, text: text.errors.conflict });
        requestAnimationFrame(() => document.getElementById("conflict-title")?.focus());
        return;
      }
    }
    setMessage({ ok: false, text: (result.message && text.errors[result.message]) || text.errors[result.error] || text.errors.invalid });
  }

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(() => submit(values, version));
  };

  const field = (name: keyof ItemFormValues & string, opts: { multiline?: boolean; rows?: number; type?: string; wide?: boolean; inputMode?: "numeric"; autoComplete?: string; dir?: string } = {}) => {
    const e = errorOf(name);
    const help = text.help[name];
    const common = {
      id: `field-${name}`,
      name,
      value: values[name] as string,
      "aria-invalid": e ? true : undefined,
      "aria-describedby": describedBy(name, help, e),
      className: FIELD,
      dir: opts.dir,
    };
    return (
      <div className={opts.wide ? "sm:col-span-2" : undefined}>
        <label htmlFor={`field-${name}`} className="text-sm font-medium">
          {text.fields[name]}
          {name === "title" ? <span aria-hidden="true"> *</span> : null}
        </label>
        {opts.multiline ? (
          <textarea {...common} rows={opts.rows ?? 3} onChange={(ev) => set(name, ev.target.value as never)} />
        ) : (
          <input {...common} type={opts.type ?? "text"} inputMode={opts.inputMode} required={name === "title"} onChange={(ev) => set(name, ev.target.value as never)} />
        )}
        <FieldNotes name={name} help={help} error={e} />
      </div>
    );
  };

  const section = (id: string, title: string, children: React.ReactNode) => (
    <section aria-labelledby={id} className="rounded-xl border border-line bg-surface p-5">
      <h2 id={id} className="mb-4 text-base font-semibold tracking-tight">
        {title}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </section>
  );

  const usable = collections.filter((c) => c.mayUse || String(c.id) === values.collectionId || values.mappedCollectionIds.includes(String(c.id)));
  const collectionLabel = (id: string) => {
    const c = collections.find((x) => String(x.id) === id);
    return c ? `${c.unitLabel} › ${c.label}` : id;
  };
  const display = (f: (typeof ALL_FIELDS)[number], v: ItemFormValues) => {
    if (f === "collectionId") return collectionLabel(v.collectionId);
    if (f === "mappedCollectionIds") return v.mappedCollectionIds.map(collectionLabel).join("\n");
    if (f === "type") return text.types[v.type] ?? v.type;
    if (f === "contributors") return v.contributors.map((c) => `${c.name} (${text.roles[c.role] ?? c.role})${c.orcid ? ` ${c.orcid}` : ""}`).join("\n");
    return fieldText(v, f);
  };

  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="space-y-5" aria-busy={pending}>
      {conflict ? (
        <ConflictPanel
          text={text.conflict}
          version={conflict.version}
          rows={ALL_FIELDS.filter((f) => fieldText(values, f) !== fieldText(conflict.current, f)).map((f) => ({ field: f, label: text.fields[f], yours: display(f, values), theirs: display(f, conflict.current) }))}
          pending={pending}
          onReapply={() => {
            const next = reapplyMine();
            startTransition(() => submit(...next));
          }}
          onDiscard={takeTheirs}
        />
      ) : null}

      {section(
        "sec-basics",
        text.sections.basics,
        <>
          <div>
            <label htmlFor="field-type" className="text-sm font-medium">
              {text.fields.type}
            </label>
            <select id="field-type" name="type" value={values.type} onChange={(e) => set("type", e.target.value)} className={FIELD}>
              {ITEM_TYPE_KEYS.map((k) => (
                <option key={k} value={k}>
                  {text.types[k]}
                </option>
              ))}
            </select>
          </div>
          {field("issueDate", { inputMode: "numeric" })}
          {field("title", { multiline: true, rows: 2, wide: true })}
          {field("alternativeTitle", { multiline: true, rows: 2 })}
          {field("alternativeTitleLang")}
        </>,
      )}

      <section aria-labelledby="sec-contributors" className="rounded-xl border border-line bg-surface p-5">
        <h2 id="sec-contributors" className="mb-4 text-base font-semibold tracking-tight">
          {text.sections.contributors}
        </h2>
        <ContributorsEditor lang={lang} text={text} value={values.contributors} onChange={(c) => set("contributors", c)} errors={errors} />
      </section>

      {section(
        "sec-publication",
        text.sections.publication,
        <>
          {field("journalTitle", { wide: true })}
          {field("publisher")}
          {field("volume")}
          {field("number")}
          {field("startPage")}
          {field("endPage")}
          {field("pageCount", { inputMode: "numeric" })}
        </>,
      )}

      {section(
        "sec-identifiers",
        text.sections.identifiers,
        <>
          {field("doi", { wide: true, dir: "ltr" })}
          {field("issn", { dir: "ltr" })}
          {field("eissn", { dir: "ltr" })}
          {field("isbn", { dir: "ltr" })}
        </>,
      )}

      {section(
        "sec-content",
        text.sections.content,
        <>
          {field("abstract", { multiline: true, rows: 8, wide: true })}
          {field("keywords", { multiline: true, rows: 4 })}
          {field("subjects", { multiline: true, rows: 4 })}
          {field("language")}
        </>,
      )}

      {section(
        "sec-rights",
        text.sections.rights,
        <>
          {field("license", { wide: true })}
          {field("funding", { multiline: true, rows: 3, wide: true })}
          {field("embargoUntil", { type: "date" })}
        </>,
      )}

      {section(
        "sec-collections",
        text.sections.collections,
        <>
          <div>
            <label htmlFor="field-collectionId" className="text-sm font-medium">
              {text.fields.collectionId}
            </label>
            <select
              id="field-collectionId"
              name="collectionId"
              value={values.collectionId}
              onChange={(e) => set("collectionId", e.target.value)}
              aria-invalid={errorOf("collectionId") ? true : undefined}
              aria-describedby={describedBy("collectionId", undefined, errorOf("collectionId"))}
              className={FIELD}
            >
              <option value="">—</option>
              {usable.map((c) => (
                <option key={c.id} value={c.id} disabled={!c.mayUse}>
                  {c.unitLabel} › {c.label}
                </option>
              ))}
            </select>
            <FieldNotes name="collectionId" error={errorOf("collectionId")} />
          </div>
          <div>
            <label htmlFor="field-mappedCollectionIds" className="text-sm font-medium">
              {text.fields.mappedCollectionIds}
            </label>
            <select
              id="field-mappedCollectionIds"
              multiple
              size={Math.min(6, Math.max(2, usable.length))}
              value={values.mappedCollectionIds}
              onChange={(e) => set("mappedCollectionIds", [...e.target.selectedOptions].map((o) => o.value))}
              aria-describedby="mappedCollectionIds-help"
              className={FIELD}
            >
              {usable
                .filter((c) => String(c.id) !== values.collectionId)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.unitLabel} › {c.label}
                  </option>
                ))}
            </select>
            <span id="mappedCollectionIds-help" className="mt-1 block text-xs text-muted">
              {text.help.mappedCollectionIds}
            </span>
          </div>
        </>,
      )}

      <SaveBar
        label={itemId ? text.save : text.create}
        pending={pending}
        saving={text.saving}
        version={itemId ? text.version.replace("{version}", String(version)) : undefined}
        message={message}
        unsaved={dirty && itemId ? text.unsaved : ""}
      />
    </form>
  );
}

function namesOf(values: ItemFormValues): Record<number, string> {
  const out: Record<number, string> = {};
  for (const c of values.contributors) if (c.researcherId && c.researcherName) out[Number(c.researcherId)] = c.researcherName;
  return out;
}
