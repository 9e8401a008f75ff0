// GET/HEAD /files/{fileId}/{fileName} – a file's bytes (ranges, conditional requests), or a page
// saying why not. The decision lives in lib/files/serve.ts.
import { connection } from "next/server";
import { serveSiteFile } from "@/lib/files/download";
import type { FileRouteParams } from "@/lib/files/serve";

async function handle(request: Request, { params }: { params: Promise<FileRouteParams> }): Promise<Response> {
  await connection();
  return serveSiteFile(request, await params);
}

export const GET = handle;
export const HEAD = handle;
