// GET /handle/{prefix}/{n}/linkset – the item's FAIR Signposting linkset (RFC 9264)
import { connection } from "next/server";
import { problem } from "@/lib/api/problem";
import { siteUrl } from "@/lib/env";
import { getPublicItem } from "@/lib/items/get-item-page";
import { handleFromSegments } from "@/lib/items/handle";
import { buildLinkset } from "@/lib/items/signposting";

export async function GET(_request: Request, { params }: RouteContext<"/[lang]/handle/[prefix]/[n]/linkset">) {
  await connection();
  const { prefix, n } = await params;
  const handle = handleFromSegments(prefix, n);
  const item = handle ? await getPublicItem(handle) : null;
  if (!item) return problem(404, "Not Found", `There is no item with the handle ${handle}.`);
  if (item.status === "WITHDRAWN") return problem(410, "Gone", `The item ${handle} has been withdrawn.`);
  return new Response(JSON.stringify(buildLinkset(item, siteUrl())), {
    headers: { "Content-Type": "application/linkset+json", "Cache-Control": "public, max-age=300" },
  });
}
