import type { Metadata, Viewport } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { notFound } from "next/navigation";
import { SiteFooter } from "@/components/layout/site-footer";
import { SITE_NAME, SiteHeader } from "@/components/layout/site-header";
import { isLang } from "@/lib/i18n/config";
import { messages } from "@/lib/i18n/messages";
import { siteUrl } from "@/lib/env";
import "../globals.css";

// Pages are rendered on their first visit, not at build time (the build has no database), and
// then served from the cache. A placeholder keeps the build's route validation satisfied.
export function generateStaticParams() {
  return [{ lang: "_" }];
}

export async function generateMetadata({ params }: LayoutProps<"/[lang]">): Promise<Metadata> {
  const { lang } = await params;
  const t = messages(isLang(lang) ? lang : "en");
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: `${SITE_NAME} — ${t.siteTagline}`, template: `%s · ${SITE_NAME}` },
    description: t.home.intro,
    icons: { icon: "/icon.svg" },
    alternates: { types: { "application/atom+xml": [{ url: "/feed.xml", title: `${SITE_NAME} — Atom` }] } },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#1a1d20" },
  ],
};

export default async function RootLayout({ children, params }: LayoutProps<"/[lang]">) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  const t = messages(lang);
  return (
    <html lang={lang} className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="flex min-h-dvh flex-col antialiased">
        <a href="#main" className="skip-link">
          {t.skipToContent}
        </a>
        <SiteHeader lang={lang} />
        <main id="main" tabIndex={-1} className="flex-1">
          {children}
        </main>
        <SiteFooter lang={lang} />
      </body>
    </html>
  );
}
