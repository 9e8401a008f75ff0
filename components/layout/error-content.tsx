"use client";
// What a visitor sees when a page fails: a calm message in both languages, a retry button and a
// reference (the error digest) that the server log carries too. Never the error itself.
import { errorMessages } from "@/lib/i18n/messages-error";

export function ErrorContent({ digest, reset }: { digest?: string; reset: () => void }) {
  const { en, ko } = errorMessages;
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 sm:px-6 sm:py-24">
      <h1 className="text-3xl font-semibold tracking-tight">{en.title}</h1>
      <p className="mt-3 text-lg text-muted">{en.body}</p>
      <div lang="ko" className="mt-8 border-t border-line pt-6">
        <h2 className="text-xl font-semibold tracking-tight">{ko.title}</h2>
        <p className="mt-2 text-muted">{ko.body}</p>
      </div>
      <p className="mt-10 flex flex-wrap items-center gap-4">
        <button
          type="button"
          onClick={reset}
          className="rounded-lg bg-accent px-4 py-2.5 font-semibold text-accent-ink hover:opacity-90"
        >
          {en.retry} <span lang="ko">· {ko.retry}</span>
        </button>
        {digest ? (
          <span className="text-sm text-muted">
            {en.reference}: <code className="font-mono">{digest}</code>
          </span>
        ) : null}
      </p>
    </div>
  );
}
