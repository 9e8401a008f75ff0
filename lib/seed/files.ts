// Contents of the demonstration files: PDFs made with pdf-lib (a title page with the item's title,
// authors, citation and abstract, and a second page), CSV supplementary data, PNG figures and the
// SVG initials avatars of researchers. Everything is deterministic: the same input gives the same
// bytes, so seeding twice stores the same objects.
import zlib from "node:zlib";
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { hash32, type Random } from "./random";

export type PdfContent = {
  title: string;
  authors: string[];
  citation: string | null;
  abstract: string | null;
  handleUrl: string;
  year: number;
  /** A fixed-width marker ("[item:0001234]") in the document's Subject, see `restampPdf`. */
  marker: string;
  createdAt: Date;
};

const PAGE: [number, number] = [595.28, 841.89]; // A4
const MARGIN = 64;
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.38, 0.42, 0.48);
const ACCENT = rgb(0.05, 0.36, 0.55);

/** The standard PDF fonts encode WinAnsi only: Hangul and other scripts become "?". */
export function toWinAnsi(text: string): string {
  return text
    .replace(/[\u2010\u2011\u2012]/g, "-")
    .replace(/[^\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]/g, "?");
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

type Cursor = { page: PDFPage; y: number };

function paragraph(cursor: Cursor, text: string, font: PDFFont, size: number, color = INK, gap = 1.35): void {
  const width = PAGE[0] - 2 * MARGIN;
  for (const line of wrap(toWinAnsi(text), font, size, width)) {
    cursor.page.drawText(line, { x: MARGIN, y: cursor.y, size, font, color });
    cursor.y -= size * gap;
  }
}

export async function renderPdf(content: PdfContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(toWinAnsi(content.title));
  doc.setAuthor(toWinAnsi(content.authors.join("; ")));
  doc.setSubject(content.marker);
  doc.setCreator("Atrium demonstration data");
  doc.setProducer("pdf-lib");
  doc.setCreationDate(content.createdAt);
  doc.setModificationDate(content.createdAt);

  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const italic = await doc.embedFont(StandardFonts.HelveticaOblique);

  const first: Cursor = { page: doc.addPage(PAGE), y: PAGE[1] - MARGIN };
  first.page.drawRectangle({ x: 0, y: PAGE[1] - 28, width: PAGE[0], height: 28, color: ACCENT });
  first.page.drawText("Korea Brain Research Institute  |  ScholarWorks (demonstration copy)", {
    x: MARGIN,
    y: PAGE[1] - 19,
    size: 9,
    font: bold,
    color: rgb(1, 1, 1),
  });
  first.y -= 24;
  paragraph(first, content.title, bold, 17, INK, 1.3);
  first.y -= 6;
  paragraph(first, content.authors.join("; "), regular, 11, INK);
  if (content.citation) paragraph(first, content.citation, italic, 10, MUTED);
  paragraph(first, content.handleUrl, regular, 9, ACCENT);
  first.y -= 14;
  if (content.abstract) {
    paragraph(first, "Abstract", bold, 12);
    first.y -= 2;
    paragraph(first, content.abstract, regular, 10, INK, 1.45);
  }
  first.page.drawText(`(c) ${content.year} the authors. Demonstration file generated for Atrium; not the published version.`, {
    x: MARGIN,
    y: 36,
    size: 8,
    font: italic,
    color: MUTED,
  });

  const second: Cursor = { page: doc.addPage(PAGE), y: PAGE[1] - MARGIN };
  paragraph(second, "1. Introduction", bold, 12);
  second.y -= 2;
  const sentences = (content.abstract ?? content.title).split(/(?<=\.)\s+/);
  paragraph(second, sentences.slice(0, 3).join(" "), regular, 10, INK, 1.45);
  second.y -= 8;
  paragraph(second, "2. About this file", bold, 12);
  second.y -= 2;
  paragraph(
    second,
    "This document stands in for the full text of the record in the Atrium demonstration data set. It is generated " +
      "from the record's metadata so that downloads, range requests, checksums and previews can be tried with real PDF files.",
    regular,
    10,
    INK,
    1.45,
  );
  second.page.drawText("2", { x: PAGE[0] / 2, y: 36, size: 9, font: regular, color: MUTED });

  return doc.save({ useObjectStreams: false });
}

/** pdf-lib writes text metadata as UTF-16BE hex strings, e.g. <FEFF005B…>. */
function hexText(text: string): string {
  let out = "FEFF";
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0");
  return out;
}

export function pdfMarker(n: number): string {
  return `[item:${String(n).padStart(7, "0")}]`;
}

/**
 * A copy of a rendered PDF whose Subject marker names another item. The marker has a fixed width,
 * so every byte offset (and so the cross-reference table) stays valid. Used beyond the rendering
 * budget: each file row needs its own content, as file.storage_key is unique.
 */
export function restampPdf(pdf: Uint8Array, fromMarker: string, toMarker: string): Buffer {
  const bytes = Buffer.from(pdf);
  const from = Buffer.from(hexText(fromMarker), "latin1");
  const to = Buffer.from(hexText(toMarker), "latin1");
  if (from.length !== to.length) throw new Error("PDF markers must have the same length");
  const at = bytes.indexOf(from);
  if (at < 0) throw new Error(`marker ${fromMarker} not found in PDF`);
  to.copy(bytes, at);
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Supplementary data and figures

export function renderCsv(random: Random, measures: [string, string]): Buffer {
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  const header = ["subject_id", "group", "sex", "age_weeks", slug(measures[0]), slug(measures[1]), "included"];
  const lines = [header.join(",")];
  const n = random.int(24, 72);
  for (let i = 1; i <= n; i++) {
    const group = random.chance(0.5) ? "control" : "treatment";
    const shift = group === "treatment" ? 0.6 : 0;
    lines.push(
      [
        `S${String(i).padStart(3, "0")}`,
        group,
        random.chance(0.5) ? "F" : "M",
        random.int(8, 16),
        random.normal(10 + shift * 3, 2).toFixed(3),
        random.normal(0.5 + shift * 0.2, 0.12).toFixed(4),
        random.chance(0.93) ? "yes" : "no",
      ].join(","),
    );
  }
  return Buffer.from(`${lines.join("\n")}\n`, "utf8");
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG figure's compressed pixels; `assemblePng` adds the text chunks that name its item. */
export type FigurePixels = { ihdr: Buffer; idat: Buffer };

/** A PNG whose tEXt chunks carry the title and the item's handle, so each item's copy is distinct. */
export function assemblePng(pixels: FigurePixels, title: string, source: string): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pixels.ihdr,
    pngChunk("tEXt", Buffer.from(`Title\0${toWinAnsi(title).slice(0, 200)}`, "latin1")),
    pngChunk("tEXt", Buffer.from(`Source\0${toWinAnsi(source)}`, "latin1")),
    pixels.idat,
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A bar chart with error bars and data points (no text: a figure panel), as RGB pixels. */
export function renderFigure(random: Random): FigurePixels {
  const width = 640;
  const height = 400;
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height, 0xff);
  for (let y = 0; y < height; y++) raw[y * stride] = 0; // filter byte: none
  const fill = (x0: number, y0: number, x1: number, y1: number, [r, g, b]: [number, number, number]) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x1); x++) {
        const o = y * stride + 1 + x * 3;
        raw[o] = r;
        raw[o + 1] = g;
        raw[o + 2] = b;
      }
    }
  };
  const axis: [number, number, number] = [40, 44, 52];
  fill(70, 40, 72, 350, axis);
  fill(70, 348, 600, 350, axis);
  for (let t = 0; t <= 4; t++) fill(64, 348 - t * 70, 70, 349 - t * 70, axis);
  const palette: [number, number, number][] = [
    [120, 130, 145],
    [13, 92, 140],
    [196, 90, 50],
    [60, 140, 90],
  ];
  const groups = random.int(2, 4);
  const slot = 500 / groups;
  for (let g = 0; g < groups; g++) {
    const value = 60 + random.next() * 240;
    const x0 = Math.round(90 + g * slot + slot * 0.2);
    const x1 = Math.round(90 + g * slot + slot * 0.8);
    fill(x0, Math.round(348 - value), x1, 348, palette[g]);
    const err = 10 + random.next() * 30;
    const cx = Math.round((x0 + x1) / 2);
    fill(cx - 1, Math.round(348 - value - err), cx + 1, Math.round(348 - value + err), axis);
    fill(cx - 10, Math.round(348 - value - err), cx + 10, Math.round(348 - value - err) + 2, axis);
    // Individual data points.
    for (let p = 0; p < 8; p++) {
      const py = Math.round(348 - value + random.normal(0, err));
      const px = x0 + 6 + Math.floor(random.next() * (x1 - x0 - 12));
      fill(px - 3, py - 3, px + 3, py + 3, [30, 30, 30]);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return { ihdr: pngChunk("IHDR", ihdr), idat: pngChunk("IDAT", zlib.deflateSync(raw, { level: 6 })) };
}

// ---------------------------------------------------------------------------------------------
// Researcher photos

/** Calm, saturated colours that keep white initials above 4.5:1 contrast. */
const AVATAR_COLOURS = [
  "#1f5f8b", "#2e6b4f", "#7a3e8e", "#a23b3b", "#8a5a12", "#2f5d9e", "#0f6e6e", "#5b4a9e",
  "#9b3f6b", "#3d6b2f", "#6a4c2f", "#24607a", "#7d3f2a", "#4a5a7a", "#1d6b5a", "#8b3a55",
];

/** "Koo, Ja Wook" → "JK": the given name's initial, then the family name's. */
export function initialsOf(displayName: string): string {
  const [family, given = ""] = displayName.split(",").map((s) => s.trim());
  return `${given.charAt(0)}${family.charAt(0)}`.toUpperCase();
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function renderAvatarSvg(displayName: string): Buffer {
  const colour = AVATAR_COLOURS[hash32(displayName) % AVATAR_COLOURS.length];
  const initials = escapeXml(initialsOf(displayName));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256" role="img" aria-label="${escapeXml(displayName)}">` +
    `<rect width="256" height="256" fill="${colour}"/>` +
    `<text x="128" y="128" dy="0.35em" text-anchor="middle" fill="#ffffff" ` +
    `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans KR', sans-serif" font-size="100" font-weight="600" letter-spacing="2">${initials}</text>` +
    `</svg>\n`;
  return Buffer.from(svg, "utf8");
}
