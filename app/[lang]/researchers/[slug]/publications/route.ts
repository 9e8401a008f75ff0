// GET /researchers/{slug}/publications?format=bibtex|ris|csv&type=…&year=…&sort=… – a researcher's
// (filtered) publication list as a download. Without a format, the list's own filter form: a
// redirect to the path that names that state of the list on the profile.
import { connection } from "next/server";
import { problem } from "@/lib/api/problem";
import { getPublicationsForExport, isListExportFormat, publicationListResponse, unknownListFormat } from "@/lib/researchers/export";
import { getResearcherProfile } from "@/lib/researchers/profile";
import { parsePublicationQuery, publicationListPath } from "@/lib/researchers/publications";
import { movedResponse } from "@/lib/site/moved";

export async function GET(request: Request, { params }: RouteContext<"/[lang]/researchers/[slug]/publications">) {
  await connection();
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  const query = parsePublicationQuery(search);
  const format = search.get("format");
  if (format !== null && !isListExportFormat(format)) return unknownListFormat(format);
  const researcher = await getResearcherProfile(slug);
  if (!researcher) return (await movedResponse("researcher", slug, ["publications"], request)) ?? problem(404, "Not Found", `There is no researcher "${slug.slice(0, 100)}".`);
  if (format === null) {
    return new Response(null, { status: 303, headers: { Location: `${publicationListPath(`/researchers/${slug}`, { ...query, page: 1 })}#publications` } });
  }
  const result = await getPublicationsForExport(researcher.id, query);
  return publicationListResponse(slug, query, format, result);
}
