// Step 2 of an import, the dry run: decides per record whether it would be created, update an
// existing item, be skipped as a duplicate (same DOI, same handle, or same normalised title and
// year) or be rejected (and why), and matches its contributors to researchers (ORCID first, then
// names and their variants). Reads the database, never writes it.
import type { Sql } from "../db/connection";
import { initialsKey, nameKey, titleKey } from "./normalise";
import { validateRecord, type ParsedRecord, type TImportRecord } from "./record";
import type { ParseResult } from "./parse";

export class ImportOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportOptionsError";
  }
}

export type PlanAction = "create" | "update" | "duplicate" | "reject";

export type ResearcherRef = { id: number; slug: string; displayName: string };

export type ContributorMatch = {
  name: string;
  role: string;
  orcid: string | null;
  affiliation: string | null;
  researcher: ResearcherRef | null;
  /** How the researcher was found: by ORCID, by a form of the name, by family name and initials. */
  basis: "orcid" | "name" | "initials" | "ambiguous" | "conflict" | "none";
  /** The name form that matched, the candidates of an ambiguous name, or why a match was refused. */
  detail?: string;
  /** The researcher a curator unticked in the workspace: the contributor is imported unlinked. */
  unlinked?: ResearcherRef;
};

export type DuplicateOf = { basis: "doi" | "handle" | "title+year"; handle?: string; itemId?: number; position?: number };

export type PlanEntry = {
  position: number;
  locator: string;
  sourceId?: string;
  action: PlanAction;
  reasons: string[];
  warnings: string[];
  title?: string;
  year?: number | null;
  doi?: string | null;
  duplicateOf?: DuplicateOf;
  /** For "update": the empty fields of the existing item that the record fills. */
  updateFields?: string[];
  record?: TImportRecord;
  contributors: ContributorMatch[];
};

export type PlanOptions = {
  /** Slug of the collection the new items are filed in. */
  collection: string;
  /** What to do with a record whose item exists: skip it (default), or fill the item's empty fields. */
  onDuplicate?: "skip" | "update";
};

export type ImportPlan = {
  format: string;
  source: string;
  encoding?: string;
  collection: { id: number; slug: string; name: string; unitId: number };
  onDuplicate: "skip" | "update";
  notes: string[];
  entries: PlanEntry[];
  counts: Record<PlanAction, number> & { total: number; contributorsMatched: number };
};

type ExistingItem = { id: number; handle: string; uri: string | null; doi: string | null; title: string; issue_year: number | null };

/** Fields an update may fill when the existing item has none; never overwrites a value. */
const FILLABLE: { field: keyof TImportRecord; column: string }[] = [
  { field: "alternativeTitle", column: "alternative_title" },
  { field: "publisher", column: "publisher" },
  { field: "journalTitle", column: "journal_title" },
  { field: "bookTitle", column: "book_title" },
  { field: "conferenceName", column: "conference_name" },
  { field: "volume", column: "volume" },
  { field: "number", column: "number" },
  { field: "startPage", column: "start_page" },
  { field: "endPage", column: "end_page" },
  { field: "issn", column: "issn" },
  { field: "eissn", column: "eissn" },
  { field: "isbn", column: "isbn" },
  { field: "doi", column: "doi" },
  { field: "abstract", column: "abstract" },
  { field: "language", column: "language" },
  { field: "license", column: "license" },
];
export const FILLABLE_COLUMNS = Object.fromEntries(FILLABLE.map((f) => [f.field, f.column])) as Record<string, string>;

