// GET /collections/{slug}/feed.xml – Atom feed of the items most recently added to a collection
// (the proxy serves it under /en or /ko: the language names the feed)
import { connection } from "next/server";
import { getSql } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { feedResponse } from "@/lib/feeds/respond";
import { DEFAULT_LANG, isLang } from "@/lib/i18n/config";

export async function GET(request: Request, { params }: RouteContext<"/[lang]/collections/[slug]/feed.xml">) {
  await connection();
  const { lang, slug } = await params;
  return feedResponse(request, await getSql(), { kind: "collection", slug }, isLang(lang) ? lang : DEFAULT_LANG, siteUrl());
}
