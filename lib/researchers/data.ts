// The publication list of a profile, cached per researcher and list state like the profile itself
// (rebuilt when the researcher or anything public changes).
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "../cache";
import { getSql, isBuildPhase } from "../db";
import type { Lang } from "../i18n/config";
import { listResearcherPublications, type PublicationPage, type PublicationQuery } from "./publications";

const EMPTY: PublicationPage = { entries: [], total: 0, page: 1, pages: 1, types: [], years: [] };

export async function getResearcherPublications(researcherId: number, slug: string, query: PublicationQuery, lang: Lang): Promise<PublicationPage> {
  "use cache";
  cacheTag(cacheTags.researcher(slug), cacheTags.site);
  cacheLife("hours");
  if (isBuildPhase()) return EMPTY;
  return listResearcherPublications(await getSql(), researcherId, query, lang);
}
