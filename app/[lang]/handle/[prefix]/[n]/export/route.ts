// GET /handle/{prefix}/{n}/export?format=bibtex|ris|endnote|csl-json|dc-xml – an item's metadata as a download
// (the proxy serves it under /en or /ko; the language plays no part).
import { connection } from "next/server";
import { exportItemResponse } from "@/lib/export/respond";
import { getPublicItem } from "@/lib/items/get-item-page";

export async function GET(request: Request, { params }: RouteContext<"/[lang]/handle/[prefix]/[n]/export">) {
  await connection();
  const { prefix, n } = await params;
  const format = new URL(request.url).searchParams.get("format");
  return exportItemResponse({ prefix, n, format }, getPublicItem);
}
