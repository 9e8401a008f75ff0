// Who may download a file, and when. One decision for the download route, and later for the item
// page, the API and OAI-PMH, so that they never disagree about whether a file is open.
import type { FileAccess, Role } from "../generated/prisma/enums";

/**
 * The signed-in person, as far as file access needs to know: `mayManageItem` when they have rights
 * on the file's item (lib/auth/permissions canDownloadWithheldFile). Anonymous downloads pass null.
 */
export type DownloadSession = { userId: number; role: Role; mayManageItem: boolean };

export type FileAccessFields = {
  access: FileAccess;
  /** For EMBARGOED files: the first day the file is open (a date at 00:00 UTC). */
  embargoUntil: Date | null;
};

export type ItemEmbargoFields = {
  /** Closes every file of the item until this day, whatever the file's own access says. */
  embargoUntil: Date | null;
};

export type AccessDecision =
  | { kind: "open" }
  /** Served to this session only (a restricted file read by staff): never cached publicly. */
  | { kind: "private" }
  /** `until` is the first day the file opens; null when an embargoed file has no date yet. */
  | { kind: "embargoed"; until: Date | null }
  | { kind: "restricted" };

/**
 * Whether this session may read a file withheld from the public (RESTRICTED, or under embargo):
 * those with rights on the item — curators of its unit and administrators — so that they can check
 * what they manage. Everyone else, signed in or not, is refused.
 */
export function canReadRestrictedFile(session: DownloadSession | null, file: FileAccessFields): boolean {
  void file;
  return session !== null && session.mayManageItem;
}

const inFuture = (date: Date | null, now: Date): date is Date => date !== null && date.getTime() > now.getTime();

/**
 * Decides access for one file. A RESTRICTED file stays closed (even once an embargo is over)
 * unless the session may read it; otherwise the later of the file's and the item's embargo dates
 * keeps it closed until that day. An embargo day that has come means open. An EMBARGOED file
 * with no date stays closed: "embargoed" without an end is what the curator recorded.
 */
export function decideFileAccess(
  file: FileAccessFields,
  item: ItemEmbargoFields,
  now: Date,
  session: DownloadSession | null,
): AccessDecision {
  if (file.access === "RESTRICTED" && !canReadRestrictedFile(session, file)) return { kind: "restricted" };
  // Staff with rights on the item read embargoed files too, privately (never cached, never counted).
  if (file.access !== "OPEN" && canReadRestrictedFile(session, file)) return { kind: "private" };
  if (inFuture(item.embargoUntil, now) && canReadRestrictedFile(session, file)) return { kind: "private" };

  const embargoes: Date[] = [];
  if (file.access === "EMBARGOED") {
    if (file.embargoUntil === null) return { kind: "embargoed", until: null };
    if (inFuture(file.embargoUntil, now)) embargoes.push(file.embargoUntil);
  }
  if (inFuture(item.embargoUntil, now)) embargoes.push(item.embargoUntil);
  if (embargoes.length > 0) {
    const until = embargoes.reduce((a, b) => (a.getTime() >= b.getTime() ? a : b));
    return { kind: "embargoed", until };
  }
  return file.access === "RESTRICTED" ? { kind: "private" } : { kind: "open" };
}

/** "2027-03-01": embargo dates are calendar days, stored at 00:00 UTC. */
export function formatEmbargoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The next moment at which some file of the item changes from closed to open, if any. */
export function nextAccessChange(files: FileAccessFields[], item: ItemEmbargoFields, now: Date): Date | undefined {
  const dates = [item.embargoUntil, ...files.filter((f) => f.access === "EMBARGOED").map((f) => f.embargoUntil)].filter(
    (d): d is Date => inFuture(d, now),
  );
  return dates.length ? new Date(Math.min(...dates.map((d) => d.getTime()))) : undefined;
}
