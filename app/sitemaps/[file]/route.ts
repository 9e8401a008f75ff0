// GET /sitemaps/{kind}-{n}.xml – one sitemap file (at most 50,000 URLs), listed in /sitemap.xml
import { connection } from "next/server";
import { serveSitemapFile } from "@/lib/sitemap/route";

export async function GET(request: Request, { params }: RouteContext<"/sitemaps/[file]">) {
  await connection();
  const { file } = await params;
  return serveSitemapFile(request, file);
}