export async function planImport(sql: Sql, parsed: ParseResult, options: PlanOptions): Promise<ImportPlan> {
  const [collection] = await sql.query<{ id: number; slug: string; name: string; unit_id: number }>(
    `SELECT id, slug, name, unit_id FROM collection WHERE slug = $1`,
    [options.collection],
  );
  if (!collection) {
    const some = await sql.query<{ slug: string }>(`SELECT slug FROM collection ORDER BY slug LIMIT 5`);
    throw new ImportOptionsError(
      `There is no collection "${options.collection}".${some.length ? ` Collections include: ${some.map((c) => c.slug).join(", ")}.` : ""}`,
    );
  }
  const onDuplicate = options.onDuplicate ?? "skip";
  const existing = await loadExistingIndex(sql);
  const matcher = await loadResearcherMatcher(sql);
  const seen = { doi: new Map<string, number>(), handle: new Map<string, number>(), title: new Map<string, number>() };
  const updateTargets = new Map<number, PlanEntry>();

  const entries: PlanEntry[] = parsed.records.map((parsedRecord) => planRecord(parsedRecord));
  if (updateTargets.size) await decideUpdates(sql, updateTargets);

  const counts = { create: 0, update: 0, duplicate: 0, reject: 0, total: entries.length, contributorsMatched: 0 };
  for (const e of entries) {
    counts[e.action]++;
    if (e.action === "create" || e.action === "update") counts.contributorsMatched += e.contributors.filter((c) => c.researcher).length;
  }
  return {
    format: parsed.format,
    source: parsed.source,
    encoding: parsed.encoding,
    collection: { id: collection.id, slug: collection.slug, name: collection.name, unitId: collection.unit_id },
    onDuplicate,
    notes: parsed.notes,
    entries,
    counts,
  };

  function planRecord(p: ParsedRecord): PlanEntry {
    const base = { position: p.position, locator: p.locator, sourceId: p.sourceId, warnings: [...p.warnings], contributors: [] as ContributorMatch[] };
    if (p.deleted) return { ...base, action: "reject", reasons: ["deleted in the source repository (OAI-PMH deleted record)"] };
    const v = validateRecord(p);
    const title = typeof p.data.title === "string" ? p.data.title : undefined;
    if (!v.ok) return { ...base, action: "reject", reasons: v.reasons, title };
    const record = v.record;
    const entry: PlanEntry = {
      ...base,
      action: "create",
      reasons: [],
      title: record.title,
      year: record.year ?? null,
      doi: record.doi,
      record,
      contributors: record.contributors.map((c) => matcher.match(c)),
    };
    const tKey = record.year ? `${titleKey(record.title)}|${record.year}` : null;
    const dup: DuplicateOf | undefined =
      (record.doi && existing.byDoi.get(record.doi) && { basis: "doi", ...ref(existing.byDoi.get(record.doi)!) }) ||
      (record.handle && existing.byHandle.get(record.handle) && { basis: "handle", ...ref(existing.byHandle.get(record.handle)!) }) ||
      (tKey && existing.byTitle.get(tKey) && { basis: "title+year", ...ref(existing.byTitle.get(tKey)!) }) ||
      undefined;
    if (dup) {
      entry.duplicateOf = dup;
      if (onDuplicate === "update" && dup.itemId !== undefined && !updateTargets.has(dup.itemId)) {
        entry.action = "update";
        updateTargets.set(dup.itemId, entry);
      } else {
        entry.action = "duplicate";
        entry.reasons.push(`same ${dup.basis === "title+year" ? "title and year" : dup.basis.toUpperCase()} as ${dup.handle}`);
      }
      return entry;
    }
    const inFile =
      (record.doi && seen.doi.get(record.doi) && ({ basis: "doi", position: seen.doi.get(record.doi) } as const)) ||
      (record.handle && seen.handle.get(record.handle) && ({ basis: "handle", position: seen.handle.get(record.handle) } as const)) ||
      (tKey && seen.title.get(tKey) && ({ basis: "title+year", position: seen.title.get(tKey) } as const)) ||
      undefined;
    if (inFile) {
      entry.action = "duplicate";
      entry.duplicateOf = inFile;
      entry.reasons.push(`same ${inFile.basis === "title+year" ? "title and year" : inFile.basis.toUpperCase()} as record ${inFile.position} of this import`);
      return entry;
    }
    if (record.doi) seen.doi.set(record.doi, p.position);
    if (record.handle) seen.handle.set(record.handle, p.position);
    if (tKey) seen.title.set(tKey, p.position);
    return entry;
  }
}

function ref(item: ExistingItem) {
  return { handle: item.handle, itemId: item.id };
}

async function loadExistingIndex(sql: Sql) {
  const rows = await sql.query<ExistingItem>(`SELECT id, handle, uri, doi, title, issue_year FROM item`);
  const byDoi = new Map<string, ExistingItem>();
  const byHandle = new Map<string, ExistingItem>();
  const byTitle = new Map<string, ExistingItem>();
  for (const r of rows) {
    if (r.doi) byDoi.set(r.doi.toLowerCase(), r);
    byHandle.set(r.handle, r);
    const fromUri = r.uri && /(?:hdl\.handle\.net\/|\/handle\/)(\d[\w.]*\/[\w.-]+)/.exec(r.uri)?.[1];
    if (fromUri) byHandle.set(fromUri, r);
    if (r.issue_year) byTitle.set(`${titleKey(r.title)}|${r.issue_year}`, r);
  }
  return { byDoi, byHandle, byTitle };
}

