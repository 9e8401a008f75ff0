// GET /sitemaps/{kind}-{n}.xml – one sitemap file (at most 50,000 URLs), listed in /sitemap.xml
import { connection } from "next/server";
import { getSql } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { sitemapFileResponse } from "@/lib/sitemap/respond";

export async function GET(request: Request, { params }: RouteContext<"/sitemaps/[file]">) {
  await connection();
  const { file } = await params;
  return sitemapFileResponse(request, await getSql(), siteUrl(), file);
}
