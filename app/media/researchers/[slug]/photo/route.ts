// GET /media/researchers/{slug}/photo – a researcher's profile photo
import { connection } from "next/server";
import { getResearcherPhoto } from "@/lib/researchers/photo";

export async function GET(request: Request, { params }: RouteContext<"/media/researchers/[slug]/photo">) {
  await connection();
  const { slug } = await params;
  const photo = await getResearcherPhoto(slug);
  if (!photo) return new Response("No photo for this researcher.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const headers = {
    "Content-Type": photo.contentType,
    ETag: photo.etag,
    "Cache-Control": "public, max-age=86400",
    "X-Content-Type-Options": "nosniff",
    // An SVG is a document: never let one run script or load anything.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  };
  if (request.headers.get("if-none-match") === photo.etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(photo.bytes), { headers: { ...headers, "Content-Length": String(photo.bytes.length) } });
}
