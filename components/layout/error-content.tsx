"use client";
// What a visitor sees when a page fails: a calm message in both languages, a retry button and a
// reference (the error digest) that the server log carries too. Never the error itself.
import { errorMessages } from "@/lib/i18n/messages-error";
import { StatusPage } from "./status-page";

export function ErrorContent({ digest, reset }: { digest?: string; reset: () => void }) {
  const { en, ko } = errorMessages;
  return (
    <StatusPage en={en} ko={ko}>
      <button type="button" onClick={reset} className="rounded-lg bg-accent px-4 py-2.5 font-semibold text-accent-ink hover:opacity-90">
        {en.retry} <span lang="ko">· {ko.retry}</span>
      </button>
      {digest ? (
        <span className="text-sm text-muted">
          {en.reference}: <code className="font-mono">{digest}</code>
        </span>
      ) : null}
    </StatusPage>
  );
}
