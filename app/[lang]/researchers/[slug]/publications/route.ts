// GET /researchers/{slug}/publications?format=bibtex|ris|csv&type=…&year=…&sort=… – a researcher's
// (filtered) publication list as a download. Without a format, the list itself: a redirect to the
// profile with the same filters.
import { connection } from "next/server";
import { problem } from "@/lib/api/problem";
import { getPrisma, getSql } from "@/lib/db";
import { isListExportFormat, publicationListResponse, unknownListFormat } from "@/lib/researchers/export";
import { getResearcherProfile } from "@/lib/researchers/profile";
import { listPublicationsForExport, parsePublicationQuery, publicationQueryString } from "@/lib/researchers/publications";

export async function GET(request: Request, { params }: RouteContext<"/[lang]/researchers/[slug]/publications">) {
  await connection();
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  const query = parsePublicationQuery(search);
  const researcher = await getResearcherProfile(slug);
  if (!researcher) return problem(404, "Not Found", `There is no researcher "${slug.slice(0, 100)}".`);
  const format = search.get("format");
  if (format === null) {
    return new Response(null, { status: 303, headers: { Location: `/researchers/${slug}${publicationQueryString(query)}#publications` } });
  }
  if (!isListExportFormat(format)) return unknownListFormat(format);
  const result = await listPublicationsForExport(await getSql(), await getPrisma(), researcher.id, query);
  return publicationListResponse(slug, query, format, result);
}
