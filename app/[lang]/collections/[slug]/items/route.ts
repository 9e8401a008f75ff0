// GET /collections/{slug}/items?type=…&from=…&to=…&sort=… – the collection page's filter form: a
// redirect to the path that names that state of the item list.
import { connection } from "next/server";
import { problem } from "@/lib/api/problem";
import { parsePublicationQuery, publicationListPath } from "@/lib/researchers/publications";
import { movedResponse } from "@/lib/site/moved";
import { getCollection } from "@/lib/units/pages";

export async function GET(request: Request, { params }: RouteContext<"/[lang]/collections/[slug]/items">) {
  await connection();
  const { slug } = await params;
  const query = parsePublicationQuery(new URL(request.url).searchParams);
  if (!(await getCollection(slug))) return (await movedResponse("collection", slug, ["items"], request)) ?? problem(404, "Not Found", `There is no collection "${slug.slice(0, 100)}".`);
  // Collections do not sort by views (see the collection page).
  const sort = query.sort === "viewed" ? "newest" : query.sort;
  return new Response(null, { status: 303, headers: { Location: `${publicationListPath(`/collections/${slug}`, { ...query, sort, page: 1 })}#items` } });
}
