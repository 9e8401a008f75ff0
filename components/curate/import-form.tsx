"use client";
// The form that starts an import: a file (format chosen or recognised) or an OAI-PMH base URL and
// set, the target collection and what to do with records already in the repository. The server
// action runs the dry run and opens its report; a refusal (wrong format, encoding, no right) is
// shown under the button.
import { startTransition, useActionState, useState } from "react";
import type { ActionResult } from "@/lib/auth/guard";
import type { Lang } from "@/lib/i18n/config";
import type { importMessages } from "@/lib/i18n/messages-import";
import { FIELD } from "./editor-parts";

type Action = (previous: ActionResult<never> | null, form: FormData) => Promise<ActionResult<never>>;

export function ImportForm({
  lang,
  text,
  action,
  collections,
  formats,
  maxMb,
}: {
  lang: Lang;
  text: (typeof importMessages)[Lang];
  action: Action;
  collections: { id: number; label: string; unitLabel: string }[];
  formats: readonly string[];
  maxMb: number;
}) {
  const [state, formAction, pending] = useActionState<ActionResult<never> | null, FormData>(action, null);
  const [source, setSource] = useState<"file" | "oai">("file");
  const error = state && !state.ok ? (state.message ?? (state.fieldErrors?.collectionId ? text.errors.collection : text.errors[state.error as keyof typeof text.errors] ?? text.errors.invalid)) : null;
  return (
    <form
      action={formAction}
      // Dispatched by hand so that React does not reset the form after a refusal: the curator
      // corrects one field and sends again without choosing the file and collection anew.
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(() => formAction(form));
      }}
      className="space-y-5"
      aria-busy={pending}
      data-testid="import-form"
    >
      <input type="hidden" name="lang" value={lang} />
      <fieldset>
        <legend className="text-sm font-medium">{text.sourceLegend}</legend>
        <div className="mt-2 flex flex-wrap gap-4 text-sm">
          {(["file", "oai"] as const).map((s) => (
            <label key={s} className="inline-flex items-center gap-2">
              <input type="radio" name="source" value={s} checked={source === s} onChange={() => setSource(s)} />
              {s === "file" ? text.sourceFile : text.sourceOai}
            </label>
          ))}
        </div>
      </fieldset>
      {source === "file" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="import-file" className="text-sm font-medium">
              {text.file}
            </label>
            <input id="import-file" name="file" type="file" required aria-describedby="import-file-help" className={`${FIELD} file:mr-3 file:rounded file:border-0 file:bg-sunken file:px-2 file:py-1 file:text-ink`} />
            <span id="import-file-help" className="mt-1 block text-xs text-muted">
              {text.fileHelp.replace("{max}", String(maxMb))}
            </span>
          </div>
          <div>
            <label htmlFor="import-format" className="text-sm font-medium">
              {text.format}
            </label>
            <select id="import-format" name="format" defaultValue="auto" className={FIELD}>
              <option value="auto">{text.autoDetect}</option>
              {formats
                .filter((f) => f !== "oai-dc")
                .map((f) => (
                  <option key={f} value={f}>
                    {text.formats[f as keyof typeof text.formats]}
                  </option>
                ))}
              <option value="oai-dc">{text.formats["oai-dc"]}</option>
            </select>
          </div>
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="import-url" className="text-sm font-medium">
              {text.baseUrl}
            </label>
            <input id="import-url" name="baseUrl" type="url" required inputMode="url" aria-describedby="import-url-help" className={FIELD} />
            <span id="import-url-help" className="mt-1 block text-xs text-muted">
              {text.baseUrlHelp}
            </span>
          </div>
          <div>
            <label htmlFor="import-set" className="text-sm font-medium">
              {text.set}
            </label>
            <input id="import-set" name="set" type="text" className={FIELD} />
          </div>
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="import-collection" className="text-sm font-medium">
            {text.collection}
          </label>
          <select id="import-collection" name="collectionId" required defaultValue={collections.length === 1 ? String(collections[0].id) : ""} className={FIELD}>
            {collections.length !== 1 ? <option value="">—</option> : null}
            {collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label} · {c.unitLabel}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="import-duplicates" className="text-sm font-medium">
            {text.duplicates}
          </label>
          <select id="import-duplicates" name="onDuplicate" defaultValue="skip" className={FIELD}>
            <option value="skip">{text.onDuplicate.skip}</option>
            <option value="update">{text.onDuplicate.update}</option>
          </select>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-lg bg-accent px-4 py-2 text-sm font-medium text-accent-ink hover:opacity-90 disabled:opacity-60">
          {text.dryRun}
        </button>
        <span className="text-sm text-muted">{text.dryRunNote}</span>
      </div>
      <p role="alert" className={error ? "rounded-lg border border-warn/50 px-3 py-2 text-sm text-warn break-words" : "sr-only"} data-testid="import-error">
        {error}
      </p>
    </form>
  );
}
