// The download route's real parts: this site's database, storage, clock and URL, handed to
// serveFile (which tests call with their own).
import { getPrisma } from "../db";
import { siteUrl } from "../env";
import { getStorage } from "../storage";
import { findFileForDownload } from "./lookup";
import { serveFile, type FileRouteParams } from "./serve";
import { siteChecksumCache } from "./verify";

export function serveSiteFile(request: Request, params: FileRouteParams): Promise<Response> {
  return serveFile(request, params, {
    // Connecting inside the lookup lets a database outage answer with the readable 500 page.
    findFile: async (id) => findFileForDownload(await getPrisma(), id),
    storage: getStorage(),
    now: new Date(),
    siteUrl: siteUrl(),
    // Sign-in comes later; until then every download is anonymous.
    session: null,
    checksums: siteChecksumCache(),
  });
}