/** For "update" entries: which of the item's empty fields the record fills; none → a duplicate. */
async function decideUpdates(sql: Sql, targets: Map<number, PlanEntry>) {
  const rows = await sql.query<Record<string, unknown> & { id: number }>(
    `SELECT id, ${FILLABLE.map((f) => f.column).join(", ")}, keywords, funding FROM item WHERE id = ANY($1::int[])`,
    [[...targets.keys()]],
  );
  for (const row of rows) {
    const entry = targets.get(row.id)!;
    const record = entry.record!;
    const fields = FILLABLE.filter((f) => (row[f.column] == null || row[f.column] === "") && record[f.field] != null && record[f.field] !== "").map((f) => f.field as string);
    if ((row.keywords as string[]).length === 0 && record.keywords.length) fields.push("keywords");
    if (row.funding == null && record.funding.length) fields.push("funding");
    if (fields.length) entry.updateFields = fields;
    else {
      entry.action = "duplicate";
      entry.reasons.push(`same ${entry.duplicateOf!.basis === "title+year" ? "title and year" : entry.duplicateOf!.basis.toUpperCase()} as ${entry.duplicateOf!.handle}; it has every field this record has`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Researchers

type ResearcherRow = {
  id: number;
  slug: string;
  display_name: string;
  family_name: string | null;
  given_name: string | null;
  orcid: string | null;
  name_variants: string[];
};

/**
 * Matches contributors to researchers: by ORCID; else by a form of the name (the display name or
 * any name variant — Hangul, romanised, initials — compared without case, punctuation or word
 * order); else by family name and initials. A name that fits several researchers is not linked.
 */
export async function loadResearcherMatcher(sql: Sql) {
  const rows = await sql.query<ResearcherRow>(`SELECT id, slug, display_name, family_name, given_name, orcid, name_variants FROM researcher`);
  const byOrcid = new Map<string, ResearcherRow>();
  const byName = new Map<string, Map<number, string>>();
  const byInitials = new Map<string, Map<number, string>>();
  const add = (map: Map<string, Map<number, string>>, key: string, r: ResearcherRow, form: string) => {
    if (!key) return;
    if (!map.has(key)) map.set(key, new Map());
    if (!map.get(key)!.has(r.id)) map.get(key)!.set(r.id, form);
  };
  for (const r of rows) {
    if (r.orcid) byOrcid.set(r.orcid.toUpperCase(), r);
    for (const form of [r.display_name, ...r.name_variants]) {
      add(byName, nameKey(form), r, form);
      if (/[\uac00-\ud7a3]/.test(form)) add(byName, form.replace(/[\s,]+/g, ""), r, form);
      const split = splitName(form);
      if (split) add(byInitials, initialsKey(split.family, split.given), r, form);
    }
    if (r.family_name && r.given_name) add(byInitials, initialsKey(r.family_name, r.given_name), r, r.display_name);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const refOf = (r: ResearcherRow): ResearcherRef => ({ id: r.id, slug: r.slug, displayName: r.display_name });

  function match(c: { name: string; role: string; orcid: string | null; affiliation: string | null }): ContributorMatch {
    const base = { name: c.name, role: c.role, orcid: c.orcid, affiliation: c.affiliation };
    if (c.orcid) {
      const r = byOrcid.get(c.orcid);
      if (r) return { ...base, researcher: refOf(r), basis: "orcid", detail: c.orcid };
    }
    const pick = (candidates: Map<number, string> | undefined, basis: "name" | "initials"): ContributorMatch | null => {
      if (!candidates || candidates.size === 0) return null;
      if (candidates.size > 1) {
        return { ...base, researcher: null, basis: "ambiguous", detail: [...candidates.keys()].map((id) => byId.get(id)!.display_name).join(" / ") };
      }
      const [[id, form]] = [...candidates];
      const r = byId.get(id)!;
      if (c.orcid && r.orcid && r.orcid.toUpperCase() !== c.orcid) {
        return { ...base, researcher: null, basis: "conflict", detail: `the name matches ${r.display_name}, whose ORCID is ${r.orcid}` };
      }
      return { ...base, researcher: refOf(r), basis, detail: form };
    };
    const compact = /[\uac00-\ud7a3]/.test(c.name) ? c.name.replace(/[\s,]+/g, "") : "";
    const byForm = pick(byName.get(nameKey(c.name)) ?? (compact ? byName.get(compact) : undefined), "name");
    if (byForm) return byForm;
    const split = splitName(c.name);
    const byInit = split ? pick(byInitials.get(initialsKey(split.family, split.given)), "initials") : null;
    if (byInit) return byInit;
    return { ...base, researcher: null, basis: "none" };
  }
  return { match, size: rows.length };
}

/** "Family, Given" (or "Given Family" for Latin names) as parts; null for one-word or Hangul names. */
function splitName(name: string): { family: string; given: string } | null {
  const comma = name.indexOf(",");
  if (comma > 0) {
    const family = name.slice(0, comma).trim();
    const given = name.slice(comma + 1).trim();
    return family && given ? { family, given } : null;
  }
  if (/[\uac00-\ud7a3]/.test(name)) return null;
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return null;
  return { family: words[words.length - 1], given: words.slice(0, -1).join(" ") };
}
