// The export formats' names, media types and file names: no converters, so pages and Signposting
// links can name the downloads without loading Citation.js.
export const EXPORT_FORMATS = ["bibtex", "ris", "endnote", "csl-json", "dc-xml"] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MEDIA: Record<ExportFormat, { contentType: string; extension: string }> = {
  bibtex: { contentType: "application/x-bibtex; charset=utf-8", extension: "bib" },
  ris: { contentType: "application/x-research-info-systems; charset=utf-8", extension: "ris" },
  endnote: { contentType: "application/x-endnote-refer; charset=utf-8", extension: "enw" },
  "csl-json": { contentType: "application/vnd.citationstyles.csl+json; charset=utf-8", extension: "json" },
  "dc-xml": { contentType: "application/xml; charset=utf-8", extension: "xml" },
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** "2023.sw.kbri/1191" + bibtex → "2023.sw.kbri-1191.bib". */
export function exportFileName(handle: string, format: ExportFormat): string {
  return `${handle.replace(/\//g, "-")}.${EXPORT_MEDIA[format].extension}`;
}

/** The download's path under the item's canonical URL: "/handle/2023.sw.kbri/1191/export?format=ris". */
export function exportPath(handle: string, format: ExportFormat): string {
  return `/handle/${handle.split("/").map(encodeURIComponent).join("/")}/export?format=${format}`;
}
