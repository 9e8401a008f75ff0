// The local-disk storage backend: objects are files under a root folder, at the path their key
// names ("ab/abcdef…"). Writes go to a temporary file in the target folder, are fsynced and then
// renamed into place, so a reader never sees half a file and a crash leaves at most a stray
// temporary file (named ".tmp-…", which is never a valid key).
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import {
  assertStorageKey,
  InvalidRangeError,
  StorageNotFoundError,
  storageKeyFor,
  type ByteRange,
  type Storage,
  type StagedObject,
  type StageOptions,
  type StorageStat,
  type StoredObject,
} from "./index";

import { stageToFile, sweepFolder } from "./staging";

const STAGING = ".staging";

export function createLocalStorage(root: string): Storage {
  const base = path.resolve(root);

  // The key's shape is checked first, and the resolved path is checked to stay inside the root as
  // a second line of defence should the key pattern ever be loosened.
  const pathOf = (key: string): string => {
    assertStorageKey(key);
    const full = path.resolve(base, ...key.split("/"));
    if (!full.startsWith(base + path.sep)) throw new Error(`storage path escaped its root: ${key}`);
    return full;
  };

  const notFound = (key: string, err: unknown): never => {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new StorageNotFoundError(key);
    throw err;
  };

  const stat = async (key: string): Promise<StorageStat> => {
    const file = pathOf(key);
    try {
      const s = await fsp.stat(file);
      if (!s.isFile()) throw new StorageNotFoundError(key);
      return { key, size: s.size, modifiedAt: s.mtime };
    } catch (err) {
      return notFound(key, err);
    }
  };

  return {
    describe: `local storage in ${base}`,

    async put(bytes: Buffer | Uint8Array): Promise<StoredObject> {
      const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const sha256 = crypto.createHash("sha256").update(data).digest("hex");
      const key = storageKeyFor(sha256);
      const file = pathOf(key);
      const result = { key, sha256, size: data.length };

      // Same key means same content: an existing file of the right size is this object already
      // (a shorter one can only be the remains of a failed copy by hand, and is replaced).
      const existing = await fsp.stat(file).catch(() => undefined);
      if (existing?.isFile() && existing.size === data.length) return result;

      const dir = path.dirname(file);
      await fsp.mkdir(dir, { recursive: true });
      const temp = path.join(dir, `.tmp-${process.pid}-${crypto.randomBytes(6).toString("hex")}`);
      const handle = await fsp.open(temp, "wx");
      try {
        await handle.writeFile(data);
        await handle.sync();
      } catch (err) {
        await handle.close().catch(() => {});
        await fsp.rm(temp, { force: true });
        throw err;
      }
      await handle.close();
      try {
        await fsp.rename(temp, file);
      } catch (err) {
        await fsp.rm(temp, { force: true });
        throw err;
      }
      await syncFolder(dir);
      return result;
    },

    stat,

    async has(key: string): Promise<boolean> {
      try {
        await stat(key);
        return true;
      } catch (err) {
        if (err instanceof StorageNotFoundError) return false;
        throw err;
      }
    },

    async read(key: string): Promise<Buffer> {
      const file = pathOf(key);
      try {
        return await fsp.readFile(file);
      } catch (err) {
        return notFound(key, err);
      }
    },

    async createReadStream(key: string, range: ByteRange = {}): Promise<Readable> {
      const file = pathOf(key);
      let handle: fsp.FileHandle;
      try {
        handle = await fsp.open(file, "r");
      } catch (err) {
        return notFound(key, err);
      }
      try {
        const { size } = await handle.stat();
        const start = range.start ?? 0;
        const end = Math.min(range.end ?? size - 1, size - 1);
        const valid =
          Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && (size === 0 ? start === 0 : start <= end);
        if (!valid) throw new InvalidRangeError(range, size);
        // An empty object has no byte to start at; an empty stream is the honest answer.
        if (size === 0) {
          await handle.close();
          return Readable.from([]);
        }
        return handle.createReadStream({ start, end, autoClose: true });
      } catch (err) {
        await handle.close().catch(() => {});
        throw err;
      }
    },

    async stage(source: AsyncIterable<Uint8Array>, options: StageOptions = {}): Promise<StagedObject> {
      const { temp, sha256, size, head } = await stageToFile(path.join(base, STAGING), source, options);
      const key = storageKeyFor(sha256);
      let settled = false;
      return {
        key,
        sha256,
        size,
        head,
        async commit() {
          if (settled) throw new Error("staged object already committed or discarded");
          settled = true;
          const file = pathOf(key);
          const existing = await fsp.stat(file).catch(() => undefined);
          if (existing?.isFile() && existing.size === size) {
            await fsp.rm(temp, { force: true });
            return { key, sha256, size, created: false };
          }
          const target = path.dirname(file);
          await fsp.mkdir(target, { recursive: true });
          try {
            await fsp.rename(temp, file);
          } catch (err) {
            await fsp.rm(temp, { force: true });
            throw err;
          }
          await syncFolder(target);
          return { key, sha256, size, created: true };
        },
        async discard() {
          settled = true;
          await fsp.rm(temp, { force: true });
        },
      };
    },

    sweepStaging: (olderThanMs: number) => sweepFolder(path.join(base, STAGING), olderThanMs),

    async delete(key: string): Promise<boolean> {
      const file = pathOf(key);
      try {
        await fsp.unlink(file);
        return true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
        throw err;
      }
    },
  };
}

/** The rename is durable only once the folder's entry is on disk too. */
async function syncFolder(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, fs.constants.O_RDONLY);
    await handle.sync();
  } catch {
    // Some filesystems (and Windows) cannot fsync a folder; the file itself is already synced.
  } finally {
    await handle?.close().catch(() => {});
  }
}
