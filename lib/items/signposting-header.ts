// What scripts/server.ts adds to item page responses, which come from the cache and cannot set
// headers themselves: the Signposting Link header, and 410 Gone for a withdrawn item's tombstone.
// Both are derived from the item's linkset and remembered for a few minutes per handle.
import { linkHeader, type Linkset } from "./signposting";

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 20_000;

export type ItemResponseSignals = { link: string | null; gone: boolean };

const memo = new Map<string, { value: ItemResponseSignals; expires: number }>();

/** After a change: an item's status or links may differ now. */
export function forgetItemResponseSignals() {
  memo.clear();
}

export const ITEM_PAGE_PATH = /^\/(?:(?:en|ko)\/)?handle\/([^/]+)\/([^/]+)\/?$/;

export async function itemResponseSignals(prefix: string, n: string, origin: string): Promise<ItemResponseSignals> {
  const key = `${prefix}/${n}`;
  const now = Date.now();
  const hit = memo.get(key);
  if (hit && hit.expires > now) return hit.value;
  const value: ItemResponseSignals = { link: null, gone: false };
  try {
    const response = await fetch(`${origin}/handle/${prefix}/${n}/linkset`, { headers: { accept: "application/linkset+json" } });
    value.gone = response.status === 410;
    if (response.ok) {
      const linkset = (await response.json()) as Linkset;
      const base = new URL(linkset.linkset[0].anchor).origin;
      value.link = linkHeader(linkset, `${base}/handle/${prefix}/${n}/linkset`);
    } else {
      await response.arrayBuffer(); // drain, so the connection can be reused
    }
  } catch {
    return value; // no header is better than a slow or failed page
  }
  if (memo.size >= MAX_ENTRIES) memo.delete(memo.keys().next().value!);
  memo.set(key, { value, expires: now + TTL_MS });
  return value;
}
