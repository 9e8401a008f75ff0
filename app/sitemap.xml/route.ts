// GET /sitemap.xml – sitemap index over the item, researcher, unit and collection sitemaps
import { connection } from "next/server";
import { getSql } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { sitemapIndexResponse } from "@/lib/sitemap/respond";

export async function GET(request: Request) {
  await connection();
  return sitemapIndexResponse(request, await getSql(), siteUrl());
}
