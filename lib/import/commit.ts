// Step 3 of an import, the real run: writes a plan's "create" and "update" entries in batches, each
// batch one transaction (items with handles from the handle sequence, contributors linked to the
// matched researchers, filled-in fields of updated items, one audit entry). A batch that fails is
// rolled back whole and reported; the batches before it stay.
import type { Sql } from "../db/connection";
import { insertRows, type Column } from "../seed/bulk";
import { FILLABLE_COLUMNS, type ImportPlan, type PlanEntry } from "./plan";
import { issueDateOf, type TImportRecord } from "./record";

export type CommitOptions = {
  /** Status of the new items: DRAFT (default) for a curator to review, or PUBLISHED at once. */
  status?: "DRAFT" | "PUBLISHED";
  batchSize?: number;
  /** The signed-in user running the import; null for the command line. */
  userId?: number | null;
  /** Who ran it, for the audit entry when there is no user ("cli:alice@host"). */
  actor?: string;
  onBatch?: (batch: BatchResult) => void;
};

export type BatchResult = {
  number: number;
  /** Positions (in the file) of the records in this batch. */
  positions: number[];
  ok: boolean;
  created: number;
  updated: number;
  /** Records found to be duplicates while writing (another import created them meanwhile). */
  skipped: number;
  error?: string;
  auditEntryId?: string;
};

export type CommitResult = {
  batches: BatchResult[];
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  /** Handle given to each created record, and the item an update changed, by position. */
  handles: Map<number, string>;
  /** Positions of records in batches that were rolled back, with the reason. */
  failures: Map<number, string>;
  seconds: number;
};

export class ImportCommitError extends Error {}

type NewItemRow = { position: number; handle: string; record: TImportRecord };

const ITEM_COLUMNS: Column<NewItemRow & { status: string; collectionId: number; userId: number | null; now: Date }>[] = [
  { name: "handle", type: "text", value: (r) => r.handle },
  { name: "uri", type: "text", value: (r) => r.record.uri ?? (r.record.handle ? `https://hdl.handle.net/${r.record.handle}` : null) },
  { name: "type", type: { enum: "item_type" }, value: (r) => r.record.type },
  { name: "status", type: { enum: "item_status" }, value: (r) => r.status },
  { name: "title", type: "text", value: (r) => r.record.title },
  { name: "alternative_title", type: "text", value: (r) => r.record.alternativeTitle },
  { name: "alternative_title_lang", type: "text", value: (r) => r.record.alternativeTitleLang },
  { name: "issue_date", type: "text", value: (r) => issueDateOf(r.record) },
  { name: "issue_year", type: "int", value: (r) => r.record.year ?? null },
  { name: "publisher", type: "text", value: (r) => r.record.publisher },
  { name: "journal_title", type: "text", value: (r) => r.record.journalTitle },
  { name: "book_title", type: "text", value: (r) => r.record.bookTitle },
  { name: "conference_name", type: "text", value: (r) => r.record.conferenceName },
  { name: "place_of_publication", type: "text", value: (r) => r.record.placeOfPublication },
  { name: "volume", type: "text", value: (r) => r.record.volume },
  { name: "number", type: "text", value: (r) => r.record.number },
  { name: "start_page", type: "text", value: (r) => r.record.startPage },
  { name: "end_page", type: "text", value: (r) => r.record.endPage },
  { name: "page_count", type: "int", value: (r) => r.record.pageCount ?? null },
  { name: "issn", type: "text", value: (r) => r.record.issn },
  { name: "eissn", type: "text", value: (r) => r.record.eissn },
  { name: "isbn", type: "text", value: (r) => r.record.isbn },
  { name: "doi", type: "text", value: (r) => r.record.doi },
  { name: "degree", type: "text", value: (r) => r.record.thesisDegree },
  { name: "report_number", type: "text", value: (r) => r.record.reportNumber },
  { name: "abstract", type: "text", value: (r) => r.record.abstract },
  { name: "keywords", type: "text[]", value: (r) => r.record.keywords },
  { name: "subjects", type: "text[]", value: (r) => r.record.subjects },
  { name: "language", type: "text", value: (r) => r.record.language },
  { name: "license", type: "text", value: (r) => r.record.license },
  { name: "funding", type: "jsonb", value: (r) => (r.record.funding.length ? r.record.funding : null) },
  { name: "published_at", type: "timestamptz", value: (r) => (r.status === "PUBLISHED" ? r.now : null) },
  { name: "collection_id", type: "int", value: (r) => r.collectionId },
  { name: "created_by_id", type: "int", value: (r) => r.userId },
  { name: "updated_by_id", type: "int", value: (r) => r.userId },
  { name: "created_at", type: "timestamptz", value: (r) => r.now },
  { name: "updated_at", type: "timestamptz", value: (r) => r.now },
];

