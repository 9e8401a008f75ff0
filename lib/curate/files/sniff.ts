// What a file really is, decided from its first bytes (magic numbers, via `file-type`), never from
// its name alone. Policy:
//  - executables, scripts and HTML are refused whatever they are called (the site would be
//    serving them to the public);
//  - a name whose extension promises a format with a signature (.pdf, .png, .docx…) must match the
//    content, otherwise the upload is refused ("lying extension");
//  - formats without a signature (text, CSV, JSON…) get their type from the extension when the
//    content is text, else application/octet-stream;
//  - the stored type is the sniffed one, never what the browser claimed.
import { fileTypeFromBuffer } from "file-type";
import { extensionOf } from "./names";

export type SniffResult =
  | { ok: true; mimeType: string; detected: string | null }
  | { ok: false; reason: "dangerous" | "mismatch"; detected: string | null; claimed: string };

/** Extensions never accepted, whatever the content. */
const DANGEROUS_EXTENSIONS = new Set([
  "exe", "dll", "com", "scr", "msi", "bat", "cmd", "ps1", "vbs", "js", "mjs", "jse", "wsf", "sh", "jar", "apk", "app",
  "html", "htm", "xhtml", "shtml", "hta", "svg", "svgz", "php", "phtml", "asp", "aspx", "jsp", "cgi",
]);

/** Content types (as file-type reports them) never accepted. */
const DANGEROUS_DETECTED = new Set(["exe", "elf", "mach", "msi", "dex", "class", "swf", "apk", "jar", "wasm", "cab", "rpm", "deb", "lnk"]);

/** Extensions of formats with a recognisable signature, and what file-type may call them. */
const SIGNED: Record<string, readonly string[]> = {
  pdf: ["pdf"],
  png: ["png"],
  jpg: ["jpg"],
  jpeg: ["jpg"],
  gif: ["gif"],
  webp: ["webp"],
  tif: ["tif"],
  tiff: ["tif"],
  bmp: ["bmp"],
  zip: ["zip"],
  gz: ["gz"],
  tgz: ["gz"],
  bz2: ["bz2"],
  xz: ["xz"],
  "7z": ["7z"],
  tar: ["tar"],
  // Office Open XML, OpenDocument and EPUB are zip files; the first 64 KiB do not always show which.
  docx: ["docx", "zip"],
  xlsx: ["xlsx", "zip"],
  pptx: ["pptx", "zip"],
  odt: ["odt", "zip"],
  ods: ["ods", "zip"],
  odp: ["odp", "zip"],
  epub: ["epub", "zip"],
  // Legacy Office files are Compound File Binary containers.
  doc: ["cfb", "doc"],
  xls: ["cfb", "xls"],
  ppt: ["cfb", "ppt"],
  mp3: ["mp3"],
  mp4: ["mp4", "m4v", "m4a"],
  m4a: ["m4a", "mp4"],
  wav: ["wav"],
  ogg: ["ogg", "oga", "opus"],
  flac: ["flac"],
  webm: ["webm"],
  mov: ["mov", "mp4"],
  avi: ["avi"],
};

/** Types for formats without a signature, used when the content is text. */
const TEXT_TYPES: Record<string, string> = {
  txt: "text/plain",
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  md: "text/markdown",
  json: "application/json",
  xml: "application/xml",
  bib: "application/x-bibtex",
  ris: "application/x-research-info-systems",
  tex: "application/x-tex",
  r: "text/plain",
  py: "text/plain",
  ipynb: "application/json",
  yaml: "text/plain",
  yml: "text/plain",
};

/** Office types by extension, for zip containers that file-type only calls "zip". */
const CONTAINER_TYPES: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
  epub: "application/epub+zip",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
};

const HTML_START = /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<script[\s>]|<svg[\s>]|<\?xml[^>]*>\s*<(svg|html)[\s>])/i;
const SHEBANG = /^#!/;

function looksLikeText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  // A multi-byte character cut at the end of the head is still text.
  const text = head.toString("utf8");
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  return bad <= 3;
}

export async function sniffContent(fileName: string, head: Buffer): Promise<SniffResult> {
  const ext = extensionOf(fileName);
  const found = head.length ? await fileTypeFromBuffer(head) : undefined;
  const detected = found?.ext ?? null;
  const text = !found && looksLikeText(head);
  const startText = looksLikeText(head.subarray(0, 1024)) ? head.subarray(0, 1024).toString("utf8") : "";

  if (DANGEROUS_EXTENSIONS.has(ext)) return { ok: false, reason: "dangerous", detected, claimed: ext };
  if (detected && DANGEROUS_DETECTED.has(detected)) return { ok: false, reason: "dangerous", detected, claimed: ext };
  if (startText && (HTML_START.test(startText) || SHEBANG.test(startText))) {
    return { ok: false, reason: "dangerous", detected: HTML_START.test(startText) ? "html" : "script", claimed: ext };
  }

  const expected = SIGNED[ext];
  if (expected) {
    if (!found || !expected.includes(found.ext)) return { ok: false, reason: "mismatch", detected, claimed: ext };
    const mimeType = (found.ext === "zip" || found.ext === "cfb") && CONTAINER_TYPES[ext] ? CONTAINER_TYPES[ext] : found.mime;
    return { ok: true, mimeType, detected };
  }
  if (found) {
    // A name without a known signed extension ("data.bin", "scan"): the content decides.
    return { ok: true, mimeType: found.mime, detected };
  }
  if (text) {
    const type = TEXT_TYPES[ext] ?? "text/plain";
    return { ok: true, mimeType: type.startsWith("text/") ? `${type}; charset=utf-8` : type, detected: null };
  }
  return { ok: true, mimeType: "application/octet-stream", detected: null };
}
