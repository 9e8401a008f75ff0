// The public pages' side of old slugs (lib/curate/old-slugs.ts): where a page of a slug that no
// record has now moved to. Cached like the pages, under the tags a slug change invalidates.
import { cacheLife, cacheTag } from "next/cache";
import { permanentRedirect } from "next/navigation";
import { cacheTags } from "../cache";
import { getSql, isBuildPhase } from "../db";
import { findCurrentSlug, relativeTarget, type SluggedType } from "../curate/old-slugs";

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * The URL (relative to the requested one) of the page `rest` below the record that used to have
 * `slug`, or null when no record had it. For a page that found no record with this slug.
 */
export async function movedPagePath(type: SluggedType, slug: string, rest: readonly string[] = []): Promise<string | null> {
  "use cache";
  cacheTag(type === "researcher" ? cacheTags.researcher(slug) : cacheTags.units, cacheTags.site);
  cacheLife("hours");
  if (isBuildPhase() || !SLUG.test(slug)) return null;
  const current = await findCurrentSlug(await getSql(), type, slug);
  return current ? relativeTarget(current, rest) : null;
}

/** For a page that found no record with `slug`: a permanent redirect (308) when the record moved, else nothing. */
export async function redirectIfMoved(type: SluggedType, slug: string, rest: readonly string[] = []): Promise<void> {
  const moved = await movedPagePath(type, slug, rest);
  if (moved) permanentRedirect(moved);
}

/**
 * For a route handler (downloads, feeds, list forms) that found no record with `slug`: a 308 to the
 * same request below the record's current slug, query string kept; null when the record never had it.
 */
export async function movedResponse(type: SluggedType, slug: string, rest: readonly string[], request: Request): Promise<Response | null> {
  const moved = await movedPagePath(type, slug, rest);
  return moved ? new Response(null, { status: 308, headers: { Location: moved + new URL(request.url).search } }) : null;
}
