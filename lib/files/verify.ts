// Which stored objects have been checked against their recorded SHA-256. A full download hashes
// the bytes as they pass (lib/files/stream.ts); a Range request cannot, so the first range of an
// unchecked object reads the whole object once and hashes it. The result is remembered per
// (storage key, modification time, size) in this process: replacing or touching the stored file
// changes the stamp and so forces a new check. A mismatch is remembered too, so later requests
// get the 500 page at once instead of a cut-off download.
import crypto from "node:crypto";
import type { Storage, StorageStat } from "../storage";

const MAX_ENTRIES = 20_000;

export type ChecksumState = "good" | "bad" | "unknown";

export type ChecksumCache = {
  state(stat: StorageStat): ChecksumState;
  remember(stat: StorageStat, good: boolean): void;
};

export function createChecksumCache(max = MAX_ENTRIES): ChecksumCache {
  const entries = new Map<string, boolean>();
  const stamp = (s: StorageStat) => `${s.key}@${s.modifiedAt.getTime()}:${s.size}`;
  return {
    state(stat) {
      const v = entries.get(stamp(stat));
      return v === undefined ? "unknown" : v ? "good" : "bad";
    },
    remember(stat, good) {
      const key = stamp(stat);
      entries.delete(key);
      entries.set(key, good);
      // Oldest first: a Map iterates in insertion order.
      while (entries.size > max) entries.delete(entries.keys().next().value as string);
    },
  };
}

const globalCache = globalThis as unknown as { atriumChecksumCache?: ChecksumCache };

/** The process-wide cache the download route uses. */
export function siteChecksumCache(): ChecksumCache {
  globalCache.atriumChecksumCache ??= createChecksumCache();
  return globalCache.atriumChecksumCache;
}

/** Reads the whole object and compares its SHA-256 with the expected one. */
export async function hashMatches(storage: Storage, key: string, expectedSha256: string): Promise<boolean> {
  const hash = crypto.createHash("sha256");
  const stream = await storage.createReadStream(key);
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest("hex") === expectedSha256.toLowerCase();
}
