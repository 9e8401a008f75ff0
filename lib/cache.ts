// Public pages are rendered once and served from Next's cache. Every cached read names the tags
// of the records it used; every write invalidates those tags, so the next visit sees the change.
import { revalidateTag } from "next/cache";
import { signalPageChange } from "./http/page-change";

export const cacheTags = {
  /** Anything that lists or counts many records: home page, totals, trees, recent additions. */
  site: "site",
  units: "units",
  item: (handle: string) => `item:${handle}`,
  researcher: (slug: string) => `researcher:${slug}`,
} as const;

/** Call after a write: cached pages that used these tags are rebuilt on their next visit. */
export function invalidate(...tags: string[]) {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  signalPageChange();
}
