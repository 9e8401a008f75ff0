// The 404 message in both interface languages: a not-found page cannot know which one the
// visitor chose without giving up caching, and both are short.
import Link from "next/link";
import { messages } from "@/lib/i18n/messages";

export function NotFoundContent() {
  const en = messages("en").notFound;
  const ko = messages("ko").notFound;
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 sm:px-6 sm:py-24">
      <p className="text-sm font-semibold tracking-wide text-accent">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">{en.title}</h1>
      <p className="mt-3 text-lg text-muted">{en.body}</p>
      <div lang="ko" className="mt-8 border-t border-line pt-6">
        <h2 className="text-xl font-semibold tracking-tight">{ko.title}</h2>
        <p className="mt-2 text-muted">{ko.body}</p>
      </div>
      <p className="mt-10 flex flex-wrap gap-3">
        <Link href="/" className="rounded-lg bg-accent px-4 py-2.5 font-semibold text-accent-ink no-underline hover:opacity-90">
          {en.home} <span lang="ko">· {ko.home}</span>
        </Link>
      </p>
    </div>
  );
}
