// The HTTP answer of GET /handle/{prefix}/{n}/export?format=…, apart from Next.js: the route
// passes its parameters and the item lookup, so tests can hand in an item directly.
import "server-only";
import { problem } from "../api/problem";
import type { ExportableItem, ExportOptions } from "./csl";
import { handleFromSegments } from "../items/handle";
import { EXPORT_FORMATS, exportItem, isExportFormat } from "./formats";

export type ExportItemStatus = "DRAFT" | "IN_REVIEW" | "PUBLISHED" | "WITHDRAWN";

export type ExportRecord = ExportableItem & { status: ExportItemStatus };

export type ExportRequest = {
  /** Route parameters as received: still percent-encoded or not, both work. */
  prefix: string;
  n: string;
  format: string | null;
};

/**
 * Content-Disposition for a download (RFC 6266): a quoted ASCII file name, plus `filename*` in
 * UTF-8 (RFC 8187) when the name has characters the quoted form cannot carry.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^A-Za-z0-9._-]/g, "_");
  if (fallback === fileName) return `attachment; filename="${fileName}"`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * 200 with the file; 400 for a missing or unknown format (before any lookup); 404 for an unknown
 * handle, a draft or an item in review; 410 for a withdrawn item.
 */
export async function exportItemResponse(
  request: ExportRequest,
  findItem: (handle: string) => Promise<ExportRecord | null>,
  options: ExportOptions = {},
): Promise<Response> {
  const valid = EXPORT_FORMATS.join(", ");
  if (!request.format) return problem(400, "Bad Request", `The format parameter is missing. Valid formats: ${valid}.`);
  if (!isExportFormat(request.format)) {
    return problem(400, "Bad Request", `Unknown export format "${request.format.slice(0, 40)}". Valid formats: ${valid}.`);
  }
  const handle = handleFromSegments(request.prefix, request.n);
  const item = handle ? await findItem(handle) : null;
  if (!item || (item.status !== "PUBLISHED" && item.status !== "WITHDRAWN")) {
    return problem(404, "Not Found", `There is no item with the handle ${handle ?? `${request.prefix}/${request.n}`}.`);
  }
  if (item.status === "WITHDRAWN") {
    return problem(410, "Gone", `Item ${item.handle} has been withdrawn; its metadata is no longer exported.`);
  }
  const file = exportItem(item, request.format, options);
  return new Response(file.body, {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentDisposition(file.fileName),
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
