// GET /robots.txt – what crawlers may visit, and where the sitemap index is
import { connection } from "next/server";
import { siteUrl } from "@/lib/env";
import { robotsTxt } from "@/lib/sitemap/robots";

export async function GET() {
  // Read SITE_URL when serving, not when building: one build serves any host.
  await connection();
  return new Response(robotsTxt(siteUrl()), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
