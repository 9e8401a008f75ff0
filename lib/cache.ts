// Public pages are rendered once and served from Next's cache. Every cached read names the tags
// of the records it used; every write invalidates those tags, so the next visit sees the change.
import { revalidateTag } from "next/cache";
import { after } from "next/server";
import { signalPageChange } from "./http/page-change";

export const cacheTags = {
  /** Anything that lists or counts many records: home page, totals, trees, recent additions. */
  site: "site",
  units: "units",
  item: (handle: string) => `item:${handle}`,
  researcher: (slug: string) => `researcher:${slug}`,
} as const;

/**
 * When (ms after a write) its tags are invalidated again. Next.js dates a stored page by the moment
 * it was stored, not when its render began: a page whose render read the database before the write
 * and finished after it would otherwise count as newer than the change and be served for hours.
 */
export const SETTLE_AFTER_MS = [3_000, 20_000] as const;

function expire(tags: readonly string[]) {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  signalPageChange();
}

/** Call after a write: cached pages that used these tags are rebuilt on their next visit. */
export function invalidate(...tags: string[]) {
  expire(tags);
  let waited = 0;
  after(async () => {
    for (const at of SETTLE_AFTER_MS) {
      await new Promise((resolve) => setTimeout(resolve, at - waited));
      waited = at;
      expire(tags);
    }
  });
}
