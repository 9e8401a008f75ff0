// /handle/{prefix}/{n}/statistics — the usage dashboard of one item.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DashboardView } from "@/components/stats/dashboard-view";
import { getDashboardSubject } from "@/lib/dashboard/data";
import { isLang } from "@/lib/i18n/config";
import { dashboardMessages } from "@/lib/i18n/messages-dashboard";

export function generateStaticParams() {
  return [{ prefix: "_", n: "_" }];
}

type Props = PageProps<"/[lang]/handle/[prefix]/[n]/statistics">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang, prefix, n } = await params;
  const t = dashboardMessages[isLang(lang) ? lang : "en"];
  return { title: t.siteTitle, robots: { index: false, follow: true }, alternates: { canonical: `/handle/${prefix}/${n}/statistics` } };
}

export default async function ItemStatisticsPage({ params, searchParams }: Props) {
  const { lang, prefix, n } = await params;
  if (!isLang(lang)) notFound();
  const handle = `${decodeURIComponent(prefix)}/${decodeURIComponent(n)}`;
  const scope = `item:${handle}`;
  const subject = await getDashboardSubject(scope);
  if (!subject) notFound();
  return <DashboardView lang={lang} scope={scope} subject={subject} path={`/handle/${handle}/statistics`} searchParams={searchParams} />;
}
