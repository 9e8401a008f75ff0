// /statistics — the usage dashboard of the whole repository.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DashboardView } from "@/components/stats/dashboard-view";
import { getDashboardSubject } from "@/lib/dashboard/data";
import { isLang } from "@/lib/i18n/config";
import { dashboardMessages } from "@/lib/i18n/messages-dashboard";

type Props = PageProps<"/[lang]/statistics">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  const t = dashboardMessages[isLang(lang) ? lang : "en"];
  return { title: t.siteTitle, alternates: { canonical: "/statistics", languages: { en: "/en/statistics", ko: "/ko/statistics" } } };
}

export default async function StatisticsPage({ params, searchParams }: Props) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  const scope = "site";
  const subject = await getDashboardSubject(scope);
  if (!subject) notFound();
  return <DashboardView lang={lang} scope={scope} subject={subject} path="/statistics" searchParams={searchParams} />;
}
