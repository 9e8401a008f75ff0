// GET/HEAD /files/{fileId}/{fileName} – a file's bytes (ranges, conditional requests), or a page
// saying why not. The decision lives in lib/files/serve.ts; this file supplies the real parts.
import { connection } from "next/server";
import { getPrisma } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { findFileForDownload } from "@/lib/files/lookup";
import { serveFile, type FileRouteParams } from "@/lib/files/serve";
import { getStorage } from "@/lib/storage";

type Context = { params: Promise<FileRouteParams> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  await connection();
  return serveFile(request, await params, {
    // Connecting inside the lookup lets a database outage answer with the readable 500 page.
    findFile: async (id) => findFileForDownload(await getPrisma(), id),
    storage: getStorage(),
    now: new Date(),
    siteUrl: siteUrl(),
    // Sign-in comes later; until then every download is anonymous.
    session: null,
  });
}

export const GET = handle;
export const HEAD = handle;
