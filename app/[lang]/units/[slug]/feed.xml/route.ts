// GET /units/{slug}/feed.xml – Atom feed of the items most recently added to a unit and the units below it
// (the proxy serves it under /en or /ko: the language names the feed)
import { connection } from "next/server";
import { serveFeed } from "@/lib/feeds/route";

export async function GET(request: Request, { params }: RouteContext<"/[lang]/units/[slug]/feed.xml">) {
  await connection();
  const { lang, slug } = await params;
  return serveFeed(request, { kind: "unit", slug }, lang);
}
