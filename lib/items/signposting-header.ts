// The Link header of item pages, for scripts/server.ts. Pages come from the cache and cannot set
// headers, so the server adds it, built from the item's linkset and remembered for a few minutes.
import { linkHeader, type Linkset } from "./signposting";

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 20_000;
const memo = new Map<string, { value: string | null; expires: number }>();

export const ITEM_PAGE_PATH = /^\/(?:(?:en|ko)\/)?handle\/([^/]+)\/([^/]+)\/?$/;

export async function itemLinkHeader(prefix: string, n: string, origin: string): Promise<string | null> {
  const key = `${prefix}/${n}`;
  const now = Date.now();
  const hit = memo.get(key);
  if (hit && hit.expires > now) return hit.value;
  let value: string | null = null;
  try {
    const url = `${origin}/handle/${prefix}/${n}/linkset`;
    const response = await fetch(url, { headers: { accept: "application/linkset+json" } });
    if (response.ok) {
      const linkset = (await response.json()) as Linkset;
      const base = new URL(linkset.linkset[0].anchor).origin;
      value = linkHeader(linkset, `${base}/handle/${prefix}/${n}/linkset`);
    }
  } catch {
    return null; // no header is better than a slow or failed page
  }
  if (memo.size >= MAX_ENTRIES) memo.delete(memo.keys().next().value!);
  memo.set(key, { value, expires: now + TTL_MS });
  return value;
}
