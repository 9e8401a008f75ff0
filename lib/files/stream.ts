// Turns a storage stream into the web ReadableStream a Response needs, reading only as fast as the
// client takes the bytes (pull-based), and closing the file when the client goes away.
import crypto from "node:crypto";
import type { Readable } from "node:stream";

export class ChecksumMismatchError extends Error {
  readonly code = "CHECKSUM_MISMATCH";
  constructor() {
    super("The stored bytes do not match the recorded SHA-256");
    this.name = "ChecksumMismatchError";
  }
}

export type WebStreamOptions = {
  /**
   * The whole object's hex SHA-256. The bytes are hashed as they pass and the last chunk is held
   * back until the hash is known, so a corrupted file ends in a broken download (short of its
   * Content-Length) instead of a "successful" one with the wrong content.
   */
  expectedSha256?: string;
  /** Told whether the whole object matched expectedSha256, once that is known. */
  onChecked?: (matches: boolean) => void;
  /** Told about any failure after the response has started (the client only sees a cut-off). */
  onError?: (error: unknown) => void;
};

export function toWebStream(source: Readable, options: WebStreamOptions = {}): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const hash = options.expectedSha256 ? crypto.createHash("sha256") : undefined;
  let held: Uint8Array | undefined;
  // A client that goes away (a PDF viewer dropping a range it no longer needs) is not a failure.
  let cancelled = false;

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (;;) {
          const next = await iterator.next();
          if (next.done) {
            if (hash) {
              const matches = hash.digest("hex") === options.expectedSha256?.toLowerCase();
              options.onChecked?.(matches);
              if (!matches) throw new ChecksumMismatchError();
            }
            if (held) controller.enqueue(held);
            controller.close();
            return;
          }
          const chunk = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
          if (!hash) {
            controller.enqueue(chunk);
            return;
          }
          hash.update(chunk);
          const previous = held;
          held = chunk;
          if (previous) {
            controller.enqueue(previous);
            return;
          }
        }
      } catch (error) {
        source.destroy();
        if (cancelled) return;
        options.onError?.(error);
        controller.error(error);
      }
    },
    cancel() {
      cancelled = true;
      source.destroy();
    },
  });
}
