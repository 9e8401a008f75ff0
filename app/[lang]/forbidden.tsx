// The 403 page of the workspace (forbidden() in a page): the account is signed in but has no
// right to see this. In both interface languages, like the 404 page, since it gets no params.
import Link from "next/link";
import { curateMessages } from "@/lib/i18n/messages-curate";

export default function ForbiddenPage() {
  const en = curateMessages.en.forbidden;
  const ko = curateMessages.ko.forbidden;
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 sm:px-6 sm:py-24">
      <p className="text-sm font-semibold tracking-wide text-accent">403</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">{en.title}</h1>
      <p className="mt-3 text-lg text-muted">{en.body}</p>
      <div lang="ko" className="mt-8 border-t border-line pt-6">
        <h2 className="text-xl font-semibold tracking-tight">{ko.title}</h2>
        <p className="mt-2 text-muted">{ko.body}</p>
      </div>
      <p className="mt-10 flex flex-wrap gap-3">
        <Link href="/curate" className="rounded-lg bg-accent px-4 py-2.5 font-semibold text-accent-ink no-underline hover:opacity-90">
          {en.back} <span lang="ko">· {ko.back}</span>
        </Link>
      </p>
    </div>
  );
}
