// File names as curators upload them: kept as close to the original as is safe. The name is only
// ever shown and put in a Content-Disposition header (storage uses the SHA-256), but it must not
// carry a path, invisible controls or direction overrides that make "evil‮fdp.exe" look like
// "evilexe.pdf".

/** Longest name kept, in characters (most filesystems allow 255 bytes; ours is never on disk). */
export const MAX_FILE_NAME_LENGTH = 200;

// C0/C1 controls, and the Unicode format characters that reorder or hide text: bidi embeddings,
// overrides and isolates, zero-width characters, the BOM.
const UNSAFE = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

export function sanitiseFileName(raw: string): string {
  let name = raw.toWellFormed().normalize("NFC");
  // Only the last path segment: "C:\\Users\\me\\paper.pdf", "../../etc/passwd" → "paper.pdf", "passwd".
  name = name.split(/[\\/]/).pop() ?? "";
  name = name.replace(UNSAFE, "");
  // Leading dots would hide the file or mean "." / ".."; trailing dots and spaces vanish on Windows.
  name = name.replace(/^[\s.]+/, "").replace(/[\s.]+$/, "");
  name = name.replace(/\s+/g, " ");
  if ([...name].length > MAX_FILE_NAME_LENGTH) {
    const chars = [...name];
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : "";
    const extChars = [...ext].length;
    name = chars.slice(0, MAX_FILE_NAME_LENGTH - extChars).join("").trimEnd() + ext;
  }
  return name || "file";
}

/** Lower-case extension without the dot ("pdf"), or "" when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}
