import crypto from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ChecksumMismatchError, toWebStream } from "./stream";

const sha256 = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("toWebStream", () => {
  it("passes the bytes through, verified or not", async () => {
    const chunks = [Buffer.from("one "), Buffer.from("two "), Buffer.from("three")];
    const whole = Buffer.concat(chunks);
    expect((await readAll(toWebStream(Readable.from(chunks)))).equals(whole)).toBe(true);
    expect((await readAll(toWebStream(Readable.from(chunks), { expectedSha256: sha256(whole) }))).equals(whole)).toBe(true);
    expect((await readAll(toWebStream(Readable.from([]), { expectedSha256: sha256(Buffer.alloc(0)) }))).length).toBe(0);
  });

  it("withholds the last chunk of bytes that do not match the checksum", async () => {
    const errors: unknown[] = [];
    const stream = toWebStream(Readable.from([Buffer.from("only chunk")]), {
      expectedSha256: sha256(Buffer.from("something else")),
      onError: (e) => errors.push(e),
    });
    const reader = stream.getReader();
    await expect(reader.read()).rejects.toBeInstanceOf(ChecksumMismatchError);
    expect(errors).toHaveLength(1);
  });

  it("closes the source and reports nothing when the reader cancels mid-read", async () => {
    const source = new PassThrough();
    const errors: unknown[] = [];
    const reader = toWebStream(source, { onError: (e) => errors.push(e) }).getReader();
    source.write(Buffer.from("first"));
    expect(Buffer.from((await reader.read()).value!).toString()).toBe("first");
    // Let the stream ask for more: it is now waiting for bytes that never come.
    await new Promise((resolve) => setTimeout(resolve, 10));
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(source.destroyed).toBe(true);
    expect(errors).toEqual([]);
  });
});
