// Streams bytes into a new file in a staging folder, hashing and counting as they pass and
// stopping as soon as there are more than `maxBytes`. Shared by the storage backends: the bytes
// are only moved to (or uploaded under) their content address once they are complete and checked.
import crypto from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { TooLargeError, type StageOptions } from "./index";

export type StagedFile = { temp: string; sha256: string; size: number; head: Buffer };

export async function stageToFile(dir: string, source: AsyncIterable<Uint8Array>, options: StageOptions = {}): Promise<StagedFile> {
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  const headBytes = options.headBytes ?? 64 * 1024;
  await fsp.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `${Date.now()}-${process.pid}-${crypto.randomBytes(6).toString("hex")}`);
  const handle = await fsp.open(temp, "wx");
  const hash = crypto.createHash("sha256");
  const heads: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  try {
    for await (const piece of source) {
      const chunk = Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      size += chunk.length;
      if (size > maxBytes) throw new TooLargeError(maxBytes);
      hash.update(chunk);
      if (headLength < headBytes) {
        const part = chunk.subarray(0, headBytes - headLength);
        heads.push(Buffer.from(part));
        headLength += part.length;
      }
      await handle.write(chunk);
    }
    await handle.sync();
    await handle.close();
  } catch (err) {
    await handle.close().catch(() => {});
    await fsp.rm(temp, { force: true });
    throw err;
  }
  return { temp, sha256: hash.digest("hex"), size, head: Buffer.concat(heads) };
}

/** Removes files in `dir` last modified more than `olderThanMs` ago; returns how many. */
export async function sweepFolder(dir: string, olderThanMs: number): Promise<number> {
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  const limit = Date.now() - olderThanMs;
  for (const name of names) {
    const full = path.join(dir, name);
    const s = await fsp.stat(full).catch(() => undefined);
    if (s?.isFile() && s.mtimeMs <= limit) {
      await fsp.rm(full, { force: true });
      removed++;
    }
  }
  return removed;
}
