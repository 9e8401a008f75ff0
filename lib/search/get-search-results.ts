// The search page's data: searchItems on the application's database, cached briefly per set of
// parameters (a popular query or facet link is answered from memory) and dropped when content changes.
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "../cache";
import { getSql, isBuildPhase } from "../db";
import type { TSearchParams } from "./params";
import { searchItems, type SearchResult } from "./search-items";

export async function getSearchResults(params: TSearchParams): Promise<SearchResult | null> {
  "use cache";
  cacheTag(cacheTags.site, cacheTags.units);
  cacheLife("minutes");
  if (isBuildPhase()) return null;
  return searchItems(await getSql(), params);
}
