// Public pages are rendered once and served from Next's cache. Every cached read names the tags
// of the records it used; every write invalidates those tags, so the next visit sees the change.
import { revalidateTag } from "next/cache";
import { signalPageChange } from "./http/page-change";
import { SETTLE_HEADER, SETTLE_PATH, settleTarget } from "./http/settle";

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

/** Cached pages that used these tags are rebuilt on their next visit; the response cache is emptied. */
export function expireTags(tags: readonly string[]) {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  signalPageChange();
}

/** Call after a write: cached pages that used these tags are rebuilt on their next visit. */
export function invalidate(...tags: string[]) {
  expireTags(tags);
  const target = settleTarget();
  if (!target) return;
  for (const ms of SETTLE_AFTER_MS) {
    setTimeout(() => {
      fetch(new URL(SETTLE_PATH, target.origin), {
        method: "POST",
        headers: { [SETTLE_HEADER]: target.secret, "content-type": "application/json" },
        body: JSON.stringify(tags),
      }).catch((error: Error) => console.error(`[cache] late invalidation: ${error.message}`));
    }, ms).unref();
  }
}
