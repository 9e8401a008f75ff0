// robots.txt: the public site is open to crawlers; the workspace, sign-in, search result pages
// (endless query combinations of pages that exist elsewhere) and the JSON API are not — except the
// API's public description. The sitemap index tells crawlers where everything is.
import { LANGS } from "../i18n/config";

const CLOSED = ["/curate", "/signin", "/search"];

export function robotsTxt(siteUrl: string): string {
  const prefixes = ["", ...LANGS.map((l) => `/${l}`)];
  return [
    "User-agent: *",
    "Allow: /",
    ...prefixes.flatMap((p) => CLOSED.map((path) => `Disallow: ${p}${path}`)),
    "Disallow: /api/",
    "Allow: /api/v1/openapi.json",
    "",
    `Sitemap: ${siteUrl}/sitemap.xml`,
    "",
  ].join("\n");
}
