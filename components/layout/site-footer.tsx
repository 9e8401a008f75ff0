import type { Lang } from "@/lib/i18n/config";
import { messages } from "@/lib/i18n/messages";
import { SITE_NAME } from "./site-header";

export function SiteFooter({ lang }: { lang: Lang }) {
  const t = messages(lang);
  return (
    <footer className="mt-16 border-t border-line bg-surface">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm text-muted sm:grid-cols-[2fr_1fr] sm:px-6">
        <div>
          <p className="font-semibold text-ink">{SITE_NAME}</p>
          <p className="mt-1 max-w-prose">{t.footer.about}</p>
        </div>
        <div>
          <p className="font-semibold text-ink">{t.footer.machine}</p>
          <ul className="mt-1 space-y-1">
            <li>
              {/* A JSON endpoint, not a page: a plain link. */}
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
              <a href="/api/health">{t.footer.health}</a>
            </li>
          </ul>
        </div>
        <p className="text-xs sm:col-span-2">{t.footer.poweredBy}</p>
      </div>
    </footer>
  );
}
