// The S3-compatible storage backend (AWS S3, MinIO, Ceph, Garage…), for several servers sharing
// one store. Objects live under the same content-addressed keys as on disk ("ab/abcdef…").
// Uploads are staged in a local folder (hashed, size-limited) and sent with one PUT on commit, so
// an object appears under its key only complete; a PUT is atomic in S3.
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import crypto from "node:crypto";
import {
  assertStorageKey,
  InvalidRangeError,
  StorageNotFoundError,
  storageKeyFor,
  type ByteRange,
  type StagedObject,
  type StageOptions,
  type Storage,
  type StorageStat,
  type StoredObject,
} from "./index";
import { stageToFile, sweepFolder } from "./staging";

export type S3Settings = {
  bucket: string;
  /** e.g. "https://s3.example.org"; empty for AWS itself. */
  endpoint?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style URLs (endpoint/bucket/key); the default when an endpoint is given. */
  forcePathStyle?: boolean;
  /** Local folder for uploads in progress. */
  stagingDir: string;
};

function isNotFound(err: unknown): boolean {
  if (err instanceof S3ServiceException) return err.$metadata.httpStatusCode === 404 || err.name === "NotFound" || err.name === "NoSuchKey";
  return false;
}

export function createS3Storage(settings: S3Settings, client?: S3Client): Storage {
  const s3 =
    client ??
    new S3Client({
      endpoint: settings.endpoint || undefined,
      region: settings.region || "us-east-1",
      forcePathStyle: settings.forcePathStyle ?? Boolean(settings.endpoint),
      // Many S3-compatible stores do not understand the SDK's default CRC32 trailers; the SHA-256
      // sent with each PUT is checksum enough.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      credentials:
        settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
    });
  const Bucket = settings.bucket;

  const stat = async (key: string): Promise<StorageStat> => {
    assertStorageKey(key);
    try {
      const head = await s3.send(new HeadObjectCommand({ Bucket, Key: key }));
      return { key, size: Number(head.ContentLength ?? 0), modifiedAt: head.LastModified ?? new Date(0) };
    } catch (err) {
      if (isNotFound(err)) throw new StorageNotFoundError(key);
      throw err;
    }
  };

  const upload = async (key: string, body: Buffer | fs.ReadStream, size: number, sha256: string): Promise<boolean> => {
    const existing = await stat(key).catch((err) => {
      if (err instanceof StorageNotFoundError) return undefined;
      throw err;
    });
    if (existing && existing.size === size) return false;
    await s3.send(
      new PutObjectCommand({
        Bucket,
        Key: key,
        Body: body,
        ContentLength: size,
        ContentType: "application/octet-stream",
        // The store checks the bytes it received against this before keeping them.
        ChecksumSHA256: Buffer.from(sha256, "hex").toString("base64"),
      }),
    );
    return true;
  };

  return {
    describe: `S3 bucket ${Bucket}${settings.endpoint ? ` at ${settings.endpoint}` : ""}`,

    async put(bytes: Buffer | Uint8Array): Promise<StoredObject> {
      const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const sha256 = crypto.createHash("sha256").update(data).digest("hex");
      const key = storageKeyFor(sha256);
      await upload(key, data, data.length, sha256);
      return { key, sha256, size: data.length };
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
      assertStorageKey(key);
      try {
        const res = await s3.send(new GetObjectCommand({ Bucket, Key: key }));
        return Buffer.from(await res.Body!.transformToByteArray());
      } catch (err) {
        if (isNotFound(err)) throw new StorageNotFoundError(key);
        throw err;
      }
    },

    async createReadStream(key: string, range: ByteRange = {}): Promise<Readable> {
      const { size } = await stat(key);
      const start = range.start ?? 0;
      const end = Math.min(range.end ?? size - 1, size - 1);
      const valid = Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && (size === 0 ? start === 0 : start <= end);
      if (!valid) throw new InvalidRangeError(range, size);
      if (size === 0) return Readable.from([]);
      try {
        const res = await s3.send(new GetObjectCommand({ Bucket, Key: key, Range: `bytes=${start}-${end}` }));
        const body = res.Body;
        if (body instanceof Readable) return body;
        return Readable.fromWeb(body!.transformToWebStream() as import("node:stream/web").ReadableStream);
      } catch (err) {
        if (isNotFound(err)) throw new StorageNotFoundError(key);
        throw err;
      }
    },

    async delete(key: string): Promise<boolean> {
      const existed = await this.has(key);
      if (existed) await s3.send(new DeleteObjectCommand({ Bucket, Key: key }));
      return existed;
    },

    async stage(source: AsyncIterable<Uint8Array>, options: StageOptions = {}): Promise<StagedObject> {
      const { temp, sha256, size, head } = await stageToFile(settings.stagingDir, source, options);
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
          try {
            const created = await upload(key, fs.createReadStream(temp), size, sha256);
            return { key, sha256, size, created };
          } finally {
            await fsp.rm(temp, { force: true });
          }
        },
        async discard() {
          settled = true;
          await fsp.rm(temp, { force: true });
        },
      };
    },

    sweepStaging: (olderThanMs: number) => sweepFolder(path.resolve(settings.stagingDir), olderThanMs),
  };
}
