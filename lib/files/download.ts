// The download route's real parts: this site's database, storage, clock and URL, handed to
// serveFile (which tests call with their own).
import { getCurrentUser } from "../auth/guard";
import { canDownloadWithheldFile } from "../auth/permissions";
import { loadUnitPath } from "../auth/users";
import { getPrisma, getSql } from "../db";
import { siteUrl } from "../env";
import { getStorage } from "../storage";
import { isCountedDownload } from "../stats/counter-rules";
import { recordUsage } from "../stats/record";
import type { AccessDecision, DownloadSession } from "./access";
import { findFileForDownload, type DownloadableFile } from "./lookup";
import { serveFile, type FileRouteParams } from "./serve";
import { siteChecksumCache } from "./verify";

/** The signed-in user with whether they have rights on the file's item (curators of its unit, administrators). */
async function downloadSession(file: DownloadableFile): Promise<DownloadSession | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  const sql = await getSql();
  const [row] = await sql.query<{ unit_id: number }>(`SELECT c.unit_id FROM item i JOIN collection c ON c.id = i.collection_id WHERE i.id = $1`, [file.item.id]);
  const unitPath = row ? await loadUnitPath(sql, Number(row.unit_id)) : [];
  return { userId: user.id, role: user.role, mayManageItem: canDownloadWithheldFile(user, { unitPath }) };
}

/**
 * Whether a served download counts as public usage: the COUNTER rules (isCountedDownload) for a
 * file open to everyone. Staff reading a restricted or embargoed file are not public usage.
 */
export function countsAsPublicDownload(method: string, status: number, contentRange: string | null, access: AccessDecision | null): boolean {
  return access?.kind === "open" && isCountedDownload(method, status, contentRange);
}

export async function serveSiteFile(request: Request, params: FileRouteParams): Promise<Response> {
  let found: DownloadableFile | null = null;
  let access: AccessDecision | null = null;
  const response = await serveFile(request, params, {
    // Connecting inside the lookup lets a database outage answer with the readable 500 page.
    findFile: async (id) => (found = await findFileForDownload(await getPrisma(), id)),
    storage: getStorage(),
    now: new Date(),
    siteUrl: siteUrl(),
    session: null,
    resolveSession: downloadSession,
    onAccess: (decision) => (access = decision),
    checksums: siteChecksumCache(),
  });
  // A download counts when its bytes go out: 200, or the first range of a ranged download. It is
  // durable before the response starts; if it cannot be stored the file is still served (the
  // reader came for the file) and the failure is logged.
  const file = found as DownloadableFile | null;
  if (file && countsAsPublicDownload(request.method, response.status, response.headers.get("content-range"), access as AccessDecision | null)) {
    await recordUsage(request, { kind: "FILE_DOWNLOAD", itemId: file.item.id, fileId: file.id }, request.headers.get("referer")).catch((error: unknown) => {
      console.error(`[stats] download of file ${file.id} not counted: ${(error as Error).message}`);
    });
  }
  return response;
}
