// File contents (bitstreams, researcher photos) live behind the `Storage` type so that the local
// disk backend used by default can be swapped for an S3-compatible one in a multi-node
// deployment. Storage is content-addressed: the key is derived from the SHA-256 of the bytes, so
// identical content is stored once and a key never changes meaning.
import type { Readable } from "node:stream";
import path from "node:path";
import { env, storageDir } from "../env";
import { createLocalStorage } from "./local";
import { createS3Storage } from "./s3";

export { createLocalStorage } from "./local";
export { createS3Storage } from "./s3";

/** What `put` returns: where the bytes are and what they are. */
export type StoredObject = {
  /** "ab/abcdef…" — the first two hex digits of the SHA-256, a slash, the whole SHA-256. */
  key: string;
  /** Lower-case hex SHA-256 of the content. */
  sha256: string;
  size: number;
};

export type StorageStat = {
  key: string;
  size: number;
  modifiedAt: Date;
};

/** Inclusive byte offsets, as in an HTTP Range header (`bytes=start-end`). */
export type ByteRange = { start?: number; end?: number };

export type Storage = {
  /** A one-line description for logs. */
  readonly describe: string;
  /** Stores the bytes (once, however often they are put) and returns their key. */
  put(bytes: Buffer | Uint8Array): Promise<StoredObject>;
  /** Throws StorageNotFoundError when there is no such object. */
  stat(key: string): Promise<StorageStat>;
  has(key: string): Promise<boolean>;
  read(key: string): Promise<Buffer>;
  /**
   * A stream of the object's bytes, or of one range of them. The object is opened before this
   * resolves, so a missing key rejects with StorageNotFoundError instead of failing mid-response.
   */
  createReadStream(key: string, range?: ByteRange): Promise<Readable>;
  /** Removes the object; deleting a missing key is not an error (returns false). */
  delete(key: string): Promise<boolean>;
  /**
   * Streams bytes into a staging area while hashing and counting them. Nothing is visible under a
   * key until `commit()`; `discard()` (or a failure, or going over `maxBytes`) leaves nothing behind.
   */
  stage(source: AsyncIterable<Uint8Array>, options?: StageOptions): Promise<StagedObject>;
  /** Removes staging leftovers older than `olderThanMs` (a crash between stage and commit). */
  sweepStaging(olderThanMs: number): Promise<number>;
};

export type StageOptions = {
  /** Stop reading and fail with TooLargeError as soon as more bytes than this arrive. */
  maxBytes?: number;
  /** How many leading bytes to keep for type sniffing (default 64 KiB). */
  headBytes?: number;
};

export type StagedObject = StoredObject & {
  /** The first bytes of the content, for sniffing its type. */
  head: Buffer;
  /** Moves the bytes under their key; `created` is false when the key held this content already. */
  commit(): Promise<StoredObject & { created: boolean }>;
  discard(): Promise<void>;
};

/** More bytes arrived than allowed; the staged bytes are gone already. */
export class TooLargeError extends Error {
  readonly code = "TOO_LARGE";
  constructor(readonly maxBytes: number) {
    super(`The content is larger than ${maxBytes} bytes`);
    this.name = "TooLargeError";
  }
}

/** A key that is not of the form "ab/<64 hex digits>" — never used to touch the filesystem. */
export class InvalidStorageKeyError extends Error {
  readonly code = "INVALID_STORAGE_KEY";
  constructor(readonly key: string) {
    super(`Invalid storage key ${JSON.stringify(key.length > 100 ? `${key.slice(0, 100)}…` : key)}`);
    this.name = "InvalidStorageKeyError";
  }
}

export class StorageNotFoundError extends Error {
  readonly code = "STORAGE_NOT_FOUND";
  constructor(readonly key: string) {
    super(`No stored object under ${key}`);
    this.name = "StorageNotFoundError";
  }
}

/** A range that does not fit the object (start after end, or start past the last byte). */
export class InvalidRangeError extends Error {
  readonly code = "INVALID_RANGE";
  constructor(
    readonly range: ByteRange,
    readonly size: number,
  ) {
    super(`Byte range ${range.start ?? ""}-${range.end ?? ""} does not fit an object of ${size} bytes`);
    this.name = "InvalidRangeError";
  }
}

const KEY_PATTERN = /^([0-9a-f]{2})\/([0-9a-f]{64})$/;

export function isStorageKey(key: unknown): key is string {
  if (typeof key !== "string") return false;
  const m = KEY_PATTERN.exec(key);
  return m !== null && m[2].startsWith(m[1]);
}

/** Throws InvalidStorageKeyError unless the key has exactly the shape `put` produces. */
export function assertStorageKey(key: unknown): asserts key is string {
  if (!isStorageKey(key)) throw new InvalidStorageKeyError(String(key));
}

export function storageKeyFor(sha256: string): string {
  const key = `${sha256.slice(0, 2)}/${sha256}`;
  assertStorageKey(key);
  return key;
}

let defaultStorage: Storage | undefined;

/**
 * The site's storage, configured from the environment: the S3-compatible bucket S3_BUCKET when
 * set (uploads staged under STORAGE_DIR/.staging), otherwise the local folder STORAGE_DIR.
 */
export function getStorage(): Storage {
  if (!defaultStorage) {
    const e = env();
    defaultStorage = e.S3_BUCKET
      ? createS3Storage({
          bucket: e.S3_BUCKET,
          endpoint: e.S3_ENDPOINT,
          region: e.S3_REGION,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          stagingDir: path.join(storageDir(e), ".staging"),
        })
      : createLocalStorage(storageDir(e));
  }
  return defaultStorage;
}
