// Researcher photos: looked up by profile slug, read from storage, typed by their content.
import { getPrisma } from "../db";
import { getStorage, StorageNotFoundError } from "../storage";

export type Photo = { bytes: Buffer; contentType: string; etag: string };

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

export function sniffImageType(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.subarray(0, 4).toString("latin1") === "RIFF" && bytes.subarray(8, 12).toString("latin1") === "WEBP") return "image/webp";
  const head = bytes.subarray(0, 256).toString("utf8").trimStart();
  if (/^(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(head)) return "image/svg+xml";
  return undefined;
}

export async function getResearcherPhoto(slug: string): Promise<Photo | null> {
  if (!SLUG.test(slug)) return null;
  const prisma = await getPrisma();
  const researcher = await prisma.researcher.findUnique({ where: { slug }, select: { photoKey: true } });
  if (!researcher?.photoKey) return null;
  try {
    const bytes = await getStorage().read(researcher.photoKey);
    const contentType = sniffImageType(bytes);
    if (!contentType) return null;
    return { bytes, contentType, etag: `"${researcher.photoKey.slice(3, 23)}"` };
  } catch (err) {
    if (err instanceof StorageNotFoundError) return null;
    throw err;
  }
}
