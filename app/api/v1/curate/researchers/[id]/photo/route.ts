// POST   /api/v1/curate/researchers/{id}/photo – replace a researcher's photo (body: the image bytes)
// DELETE /api/v1/curate/researchers/{id}/photo – remove it
// Curators of one of the researcher's units (and administrators). The type is sniffed from the
// content (JPEG, PNG or WebP); the size limit is MAX_PHOTO_BYTES. Errors are RFC 9457 problem+json
// with a `code` member the interface translates.
import { connection } from "next/server";
import { problem } from "@/lib/api/problem";
import { guardedRoute } from "@/lib/auth/guard";
import { RecordNotFoundError } from "@/lib/curate/audit";
import { bodyOf, parseId } from "@/lib/curate/files/upload";
import { access, getEditableResearcher, invalidateResearcher, photoDeps } from "@/lib/curate/records";
import { PhotoRefusal, removeResearcherPhoto, setResearcherPhoto } from "@/lib/curate/researchers/store";

type Context = RouteContext<"/api/v1/curate/researchers/[id]/photo">;

const allow = async (user: Parameters<typeof access.editResearcher>[0], { context }: { context: Context }) => {
  const id = parseId((await context.params).id);
  // An unknown researcher is answered with 404 by the handler (after the sign-in check).
  return id === null || (await getEditableResearcher(id)) === null || access.editResearcher(user, { id });
};

const TITLES = { tooLarge: "Content too large", notImage: "Unsupported image", empty: "Bad request" } as const;
const DETAILS = {
  tooLarge: (max: number) => `The photo is larger than ${max} bytes.`,
  notImage: () => "The content is not a JPEG, PNG or WebP image.",
  empty: () => "The request had no image bytes.",
} as const;

export const POST = guardedRoute<Context>(allow, async (request, context, user) => {
  await connection();
  const id = parseId((await context.params).id);
  const researcher = id === null ? null : await getEditableResearcher(id);
  if (id === null || !researcher) return problem(404, "Not found", "There is no such researcher.");
  const deps = await photoDeps();
  const length = request.headers.get("content-length");
  if (length && /^\d+$/.test(length) && Number(length) > deps.maxBytes) return problem(413, TITLES.tooLarge, DETAILS.tooLarge(deps.maxBytes), {}, { code: "tooLarge", maxBytes: deps.maxBytes });
  try {
    const result = await setResearcherPhoto(deps.sql, deps.storage, { researcherId: id, body: bodyOf(request), maxBytes: deps.maxBytes, userId: user.id });
    invalidateResearcher(researcher.slug);
    return Response.json({ id, photoKey: result.photoKey, contentType: result.contentType }, { status: 200 });
  } catch (err) {
    if (err instanceof PhotoRefusal) return problem(err.status, TITLES[err.code], DETAILS[err.code](deps.maxBytes), {}, { code: err.code, maxBytes: deps.maxBytes });
    if (err instanceof RecordNotFoundError) return problem(404, "Not found", "There is no such researcher.");
    throw err;
  }
});

export const DELETE = guardedRoute<Context>(allow, async (_request, context, user) => {
  await connection();
  const id = parseId((await context.params).id);
  const researcher = id === null ? null : await getEditableResearcher(id);
  if (id === null || !researcher) return problem(404, "Not found", "There is no such researcher.");
  const deps = await photoDeps();
  await removeResearcherPhoto(deps.sql, id, user.id);
  invalidateResearcher(researcher.slug);
  return new Response(null, { status: 204 });
});
