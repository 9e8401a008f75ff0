// The download route's real parts: this site's database, storage, clock and URL, handed to
// serveFile (which tests call with their own).
import { getPrisma } from "../db";
import { siteUrl } from "../env";
import { getStorage } from "../storage";
import { isCountedDownload } from "../stats/counter-rules";
import { recordUsage } from "../stats/record";
import { findFileForDownload, type DownloadableFile } from "./lookup";
import { serveFile, type FileRouteParams } from "./serve";
import { siteChecksumCache } from "./verify";

export async function serveSiteFile(request: Request, params: FileRouteParams): Promise<Response> {
  let found: DownloadableFile | null = null;
  const response = await serveFile(request, params, {
    // Connecting inside the lookup lets a database outage answer with the readable 500 page.
    findFile: async (id) => (found = await findFileForDownload(await getPrisma(), id)),
    storage: getStorage(),
    now: new Date(),
    siteUrl: siteUrl(),
    // Sign-in comes later; until then every download is anonymous.
    session: null,
    checksums: siteChecksumCache(),
  });
  // A download counts when its bytes go out: 200, or the first range of a ranged download. It is
  // durable before the response starts; if it cannot be stored the file is still served (the
  // reader came for the file) and the failure is logged.
  const file = found as DownloadableFile | null;
  if (file && isCountedDownload(request.method, response.status, response.headers.get("content-range"))) {
    await recordUsage(request, { kind: "FILE_DOWNLOAD", itemId: file.item.id, fileId: file.id }, request.headers.get("referer")).catch((error: unknown) => {
      console.error(`[stats] download of file ${file.id} not counted: ${(error as Error).message}`);
    });
  }
  return response;
}
