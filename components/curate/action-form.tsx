"use client";
// A form bound to a guarded server action (lib/auth/guard.ts → ActionResult). Shows the outcome
// next to the button: "saved", the refusal (not signed in / not allowed / conflict) or the
// fields that need attention. The fields themselves come from the server page as children.
import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/guard";

export type ActionFormText = {
  saved: string;
  errors: Record<string, string>;
};

type Action<R> = (previous: ActionResult<R> | null, form: FormData) => Promise<ActionResult<R>>;

function outcome<R>(state: ActionResult<R> | null, text: ActionFormText, success?: string): { ok: boolean; message: string } | null {
  if (!state) return null;
  if (state.ok) {
    let message = success ?? text.saved;
    const data = (state.data ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(data)) message = message.replace(`{${k}}`, String(v ?? ""));
    return { ok: true, message };
  }
  if (state.error === "invalid") {
    const fields = Object.values(state.fieldErrors ?? {}).flat();
    const known = fields.map((f) => text.errors[f]).filter(Boolean);
    return { ok: false, message: known[0] ?? text.errors.invalid };
  }
  return { ok: false, message: (state.message && text.errors[state.message]) || text.errors[state.error] || text.errors.invalid };
}

export function ActionForm<R>({
  action,
  children,
  submitLabel,
  text,
  success,
  successWhen,
  className,
  danger,
}: {
  action: Action<R>;
  children?: React.ReactNode;
  submitLabel: string;
  text: ActionFormText;
  /** Message on success, with {key} replaced from the action's data. */
  success?: string;
  /** Use `success` only when this data key is set (else the plain "saved" text). */
  successWhen?: string;
  className?: string;
  danger?: boolean;
}) {
  const [state, formAction, pending] = useActionState<ActionResult<R> | null, FormData>(action as (p: ActionResult<R> | null, f: FormData) => Promise<ActionResult<R> | null>, null);
  const useSuccess = success && (!successWhen || (state?.ok && (state.data as Record<string, unknown>)?.[successWhen]));
  const result = outcome(state, text, useSuccess ? success : undefined);
  return (
    <form action={formAction} className={className ?? "flex flex-wrap items-end gap-2"}>
      {children}
      <button
        type="submit"
        disabled={pending}
        className={
          danger
            ? "rounded-lg border border-warn/50 px-3 py-1.5 text-sm font-medium text-warn hover:bg-warn/10 disabled:opacity-60"
            : "rounded-lg border border-line bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:border-accent hover:text-accent disabled:opacity-60"
        }
      >
        {submitLabel}
      </button>
      <p role="status" aria-live="polite" className={result ? `basis-full text-sm ${result.ok ? "text-muted" : "text-warn"}` : "sr-only"}>
        {result?.message}
      </p>
    </form>
  );
}