type ContributorRow = { itemId: number; position: number; name: string; role: string; affiliation: string | null; orcid: string | null; researcherId: number | null };
const CONTRIBUTOR_COLUMNS: Column<ContributorRow>[] = [
  { name: "item_id", type: "int", value: (c) => c.itemId },
  { name: "position", type: "int", value: (c) => c.position },
  { name: "name", type: "text", value: (c) => c.name },
  { name: "role", type: { enum: "contributor_role" }, value: (c) => c.role },
  { name: "affiliation", type: "text", value: (c) => c.affiliation },
  { name: "orcid", type: "text", value: (c) => c.orcid },
  { name: "researcher_id", type: "int", value: (c) => c.researcherId },
];

/** The handle prefix new items get: the site setting, as the seed writes it. */
export async function getHandlePrefix(sql: Sql): Promise<string> {
  const [setting] = await sql.query<{ value: unknown }>(`SELECT value FROM site_setting WHERE key = 'handlePrefix'`);
  if (typeof setting?.value === "string" && setting.value) return setting.value;
  const sequences = await sql.query<{ prefix: string }>(`SELECT prefix FROM handle_sequence`);
  if (sequences.length === 1) return sequences[0].prefix;
  throw new ImportCommitError('No handle prefix is configured (site setting "handlePrefix"); set it before importing.');
}

/** Takes `count` consecutive numbers under the prefix; the row lock serialises concurrent imports. */
async function allocateHandles(tx: Sql, prefix: string, count: number): Promise<string[]> {
  await tx.query(`INSERT INTO handle_sequence (prefix, next_number) VALUES ($1, 1) ON CONFLICT (prefix) DO NOTHING`, [prefix]);
  const [row] = await tx.query<{ first: number }>(
    `UPDATE handle_sequence SET next_number = next_number + $2 WHERE prefix = $1 RETURNING next_number - $2 AS first`,
    [prefix, count],
  );
  return Array.from({ length: count }, (_, i) => `${prefix}/${Number(row.first) + i}`);
}

