// Whether the public may download a file now: open files, and embargoed files whose date has
// passed — unless the whole item is still under embargo.
export type AccessFields = { access: string; embargoUntil: Date | null };

export function isFileOpen(file: AccessFields, itemEmbargo: Date | null | undefined, now: Date): boolean {
  if (itemEmbargo && itemEmbargo > now) return false;
  if (file.access === "OPEN") return true;
  return file.access === "EMBARGOED" && file.embargoUntil !== null && file.embargoUntil <= now;
}

/** The next moment at which some file of the item changes from closed to open, if any. */
export function nextAccessChange(files: AccessFields[], itemEmbargo: Date | null | undefined, now: Date): Date | undefined {
  const dates = [itemEmbargo, ...files.filter((f) => f.access === "EMBARGOED").map((f) => f.embargoUntil)].filter(
    (d): d is Date => d instanceof Date && d > now,
  );
  return dates.length ? new Date(Math.min(...dates.map((d) => d.getTime()))) : undefined;
}
