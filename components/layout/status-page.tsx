// A page that stands in for the one asked for (404, 403, an error), in both interface languages:
// such a page cannot know which language the visitor chose, and both messages are short. Below
// them a link on (`link`) and whatever else the page offers (`children`). The link is a plain one:
// the root error page (app/global-error.tsx) is among every page's scripts, in a chunk of its own,
// and the router's Link would bring a second copy of its code there.
import type { ReactNode } from "react";

type Message = { title: string; body: string };

export function StatusPage({
  code,
  en,
  ko,
  link,
  children,
}: {
  code?: number;
  en: Message;
  ko: Message;
  link?: { href: string; en: string; ko: string };
  children?: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 sm:px-6 sm:py-24">
      {code ? <p className="mb-2 text-sm font-semibold tracking-wide text-accent">{code}</p> : null}
      <h1 className="text-3xl font-semibold tracking-tight">{en.title}</h1>
      <p className="mt-3 text-lg text-muted">{en.body}</p>
      <div lang="ko" className="mt-8 border-t border-line pt-6">
        <h2 className="text-xl font-semibold tracking-tight">{ko.title}</h2>
        <p className="mt-2 text-muted">{ko.body}</p>
      </div>
      <p className="mt-10 flex flex-wrap items-center gap-4">
        {link ? (
          <a href={link.href} className="rounded-lg bg-accent px-4 py-2.5 font-semibold text-accent-ink! no-underline hover:opacity-90">
            {link.en} <span lang="ko">· {link.ko}</span>
          </a>
        ) : null}
        {children}
      </p>
    </div>
  );
}
