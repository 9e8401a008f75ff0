// Pieces shared by the curator workspace pages: the workspace navigation, the refusal shown to a
// signed-in user without the right, a section box, and the frame of a page about one record.
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense, type ReactNode } from "react";
import { signOutAction } from "@/app/[lang]/signin/actions";
import type { GuardUser } from "@/lib/auth/guard";
import { canManageUsers } from "@/lib/auth/permissions";
import { parseRecordId } from "@/lib/curate/fields";
import { isLang, type Lang } from "@/lib/i18n/config";
import { curateMessages } from "@/lib/i18n/messages-curate";
import { recordMessages } from "@/lib/i18n/messages-records";

export const WORKSPACE = "mx-auto w-full max-w-6xl px-4 pb-12 sm:px-6";

export function WorkspaceNav({ lang, user, current }: { lang: Lang; user: GuardUser; current: "dashboard" | "new" | "imports" | "me" | "users" | "researchers" | "units" | "collections" }) {
  const t = curateMessages[lang];
  const r = recordMessages[lang].nav;
  const curates = user.role !== "RESEARCHER";
  const links = [
    { key: "dashboard", href: `/${lang}/curate`, label: t.nav.dashboard },
    ...(curates
      ? [
          { key: "new", href: `/${lang}/curate/items/new`, label: t.nav.newItem },
          { key: "imports", href: `/${lang}/curate/imports`, label: t.nav.imports },
          { key: "researchers", href: `/${lang}/curate/researchers`, label: r.researchers },
          { key: "units", href: `/${lang}/curate/units`, label: r.units },
          { key: "collections", href: `/${lang}/curate/collections`, label: r.collections },
        ]
      : []),
    { key: "me", href: `/${lang}/curate/me`, label: t.nav.me },
    ...(canManageUsers(user) ? [{ key: "users", href: `/${lang}/curate/admin/users`, label: t.nav.users }] : []),
  ];
  return (
    <div className="mb-6 flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-line pb-3 pt-6">
      <nav aria-label={t.workspace.label} className="w-full sm:w-auto sm:flex-1">
        <ul className="flex gap-1 overflow-x-auto">
          {links.map((l) => (
            <li key={l.key}>
              <Link
                href={l.href}
                prefetch={false}
                aria-current={l.key === current ? "page" : undefined}
                className={`inline-block whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium no-underline ${l.key === current ? "bg-accent-soft text-ink" : "text-ink hover:text-accent"}`}
              >
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="ml-auto text-sm text-muted sm:ml-0">
        {user.name} · {t.roles[user.role]}
      </p>
      <form action={signOutAction}>
        <input type="hidden" name="lang" value={lang} />
        <button type="submit" className="rounded-lg border border-line px-3 py-1.5 text-sm font-medium text-ink hover:border-accent hover:text-accent">
          {t.me.signOut}
        </button>
      </form>
    </div>
  );
}

export function Forbidden({ lang }: { lang: Lang }) {
  const t = curateMessages[lang].forbidden;
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
      <p className="mt-3 text-muted">{t.body}</p>
      <Link href={`/${lang}/curate`} className="mt-6 inline-block">
        {t.back}
      </Link>
    </div>
  );
}

export function Panel({ title, id, children, aside }: { title: string; id: string; children: React.ReactNode; aside?: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-line bg-surface p-5">
      <div className="mb-3 flex items-baseline justify-between gap-3">
        <h2 id={id} className="text-base font-semibold tracking-tight">
          {title}
        </h2>
        {aside ? <span className="text-xs text-muted">{aside}</span> : null}
      </div>
      {children}
    </section>
  );
}

export function WorkspaceSkeleton() {
  return (
    <div aria-hidden="true" className="space-y-4 pt-6">
      <div className="h-9 w-2/3 animate-pulse rounded-lg bg-sunken" />
      <div className="h-40 animate-pulse rounded-xl bg-sunken" />
      <div className="h-40 animate-pulse rounded-xl bg-sunken" />
    </div>
  );
}

/**
 * The page of one record (`[lang]/…/[id]` in its path): 404 for an unknown language or a malformed
 * id, else the workspace frame with `Body` streaming in behind a skeleton.
 */
export function recordPage(Body: (props: { lang: Lang; id: number }) => ReactNode | Promise<ReactNode>) {
  return async function RecordPage({ params }: { params: Promise<{ lang: string; id: string }> }) {
    const { lang, id } = await params;
    if (!isLang(lang)) notFound();
    const n = parseRecordId(id);
    if (n === null) notFound();
    return (
      <div className={WORKSPACE}>
        <Suspense fallback={<WorkspaceSkeleton />}>
          <Body lang={lang} id={n} />
        </Suspense>
      </div>
    );
  };
}

/** The heading of a record's page: what the page is (small, above) and the record's name, with links beside. */
export function RecordTitle({ kicker, name, children }: { kicker: string; name: string; children?: ReactNode }) {
  return (
    <div className="mb-5 flex flex-wrap items-baseline justify-between gap-3">
      <h1 className="min-w-0 break-words text-2xl font-semibold tracking-tight">
        <span className="block text-sm font-normal text-muted">{kicker}</span>
        {name}
      </h1>
      {children}
    </div>
  );
}
