"use client";
// The email + password form. Works without JavaScript (a plain form post to the server action);
// with it, errors appear without a reload and the button says it is busy.
import { useActionState } from "react";
import { signInWithPassword, type SignInState } from "@/app/[lang]/signin/actions";
import type { Lang } from "@/lib/i18n/config";
import { formatWait } from "@/lib/i18n/messages-curate";

export type SignInFormText = {
  email: string;
  password: string;
  submit: string;
  submitting: string;
  errors: Record<"invalid" | "rateLimited" | "inactive" | "generic" | "missing", string>;
};

export function SignInForm({ lang, next, text, initialError }: { lang: Lang; next: string; text: SignInFormText; initialError?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, null);
  const message = state
    ? state.error === "rateLimited"
      ? text.errors.rateLimited.replace("{time}", formatWait(lang, state.wait ?? 60))
      : text.errors[state.error]
    : initialError;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="lang" value={lang} />
      <input type="hidden" name="next" value={next} />
      <div id="signin-message" role="alert" aria-live="assertive" className={message ? "rounded-lg border border-warn/40 bg-warn/10 px-3 py-2 text-sm text-ink" : "sr-only"}>
        {message}
      </div>
      <div>
        <label htmlFor="signin-email" className="block text-sm font-medium">
          {text.email}
        </label>
        <input
          id="signin-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state?.email ?? ""}
          aria-invalid={state?.error === "invalid" || state?.error === "missing" ? true : undefined}
          className="mt-1 block w-full rounded-lg border border-line bg-paper px-3 py-2 text-ink focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30"
        />
      </div>
      <div>
        <label htmlFor="signin-password" className="block text-sm font-medium">
          {text.password}
        </label>
        <input
          id="signin-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state?.error === "invalid" || state?.error === "missing" ? true : undefined}
          className="mt-1 block w-full rounded-lg border border-line bg-paper px-3 py-2 text-ink focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-accent px-4 py-2.5 font-medium text-accent-ink hover:opacity-90 disabled:opacity-60"
      >
        {pending ? text.submitting : text.submit}
      </button>
    </form>
  );
}
