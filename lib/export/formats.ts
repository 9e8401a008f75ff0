// Metadata downloads of one item (/handle/{prefix}/{n}/export?format=…): the body, its media type
// and the file name it is saved under.
import "server-only";
import { cslToBibtex } from "./bibtex";
import { citationJsOutput } from "./citation-js";
import { toCsl, type ExportableItem, type ExportOptions } from "./csl";
import { toDublinCoreXml } from "./dc-xml";
import { toEndNote } from "./endnote";
import { EXPORT_MEDIA, exportFileName, type ExportFormat } from "./media";
import { cslToRis } from "./ris";

export { EXPORT_FORMATS, EXPORT_MEDIA, exportFileName, exportPath, isExportFormat, type ExportFormat } from "./media";

export type ExportFile = { body: string; contentType: string; fileName: string };

function exportBody(item: ExportableItem, format: ExportFormat, options: ExportOptions): string {
  switch (format) {
    case "bibtex":
      return cslToBibtex(toCsl(item, options));
    case "ris":
      return cslToRis(item, toCsl(item, options));
    case "endnote":
      return toEndNote(item, options);
    case "csl-json":
      return `${citationJsOutput(toCsl(item, options), "data", { format: "text" }) as string}\n`;
    case "dc-xml":
      return toDublinCoreXml(item, options);
  }
}

/** One item in one export format. */
export function exportItem(item: ExportableItem, format: ExportFormat, options: ExportOptions = {}): ExportFile {
  return {
    body: exportBody(item, format, options),
    contentType: EXPORT_MEDIA[format].contentType,
    fileName: exportFileName(item.handle, format),
  };
}
