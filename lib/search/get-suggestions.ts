// The header box's suggestions on the application's database, kept in memory per query and
// language for a few minutes (people type the same prefixes) and dropped when content changes.
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "../cache";
import { getSql, isBuildPhase } from "../db";
import type { Lang } from "../i18n/config";
import { suggest, type Suggestions } from "./suggest";

export async function getSuggestions(q: string, lang: Lang): Promise<Suggestions> {
  "use cache";
  cacheTag(cacheTags.site, cacheTags.units);
  cacheLife("minutes");
  if (isBuildPhase()) return { q, researchers: [], units: [], items: [] };
  return suggest(await getSql(), q, lang);
}
