import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createLocalStorage,
  InvalidRangeError,
  InvalidStorageKeyError,
  isStorageKey,
  StorageNotFoundError,
  type Storage,
} from "./index";

let root: string;
let storage: Storage;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "atrium-storage-"));
  storage = createLocalStorage(path.join(root, "store"));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const sha256 = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describe("local storage", () => {
  it("stores bytes under a content address and reads them back", async () => {
    const bytes = Buffer.from("%PDF-1.7 hello, 한국뇌연구원\n");
    const stored = await storage.put(bytes);
    expect(stored.sha256).toBe(sha256(bytes));
    expect(stored.key).toBe(`${stored.sha256.slice(0, 2)}/${stored.sha256}`);
    expect(stored.size).toBe(bytes.length);
    expect(await storage.read(stored.key)).toEqual(bytes);
    const stat = await storage.stat(stored.key);
    expect(stat.size).toBe(bytes.length);
    expect(stat.modifiedAt).toBeInstanceOf(Date);
    expect(await storage.has(stored.key)).toBe(true);
    expect(fs.readFileSync(path.join(root, "store", ...stored.key.split("/")))).toEqual(bytes);
  });

  it("accepts a Uint8Array view into a larger buffer", async () => {
    const backing = new Uint8Array([9, 9, 1, 2, 3, 9]);
    const stored = await storage.put(backing.subarray(2, 5));
    expect([...(await storage.read(stored.key))]).toEqual([1, 2, 3]);
  });

  it("stores identical content once", async () => {
    const a = await storage.put(Buffer.from("same"));
    const b = await storage.put(new TextEncoder().encode("same"));
    expect(b).toEqual(a);
    const files = fs.readdirSync(path.join(root, "store"), { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(files).toHaveLength(1);
    // No temporary files are left behind.
    expect(files[0].name.startsWith(".tmp-")).toBe(false);
  });

  it("stores an empty object", async () => {
    const stored = await storage.put(Buffer.alloc(0));
    expect(stored.size).toBe(0);
    expect(await storage.read(stored.key)).toEqual(Buffer.alloc(0));
    expect(await readAll(await storage.createReadStream(stored.key))).toEqual(Buffer.alloc(0));
  });

  it("streams a whole object or an inclusive byte range", async () => {
    const bytes = Buffer.from("0123456789abcdef");
    const { key } = await storage.put(bytes);
    expect((await readAll(await storage.createReadStream(key))).toString()).toBe("0123456789abcdef");
    expect((await readAll(await storage.createReadStream(key, { start: 2, end: 5 }))).toString()).toBe("2345");
    expect((await readAll(await storage.createReadStream(key, { start: 10 }))).toString()).toBe("abcdef");
    expect((await readAll(await storage.createReadStream(key, { end: 0 }))).toString()).toBe("0");
    // An end past the last byte is clipped, as HTTP ranges are.
    expect((await readAll(await storage.createReadStream(key, { start: 14, end: 99 }))).toString()).toBe("ef");
    await expect(storage.createReadStream(key, { start: 16 })).rejects.toBeInstanceOf(InvalidRangeError);
    await expect(storage.createReadStream(key, { start: 5, end: 4 })).rejects.toBeInstanceOf(InvalidRangeError);
    await expect(storage.createReadStream(key, { start: -1 })).rejects.toBeInstanceOf(InvalidRangeError);
  });

  it("deletes objects", async () => {
    const { key } = await storage.put(Buffer.from("to be deleted"));
    expect(await storage.delete(key)).toBe(true);
    expect(await storage.has(key)).toBe(false);
    expect(await storage.delete(key)).toBe(false);
  });

  it("answers a missing key with StorageNotFoundError", async () => {
    const key = `${"ab"}/${"ab".padEnd(64, "0")}`;
    expect(isStorageKey(key)).toBe(true);
    await expect(storage.stat(key)).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(storage.read(key)).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(storage.createReadStream(key)).rejects.toBeInstanceOf(StorageNotFoundError);
    expect(await storage.has(key)).toBe(false);
  });

  it("rejects keys that are not content addresses, without touching the filesystem", async () => {
    // A file outside the root that a traversal key would reach.
    fs.writeFileSync(path.join(root, "secret"), "do not read");
    const sha = "ab".padEnd(64, "c");
    const bad = [
      "",
      "../secret",
      "ab/../../secret",
      `ab/${sha}/../../../secret`,
      "/etc/passwd",
      `/ab/${sha}`,
      `ab\\${sha}`,
      `ab/${sha}\0`,
      `ab/${sha.slice(0, 63)}`,
      `ab/${sha}0`,
      `AB/${sha.toUpperCase()}`,
      `cd/${sha}`, // prefix does not match the hash
      `ab/${sha}.pdf`,
      `./ab/${sha}`,
      sha,
    ];
    for (const key of bad) {
      expect(isStorageKey(key), key).toBe(false);
      await expect(storage.read(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.stat(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.has(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.createReadStream(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.delete(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
    expect(fs.readFileSync(path.join(root, "secret"), "utf8")).toBe("do not read");
    // Nothing was created for the rejected keys: the root folder does not even exist yet.
    expect(fs.existsSync(path.join(root, "store"))).toBe(false);
  });
});
