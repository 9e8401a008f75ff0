// GET /sitemap.xml – sitemap index over the item, researcher, unit and collection sitemaps
import { connection } from "next/server";
import { serveSitemapIndex } from "@/lib/sitemap/route";

export async function GET(request: Request) {
  await connection();
  return serveSitemapIndex(request);
}
