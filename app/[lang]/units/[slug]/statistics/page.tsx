// /units/{slug}/statistics — the usage dashboard of one unit.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { redirectIfMoved } from "@/lib/site/moved";
import { DashboardView } from "@/components/stats/dashboard-view";
import { getDashboardSubject } from "@/lib/dashboard/data";
import { isLang } from "@/lib/i18n/config";
import { dashboardMessages } from "@/lib/i18n/messages-dashboard";

export function generateStaticParams() {
  return [{ slug: "_" }];
}

type Props = PageProps<"/[lang]/units/[slug]/statistics">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang, slug } = await params;
  const t = dashboardMessages[isLang(lang) ? lang : "en"];
  return { title: t.siteTitle, robots: { index: false, follow: true }, alternates: { canonical: `/units/${slug}/statistics` } };
}

export default async function UnitStatisticsPage({ params, searchParams }: Props) {
  const { lang, slug } = await params;
  if (!isLang(lang)) notFound();
  const scope = `unit:${slug}`;
  const subject = await getDashboardSubject(scope);
  if (!subject) {
    await redirectIfMoved("unit", slug, ["statistics"]);
    notFound();
  }
  return <DashboardView lang={lang} scope={scope} subject={subject} path={`/units/${slug}/statistics`} searchParams={searchParams} />;
}
