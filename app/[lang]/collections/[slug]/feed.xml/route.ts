// GET /collections/{slug}/feed.xml – Atom feed of the items most recently added to a collection
// (the proxy serves it under /en or /ko: the language names the feed)
import { connection } from "next/server";
import { serveFeed } from "@/lib/feeds/route";

export async function GET(request: Request, { params }: RouteContext<"/[lang]/collections/[slug]/feed.xml">) {
  await connection();
  const { lang, slug } = await params;
  return serveFeed(request, { kind: "collection", slug }, lang);
}
