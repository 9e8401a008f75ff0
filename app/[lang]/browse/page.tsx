import { notFound, redirect } from "next/navigation";
import { isLang } from "@/lib/i18n/config";

// /browse has no index of its own: the header's Browse link and DSpace habits both mean "by date".
export default async function BrowsePage({ params }: PageProps<"/[lang]/browse">) {
  const { lang } = await params;
  if (!isLang(lang)) notFound(); // the build's placeholder language
  redirect("/browse/date");
}
