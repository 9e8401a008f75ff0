import Link from "next/link";
import { Suspense } from "react";
import type { Lang } from "@/lib/i18n/config";
import { messages } from "@/lib/i18n/messages";
import { curateMessages } from "@/lib/i18n/messages-curate";
import { AccountLink } from "./account-link";
import { LanguageSwitch } from "./language-switch";
import { SearchForm } from "./search-form";

export const SITE_NAME = "Atrium";

export function SiteHeader({ lang }: { lang: Lang }) {
  const t = messages(lang);
  const nav = [
    { href: "/units", label: t.nav.units },
    { href: "/researchers", label: t.nav.researchers },
    { href: "/browse/date", label: t.nav.browse },
    { href: "/statistics", label: t.nav.statistics },
  ];
  const switchTo = (
    <LanguageSwitch target={t.language.switchToLang} label={t.language.switchTo} hint={t.language.label} />
  );
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2.5 text-ink no-underline">
          <svg aria-hidden="true" viewBox="0 0 64 64" className="h-8 w-8 shrink-0">
            <rect width="64" height="64" rx="14" className="fill-accent" />
            <path
              d="M32 12 12 24v4h40v-4L32 12Zm-14 20v14h6V32h-6Zm11 0v14h6V32h-6Zm11 0v14h6V32h-6ZM12 50v4h40v-4H12Z"
              className="fill-accent-ink"
            />
          </svg>
          <span className="leading-tight">
            <span className="block text-lg font-semibold tracking-tight">{SITE_NAME}</span>
            <span className="hidden text-xs text-muted sm:block">{t.siteTagline}</span>
          </span>
        </Link>
        <div className="order-3 w-full md:order-2 md:w-auto md:flex-1">
          <SearchForm t={t} id="site-search" suggestions={lang} />
        </div>
        <div className="order-2 ml-auto flex items-center gap-3 md:order-3 md:ml-0">
          <Suspense fallback={null}>{switchTo}</Suspense>
          <AccountLink signInLabel={curateMessages[lang].nav.signIn} workspaceLabel={curateMessages[lang].nav.workspace} />
        </div>
      </div>
      <nav aria-label={t.nav.main} className="border-t border-line">
        <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 sm:px-4">
          {nav.map((n) => (
            <li key={n.href}>
              <Link
                href={n.href}
                prefetch={false}
                className="inline-block whitespace-nowrap px-3 py-2.5 text-sm font-medium text-ink no-underline hover:text-accent"
              >
                {n.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
