// The S3 backend against a real S3-compatible server running in the test process (s3rver, a
// file-backed implementation of the S3 REST API), through the AWS SDK v3 client as in production.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadFile } from "../curate/files/files";
import { createTestDatabase } from "../db/test-db";
import { createS3Storage, InvalidStorageKeyError, StorageNotFoundError, type Storage } from "./index";

let server: S3rver;
let root: string;
let storage: Storage;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "atrium-s3-"));
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: path.join(root, "server") });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const admin = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  await admin.send(new CreateBucketCommand({ Bucket: "atrium-files" }));
  storage = createS3Storage({
    bucket: "atrium-files",
    endpoint,
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    stagingDir: path.join(root, "staging"),
  });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

async function* chunks(bytes: Buffer, size = 10_000): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe("S3 storage", () => {
  it("stores, describes, reads, streams ranges and deletes", async () => {
    const bytes = crypto.randomBytes(50_000);
    const stored = await storage.put(bytes);
    expect(stored.sha256).toBe(crypto.createHash("sha256").update(bytes).digest("hex"));
    expect(await storage.has(stored.key)).toBe(true);
    expect((await storage.stat(stored.key)).size).toBe(bytes.length);
    expect((await storage.read(stored.key)).equals(bytes)).toBe(true);
    expect((await readAll(await storage.createReadStream(stored.key))).equals(bytes)).toBe(true);
    expect((await readAll(await storage.createReadStream(stored.key, { start: 100, end: 199 }))).equals(bytes.subarray(100, 200))).toBe(true);
    expect(await storage.delete(stored.key)).toBe(true);
    expect(await storage.delete(stored.key)).toBe(false);
    await expect(storage.stat(stored.key)).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(storage.createReadStream(stored.key)).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(storage.read("../etc/passwd")).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });

  it("stages an upload locally and makes it visible only on commit", async () => {
    const bytes = crypto.randomBytes(120_000);
    const staged = await storage.stage(chunks(bytes), { maxBytes: 1_000_000 });
    expect(await storage.has(staged.key)).toBe(false);
    expect(await staged.commit()).toMatchObject({ key: staged.key, created: true });
    expect((await storage.read(staged.key)).equals(bytes)).toBe(true);
    const again = await storage.stage(chunks(bytes));
    expect((await again.commit()).created).toBe(false);
    expect(fs.readdirSync(path.join(root, "staging"))).toEqual([]);
    const discarded = await storage.stage(chunks(crypto.randomBytes(1000)));
    await discarded.discard();
    expect(await storage.has(discarded.key)).toBe(false);
    expect(fs.readdirSync(path.join(root, "staging"))).toEqual([]);
  });

  it("stops an over-limit upload early and leaves nothing", async () => {
    await expect(storage.stage(chunks(crypto.randomBytes(50_000)), { maxBytes: 20_000 })).rejects.toMatchObject({ code: "TOO_LARGE" });
    expect(fs.readdirSync(path.join(root, "staging"))).toEqual([]);
  });
});

describe("a curator's upload through the S3 backend", () => {
  it("lands in the bucket with its row, and a refused one leaves nothing", async () => {
    const db = await createTestDatabase();
    try {
      const [u] = await db.sql.query<{ id: number }>(`INSERT INTO unit (slug, name, updated_at) VALUES ('u', 'U', now()) RETURNING id`);
      const [c] = await db.sql.query<{ id: number }>(`INSERT INTO collection (slug, name, unit_id, updated_at) VALUES ('c', 'C', $1, now()) RETURNING id`, [u.id]);
      const [item] = await db.sql.query<{ id: number }>(
        `INSERT INTO item (handle, type, status, title, collection_id, updated_at) VALUES ('t/1', 'JOURNAL_ARTICLE', 'PUBLISHED', 'T', $1, now()) RETURNING id`,
        [c.id],
      );
      const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), crypto.randomBytes(30_000)]);
      const file = await uploadFile(db.sql, storage, { itemId: Number(item.id), fileName: "paper.pdf", body: chunks(pdf), maxBytes: 100_000, userId: null });
      expect(file.mimeType).toBe("application/pdf");
      expect((await storage.read(`${file.sha256.slice(0, 2)}/${file.sha256}`)).equals(pdf)).toBe(true);
      const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");
      await expect(uploadFile(db.sql, storage, { itemId: Number(item.id), fileName: "fake.pdf", body: chunks(png), maxBytes: 100_000, userId: null })).rejects.toMatchObject({
        code: "mismatch",
      });
      const sha = crypto.createHash("sha256").update(png).digest("hex");
      expect(await storage.has(`${sha.slice(0, 2)}/${sha}`)).toBe(false);
      expect(fs.readdirSync(path.join(root, "staging"))).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
