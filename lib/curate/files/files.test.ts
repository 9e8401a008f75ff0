import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../db/test-db";
import { ConfigError, parseEnv } from "../../env";
import { createLocalStorage, type Storage } from "../../storage";
import { deleteFile, FileRefusal, listFiles, listItemFileHistory, loadFileItem, moveFile, replaceFileContent, updateFile, uploadFile } from "./files";
import { sanitiseFileName } from "./names";
import { sniffContent } from "./sniff";
import { handleUpload } from "./upload";

const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f0e1a40000000049454e44ae426082", "hex");
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("PE\0\0"), Buffer.alloc(200, 1)]);
const pdfNamed = (extra: string) => Buffer.concat([PDF, Buffer.from(extra)]);

async function* chunks(bytes: Buffer, size = 1000): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

let db: TestDatabase;
let root: string;
let storage: Storage;
let itemId: number;
let otherItemId: number;
const stored = () => {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(path.join(root, "store"), full));
    }
  };
  if (fs.existsSync(path.join(root, "store"))) walk(path.join(root, "store"));
  return out.sort();
};
const rowCount = async () => Number((await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM file`))[0].n);

beforeAll(async () => {
  db = await createTestDatabase();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "atrium-files-"));
  storage = createLocalStorage(path.join(root, "store"));
  const [u] = await db.sql.query<{ id: number }>(`INSERT INTO unit (slug, name, updated_at) VALUES ('u', 'U', now()) RETURNING id`);
  const [c] = await db.sql.query<{ id: number }>(`INSERT INTO collection (slug, name, unit_id, updated_at) VALUES ('c', 'C', $1, now()) RETURNING id`, [u.id]);
  const item = async (handle: string) =>
    Number(
      (
        await db.sql.query<{ id: number }>(
          `INSERT INTO item (handle, type, status, title, collection_id, updated_at) VALUES ($1, 'JOURNAL_ARTICLE', 'PUBLISHED', 'T', $2, '2020-01-01') RETURNING id`,
          [handle, c.id],
        )
      )[0].id,
    );
  itemId = await item("t/1");
  otherItemId = await item("t/2");
});
afterAll(async () => {
  await db.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("upload settings", () => {
  it("default to 512 MiB and refuse nonsense, with the variable named", () => {
    expect(parseEnv({}).MAX_UPLOAD_BYTES).toBe(512 * 1024 * 1024);
    expect(parseEnv({ MAX_UPLOAD_BYTES: "1048576" }).MAX_UPLOAD_BYTES).toBe(1048576);
    expect(() => parseEnv({ MAX_UPLOAD_BYTES: "lots" })).toThrow(ConfigError);
    expect(() => parseEnv({ MAX_UPLOAD_BYTES: "10" })).toThrow(/MAX_UPLOAD_BYTES/);
    expect(() => parseEnv({ S3_BUCKET: "b", S3_ENDPOINT: "ftp://store" })).toThrow(/S3_ENDPOINT/);
    expect(parseEnv({ S3_BUCKET: "files", S3_ENDPOINT: "https://s3.example.org" })).toMatchObject({ S3_BUCKET: "files", S3_ENDPOINT: "https://s3.example.org" });
  });
});

describe("file names", () => {
  it("keeps the last path segment and strips controls and direction overrides", () => {
    expect(sanitiseFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitiseFileName("C:\\Users\\kim\\논문 초안.pdf")).toBe("논문 초안.pdf");
    expect(sanitiseFileName("evil\u202Efdp.exe")).toBe("evilfdp.exe");
    expect(sanitiseFileName("a\u0000b\nc\u0007.pdf")).toBe("abc.pdf");
    expect(sanitiseFileName("..")).toBe("file");
    expect(sanitiseFileName("  .hidden.pdf. ")).toBe("hidden.pdf");
    // Markup is kept as text (rendered inert by React); only "/" and "\\" count as path separators.
    expect(sanitiseFileName('<img src=x onerror="alert(1)">.pdf')).toBe('<img src=x onerror="alert(1)">.pdf');
  });
  it("shortens very long names but keeps the extension", () => {
    const long = sanitiseFileName(`${"가".repeat(500)}.pdf`);
    expect([...long].length).toBe(200);
    expect(long.endsWith(".pdf")).toBe(true);
  });
});

describe("type sniffing", () => {
  it("accepts content that matches its name and stores the sniffed type", async () => {
    expect(await sniffContent("paper.pdf", PDF)).toMatchObject({ ok: true, mimeType: "application/pdf" });
    expect(await sniffContent("figure.PNG", PNG)).toMatchObject({ ok: true, mimeType: "image/png" });
    expect(await sniffContent("data.csv", Buffer.from("a,b\n1,2\n"))).toMatchObject({ ok: true, mimeType: "text/csv; charset=utf-8" });
    expect(await sniffContent("scan", PDF)).toMatchObject({ ok: true, mimeType: "application/pdf" });
  });
  it("refuses a lying extension", async () => {
    expect(await sniffContent("paper.pdf", PNG)).toMatchObject({ ok: false, reason: "mismatch", detected: "png", claimed: "pdf" });
    expect(await sniffContent("paper.pdf", Buffer.from("just text"))).toMatchObject({ ok: false, reason: "mismatch" });
  });
  it("refuses programs and web pages whatever their name", async () => {
    expect(await sniffContent("paper.pdf", EXE)).toMatchObject({ ok: false, reason: "dangerous" });
    expect(await sniffContent("notes.txt", Buffer.from("<!DOCTYPE html><html><script>x</script>"))).toMatchObject({ ok: false, reason: "dangerous" });
    expect(await sniffContent("image.txt", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toMatchObject({ ok: false, reason: "dangerous" });
    expect(await sniffContent("run.sh", Buffer.from("echo hi"))).toMatchObject({ ok: false, reason: "dangerous" });
    expect(await sniffContent("data.bin", Buffer.from("#!/bin/sh\nrm -rf /"))).toMatchObject({ ok: false, reason: "dangerous" });
  });
});

describe("storage staging", () => {
  it("hashes while streaming and commits under the SHA-256", async () => {
    const bytes = crypto.randomBytes(300_000);
    const staged = await storage.stage(chunks(bytes, 7000), { maxBytes: 1_000_000 });
    expect(staged.sha256).toBe(crypto.createHash("sha256").update(bytes).digest("hex"));
    expect(staged.size).toBe(bytes.length);
    expect(staged.head.length).toBe(64 * 1024);
    expect(await storage.has(staged.key)).toBe(false);
    expect((await staged.commit()).created).toBe(true);
    expect(await storage.read(staged.key)).toEqual(bytes);
    await storage.delete(staged.key);
  });
  it("stops at the limit and leaves nothing", async () => {
    let read = 0;
    async function* counting() {
      for (let i = 0; i < 100; i++) {
        read++;
        yield Buffer.alloc(1000, 1);
      }
    }
    await expect(storage.stage(counting(), { maxBytes: 5000 })).rejects.toMatchObject({ code: "TOO_LARGE" });
    expect(read).toBe(6);
    expect(stored()).toEqual([]);
  });
  it("sweeps staging leftovers", async () => {
    fs.mkdirSync(path.join(root, "store", ".staging"), { recursive: true });
    fs.writeFileSync(path.join(root, "store", ".staging", "old"), "x");
    fs.writeFileSync(path.join(root, "store", ".staging", "young"), "x");
    const hourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(path.join(root, "store", ".staging", "old"), hourAgo, hourAgo);
    expect(await storage.sweepStaging(600_000)).toBe(1);
    expect(stored()).toEqual([".staging/young"]);
    expect(await storage.sweepStaging(-60_000)).toBe(1);
    expect(stored()).toEqual([]);
  });
});

describe("managing an item's files", () => {
  it("uploads, lists, audits and bumps the item's datestamp", async () => {
    const file = await uploadFile(db.sql, storage, { itemId, fileName: "Kim 2023.pdf", body: chunks(PDF), maxBytes: 10_000, userId: null });
    expect(file).toMatchObject({ fileName: "Kim 2023.pdf", mimeType: "application/pdf", size: PDF.length, position: 0, access: "OPEN", version: 1 });
    expect(await storage.read(`${file.sha256.slice(0, 2)}/${file.sha256}`)).toEqual(PDF);
    const [item] = await db.sql.query<{ updated_at: Date }>(`SELECT updated_at FROM item WHERE id = $1`, [itemId]);
    expect(new Date(item.updated_at).getUTCFullYear()).toBeGreaterThan(2020);
    const [audit] = await db.sql.query<{ action: string; changes: Record<string, { before: unknown; after: unknown }> }>(
      `SELECT action, changes FROM audit_entry WHERE entity_type = 'file' AND entity_id = $1`,
      [file.id],
    );
    expect(audit.action).toBe("file.upload");
    expect(audit.changes.sha256).toEqual({ before: null, after: file.sha256 });
    expect((await listFiles(db.sql, itemId)).map((f) => f.fileName)).toEqual(["Kim 2023.pdf"]);
    expect((await loadFileItem(db.sql, itemId))?.unitPath.length).toBe(1);
  });

  it("refuses over-limit, lying, dangerous, empty and duplicate uploads and writes nothing", async () => {
    const before = { rows: await rowCount(), files: stored() };
    const attempts: [string, Buffer, number, string][] = [
      ["big.pdf", pdfNamed("x".repeat(5000)), 1000, "too-large"],
      ["photo.pdf", PNG, 10_000, "mismatch"],
      ["setup.pdf", EXE, 10_000, "dangerous"],
      ["empty.txt", Buffer.alloc(0), 10_000, "empty"],
      ["again.pdf", PDF, 10_000, "duplicate"],
    ];
    for (const [name, bytes, maxBytes, code] of attempts) {
      const err = await uploadFile(db.sql, storage, { itemId, fileName: name, body: chunks(bytes), maxBytes, userId: null }).catch((e) => e);
      expect(err).toBeInstanceOf(FileRefusal);
      expect((err as FileRefusal).code).toBe(code);
    }
    expect(await rowCount()).toBe(before.rows);
    expect(stored()).toEqual(before.files);
  });

  it("an upload that breaks off mid-stream leaves no row and no content", async () => {
    const before = { rows: await rowCount(), files: stored() };
    async function* broken() {
      yield PDF;
      yield Buffer.alloc(5000, 2);
      throw new Error("connection reset");
    }
    await expect(uploadFile(db.sql, storage, { itemId, fileName: "cut.pdf", body: broken(), maxBytes: 100_000, userId: null })).rejects.toThrow("connection reset");
    expect(await rowCount()).toBe(before.rows);
    expect(stored()).toEqual(before.files);
  });

  it("a failed row write removes the content it had just stored", async () => {
    const before = { rows: await rowCount(), files: stored() };
    const err = await uploadFile(db.sql, storage, { itemId: 999_999, fileName: "orphan.pdf", body: chunks(pdfNamed("orphan")), maxBytes: 100_000, userId: null }).catch((e) => e);
    expect((err as FileRefusal).code).toBe("not-found");
    expect(await rowCount()).toBe(before.rows);
    expect(stored()).toEqual(before.files);
  });

  it("replaces content under the same id, removing the old bytes", async () => {
    const [first] = await listFiles(db.sql, itemId);
    const replaced = await replaceFileContent(db.sql, storage, { fileId: first.id, fileName: "Kim 2023 v2.pdf", body: chunks(pdfNamed("v2")), maxBytes: 10_000, userId: null });
    // Same kind of content: the name, and so the download URL, stays.
    expect(replaced).toMatchObject({ id: first.id, fileName: "Kim 2023.pdf", version: 2 });
    expect(await storage.has(`${first.sha256.slice(0, 2)}/${first.sha256}`)).toBe(false);
    expect(stored()).toEqual([`${replaced.sha256.slice(0, 2)}/${replaced.sha256}`]);
  });

  it("describes, sets access with an embargo date, reorders and deletes, auditing each", async () => {
    const second = await uploadFile(db.sql, storage, { itemId, fileName: "data.csv", body: chunks(Buffer.from("a,b\n1,2\n")), maxBytes: 10_000, userId: null });
    const third = await uploadFile(db.sql, storage, { itemId, fileName: "figure.png", body: chunks(PNG), maxBytes: 10_000, userId: null });
    await expect(updateFile(db.sql, { fileId: second.id, changes: { access: "EMBARGOED" }, userId: null })).rejects.toMatchObject({ code: "invalid" });
    const embargoed = await updateFile(db.sql, { fileId: second.id, changes: { access: "EMBARGOED", embargoUntil: "2030-01-01", description: "Raw data" }, userId: null });
    expect(embargoed).toMatchObject({ access: "EMBARGOED", embargoUntil: "2030-01-01", description: "Raw data" });
    const restricted = await updateFile(db.sql, { fileId: second.id, changes: { access: "RESTRICTED" }, userId: null });
    expect(restricted).toMatchObject({ access: "RESTRICTED", embargoUntil: null });
    const [audit] = await db.sql.query<{ changes: Record<string, { before: unknown; after: unknown }> }>(
      `SELECT changes FROM audit_entry WHERE entity_id = $1 AND action = 'file.update' ORDER BY id DESC LIMIT 1`,
      [second.id],
    );
    expect(audit.changes).toEqual({ access: { before: "EMBARGOED", after: "RESTRICTED" }, embargoUntil: { before: "2030-01-01", after: null } });

    await moveFile(db.sql, { fileId: third.id, direction: "up", userId: null });
    expect((await listFiles(db.sql, itemId)).map((f) => f.fileName)).toEqual(["Kim 2023.pdf", "figure.png", "data.csv"]);
    await moveFile(db.sql, { fileId: third.id, direction: "up", userId: null });
    await moveFile(db.sql, { fileId: third.id, direction: "up", userId: null });
    expect((await listFiles(db.sql, itemId)).map((f) => [f.fileName, f.position])).toEqual([
      ["figure.png", 0],
      ["Kim 2023.pdf", 1],
      ["data.csv", 2],
    ]);

    await deleteFile(db.sql, storage, { fileId: third.id, userId: null });
    expect(await storage.has(`${third.sha256.slice(0, 2)}/${third.sha256}`)).toBe(false);
    expect((await listFiles(db.sql, itemId)).map((f) => f.fileName)).toEqual(["Kim 2023.pdf", "data.csv"]);
    const actions = await db.sql.query<{ action: string }>(`SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY id`, [third.id]);
    expect(actions.map((a) => a.action)).toEqual(["file.upload", "file.reorder", "file.reorder", "file.delete"]);
    expect(await listFiles(db.sql, otherItemId)).toEqual([]);
  });
});

describe("the upload endpoint", () => {
  const deps = () => ({ sql: db.sql, storage, maxBytes: 2000, userId: null });
  it("refuses a declared over-limit body before reading it, with a clear problem", async () => {
    // A stream pulls once to fill its queue when created; reading the body would pull again.
    let pulls = 0;
    const body = new ReadableStream({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(1000));
      },
    });
    const res = await handleUpload(
      new Request("http://x/api/v1/curate/files?item=1&name=big.pdf", { method: "POST", body, headers: { "content-length": "5000" }, duplex: "half" } as RequestInit),
      itemId,
      deps(),
    );
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "too-large", detail: "The file is larger than the limit of 2 KB." });
    expect(pulls).toBe(1);
  });
  it("answers a lying extension with 415 and the detected type", async () => {
    const res = await handleUpload(new Request(`http://x/?item=${itemId}&name=fake.pdf`, { method: "POST", body: PNG }), itemId, deps());
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ code: "mismatch", claimed: "pdf", detected: "png" });
  });
  it("creates a file (201) and needs a name", async () => {
    const res = await handleUpload(new Request(`http://x/?item=${itemId}&name=${encodeURIComponent("notes ①.txt")}`, { method: "POST", body: "hello" }), itemId, deps());
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ fileName: "notes ①.txt", mimeType: "text/plain; charset=utf-8", size: 5 });
    const nameless = await handleUpload(new Request(`http://x/?item=${itemId}`, { method: "POST", body: "hello" }), itemId, deps());
    expect(nameless.status).toBe(400);
  });
});

