"use client";
// Creates a personal API token (a guarded server action) and shows its secret once, ready to
// copy; the secret is not kept anywhere but here, so leaving the page forgets it.
import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/guard";
import { FIELD } from "./editor-parts";

type Created = { token: string; prefix: string; name: string };
type Action = (previous: ActionResult<Created> | null, form: FormData) => Promise<ActionResult<Created>>;

export type ApiTokenFormText = {
  name: string;
  namePlaceholder: string;
  expires: string;
  expiresIn: Record<string, string>;
  create: string;
  created: string;
  copyHint: string;
  errors: Record<string, string>;
};

export function ApiTokenForm({ action, text, choices }: { action: Action; text: ApiTokenFormText; choices: readonly string[] }) {
  const [state, formAction, pending] = useActionState<ActionResult<Created> | null, FormData>(action, null);
  const error = state && !state.ok ? (state.error === "invalid" ? (text.errors[Object.values(state.fieldErrors ?? {}).flat()[0] ?? ""] ?? text.errors.invalid) : (text.errors[state.error] ?? text.errors.invalid)) : null;
  return (
    <div>
      <form action={formAction} className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <label className="text-sm">
          {text.name}
          <input name="name" required maxLength={100} placeholder={text.namePlaceholder} className={FIELD} aria-invalid={error ? true : undefined} />
        </label>
        <label className="text-sm">
          {text.expires}
          <select name="expiresInDays" defaultValue="90" className={FIELD}>
            {choices.map((c) => (
              <option key={c} value={c}>
                {text.expiresIn[c]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg border border-line bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:border-accent hover:text-accent disabled:opacity-60"
        >
          {text.create}
        </button>
      </form>
      <div role="status" aria-live="polite" className="mt-3">
        {state?.ok ? (
          <div className="rounded-lg border border-accent/40 bg-accent-soft p-3 text-sm">
            <p className="font-medium">{text.created}</p>
            <code data-testid="new-api-token" className="mt-2 block select-all break-all rounded bg-paper px-2 py-1.5 font-mono text-xs text-ink">
              {state.data.token}
            </code>
            <p className="mt-2 text-xs text-muted">{text.copyHint}</p>
          </div>
        ) : error ? (
          <p className="text-sm text-warn">{error}</p>
        ) : null}
      </div>
    </div>
  );
}
