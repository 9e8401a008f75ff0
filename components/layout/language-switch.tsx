"use client";
// Links to the same page in the other interface language. The /en or /ko prefix also sets the
// language cookie (see proxy.ts), so later links without a prefix stay in that language.
import { usePathname, useSearchParams } from "next/navigation";
import type { Lang } from "@/lib/i18n/config";

export function LanguageSwitch({ target, label, hint }: { target: Lang; label: string; hint: string }) {
  const pathname = usePathname() ?? "/";
  // The query stays: switching language on a search or a full record keeps what is shown.
  const query = useSearchParams()?.toString();
  const rest = pathname.replace(/^\/(en|ko)(?=\/|$)/, "") || "/";
  const href = `/${target}${rest === "/" ? "" : rest}${query ? `?${query}` : ""}`;
  return (
    <a
      href={href}
      hrefLang={target}
      lang={target}
      aria-label={`${hint}: ${label}`}
      className="inline-flex items-center gap-1.5 rounded-full border border-line px-3 py-1.5 text-sm font-medium text-ink no-underline hover:border-accent hover:text-accent"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6">
        <circle cx="10" cy="10" r="7.5" />
        <path d="M2.5 10h15M10 2.5c2.2 2.3 2.2 12.7 0 15M10 2.5c-2.2 2.3-2.2 12.7 0 15" />
      </svg>
      {label}
    </a>
  );
}