describe("file history of an item", () => {
  it("lists upload, replace, access change, reorder and delete of the item's files, also of deleted ones, and nothing of other items", async () => {
    const [i] = await db.sql.query<{ id: number }>(
      `INSERT INTO item (handle, type, status, title, collection_id, updated_at) SELECT 't/history', 'JOURNAL_ARTICLE', 'PUBLISHED', 'T', collection_id, now() FROM item WHERE id = $1 RETURNING id`,
      [itemId],
    );
    const id = Number(i.id);
    const a = await uploadFile(db.sql, storage, { itemId: id, fileName: "a.pdf", body: chunks(pdfNamed("history a")), maxBytes: 1 << 20, userId: null });
    const b = await uploadFile(db.sql, storage, { itemId: id, fileName: "b.pdf", body: chunks(pdfNamed("history b")), maxBytes: 1 << 20, userId: null });
    await replaceFileContent(db.sql, storage, { fileId: a.id, fileName: "a.pdf", body: chunks(pdfNamed("history a, second")), maxBytes: 1 << 20, userId: null });
    await updateFile(db.sql, { fileId: a.id, changes: { access: "RESTRICTED" }, userId: null });
    await moveFile(db.sql, { fileId: b.id, direction: "up", userId: null });
    await deleteFile(db.sql, storage, { fileId: b.id, userId: null });
    await uploadFile(db.sql, storage, { itemId: otherItemId, fileName: "elsewhere.pdf", body: chunks(pdfNamed("history other")), maxBytes: 1 << 20, userId: null });
    const history = await listItemFileHistory(db.sql, id);
    expect(history.map((e) => [e.action, e.fileName])).toEqual([
      ["file.delete", "b.pdf"],
      ["file.reorder", "b.pdf"],
      ["file.update", "a.pdf"],
      ["file.replace", "a.pdf"],
      ["file.upload", "b.pdf"],
      ["file.upload", "a.pdf"],
    ]);
    expect(history[2].changes.access).toEqual({ before: "OPEN", after: "RESTRICTED" });
    expect(history[1].changes.order).toEqual({ before: [a.id, b.id], after: [b.id, a.id] });
    expect(history[0].fileId).toBe(b.id);
  });
});
