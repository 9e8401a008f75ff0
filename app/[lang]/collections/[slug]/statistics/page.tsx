// /collections/{slug}/statistics — the usage dashboard of one collection.
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

type Props = PageProps<"/[lang]/collections/[slug]/statistics">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang, slug } = await params;
  const t = dashboardMessages[isLang(lang) ? lang : "en"];
  return { title: t.siteTitle, robots: { index: false, follow: true }, alternates: { canonical: `/collections/${slug}/statistics` } };
}

export default async function CollectionStatisticsPage({ params, searchParams }: Props) {
  const { lang, slug } = await params;
  if (!isLang(lang)) notFound();
  const scope = `collection:${slug}`;
  const subject = await getDashboardSubject(scope);
  if (!subject) {
    await redirectIfMoved("collection", slug, ["statistics"]);
    notFound();
  }
  return <DashboardView lang={lang} scope={scope} subject={subject} path={`/collections/${slug}/statistics`} searchParams={searchParams} />;
}