export async function commitImport(sql: Sql, plan: ImportPlan, options: CommitOptions = {}): Promise<CommitResult> {
  const started = performance.now();
  const status = options.status ?? "DRAFT";
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const userId = options.userId ?? null;
  const prefix = await getHandlePrefix(sql);
  const work = plan.entries.filter((e) => e.action === "create" || e.action === "update");
  const result: CommitResult = { batches: [], created: 0, updated: 0, skipped: 0, failed: 0, handles: new Map(), failures: new Map(), seconds: 0 };

  for (let start = 0, number = 1; start < work.length; start += batchSize, number++) {
    const batch = work.slice(start, start + batchSize);
    const outcome: BatchResult = { number, positions: batch.map((e) => e.position), ok: false, created: 0, updated: 0, skipped: 0 };
    const handles = new Map<number, string>();
    try {
      await sql.transaction(async (tx) => {
        // Batches of concurrent imports take turns, so that each sees the DOIs the others committed.
        await tx.query(`SELECT pg_advisory_xact_lock(hashtext('atrium:import'))`);
        const { creates, skipped } = await recheckDuplicates(tx, batch.filter((e) => e.action === "create"));
        outcome.skipped = skipped.length;
        const now = new Date();
        if (creates.length) {
          const assigned = await allocateHandles(tx, prefix, creates.length);
          const rows = creates.map((e, i) => ({ position: e.position, handle: assigned[i], record: e.record!, status, collectionId: plan.collection.id, userId, now }));
          await insertRows(tx, "item", ITEM_COLUMNS, rows);
          const ids = await tx.query<{ id: number; handle: string }>(`SELECT id, handle FROM item WHERE handle = ANY($1::text[])`, [assigned]);
          const idOf = new Map(ids.map((r) => [r.handle, r.id]));
          const contributors: ContributorRow[] = creates.flatMap((e, i) =>
            e.contributors.map((c, position) => ({
              itemId: idOf.get(assigned[i])!,
              position,
              name: c.name,
              role: c.role,
              affiliation: c.affiliation,
              orcid: c.orcid,
              researcherId: c.researcher?.id ?? null,
            })),
          );
          await insertRows(tx, "contributor", CONTRIBUTOR_COLUMNS, contributors);
          creates.forEach((e, i) => handles.set(e.position, assigned[i]));
          outcome.created = creates.length;
        }
        for (const e of batch.filter((x) => x.action === "update")) {
          await applyUpdate(tx, e, userId);
          handles.set(e.position, e.duplicateOf!.handle!);
          outcome.updated++;
        }
        const [audit] = await tx.query<{ id: string }>(
          `INSERT INTO audit_entry (user_id, action, entity_type, entity_id, changes, summary)
           VALUES ($1, 'import', 'collection', $2, $3::jsonb, $4) RETURNING id::text`,
          [
            userId,
            plan.collection.id,
            JSON.stringify({
              source: plan.source,
              format: plan.format,
              batch: number,
              actor: options.actor ?? (userId ? undefined : "cli"),
              status,
              created: creates.map((e) => ({ position: e.position, handle: handles.get(e.position) })),
              updated: batch.filter((x) => x.action === "update").map((e) => ({ position: e.position, handle: e.duplicateOf!.handle, fields: e.updateFields })),
              skipped: skipped.map((e) => e.position),
            }),
            `Import from ${plan.source} (${plan.format}), batch ${number}: ${outcome.created} created, ${outcome.updated} updated into ${plan.collection.slug}`,
          ],
        );
        outcome.auditEntryId = audit.id;
        for (const e of skipped) result.failures.set(e.position, "skipped: an item with the same DOI was created while the import ran");
      });
      outcome.ok = true;
      result.created += outcome.created;
      result.updated += outcome.updated;
      result.skipped += outcome.skipped;
      for (const [position, handle] of handles) result.handles.set(position, handle);
    } catch (err) {
      outcome.ok = false;
      outcome.created = 0;
      outcome.updated = 0;
      outcome.error = `batch ${number} rolled back: ${(err as Error).message.split("\n")[0]}`;
      result.failed += batch.length;
      for (const e of batch) result.failures.set(e.position, outcome.error);
    }
    result.batches.push(outcome);
    options.onBatch?.(outcome);
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/** Items with the plan's DOIs that appeared after the dry run (another import, a curator). */
async function recheckDuplicates(tx: Sql, creates: PlanEntry[]) {
  const dois = creates.map((e) => e.doi).filter((d): d is string => !!d);
  if (!dois.length) return { creates, skipped: [] as PlanEntry[] };
  const found = new Set((await tx.query<{ doi: string }>(`SELECT doi FROM item WHERE doi = ANY($1::text[])`, [dois])).map((r) => r.doi));
  return { creates: creates.filter((e) => !e.doi || !found.has(e.doi)), skipped: creates.filter((e) => e.doi && found.has(e.doi)) };
}

async function applyUpdate(tx: Sql, e: PlanEntry, userId: number | null) {
  const record = e.record!;
  const sets: string[] = [];
  const params: unknown[] = [e.duplicateOf!.itemId, userId];
  for (const field of e.updateFields ?? []) {
    if (field === "keywords") {
      params.push(JSON.stringify(record.keywords));
      sets.push(`keywords = CASE WHEN cardinality(keywords) = 0 THEN ARRAY(SELECT jsonb_array_elements_text($${params.length}::jsonb)) ELSE keywords END`);
    } else if (field === "funding") {
      params.push(JSON.stringify(record.funding));
      sets.push(`funding = coalesce(funding, $${params.length}::jsonb)`);
    } else {
      const column = FILLABLE_COLUMNS[field];
      params.push(record[field as keyof TImportRecord]);
      sets.push(`${column} = coalesce(nullif(${column}, ''), $${params.length}::text)`);
    }
  }
  if (!sets.length) return;
  await tx.query(`UPDATE item SET ${sets.join(", ")}, version = version + 1, updated_by_id = $2, updated_at = now() WHERE id = $1`, params);
}
